// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: Offhook contributors
#include "sipcore/presence/PidfParser.h"

#include "sipcore/presence/GuardedXmlReader.h"

#include <QList>

// How a document becomes one status:
//  - RPID activities (in dm:person, in a tuple's status, in the old chan_sip <pp:person><status>, also the
//    pre-RFC <activity>busy</activity> form and Cisco's ce:alerting/ce:dnd) give the strongest of
//    Ringing > OnThePhone > Busy > Away; "unknown", "working", "other", … say nothing.
//  - Asterisk signals ringing only through the note: on-the-phone with the note "Ringing" is Ringing. chan_sip
//    says busy in its pre-RFC namespace for everything: with "Ringing" that is Ringing, with "On the phone" or
//    "On hold" OnThePhone. RFC 4480's own busy is never reinterpreted, so our PUBLISH reads back as sent.
//  - A tuple with <basic>open</basic> makes the contact reachable: the activity if any, else Away when
//    rpid:user-input is idle, else Online.
//  - When every tuple is closed: Ringing/OnThePhone/Busy still show (Asterisk closes busy extensions),
//    everything else is Offline (chan_sip marks unregistered extensions closed + away).
//  - No basic status at all: the activity if any, else Unknown.
// Notes: presence-level <note> before dm:note in a person before a tuple's note; within one level a note
// without xml:lang before one with it; otherwise the first.

