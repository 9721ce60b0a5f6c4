// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "ui/preferences/PreferencesDialog.h"

#include "audio/InputLevelMeter.h"
#include "audio/devices/AudioDevice.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSslCertificate>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace Gui {

PreferencesDialog::PreferencesDialog(const Preferences &current, Audio::AudioDevice *device, QWidget *parent)
    : QDialog(parent), m_device(device), m_meterTimer(new QTimer(this))
{
    setWindowTitle(tr("Offhook — Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(audioPage(current), tr("&Audio"));
    tabs->addTab(securityPage(current), tr("&Security"));
    tabs->addTab(networkPage(current), tr("&Network"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);
    m_meterTimer->setInterval(50);
    connect(m_meterTimer, &QTimer::timeout, this, &PreferencesDialog::updateMeter);
    validateCaFile();
}

PreferencesDialog::~PreferencesDialog()
{
    stopMeter();
}

QWidget *PreferencesDialog::audioPage(const Preferences &current)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_input = new QComboBox(page);
    m_input->setObjectName(QStringLiteral("inputDeviceCombo"));
    m_input->setAccessibleName(tr("Microphone"));
    fillDevices(m_input, true, current.inputDevice);
    m_output = new QComboBox(page);
    m_output->setObjectName(QStringLiteral("outputDeviceCombo"));
    m_output->setAccessibleName(tr("Speaker or headset"));
    fillDevices(m_output, false, current.outputDevice);
    m_ringing = new QComboBox(page);
    m_ringing->setObjectName(QStringLiteral("ringingDeviceCombo"));
    m_ringing->setAccessibleName(tr("Ringing device"));
    fillDevices(m_ringing, false, current.ringingDevice);
    m_ringing->setItemText(0, tr("Same as the speaker"));

    m_level = new QProgressBar(page);
    m_level->setObjectName(QStringLiteral("inputLevelMeter"));
    m_level->setAccessibleName(tr("Microphone level"));
    m_level->setRange(0, 100);
    m_level->setTextVisible(false);
    m_level->setMaximumHeight(12);
    m_meterStatus = new QLabel(page);
    m_meterStatus->setObjectName(QStringLiteral("meterStatus"));
    m_meterStatus->setWordWrap(true);
    auto *meter = new QVBoxLayout;
    meter->addWidget(m_level);
    meter->addWidget(m_meterStatus);

    form->addRow(tr("&Microphone:"), m_input);
    form->addRow(tr("Level:"), meter);
    form->addRow(tr("S&peaker / headset:"), m_output);
    form->addRow(tr("&Ringing on:"), m_ringing);
    auto *hint = new QLabel(tr("Speak: the bar moves when the microphone hears you. A new choice applies at once, "
                               "also to calls in progress. A device that is unplugged later falls back to the "
                               "system default, with a message."),
                            page);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(hint);
    connect(m_input, &QComboBox::currentIndexChanged, this, &PreferencesDialog::restartMeter);
    return page;
}

QWidget *PreferencesDialog::securityPage(const Preferences &current)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_caFile = new QLineEdit(current.caFile, page);
    m_caFile->setObjectName(QStringLiteral("caFileEdit"));
    m_caFile->setAccessibleName(tr("Extra certificate authorities file"));
    m_caFile->setPlaceholderText(tr("None: trust the system's authorities only"));
    m_caFile->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("&Browse…"), page);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Offhook — Certificate authorities"), m_caFile->text(),
                                         tr("PEM certificates (*.pem *.crt);;All files (*)"));
        if (!path.isEmpty())
            m_caFile->setText(QDir::toNativeSeparators(path));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_caFile, 1);
    row->addWidget(browse);
    m_caStatus = new QLabel(page);
    m_caStatus->setObjectName(QStringLiteral("caFileStatus"));
    m_caStatus->setWordWrap(true);
    auto *label = new QLabel(tr("Extra &CA file:"), page);
    label->setBuddy(m_caFile);
    form->addRow(label, row);
    form->addRow(QString(), m_caStatus);
    auto *hint = new QLabel(tr("Lines that use TLS check the server's certificate against the authorities this "
                               "computer trusts. If your PBX uses a certificate from its own authority, choose its "
                               "CA certificate here. Applies when Offhook next starts."),
                            page);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(hint);
    connect(m_caFile, &QLineEdit::textChanged, this, &PreferencesDialog::validateCaFile);
    return page;
}

QWidget *PreferencesDialog::networkPage(const Preferences &current)
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_stunServer = new QLineEdit(current.stunServer, page);
    m_stunServer->setObjectName(QStringLiteral("stunServerEdit"));
    m_stunServer->setAccessibleName(tr("STUN server"));
    m_stunServer->setPlaceholderText(tr("None, e.g. stun.example.net:3478"));
    m_stunServer->setClearButtonEnabled(true);
    form->addRow(tr("S&TUN server:"), m_stunServer);
    auto *hint = new QLabel(tr("Behind a NAT router the other side cannot send audio to this computer's private "
                               "address. With a STUN server Offhook asks, for each call, which public address and "
                               "port the router gives the call's audio, and puts that into the call's "
                               "description. Your provider may name one; leave it empty when the PBX relays "
                               "media. Applies to the next call."),
                            page);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(hint);
    return page;
}

