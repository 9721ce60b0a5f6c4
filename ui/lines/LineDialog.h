// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#pragma once

#include "sipcore/LineConfig.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Gui {

/// Edits every field of a line, checking as the user types. Accepting hands back the edited line
/// (same id); the owner stores it and re-registers. "Start over" asks for the wizard instead. GUI thread.
class LineDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LineDialog(const Sip::LineConfig &line, QWidget *parent = nullptr);

    Sip::LineConfig line() const;
    /// The output devices the line can be routed to (names as the audio backend lists them). The line's
    /// current choice stays selectable, marked as not connected, when it is not among them.
    void setAudioOutputDevices(const QStringList &names);
    /// Adds a section below the line's settings (e.g. its registered devices), owned by the dialog.
    void addSection(QWidget *section);
    /// Problems with the fields as typed, empty when the line can be saved.
    QStringList problems() const;

Q_SIGNALS:
    void startOverRequested();

private:
    void validate();

    Sip::LineConfig m_original;
    QLineEdit *m_displayName;
    QLineEdit *m_extension;
    QLineEdit *m_server;
    QLineEdit *m_authUser;
    QLineEdit *m_password;
    QComboBox *m_transport;
    QSpinBox *m_port;
    QLineEdit *m_outboundProxy;
    QSpinBox *m_expires;
    QSpinBox *m_keepalive;
    QCheckBox *m_enabled;
    QComboBox *m_audioOutput;
    QLabel *m_address;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
};

} // namespace Gui
