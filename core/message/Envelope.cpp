#include "Envelope.h"

#include "HeaderCodec.h"

#include <QJsonArray>
#include <QUrl>

namespace Outpost {

QByteArray Envelope::forServer(const QString &address, bool serverHasSmtpUtf8)
{
    if (serverHasSmtpUtf8)
        return address.toUtf8();
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return HeaderCodec::isPlainAscii(address) ? address.toLatin1() : QByteArray();
    const QString local = address.left(at);
    const QString domain = address.mid(at + 1);
    if (!HeaderCodec::isPlainAscii(local))
        return {};
    if (HeaderCodec::isPlainAscii(domain))
        return address.toLatin1();
    const QByteArray ace = QUrl::toAce(domain);
    if (ace.isEmpty())
        return {};
    return local.toLatin1() + '@' + ace;
}

QJsonObject Envelope::toJson() const
{
    QJsonObject object{{QStringLiteral("sender"), sender},
                       {QStringLiteral("recipients"), QJsonArray::fromStringList(recipients)},
                       {QStringLiteral("bcc"), QJsonArray::fromStringList(bcc)},
                       {QStringLiteral("messageId"), QString::fromLatin1(messageId)},
                       {QStringLiteral("size"), double(size)},
                       {QStringLiteral("8bitmime"), needs8BitMime},
                       {QStringLiteral("smtputf8"), needsSmtpUtf8}};
    if (!origin.isEmpty()) // most messages are written in Outpost: no key for them
        object.insert(QStringLiteral("origin"), origin);
    return object;
}

Envelope Envelope::fromJson(const QJsonObject &object)
{
    Envelope e;
    e.sender = object.value(QStringLiteral("sender")).toString();
    for (const QJsonValue &v : object.value(QStringLiteral("recipients")).toArray())
        e.recipients.append(v.toString());
    for (const QJsonValue &v : object.value(QStringLiteral("bcc")).toArray())
        e.bcc.append(v.toString());
    // From a named string: toLatin1() of a temporary keeps the string's buffer, twice the
    // size, for as long as the envelope lives (10,000 of them in an outbox).
    const QString messageId = object.value(QStringLiteral("messageId")).toString();
    e.messageId = messageId.toLatin1();
    e.size = qint64(object.value(QStringLiteral("size")).toDouble());
    e.needs8BitMime = object.value(QStringLiteral("8bitmime")).toBool();
    e.needsSmtpUtf8 = object.value(QStringLiteral("smtputf8")).toBool();
    e.origin = object.value(QStringLiteral("origin")).toString();
    return e;
}

} // namespace Outpost
