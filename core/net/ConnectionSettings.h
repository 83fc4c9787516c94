#pragma once

#include <QByteArrayList>

#include "AccountTypes.h"

#include <QHostAddress>
#include <QList>
#include <QSslCertificate>
#include <QString>

namespace Outpost {

/// Where and how to connect; shared by the SMTP and POP3 clients.
struct ConnectionSettings
{
    QString host;                               ///< server name or address
    quint16 port = 0;                           ///< server port
    Security security = Security::Tls;          ///< none, STARTTLS or implicit TLS
    QList<QSslCertificate> extraCaCertificates; ///< trusted in addition to the system CAs
    /// Certificates the user accepted (hex SHA-256, any spelling): one of them is trusted even
    /// when no CA vouches for it. An account can hold several (POP and SMTP on other hosts).
    QByteArrayList pinnedSha256;
    int connectTimeoutMs = 30000; ///< TCP connect plus implicit TLS handshake
    int commandTimeoutMs = 60000; ///< inactivity while waiting for the server
    /// When set, bind to this local address before connecting and connect over its family
    /// (POP before SMTP servers authorise the exact client IP that logged in over POP).
    QHostAddress localAddress;
};

} // namespace Outpost
