// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "app/gui/AppSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QTemporaryDir>

#include <algorithm>

namespace App {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("App::AppSettings", text);
}
QString configDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/offhook");
}
} // namespace

AppSettings::AppSettings(const QString &filePath) : m_filePath(filePath)
{
    open();
}

AppSettings::~AppSettings()
{
    if (m_settings && m_writable)
        m_settings->sync();
}

QString AppSettings::defaultFilePath()
{
    return configDirectory() + QStringLiteral("/offhook.ini");
}

QString AppSettings::demoFilePath()
{
    return configDirectory() + QStringLiteral("/demo.ini");
}

QString AppSettings::checkFile() const
{
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    if (bytes.trimmed().isEmpty())
        return {};
    if (bytes.contains('\0'))
        return tr("it contains binary data");
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return tr("it is not valid UTF-8 text");
    QSettings probe(m_filePath, QSettings::IniFormat);
    if (probe.status() == QSettings::FormatError)
        return tr("it is not a valid settings file");
    bool ok = false;
    probe.value(QStringLiteral("version")).toInt(&ok);
    if (!ok)
        return tr("its \"version\" entry is missing or not a number");
    Q_UNUSED(text);
    return {};
}

void AppSettings::useScratchCopy(bool copyFile)
{
    // Work on a throw-away copy so nothing touches the file we could not use.
    m_scratch = std::make_unique<QTemporaryDir>();
    const QString scratchPath = m_scratch->filePath(QStringLiteral("offhook.ini"));
    m_settings.reset();
    if (copyFile)
        QFile::copy(m_filePath, scratchPath);
    m_settings = std::make_unique<QSettings>(scratchPath, QSettings::IniFormat);
}

void AppSettings::open()
{
    const QFileInfo info(m_filePath);
    QDir().mkpath(info.absolutePath());
    if (info.exists() && !QFileInfo(m_filePath).isReadable()) {
        m_status = Status::Unreadable;
        m_writable = false;
        m_problem = tr("Offhook cannot read its settings file %1. It starts without your lines and will not write "
                       "to that file. Check the file's permissions and start Offhook again.")
                        .arg(QDir::toNativeSeparators(m_filePath));
    } else if (info.exists()) {
        const QString reason = checkFile();
        if (!reason.isEmpty()) {
            m_status = Status::Corrupt;
            m_backupPath = m_filePath + QStringLiteral(".broken-") +
                           QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
            if (QFile::rename(m_filePath, m_backupPath) ||
                (QFile::copy(m_filePath, m_backupPath) && QFile::remove(m_filePath))) {
                m_problem = tr("Offhook's settings file could not be used (%1). It was kept as %2 and Offhook "
                               "starts with fresh settings; your stored passwords are still in the keychain.")
                                .arg(reason, QDir::toNativeSeparators(m_backupPath));
            } else {
                m_writable = false;
                m_backupPath.clear();
                m_problem = tr("Offhook's settings file %1 could not be used (%2) and could not be backed up. "
                               "Offhook starts without your lines and leaves the file alone.")
                                .arg(QDir::toNativeSeparators(m_filePath), reason);
            }
        } else {
            m_status = Status::Ok;
        }
    } else {
        m_status = Status::Created;
    }

    if (!m_writable) {
        useScratchCopy(false);
        return;
    }
    m_settings = std::make_unique<QSettings>(m_filePath, QSettings::IniFormat);
    const int version = m_settings->value(QStringLiteral("version"), CurrentVersion).toInt();
    if (version > CurrentVersion) {
        m_status = Status::NewerVersion;
        m_writable = false;
        m_problem = tr("The settings file %1 was written by a newer Offhook (format %2). This version reads it but "
                       "saves no changes to it.")
                        .arg(QDir::toNativeSeparators(m_filePath))
                        .arg(version);
        useScratchCopy(true);
        return;
    }
    m_settings->setValue(QStringLiteral("version"), CurrentVersion);
    m_settings->sync();
}