void PreferencesDialog::fillDevices(QComboBox *combo, bool input, const QString &selected)
{
    combo->addItem(tr("System default"), QString());
    if (m_device) {
        const QList<Audio::AudioDeviceInfo> devices = input ? m_device->inputDevices() : m_device->outputDevices();
        for (const Audio::AudioDeviceInfo &info : devices) {
            const QString label =
                info.hostApi.isEmpty() ? info.name : QStringLiteral("%1 (%2)").arg(info.name, info.hostApi);
            combo->addItem(label, info.name);
        }
    }
    int index = combo->findData(selected);
    if (index < 0 && !selected.isEmpty()) {
        // Keep a saved device that is not plugged in now: choosing it again must not lose it.
        combo->addItem(tr("%1 (not connected)").arg(selected), selected);
        index = combo->count() - 1;
    }
    combo->setCurrentIndex(qMax(0, index));
}

Preferences PreferencesDialog::preferences() const
{
    Preferences result;
    result.inputDevice = m_input->currentData().toString();
    result.outputDevice = m_output->currentData().toString();
    result.ringingDevice = m_ringing->currentData().toString();
    result.caFile = QDir::fromNativeSeparators(m_caFile->text().trimmed());
    result.stunServer = m_stunServer->text().trimmed();
    return result;
}

int PreferencesDialog::meterLevel() const
{
    return m_level->value();
}

void PreferencesDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    restartMeter();
}

void PreferencesDialog::hideEvent(QHideEvent *event)
{
    stopMeter();
    QDialog::hideEvent(event);
}

void PreferencesDialog::restartMeter()
{
    stopMeter();
    if (!m_device || !m_meterAvailable || !isVisible()) {
        m_meterStatus->setText(m_device && m_meterAvailable ? QString() : tr("The level meter is off during a call."));
        return;
    }
    m_meter = std::make_unique<Audio::InputLevelMeter>();
    Audio::AudioStreamConfig config;
    config.inputDeviceName = m_input->currentData().toString();
    config.outputDeviceName = m_output->currentData().toString();
    if (!m_device->open(config, m_meter.get())) {
        m_meterStatus->setText(tr("The sound device could not be opened: %1").arg(m_device->errorString()));
        m_meter.reset();
        return;
    }
    m_meterStatus->setText(tr("Listening on %1").arg(m_device->activeInputDevice()));
    m_meterTimer->start();
}

void PreferencesDialog::stopMeter()
{
    m_meterTimer->stop();
    if (m_device && m_device->isOpen())
        m_device->close();
    m_meter.reset();
    m_shownLevel = 0.0f;
    if (m_level)
        m_level->setValue(0);
}

void PreferencesDialog::updateMeter()
{
    if (!m_meter)
        return;
    m_device->service();
    const float peak = m_meter->takePeak();
    // -60 dBFS .. 0 dBFS over the bar; a falling bar decays smoothly instead of flickering.
    const float level = peak > 0.001f ? float(std::clamp((20.0 * std::log10(peak) + 60.0) / 60.0, 0.0, 1.0)) : 0.0f;
    m_shownLevel = std::max(level, m_shownLevel * 0.8f);
    m_level->setValue(int(std::lround(m_shownLevel * 100.0f)));
}

void PreferencesDialog::validateCaFile()
{
    const QString path = m_caFile->text().trimmed();
    QPalette palette = m_caStatus->palette();
    palette.setColor(QPalette::WindowText, this->palette().color(QPalette::WindowText));
    if (path.isEmpty()) {
        m_caStatus->setText(QString());
        return;
    }
    QFile file(path);
    QString text;
    bool ok = false;
    if (!file.open(QIODevice::ReadOnly)) {
        text = tr("Cannot read this file: %1").arg(file.errorString());
    } else {
        const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.read(4 * 1024 * 1024), QSsl::Pem);
        if (certificates.isEmpty()) {
            text = tr("This file holds no PEM certificate.");
        } else {
            ok = true;
            QStringList names;
            for (const QSslCertificate &certificate : certificates.mid(0, 3))
                names << certificate.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
            text = tr("%n certificate(s): %1", nullptr, int(certificates.size())).arg(names.join(QStringLiteral("; ")));
        }
    }
    if (!ok)
        palette.setColor(QPalette::WindowText, QColor(0xc0, 0x39, 0x2b));
    m_caStatus->setPalette(palette);
    m_caStatus->setText(text);
}

} // namespace Gui
