// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/LineController.h"

#include "app/gui/AppSettings.h"
#include "app/gui/SecretStore.h"
#include "sipcore/SipAddress.h"
#include "sipcore/SipEngine.h"
#include "ui/lines/LineListModel.h"
#include "ui/main/MainWindow.h"

#include <QUuid>

namespace App {

LineController::LineController(Sip::SipEngine *engine, AppSettings *settings, SecretStore *keychain,
                               SecretStore *plainFile, Gui::MainWindow *window, QObject *parent)
    : QObject(parent), m_engine(engine), m_settings(settings), m_keychain(keychain), m_plainFile(plainFile),
      m_window(window)
{
    connect(m_window, &Gui::MainWindow::lineCreated, this, [this](const Sip::LineConfig &line) { addLine(line); });
    connect(m_window, &Gui::MainWindow::lineEdited, this, &LineController::updateLine);
    connect(m_window, &Gui::MainWindow::lineDeleteRequested, this, &LineController::deleteLine);
    connect(m_window, &Gui::MainWindow::lineRecreated, this, &LineController::recreateLine);
    connect(m_window, &Gui::MainWindow::lineEnabledChangeRequested, this, &LineController::setLineEnabled);
    connect(m_window, &Gui::MainWindow::registerNowRequested, this, &LineController::registerNow);
}

void LineController::begin()
{
    ++m_pending;
}

void LineController::end()
{
    if (--m_pending == 0)
        Q_EMIT secretsSettled();
}

void LineController::loadLines()
{
    if (!m_persist)
        return;
    for (const Sip::LineConfig &stored : m_settings->lines()) {
        m_window->setLine(stored);
        readPassword(stored.id, [this, stored](const QString &password, bool found) {
            Sip::LineConfig line = stored;
            line.password = password;
            m_window->setLine(line);
            if (!found) {
                Q_EMIT notice(tr("No stored password for %1: edit the line to enter it.")
                                  .arg(Sip::Address::displayAddress(line)));
            }
            m_engine->addLine(line);
        });
    }
}

QString LineController::addLine(Sip::LineConfig line)
{
    if (line.id.isEmpty())
        line.id = QUuid::createUuid().toString(QUuid::WithoutBraces).left(13);
    if (m_persist) {
        m_settings->saveLine(line);
        storePassword(line.id, line.password);
    }
    m_window->setLine(line);
    m_window->selectLine(line.id);
    m_engine->addLine(line);
    return line.id;
}

void LineController::updateLine(const Sip::LineConfig &line)
{
    const Sip::LineConfig previous = m_window->lineModel()->line(line.id);
    if (m_persist) {
        m_settings->saveLine(line);
        if (line.password != previous.password)
            storePassword(line.id, line.password);
    }
    m_window->setLine(line);
    // Only the line's audio output changed: that is the media's business, the line stays registered as it is.
    Sip::LineConfig signalling = line;
    signalling.audioOutputDevice = previous.audioOutputDevice;
    if (signalling != previous)
        m_engine->updateLine(line);
}

void LineController::deleteLine(const QString &lineId)
{
    m_engine->removeLine(lineId);
    if (m_persist)
        m_settings->removeLine(lineId);
    removePassword(lineId);
    m_window->removeLine(lineId);
}

void LineController::recreateLine(const QString &oldLineId, Sip::LineConfig line)
{
    deleteLine(oldLineId);
    line.id.clear();
    addLine(line);
}

void LineController::setLineEnabled(const QString &lineId, bool enabled)
{
    Sip::LineConfig line = m_window->lineModel()->line(lineId);
    if (line.id.isEmpty() || line.enabled == enabled)
        return;
    line.enabled = enabled;
    if (m_persist)
        m_settings->saveLine(line);
    m_window->setLine(line);
    if (enabled) {
        m_engine->updateLine(line);
        m_engine->registerLine(lineId);
    } else {
        m_engine->updateLine(line);
        m_engine->unregisterLine(lineId);
    }
}

void LineController::registerNow(const QString &lineId)
{
    m_engine->registerLine(lineId);
}

void LineController::storePassword(const QString &lineId, const QString &password)
{
    const QString key = SecretStore::keyForLine(lineId);
    if (m_sessionOnly)
        return;
    begin();
    m_keychain->write(key, password, [this, key, password](const SecretStore::Result &result) {
        if (result.ok()) {
            if (m_plainFile)
                m_plainFile->remove(key, {});
            end();
            return;
        }
        const QString reason = tr("The %1 could not store the password: %2").arg(m_keychain->name(), result.message);
        bool allowed = m_plainFile && m_settings->plainTextSecretsAllowed();
        if (m_plainFile && !allowed && m_askConsent) {
            allowed = m_askConsent(reason);
            if (allowed)
                m_settings->setPlainTextSecretsAllowed(true);
        }
        if (!allowed) {
            m_sessionOnly = true;
            Q_EMIT notice(tr("%1. Passwords are kept for this session only.").arg(reason));
            end();
            return;
        }
        m_plainFile->write(key, password, [this](const SecretStore::Result &written) {
            if (!written.ok())
                Q_EMIT notice(tr("The password could not be stored: %1").arg(written.message));
            end();
        });
    });
}

void LineController::removePassword(const QString &lineId)
{
    const QString key = SecretStore::keyForLine(lineId);
    begin();
    m_keychain->remove(key, [this, key](const SecretStore::Result &result) {
        if (!result.ok() && result.error != SecretStore::Error::NotFound && !m_plainFile)
            Q_EMIT notice(
                tr("The stored password could not be removed from the %1: %2").arg(m_keychain->name(), result.message));
        if (m_plainFile) {
            begin();
            m_plainFile->remove(key, [this](const SecretStore::Result &) { end(); });
        }
        end();
    });
}

void LineController::readPassword(const QString &lineId, std::function<void(const QString &, bool)> done)
{
    const QString key = SecretStore::keyForLine(lineId);
    begin();
    m_keychain->read(key, [this, key, done = std::move(done)](const SecretStore::Result &result) {
        if (result.ok() || !m_plainFile) {
            done(result.secret, result.ok());
            end();
            return;
        }
        m_plainFile->read(key, [this, done](const SecretStore::Result &fromFile) {
            done(fromFile.secret, fromFile.ok());
            end();
        });
    });
}

} // namespace App