QList<Sip::LineConfig> AppSettings::lines() const
{
    QList<std::pair<int, Sip::LineConfig>> ordered;
    m_settings->beginGroup(QStringLiteral("lines"));
    const QStringList ids = m_settings->childGroups();
    for (const QString &id : ids) {
        m_settings->beginGroup(id);
        Sip::LineConfig line;
        line.id = id;
        line.displayName = m_settings->value(QStringLiteral("displayName")).toString();
        line.extension = m_settings->value(QStringLiteral("extension")).toString();
        line.server = m_settings->value(QStringLiteral("server")).toString();
        line.authUser = m_settings->value(QStringLiteral("authUser")).toString();
        const Sip::Transport transport =
            Sip::transportFromName(m_settings->value(QStringLiteral("transport")).toString());
        line.transport = transport == Sip::Transport::Invalid ? Sip::Transport::Udp : transport;
        line.port = quint16(m_settings->value(QStringLiteral("port"), 0).toUInt());
        line.expiresSeconds = m_settings->value(QStringLiteral("expiresSeconds"), 300).toInt();
        line.keepaliveSeconds = std::clamp(
            m_settings->value(QStringLiteral("keepaliveSeconds"), Sip::LineConfig::kDefaultKeepaliveSeconds).toInt(), 0,
            3600);
        line.outboundProxy = m_settings->value(QStringLiteral("outboundProxy")).toString();
        line.enabled = m_settings->value(QStringLiteral("enabled"), true).toBool();
        line.audioOutputDevice = m_settings->value(QStringLiteral("audioOutputDevice")).toString();
        ordered.append({m_settings->value(QStringLiteral("order"), 0).toInt(), line});
        m_settings->endGroup();
    }
    m_settings->endGroup();
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<Sip::LineConfig> result;
    for (const auto &[order, line] : ordered) {
        if (!line.extension.isEmpty())
            result.append(line);
    }
    return result;
}

void AppSettings::saveLine(const Sip::LineConfig &line)
{
    m_settings->beginGroup(QStringLiteral("lines"));
    const bool isNew = !m_settings->childGroups().contains(line.id);
    const int order =
        isNew ? int(m_settings->childGroups().size()) : m_settings->value(line.id + QStringLiteral("/order")).toInt();
    m_settings->beginGroup(line.id);
    m_settings->setValue(QStringLiteral("order"), order);
    m_settings->setValue(QStringLiteral("displayName"), line.displayName);
    m_settings->setValue(QStringLiteral("extension"), line.extension);
    m_settings->setValue(QStringLiteral("server"), line.server);
    m_settings->setValue(QStringLiteral("authUser"), line.authUser);
    m_settings->setValue(QStringLiteral("transport"), Sip::transportName(line.transport));
    m_settings->setValue(QStringLiteral("port"), line.port);
    m_settings->setValue(QStringLiteral("expiresSeconds"), line.expiresSeconds);
    m_settings->setValue(QStringLiteral("keepaliveSeconds"), line.keepaliveSeconds);
    m_settings->setValue(QStringLiteral("outboundProxy"), line.outboundProxy);
    m_settings->setValue(QStringLiteral("enabled"), line.enabled);
    if (line.audioOutputDevice.isEmpty())
        m_settings->remove(QStringLiteral("audioOutputDevice"));
    else
        m_settings->setValue(QStringLiteral("audioOutputDevice"), line.audioOutputDevice);
    // The password is never written here; see SecretStore.
    m_settings->endGroup();
    m_settings->endGroup();
    sync();
}

void AppSettings::removeLine(const QString &lineId)
{
    m_settings->remove(QStringLiteral("lines/") + lineId);
    sync();
}

QList<Sip::WatchedContact> AppSettings::contacts(const QString &lineId) const
{
    QList<Sip::WatchedContact> result;
    m_settings->beginGroup(QStringLiteral("lines/") + lineId);
    const int size = m_settings->beginReadArray(QStringLiteral("contacts"));
    for (int i = 0; i < size; ++i) {
        m_settings->setArrayIndex(i);
        Sip::WatchedContact contact;
        contact.lineId = lineId;
        contact.contactId = m_settings->value(QStringLiteral("id")).toString();
        contact.name = m_settings->value(QStringLiteral("name")).toString();
        contact.uri = m_settings->value(QStringLiteral("uri")).toString();
        contact.presence = m_settings->value(QStringLiteral("presence"), true).toBool();
        contact.busyLamp = m_settings->value(QStringLiteral("busyLamp"), false).toBool();
        if (!contact.contactId.isEmpty() && !contact.uri.trimmed().isEmpty())
            result.append(contact);
    }
    m_settings->endArray();
    m_settings->endGroup();
    return result;
}

