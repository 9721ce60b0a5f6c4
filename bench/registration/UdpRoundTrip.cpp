// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// The floor under any SIP exchange here: the UDP round trip on loopback between two threads.
// A digest registration is two round trips (REGISTER/401, REGISTER/200) plus the registrar's work.
// Usage: offhook-bench-udp-rtt [ROUNDS]   (Linux/POSIX sockets; prints median and p90 in microseconds)

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

int boundSocket(sockaddr_in *address)
{
    const int fd = socket(AF_INET, SOCK_DGRAM, 0);
    address->sin_family = AF_INET;
    address->sin_port = 0;
    address->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr *>(address), sizeof *address) != 0)
        std::perror("bind");
    socklen_t length = sizeof *address;
    getsockname(fd, reinterpret_cast<sockaddr *>(address), &length);
    return fd;
}

} // namespace

int main(int argc, char **argv)
{
    const int rounds = argc > 1 ? std::max(10, std::atoi(argv[1])) : 2000;
    sockaddr_in echoAddress{}, clientAddress{};
    const int echoFd = boundSocket(&echoAddress);
    const int clientFd = boundSocket(&clientAddress);
    std::thread echo([echoFd, rounds] {
        char buffer[1500];
        for (int i = 0; i < rounds; ++i) {
            sockaddr_in from{};
            socklen_t length = sizeof from;
            const ssize_t n = recvfrom(echoFd, buffer, sizeof buffer, 0, reinterpret_cast<sockaddr *>(&from), &length);
            if (n > 0)
                sendto(echoFd, buffer, size_t(n), 0, reinterpret_cast<sockaddr *>(&from), length);
        }
    });
    // A REGISTER-sized datagram.
    std::vector<char> payload(520, 'R');
    std::vector<double> microseconds;
    microseconds.reserve(size_t(rounds));
    char buffer[1500];
    for (int i = 0; i < rounds; ++i) {
        const auto start = std::chrono::steady_clock::now();
        sendto(clientFd, payload.data(), payload.size(), 0, reinterpret_cast<sockaddr *>(&echoAddress),
               sizeof echoAddress);
        recv(clientFd, buffer, sizeof buffer, 0);
        microseconds.push_back(
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count());
    }
    echo.join();
    close(echoFd);
    close(clientFd);
    std::sort(microseconds.begin(), microseconds.end());
    std::printf("udp loopback round trip (520 bytes, %d rounds): median %.1f us, p90 %.1f us\n", rounds,
                microseconds[microseconds.size() / 2], microseconds[microseconds.size() * 9 / 10]);
    return 0;
}