namespace Sip {

namespace {

constexpr QLatin1String pidfNs("urn:ietf:params:xml:ns:pidf");
constexpr QLatin1String dataModelNs("urn:ietf:params:xml:ns:pidf:data-model");
constexpr QLatin1String oldPersonNs("urn:ietf:params:xml:ns:pidf:person"); // chan_sip's pp:person
constexpr QLatin1String rpidNs("urn:ietf:params:xml:ns:pidf:rpid");
constexpr QLatin1String xmlNs("http://www.w3.org/XML/1998/namespace");

enum class Kind
{
    Presence,
    Tuple,
    TupleStatus,
    Basic,
    Note,
    Person,
    Activities,
    Activity,
    ActivityText,
    UserInput,
    Other
};

struct Node
{
    Kind kind = Kind::Other;
    QString name; ///< Activity name for Activity
    QString text; ///< Collected for the kinds that carry text
    int noteLevel = 0;
    bool hasLang = false;
    bool legacy = false; ///< Activity from a namespace other than RFC 4480's
};

struct Note
{
    int level = 0;
    bool hasLang = false;
    QString text;
};

// RFC 4480's namespace, the older rpid drafts' (…:pidf:rpid:rpid-person, …:pidf:status:rpid-status) and
// Cisco's urn:cisco:params:xml:ns:pidf:rpid all contain "rpid".
bool isRpidNamespace(QStringView ns)
{
    return ns.contains(QLatin1String("rpid"), Qt::CaseInsensitive);
}

bool isDataModelOrPidf(QStringView ns)
{
    return ns == dataModelNs || ns == pidfNs;
}

bool carriesText(Kind kind)
{
    return kind == Kind::Basic || kind == Kind::Note || kind == Kind::ActivityText || kind == Kind::UserInput;
}

Node classify(const Node &parent, QStringView ns, QStringView name)
{
    Node node;
    if (parent.kind == Kind::Activities) {
        if (name == QLatin1String("note")) // RFC 4480 lets activities carry their own note
            return node;
        node.kind = name == QLatin1String("activity") ? Kind::ActivityText : Kind::Activity;
        node.name = name.toString().toLower();
        node.legacy = ns != rpidNs;
        return node;
    }
    if (name == QLatin1String("activities") && isRpidNamespace(ns)) {
        node.kind = Kind::Activities;
        return node;
    }
    const bool isNote = name == QLatin1String("note") && isDataModelOrPidf(ns);
    switch (parent.kind) {
    case Kind::Presence:
        if (ns == pidfNs && name == QLatin1String("tuple"))
            node.kind = Kind::Tuple;
        else if (isNote)
            node = Node{Kind::Note, {}, {}, 0, false};
        else if (name == QLatin1String("person") && (ns == dataModelNs || ns == oldPersonNs))
            node.kind = Kind::Person;
        break;
    case Kind::Person:
        if (isNote)
            node = Node{Kind::Note, {}, {}, 1, false};
        else if (name == QLatin1String("user-input") && isRpidNamespace(ns))
            node.kind = Kind::UserInput;
        break;
    case Kind::Tuple:
        if (ns == pidfNs && name == QLatin1String("status"))
            node.kind = Kind::TupleStatus;
        else if (isNote)
            node = Node{Kind::Note, {}, {}, 2, false};
        break;
    case Kind::TupleStatus:
        if (ns == pidfNs && name == QLatin1String("basic"))
            node.kind = Kind::Basic;
        break;
    default:
        break;
    }
    return node;
}

bool hasXmlLang(const QXmlStreamAttributes &attributes)
{
    for (const auto &attribute : attributes) {
        if (attribute.name() == QLatin1String("lang") &&
            (attribute.namespaceUri() == xmlNs || attribute.prefix() == QLatin1String("xml")))
            return true;
    }
    return false;
}

int rank(PresenceStatus status)
{
    switch (status) {
    case PresenceStatus::Ringing:
        return 4;
    case PresenceStatus::OnThePhone:
        return 3;
    case PresenceStatus::Busy:
        return 2;
    case PresenceStatus::Away:
        return 1;
    default:
        return 0;
    }
}

PresenceStatus statusForActivity(const QString &activity)
{
    static const QStringList busy = {
        QStringLiteral("busy"),           QStringLiteral("meeting"),     QStringLiteral("appointment"),
        QStringLiteral("presentation"),   QStringLiteral("performance"), QStringLiteral("worship"),
        QStringLiteral("steering"),       QStringLiteral("spectator"),   QStringLiteral("dnd"),
        QStringLiteral("do-not-disturb"),
    };
    static const QStringList away = {
        QStringLiteral("away"),
        QStringLiteral("breakfast"),
        QStringLiteral("lunch"),
        QStringLiteral("dinner"),
        QStringLiteral("meal"),
        QStringLiteral("holiday"),
        QStringLiteral("vacation"),
        QStringLiteral("in-transit"),
        QStringLiteral("travel"),
        QStringLiteral("sleeping"),
        QStringLiteral("permanent-absence"),
        QStringLiteral("shopping"),
        QStringLiteral("extended-away"),
    };
    if (activity == QLatin1String("on-the-phone"))
        return PresenceStatus::OnThePhone;
    if (activity == QLatin1String("ringing") || activity == QLatin1String("alerting"))
        return PresenceStatus::Ringing;
    if (busy.contains(activity))
        return PresenceStatus::Busy;
    if (away.contains(activity))
        return PresenceStatus::Away;
    return PresenceStatus::Invalid; // says nothing about reachability
}

// Asterisk has no RPID activity for ringing and puts it in the note instead.
PresenceStatus applyAsteriskNote(PresenceStatus status, bool legacyBusy, const QString &note)
{
    const bool ringing = note.compare(QLatin1String("Ringing"), Qt::CaseInsensitive) == 0;
    if (status == PresenceStatus::OnThePhone && ringing)
        return PresenceStatus::Ringing;
    if (status != PresenceStatus::Busy || !legacyBusy)
        return status;
    if (ringing)
        return PresenceStatus::Ringing;
    if (note.compare(QLatin1String("On the phone"), Qt::CaseInsensitive) == 0 ||
        note.compare(QLatin1String("On hold"), Qt::CaseInsensitive) == 0)
        return PresenceStatus::OnThePhone;
    return status;
}

PresenceParseResult refused(const QString &error)
{
    PresenceParseResult result;
    result.error = error;
    result.presence.status = PresenceStatus::Unknown;
    return result;
}

} // namespace

PidfParser::PidfParser(PresenceParseLimits limits) : m_limits(limits) {}

QString PidfParser::contentType()
{
    return QStringLiteral("application/pidf+xml");
}

QString PidfParser::namespaceUri()
{
    return pidfNs;
}

PresenceParseResult PidfParser::parse(const QByteArray &body) const
{
    Internal::GuardedXmlReader reader(body, m_limits);
    const int rawTextChars = Internal::rawTextBudget(m_limits);
    constexpr int maxActivities = 32;

    ContactPresence presence;
    QList<Node> stack;
    Note bestNote;
    bool haveNote = false;
    bool anyOpen = false;
    bool anyClosed = false;
    bool idle = false;
    bool legacyBusy = false;
    PresenceStatus activityStatus = PresenceStatus::Invalid;

    auto addActivity = [&](const QString &name, bool legacy) {
        if (name.isEmpty())
            return;
        if (presence.activities.size() < maxActivities)
            presence.activities.append(name);
        const PresenceStatus status = statusForActivity(name);
        legacyBusy = legacyBusy || (legacy && status == PresenceStatus::Busy);
        if (rank(status) > rank(activityStatus))
            activityStatus = status;
    };

    while (reader.readNext()) {
        const QXmlStreamReader &xml = reader.xml();
        switch (reader.tokenType()) {
        case QXmlStreamReader::StartElement: {
            if (stack.isEmpty()) {
                if (xml.name() != QLatin1String("presence")) {
                    reader.fail(QStringLiteral("not a PIDF document: root element is <%1>").arg(xml.qualifiedName()));
                    break;
                }
                if (xml.namespaceUri() != pidfNs) {
                    reader.fail(QStringLiteral("not a PIDF document: <presence> in namespace '%1', expected '%2'")
                                    .arg(xml.namespaceUri(), pidfNs));
                    break;
                }
                presence.entity = Internal::cleanText(xml.attributes().value(QLatin1String("entity")).toString(),
                                                      m_limits.maxTextChars);
                stack.append(Node{Kind::Presence, {}, {}, 0, false});
                break;
            }
            Node node = classify(stack.constLast(), xml.namespaceUri(), xml.name());
            if (node.kind == Kind::Note)
                node.hasLang = hasXmlLang(xml.attributes());
            else if (node.kind == Kind::Activity)
                addActivity(node.name, node.legacy);
            stack.append(std::move(node));
            break;
        }
        case QXmlStreamReader::Characters:
            if (!stack.isEmpty() && carriesText(stack.constLast().kind))
                Internal::appendBounded(stack.last().text, xml.text(), rawTextChars);
            break;
        case QXmlStreamReader::EndElement: {
            if (stack.isEmpty())
                break;
            const Node node = stack.takeLast();
            const QString text = Internal::cleanText(node.text, m_limits.maxTextChars);
            if (node.kind == Kind::Basic) {
                if (text.compare(QLatin1String("open"), Qt::CaseInsensitive) == 0)
                    anyOpen = true;
                else if (text.compare(QLatin1String("closed"), Qt::CaseInsensitive) == 0)
                    anyClosed = true;
            } else if (node.kind == Kind::Note && !text.isEmpty()) {
                const bool better = !haveNote || node.noteLevel < bestNote.level ||
                                    (node.noteLevel == bestNote.level && bestNote.hasLang && !node.hasLang);
                if (better) {
                    bestNote = Note{node.noteLevel, node.hasLang, text};
                    haveNote = true;
                }
            } else if (node.kind == Kind::ActivityText) {
                addActivity(text.toLower(), node.legacy);
            } else if (node.kind == Kind::UserInput) {
                idle = idle || text.compare(QLatin1String("idle"), Qt::CaseInsensitive) == 0;
            }
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

    presence.note = bestNote.text;
    presence.basicStatus = anyOpen ? QStringLiteral("open") : anyClosed ? QStringLiteral("closed") : QString();
    activityStatus = applyAsteriskNote(activityStatus, legacyBusy, presence.note);
    const PresenceStatus idleStatus = idle ? PresenceStatus::Away : PresenceStatus::Online;
    if (anyOpen) {
        presence.status = activityStatus != PresenceStatus::Invalid ? activityStatus : idleStatus;
    } else if (anyClosed) {
        presence.status = rank(activityStatus) >= rank(PresenceStatus::Busy) ? activityStatus : PresenceStatus::Offline;
    } else {
        presence.status = activityStatus != PresenceStatus::Invalid ? activityStatus
                          : idle                                    ? PresenceStatus::Away
                                                                    : PresenceStatus::Unknown;
    }

    PresenceParseResult result;
    result.ok = true;
    result.presence = std::move(presence);
    return result;
}

} // namespace Sip
