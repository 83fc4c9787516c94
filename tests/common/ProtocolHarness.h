#pragma once

// One protocol client under test, shared by the SMTP and POP3 client tests. Either on a
// FakeTransport, with the server played inline (deterministic: split reads, partial lines,
// pipelining, disconnects), or on a real Connection to a ScriptedServer (TLS, timeouts and
// other conversations that need a socket).
//
// At cleanup (when the harness goes out of scope) the test fails on any error signal it did
// not declare with expectError(), and unless the whole script was used: for the fake, every
// byte the client wrote was expected and no script error happened; for the scripted server,
// every line was used and nothing else arrived.

#include "FakeTransport.h"
#include "ScriptedServer.h"

#include "net/NetError.h"

#include <QSet>
#include <QStringList>
#include <QTest>

#include <memory>
#include <vector>

/// Checks that the client of harness @p h wrote exactly @p bytes next.
#define EXPECT_CLIENT(h, bytes)                                                                    \
    QVERIFY2((h).fake->expectClient(bytes), (h).fake->report().constData())

template<typename Client, typename Settings>
class ProtocolHarness
{
public:
    /// A client on a FakeTransport: the test plays the server with fake->serverSends().
    ProtocolHarness()
        : client(adopt(fake))
    {
        setUp();
    }
    /// A client on a real Connection to a ScriptedServer playing @p script.
    explicit ProtocolHarness(const QByteArrayList &script)
        : server(std::make_unique<ScriptedServer>(script))
    {
        setUp();
        settings.connection.port = server->port();
    }
    ProtocolHarness(const ProtocolHarness &) = delete;
    ProtocolHarness &operator=(const ProtocolHarness &) = delete;

    /// The cleanup check: unexpected errors and unused script fail the current test.
    ~ProtocolHarness()
    {
        if (QTest::currentTestFailed())
            return; // the first failure tells more than what follows from it
        for (const Reported &r : m_errors) {
            if (m_expected.contains(r.error.kind))
                continue;
            const QByteArray why = "unexpected error signal " + r.signal + " (" +
                                   Outpost::NetError::kindName(r.error.kind).toUtf8() +
                                   "): " + r.error.message.toUtf8();
            QFAIL(why.constData());
        }
        if (fake)
            QVERIFY2(fake->allUsed(), fake->report().constData());
        if (server)
            QVERIFY2(server->allUsed(), server->report().constData());
    }

    /// Connects (with the fake, the connection is up at once and waits for the greeting).
    void open()
    {
        client.setSettings(settings);
        client.open();
        if (fake)
            fake->acceptConnection();
    }
    /// Plays a ScriptedServer-style @p script on the fake transport: "S: text" is one read
    /// of "text" CRLF, "C: text" must be what the client wrote next, "X" closes the server's
    /// end. Stops at the first script error.
    void play(const QByteArrayList &script)
    {
        for (const QByteArray &line : script) {
            if (line.startsWith("S: "))
                fake->serverSends(line.mid(3) + "\r\n");
            else if (line.startsWith("C: "))
                fake->expectClient(line.mid(3) + "\r\n");
            else if (line == "X")
                fake->serverDisconnects();
            else
                QFAIL(("a fake transport cannot play '" + line + "'").constData());
            if (fake->scriptFailed())
                return;
        }
    }
    /// Declares that error signals of @p kind are part of the test.
    void expectError(Outpost::NetError::Kind kind) { m_expected.insert(kind); }
    /// Every byte the client wrote (after TLS, as decrypted).
    QByteArray written() const { return fake ? fake->written() : server->received(); }
    /// True when the script was used up (see the cleanup check), for QVERIFY2 in tests.
    bool allUsed() const { return fake ? fake->allUsed() : server->allUsed(); }
    /// A description of allUsed() for QVERIFY2.
    QByteArray report() const { return fake ? fake->report() : server->report(); }

    Settings settings;
    std::unique_ptr<ScriptedServer> server; ///< set for a scripted-server harness
    FakeTransport *fake = nullptr;          ///< set for a fake-transport harness (owned by client)
    Client client;
    QStringList transcript;

protected:
    /// Records an error signal for the cleanup check (no error: nothing to record).
    void recordError(const QByteArray &signal, const Outpost::NetError &error)
    {
        if (error.isError())
            m_errors.push_back({signal, error});
    }

private:
    struct Reported
    {
        QByteArray signal;
        Outpost::NetError error;
    };

    static std::unique_ptr<Outpost::LineTransport> adopt(FakeTransport *&out)
    {
        auto transport = std::make_unique<FakeTransport>();
        out = transport.get();
        return transport;
    }

    void setUp()
    {
        settings.connection.host = QStringLiteral("127.0.0.1");
        settings.connection.security = Outpost::Security::None;
        settings.connection.commandTimeoutMs = 5000;
        settings.connection.connectTimeoutMs = 5000;
        QObject::connect(&client, &Client::transcript,
                         [this](const QString &line) { transcript << line; });
    }

    std::vector<Reported> m_errors;
    QSet<Outpost::NetError::Kind> m_expected;
};
