#include "NetError.h"

namespace Outpost {

bool NetError::isTransient() const
{
    switch (kind) {
    case Network:
    case ConnectTimeout:
    case Timeout:
    case Transient:
        return true;
    default:
        return false;
    }
}

QString NetError::kindName(Kind kind)
{
    switch (kind) {
    case None:
        return QStringLiteral("none");
    case Network:
        return QStringLiteral("network");
    case ConnectTimeout:
        return QStringLiteral("connect-timeout");
    case Timeout:
        return QStringLiteral("timeout");
    case Tls:
        return QStringLiteral("tls");
    case Authentication:
        return QStringLiteral("authentication");
    case InsecureLogin:
        return QStringLiteral("insecure-login");
    case RelayDenied:
        return QStringLiteral("relay-denied");
    case Transient:
        return QStringLiteral("transient");
    case Permanent:
        return QStringLiteral("permanent");
    case Protocol:
        return QStringLiteral("protocol");
    }
    return {};
}

NetError NetError::make(Kind kind, const QString &message, const QByteArray &reply, int replyCode,
                        const QByteArray &enhancedCode)
{
    NetError error;
    error.kind = kind;
    error.message = message;
    error.reply = reply;
    error.replyCode = replyCode;
    error.enhancedCode = enhancedCode;
    return error;
}

} // namespace Outpost
