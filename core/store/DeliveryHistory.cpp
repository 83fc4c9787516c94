#include "DeliveryHistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Outpost {

namespace {

const char *const outcomeNames[] = {"sent", "deferred", "failed", "may-have-been-sent",
                                    "interrupted"};

DeliveryAttempt::Outcome outcomeFromName(const QString &name)
{
    for (int i = 0; i < 5; ++i)
        if (name == QLatin1String(outcomeNames[i]))
            return DeliveryAttempt::Outcome(i);
    return DeliveryAttempt::Outcome::Deferred;
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QJsonValue &v)
{
    const QString s = v.toString();
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs).toUTC();
}

QString shortened(const QString &text)
{
    if (text.size() <= DeliveryAttempt::maxReplyChars)
        return text;
    return text.left(DeliveryAttempt::maxReplyChars - 1) + QChar(0x2026);
}

QJsonObject attemptToJson(const DeliveryAttempt &a)
{
    QJsonObject o;
    if (a.startedAt.isValid())
        o.insert(QStringLiteral("start"), isoTime(a.startedAt));
    o.insert(QStringLiteral("end"), isoTime(a.endedAt));
    if (a.loginAt.isValid())
        o.insert(QStringLiteral("login"), isoTime(a.loginAt));
    if (a.smtpAuth)
        o.insert(QStringLiteral("auth"), true);
    o.insert(QStringLiteral("outcome"), DeliveryAttempt::outcomeName(a.outcome));
    if (!a.reply.isEmpty())
        o.insert(QStringLiteral("reply"), a.reply);
    if (!a.recipients.isEmpty()) {
        QJsonArray rcpts;
        for (const DeliveryAttempt::Recipient &r : a.recipients)
            rcpts.append(QJsonObject{{QStringLiteral("to"), r.address},
                                     {QStringLiteral("reply"), r.reply},
                                     {QStringLiteral("ok"), r.accepted}});
        o.insert(QStringLiteral("rcpt"), rcpts);
    }
    if (a.moreRecipients > 0)
        o.insert(QStringLiteral("more"), a.moreRecipients);
    return o;
}

DeliveryAttempt attemptFromJson(const QJsonObject &o)
{
    DeliveryAttempt a;
    a.startedAt = fromIso(o.value(QStringLiteral("start")));
    a.endedAt = fromIso(o.value(QStringLiteral("end")));
    a.loginAt = fromIso(o.value(QStringLiteral("login")));
    a.smtpAuth = o.value(QStringLiteral("auth")).toBool();
    a.outcome = outcomeFromName(o.value(QStringLiteral("outcome")).toString());
    a.reply = o.value(QStringLiteral("reply")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("rcpt")).toArray()) {
        const QJsonObject r = v.toObject();
        a.recipients.append({r.value(QStringLiteral("to")).toString(),
                             r.value(QStringLiteral("reply")).toString(),
                             r.value(QStringLiteral("ok")).toBool()});
    }
    a.moreRecipients = qMax(0, o.value(QStringLiteral("more")).toInt());
    return a;
}

QJsonObject parsed(const QByteArray &json)
{
    return json.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(json).object();
}

} // namespace

QString DeliveryAttempt::outcomeName(Outcome outcome)
{
    return QLatin1String(outcomeNames[int(outcome)]);
}

QList<DeliveryAttempt> DeliveryHistory::attempts() const
{
    QList<DeliveryAttempt> out;
    for (const QJsonValue &v : parsed(m_json).value(QStringLiteral("attempts")).toArray())
        out.append(attemptFromJson(v.toObject()));
    return out;
}

int DeliveryHistory::omitted() const
{
    return parsed(m_json).value(QStringLiteral("omitted")).toInt();
}

void DeliveryHistory::add(DeliveryAttempt attempt)
{
    attempt.reply = shortened(attempt.reply);
    // Refused recipients first: they are the ones a reader looks for.
    std::stable_sort(attempt.recipients.begin(), attempt.recipients.end(),
                     [](const auto &a, const auto &b) { return !a.accepted && b.accepted; });
    if (attempt.recipients.size() > DeliveryAttempt::maxRecipients) {
        attempt.moreRecipients += int(attempt.recipients.size()) - DeliveryAttempt::maxRecipients;
        attempt.recipients.resize(DeliveryAttempt::maxRecipients);
    }
    for (DeliveryAttempt::Recipient &r : attempt.recipients)
        r.reply = shortened(r.reply);

    QJsonObject o = parsed(m_json);
    QJsonArray list = o.value(QStringLiteral("attempts")).toArray();
    int omitted = o.value(QStringLiteral("omitted")).toInt();
    list.append(attemptToJson(attempt));
    while (list.size() > maxKept) {
        list.removeAt(1); // the first attempt stays: when it all began
        ++omitted;
    }
    o.insert(QStringLiteral("attempts"), list);
    if (omitted > 0)
        o.insert(QStringLiteral("omitted"), omitted);
    m_json = QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QDateTime DeliveryHistory::deferredSince() const
{
    const QList<DeliveryAttempt> all = attempts();
    QDateTime since;
    for (qsizetype i = all.size() - 1; i >= 0; --i) {
        const DeliveryAttempt &a = all.at(i);
        if (a.outcome != DeliveryAttempt::Outcome::Deferred)
            break;
        since = a.startedAt.isValid() ? a.startedAt : a.endedAt;
    }
    return since;
}

DeliveryHistory DeliveryHistory::fromJson(const QJsonObject &object)
{
    DeliveryHistory h;
    if (!object.value(QStringLiteral("attempts")).toArray().isEmpty())
        h.m_json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return h;
}

} // namespace Outpost