void AppSettings::setContacts(const QString &lineId, const QList<Sip::WatchedContact> &contacts)
{
    m_settings->beginGroup(QStringLiteral("lines/") + lineId);
    m_settings->remove(QStringLiteral("contacts"));
    m_settings->beginWriteArray(QStringLiteral("contacts"), int(contacts.size()));
    for (int i = 0; i < contacts.size(); ++i) {
        m_settings->setArrayIndex(i);
        const Sip::WatchedContact &contact = contacts.at(i);
        m_settings->setValue(QStringLiteral("id"), contact.contactId);
        m_settings->setValue(QStringLiteral("name"), contact.name);
        m_settings->setValue(QStringLiteral("uri"), contact.uri);
        m_settings->setValue(QStringLiteral("presence"), contact.presence);
        m_settings->setValue(QStringLiteral("busyLamp"), contact.busyLamp);
    }
    m_settings->endArray();
    m_settings->endGroup();
    sync();
}

Sip::OwnStatus AppSettings::ownStatus(const QString &lineId, QString *note) const
{
    const QString group = QStringLiteral("lines/") + lineId + QStringLiteral("/presence/");
    if (note)
        *note = m_settings->value(group + QStringLiteral("note")).toString();
    return Sip::ownStatusFromName(m_settings->value(group + QStringLiteral("status")).toString());
}

void AppSettings::setOwnStatus(const QString &lineId, Sip::OwnStatus status, const QString &note)
{
    const QString group = QStringLiteral("lines/") + lineId + QStringLiteral("/presence/");
    if (status == Sip::OwnStatus::Invalid)
        m_settings->remove(group + QStringLiteral("status"));
    else
        m_settings->setValue(group + QStringLiteral("status"), Sip::ownStatusName(status));
    m_settings->setValue(group + QStringLiteral("note"), note);
    sync();
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry, const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
    m_settings->setValue(QStringLiteral("window/state"), state);
    sync();
}

Gui::Preferences AppSettings::preferences() const
{
    Gui::Preferences result;
    result.inputDevice = m_settings->value(QStringLiteral("audio/inputDevice")).toString();
    result.outputDevice = m_settings->value(QStringLiteral("audio/outputDevice")).toString();
    result.ringingDevice = m_settings->value(QStringLiteral("audio/ringingDevice")).toString();
    result.caFile = m_settings->value(QStringLiteral("tls/caFile")).toString();
    result.stunServer = m_settings->value(QStringLiteral("network/stunServer")).toString();
    return result;
}

void AppSettings::setPreferences(const Gui::Preferences &preferences)
{
    m_settings->setValue(QStringLiteral("audio/inputDevice"), preferences.inputDevice);
    m_settings->setValue(QStringLiteral("audio/outputDevice"), preferences.outputDevice);
    m_settings->setValue(QStringLiteral("audio/ringingDevice"), preferences.ringingDevice);
    m_settings->setValue(QStringLiteral("tls/caFile"), preferences.caFile);
    m_settings->setValue(QStringLiteral("network/stunServer"), preferences.stunServer);
    sync();
}

bool AppSettings::maskCredentials() const
{
    return m_settings->value(QStringLiteral("log/maskCredentials"), true).toBool();
}

void AppSettings::setMaskCredentials(bool mask)
{
    m_settings->setValue(QStringLiteral("log/maskCredentials"), mask);
    sync();
}

bool AppSettings::plainTextSecretsAllowed() const
{
    return m_settings->value(QStringLiteral("secrets/plainTextFileAllowed"), false).toBool();
}

void AppSettings::setPlainTextSecretsAllowed(bool allowed)
{
    m_settings->setValue(QStringLiteral("secrets/plainTextFileAllowed"), allowed);
    sync();
}

void AppSettings::sync()
{
    if (m_writable)
        m_settings->sync();
}

} // namespace App
