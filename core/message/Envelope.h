#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Outpost {

/// What SMTP needs besides the message bytes (RFC 5321 MAIL FROM / RCPT TO) and what the
/// message requires from the server.
struct Envelope
{
    QString sender;         ///< reverse-path, Unicode domain
    QStringList recipients; ///< every To, Cc and Bcc address, Unicode domains, no duplicates
    QStringList bcc;        ///< the Bcc ones among them (not in the bytes), for editing a message
    QByteArray messageId;   ///< the Message-ID without angle brackets
    qint64 size = 0;        ///< octets of the .eml
    bool needs8BitMime = false; ///< the bytes hold 8-bit octets (RFC 6152)
    bool needsSmtpUtf8 = false; ///< an address needs SMTPUTF8 (RFC 6531)
    /// Where the message came from when another program handed it over: the local relay's
    /// client, by its EHLO name ("relay: thunderbird.local"); empty when written in Outpost.
    QString origin;

    /// An address ready for MAIL FROM or RCPT TO: IDN domains in ASCII (QUrl::toAce) when
    /// the server lacks SMTPUTF8. Empty when it cannot be represented without SMTPUTF8.
    static QByteArray forServer(const QString &address, bool serverHasSmtpUtf8);

    QJsonObject toJson() const;
    static Envelope fromJson(const QJsonObject &object);
    bool operator==(const Envelope &other) const = default;
};

} // namespace Outpost
