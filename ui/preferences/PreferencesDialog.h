// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "ui/preferences/Preferences.h"

#include <QDialog>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTimer;

namespace Audio {
class AudioDevice;
class InputLevelMeter;
} // namespace Audio

namespace Gui {

/// Application preferences: audio devices (microphone with a live level meter, call output, ringing
/// output) and TLS trust (an extra CA file). The device lists come from the AudioDevice given, which the
/// dialog also opens for the meter while it is shown (never during a call: the caller passes null then).
/// GUI thread.
class PreferencesDialog : public QDialog
{
    Q_OBJECT
public:
    PreferencesDialog(const Preferences &current, Audio::AudioDevice *device, QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    Preferences preferences() const;
    /// Last level shown, 0..100 (for tests and accessibility).
    int meterLevel() const;
    /// False during a call: the devices are still listed, but the meter does not open the microphone
    /// the call is using. Call before show().
    void setLevelMeterAvailable(bool available) { m_meterAvailable = available; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *audioPage(const Preferences &current);
    QWidget *securityPage(const Preferences &current);
    QWidget *networkPage(const Preferences &current);
    void fillDevices(QComboBox *combo, bool input, const QString &selected);
    void restartMeter();
    void stopMeter();
    void updateMeter();
    void validateCaFile();

    Audio::AudioDevice *m_device;
    std::unique_ptr<Audio::InputLevelMeter> m_meter;
    QComboBox *m_input = nullptr;
    QComboBox *m_output = nullptr;
    QComboBox *m_ringing = nullptr;
    QProgressBar *m_level = nullptr;
    QLabel *m_meterStatus = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_stunServer = nullptr;
    QLabel *m_caStatus = nullptr;
    QTimer *m_meterTimer = nullptr;
    float m_shownLevel = 0.0f;
    bool m_meterAvailable = true;
};

} // namespace Gui
