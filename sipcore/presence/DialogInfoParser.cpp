// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/DialogInfoParser.h"

#include "sipcore/presence/GuardedXmlReader.h"

namespace Sip {

namespace {

constexpr QLatin1String dialogInfoNs("urn:ietf:params:xml:ns:dialog-info");

enum class Kind
{
    Root,
    Dialog,
    State,
    Remote,
    RemoteIdentity,
    Other
};

struct Node
{
    Kind kind = Kind::Other;
    QString text;
};

Kind classify(Kind parent, QStringView ns, QStringView name)
{
    if (ns != dialogInfoNs)
        return Kind::Other;
    switch (parent) {
    case Kind::Root:
        return name == QLatin1String("dialog") ? Kind::Dialog : Kind::Other;
    case Kind::Dialog:
        if (name == QLatin1String("state"))
            return Kind::State;
        return name == QLatin1String("remote") ? Kind::Remote : Kind::Other;
    case Kind::Remote:
        return name == QLatin1String("identity") ? Kind::RemoteIdentity : Kind::Other;
    default:
        return Kind::Other;
    }
}

int rank(PresenceStatus status)
{
    switch (status) {
    case PresenceStatus::Ringing:
        return 2;
    case PresenceStatus::OnThePhone:
        return 1;
    default:
        return 0;
    }
}

QString attributeText(const QXmlStreamAttributes &attributes, QLatin1String name, int maxChars)
{
    return Internal::cleanText(attributes.value(name).toString(), maxChars);
}

DialogInfoResult refused(const QString &error)
{
    DialogInfoResult result;
    result.error = error;
    result.presence.status = PresenceStatus::Unknown;
    return result;
}

} // namespace

DialogInfoParser::DialogInfoParser(PresenceParseLimits limits) : m_limits(limits) {}

QString DialogInfoParser::contentType()
{
    return QStringLiteral("application/dialog-info+xml");
}

QString DialogInfoParser::namespaceUri()
{
    return dialogInfoNs;
}

PresenceStatus DialogInfoParser::statusForDialog(const DialogInfoEntry &dialog)
{
    if (dialog.state == QLatin1String("confirmed"))
        return PresenceStatus::OnThePhone;
    if (dialog.state == QLatin1String("early") || dialog.state == QLatin1String("proceeding") ||
        dialog.state == QLatin1String("trying")) {
        // Without a direction the usual BLF meaning holds: a call is ringing there.
        return dialog.direction == QLatin1String("initiator") ? PresenceStatus::OnThePhone : PresenceStatus::Ringing;
    }
    return PresenceStatus::Invalid;
}

void DialogInfoParser::summarize(const QList<DialogInfoEntry> &dialogs, ContactPresence &presence)
{
    presence.status = PresenceStatus::Online;
    presence.dialogState = dialogs.isEmpty() ? QString() : QStringLiteral("terminated");
    for (const DialogInfoEntry &dialog : dialogs) {
        const PresenceStatus status = statusForDialog(dialog);
        if (rank(status) > rank(presence.status)) {
            presence.status = status;
            presence.dialogState = dialog.state;
        }
    }
}

DialogInfoResult DialogInfoParser::parse(const QByteArray &body) const
{
    Internal::GuardedXmlReader reader(body, m_limits);
    const int rawTextChars = Internal::rawTextBudget(m_limits);
    const int maxChars = m_limits.maxTextChars;

    DialogInfoResult result;
    QList<Node> stack;
    DialogInfoEntry dialog;

    while (reader.readNext()) {
        const QXmlStreamReader &xml = reader.xml();
        switch (reader.tokenType()) {
        case QXmlStreamReader::StartElement: {
            const QXmlStreamAttributes attributes = xml.attributes();
            if (stack.isEmpty()) {
                if (xml.name() != QLatin1String("dialog-info")) {
                    reader.fail(
                        QStringLiteral("not a dialog-info document: root element is <%1>").arg(xml.qualifiedName()));
                    break;
                }
                if (xml.namespaceUri() != dialogInfoNs) {
                    reader.fail(QStringLiteral("not a dialog-info document: <dialog-info> in namespace '%1', "
                                               "expected '%2'")
                                    .arg(xml.namespaceUri(), dialogInfoNs));
                    break;
                }
                const QString state = attributeText(attributes, QLatin1String("state"), maxChars);
                if (state == QLatin1String("partial")) {
                    result.fullState = false;
                } else if (!state.isEmpty() && state != QLatin1String("full")) {
                    reader.fail(QStringLiteral("state attribute is '%1', expected 'full' or 'partial'").arg(state));
                    break;
                }
                bool numeric = false;
                const qint64 version = attributeText(attributes, QLatin1String("version"), 32).toLongLong(&numeric);
                result.version = numeric && version >= 0 ? version : -1;
                result.presence.entity = attributeText(attributes, QLatin1String("entity"), maxChars);
                stack.append(Node{Kind::Root, {}});
                break;
            }
            const Kind kind = classify(stack.constLast().kind, xml.namespaceUri(), xml.name());
            if (kind == Kind::Dialog) {
                dialog = DialogInfoEntry{};
                dialog.id = attributeText(attributes, QLatin1String("id"), maxChars);
                dialog.callId = attributeText(attributes, QLatin1String("call-id"), maxChars);
                dialog.direction = attributeText(attributes, QLatin1String("direction"), maxChars).toLower();
            } else if (kind == Kind::State) {
                dialog.stateEvent = attributeText(attributes, QLatin1String("event"), maxChars).toLower();
                dialog.stateCode = attributeText(attributes, QLatin1String("code"), 8).toInt();
            } else if (kind == Kind::RemoteIdentity) {
                dialog.remoteDisplayName = attributeText(attributes, QLatin1String("display"), maxChars);
            }
            stack.append(Node{kind, {}});
            break;
        }
        case QXmlStreamReader::Characters:
            if (!stack.isEmpty() &&
                (stack.constLast().kind == Kind::State || stack.constLast().kind == Kind::RemoteIdentity))
                Internal::appendBounded(stack.last().text, xml.text(), rawTextChars);
            break;
        case QXmlStreamReader::EndElement: {
            if (stack.isEmpty())
                break;
            const Node node = stack.takeLast();
            if (node.kind == Kind::State)
                dialog.state = Internal::cleanText(node.text, maxChars).toLower();
            else if (node.kind == Kind::RemoteIdentity)
                dialog.remoteIdentity = Internal::cleanText(node.text, maxChars);
            else if (node.kind == Kind::Dialog)
                result.dialogs.append(dialog);
            break;
        }
        default:
            break;
        }
    }
    if (reader.hasError())
        return refused(reader.error());
    if (!stack.isEmpty())
        return refused(QStringLiteral("truncated document"));

    summarize(result.dialogs, result.presence);
    result.ok = true;
    return result;
}

} // namespace Sip
