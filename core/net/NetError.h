#pragma once

#include "CertificateInfo.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace Outpost {

/// A failure of a network operation, as a value: what went wrong, for people and for code.
struct NetError
{
    /// What kind of failure this is; the scheduler decides retry or fail from it.
    enum Kind
    {
        None,           ///< no error
        Network,        ///< name lookup, refused or lost connection
        ConnectTimeout, ///< the connection (TCP and implicit TLS) was not ready in time
        Timeout,        ///< the server did not answer a command in time (inactivity)
        Tls,            ///< TLS handshake or certificate verification failed, or STARTTLS missing
        Authentication, ///< the server refused the credentials
        /// Outpost did not log in: the password would have crossed the network unencrypted
        /// and the account does not allow that (see docs/SECURITY.md)
        InsecureLogin,
        RelayDenied, ///< the server refused to relay (POP before SMTP window closed)
        Transient,   ///< a 4xx / temporary refusal: try again later
        Permanent,   ///< a 5xx / permanent refusal: do not retry unchanged
        Protocol,    ///< the server said something that does not follow the protocol
    };

    Kind kind = None;
    QString message;             ///< a sentence for people (translated)
    QByteArray reply;            ///< the server's raw reply, all lines, when there was one
    int replyCode = 0;           ///< SMTP reply code (e.g. 554), 0 when none
    QByteArray enhancedCode;     ///< enhanced status code (e.g. "5.7.1", RFC 3463), when given
    CertificateInfo certificate; ///< the refused certificate, for Kind::Tls verification failures

    /// True when this describes a failure.
    bool isError() const { return kind != None; }
    /// True for failures that may pass by themselves (network, timeouts, 4xx).
    bool isTransient() const;
    /// A short untranslated name of @p kind for logs and JSON ("relay-denied", ...).
    static QString kindName(Kind kind);
    /// Convenience constructor.
    static NetError make(Kind kind, const QString &message, const QByteArray &reply = {},
                         int replyCode = 0, const QByteArray &enhancedCode = {});
};

} // namespace Outpost

Q_DECLARE_METATYPE(Outpost::NetError)
