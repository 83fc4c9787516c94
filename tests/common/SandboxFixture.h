#pragma once

// Helpers for tests that run the protocol clients against the in-process sandbox.

#include "TestTls.h"
#include "pop3/Pop3Client.h"
#include "sandbox/SandboxServer.h"
#include "smtp/SmtpClient.h"
#include "store/Account.h"

#include <QBuffer>
#include <QStringList>

namespace SandboxFixture {

inline Outpost::Pop3Settings popSettings(const Outpost::SandboxServer &server,
                                         const QByteArray &user = "alice",
                                         const QByteArray &password = "wonderland")
{
    Outpost::Pop3Settings s;
    s.connection.host = QStringLiteral("127.0.0.1");
    s.connection.port = server.popPort();
    s.connection.security = server.settings().popSecurity;
    s.connection.commandTimeoutMs = 5000;
    s.connection.connectTimeoutMs = 5000;
    s.connection.extraCaCertificates = {TestTls::ca()};
    s.user = QString::fromLatin1(user);
    s.password = QString::fromLatin1(password);
    return s;
}

inline Outpost::SmtpSettings smtpSettings(const Outpost::SandboxServer &server)
{
    Outpost::SmtpSettings s;
    s.connection.host = QStringLiteral("127.0.0.1");
    s.connection.port = server.smtpPort();
    s.connection.security = server.settings().smtpSecurity;
    s.connection.commandTimeoutMs = 5000;
    s.connection.connectTimeoutMs = 5000;
    s.connection.extraCaCertificates = {TestTls::ca()};
    return s;
}

/// A message body the test owns.
inline Outpost::SmtpMessage message(QObject *owner, const QByteArray &body,
                                    const QByteArrayList &to = {"bob@example.net"},
                                    const QByteArray &from = "alice@example.com")
{
    auto *buffer = new QBuffer(owner);
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    Outpost::SmtpMessage m;
    m.sender = from;
    m.recipients = to;
    m.body = buffer;
    return m;
}

/// Round trips in a transcript: each run of server lines is one wait for the server
/// (the first run is the greeting, i.e. the connection).
inline int roundTrips(const QStringList &transcript)
{
    int runs = 0;
    bool inServerRun = false;
    for (const QString &line : transcript) {
        if (line.startsWith(QLatin1String("S: "))) {
            if (!inServerRun)
                ++runs;
            inServerRun = true;
        } else if (line.startsWith(QLatin1String("C: "))) {
            inServerRun = false;
        }
    }
    return runs;
}

/// A sandbox with one user and TLS material loaded.
inline void setUp(Outpost::SandboxServer &server)
{
    server.settings().certificate = TestTls::serverCertificate();
    server.settings().privateKey = TestTls::serverKey();
    server.addUser("alice", "wonderland");
}

/// An account of user alice on @p server (plain POP3 and SMTP, POP before SMTP).
inline Outpost::Account account(const Outpost::SandboxServer &server, const QString &id,
                                const QString &name)
{
    Outpost::Account a;
    a.id = id;
    a.name = name;
    a.address = QStringLiteral("alice@example.com");
    a.popHost = QStringLiteral("127.0.0.1");
    a.popPort = server.popPort();
    a.popUser = QStringLiteral("alice");
    a.smtpHost = QStringLiteral("127.0.0.1");
    a.smtpPort = server.smtpPort();
    a.popBeforeSmtp = true;
    // Plain connections: the sandbox's greeting carries an APOP timestamp, so the login sends
    // a digest, never the password; USER/PASS and SASL PLAIN stay refused without TLS.
    a.allowPlainTextAuth = false;
    return a;
}

} // namespace SandboxFixture
