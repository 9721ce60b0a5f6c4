// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
// libFuzzer entry point for SDP offer/answer: any body, as an offer or as an answer, must give a clean
// result or a plain error, and an answer Offhook builds must itself parse and agree with the offer.
#include "sipcore/SdpNegotiation.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void fail(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "SdpNegotiation: %s\n%s\n", what, detail.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray remote(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const Sip::Sdp::ParseResult parsed = Sip::Sdp::parse(remote);
    if (!parsed.ok() && parsed.error.isEmpty())
        fail("parse failed without a message", remote);

    Sip::LocalMedia local;
    local.rtpPort = 40000;
    const QByteArray offer = Sip::Sdp::buildTemplate(local, QStringLiteral("127.0.0.1"), 1, 1);
    const Sip::Sdp::Outcome asAnswer = Sip::Sdp::negotiate(offer, remote, true);
    if (asAnswer.ok() != asAnswer.media.isValid())
        fail("negotiate(answer) ok but media invalid, or the reverse", remote);

    QString error;
    int status = 0;
    const QByteArray answer = Sip::Sdp::buildAnswer(remote, local, QStringLiteral("127.0.0.1"), 2, 1, &error, &status);
    const Sip::Sdp::Outcome check = Sip::Sdp::checkOffer(remote);
    if (answer.isEmpty() != !check.ok())
        fail("buildAnswer and checkOffer disagree", remote);
    if (answer.isEmpty()) {
        if (error.isEmpty() || (status != 400 && status != 488))
            fail("refused offer without a message or a fitting status", remote);
        return 0;
    }
    if (!Sip::Sdp::parse(answer).ok())
        fail("own answer does not parse", answer);
    const Sip::Sdp::Outcome outcome = Sip::Sdp::negotiate(answer, remote, false);
    const Sip::Sdp::Outcome mirrored = Sip::Sdp::negotiate(remote, answer, true);
    if (outcome.ok() && mirrored.ok() && outcome.media.codec != mirrored.media.codec)
        fail("the two sides would run different codecs", answer);
    return 0;
}
