#pragma once

// A LineTransport without a network, scripted inline (in the manner of Trojitá's tests): the
// test hands the client server bytes with serverSends() (one read each, so a test chooses
// exactly where reads split), and checks the bytes the client wrote with expectClient().
// Received bytes go through the same LineSplitter as the real Connection. Deterministic: no
// sockets, no timers, no event loop; every signal is emitted from the call that causes it.
//
// Script errors (the client wrote something other than expected, or wrote before the server
// reply it had to wait for) are recorded; allUsed() and report() tell about them.

#include "net/LineTransport.h"

#include <QByteArrayList>

class FakeTransport : public Outpost::LineTransport
{
public:
    // --- driven by the test ---

    /// The connection is up: emits ready() (the greeting comes next).
    void acceptConnection()
    {
        if (!m_opened) {
            scriptError("acceptConnection() before the client called open()");
            return;
        }
        m_connected = true;
        m_encrypted = m_settings.security == Outpost::Security::Tls; // as after a handshake
        note(QStringLiteral("*: connected (fake transport)"));
        Q_EMIT ready();
    }
    /// The server sends @p bytes, read by the client in one read.
    void serverSends(const QByteArray &bytes) { serverSendsInPieces(QByteArrayList{bytes}); }
    /// The server sends @p pieces, each one read separately (split reads, partial lines).
    void serverSendsInPieces(const QByteArrayList &pieces)
    {
        if (!pending().isEmpty()) {
            // A scripted server reads everything the client sent before it answers.
            scriptError("the client wrote '" + pending() + "' before the server's '" +
                        pieces.join() + "', and the script did not expect it");
            return;
        }
        for (const QByteArray &piece : pieces) {
            if (!m_connected || m_failed) {
                scriptError("the server sends '" + piece + "' on a connection that is not open");
                return;
            }
            receive(piece);
        }
    }
    /// The server sends @p bytes in reads of @p size bytes each.
    void serverSendsInPieces(const QByteArray &bytes, qsizetype size)
    {
        QByteArrayList pieces;
        for (qsizetype i = 0; i < bytes.size(); i += size)
            pieces << bytes.mid(i, size);
        serverSendsInPieces(pieces);
    }
    /// The server closes the connection: closed() after the client's close(), else failed()
    /// as the real Connection does. Bytes of an unfinished line are dropped.
    void serverDisconnects()
    {
        if (m_failed || !m_connected)
            return;
        m_connected = false;
        if (m_closing) {
            note(QStringLiteral("*: closed"));
            Q_EMIT closed();
            return;
        }
        fail(Outpost::NetError::make(Outpost::NetError::Network,
                                     QStringLiteral("The server closed the connection.")));
    }
    /// The TLS handshake the client started with startTls() succeeded: emits encrypted().
    void completeTls()
    {
        if (!m_handshaking) {
            scriptError("completeTls() without startTls()");
            return;
        }
        m_handshaking = false;
        m_encrypted = true;
        Q_EMIT encrypted();
    }
    /// Checks that the next bytes the client wrote are exactly @p bytes, and consumes them.
    /// False (and the mismatch recorded) otherwise.
    bool expectClient(const QByteArray &bytes)
    {
        const QByteArray next = pending().left(bytes.size());
        if (next == bytes) {
            m_checked += bytes.size();
            return true;
        }
        scriptError("expected the client to write '" + bytes + "', got '" + pending() + "'");
        return false;
    }

    // --- what the test checks ---

    /// Every byte the client wrote, for "never on the wire" checks.
    QByteArray written() const { return m_written; }
    /// Bytes the client wrote that no expectClient() consumed yet.
    QByteArray pending() const { return m_written.mid(m_checked); }
    /// True when nothing went wrong and every byte the client wrote was expected.
    bool allUsed() const { return m_failure.isEmpty() && pending().isEmpty(); }
    /// A description for QVERIFY2: the first script error, or what was left unexpected.
    QByteArray report() const
    {
        if (!m_failure.isEmpty())
            return m_failure;
        if (!pending().isEmpty())
            return "the client wrote '" + pending() + "', and the script did not expect it";
        return "ok";
    }
    /// True once a script error was recorded.
    bool scriptFailed() const { return !m_failure.isEmpty(); }
    /// True once the client asked to close.
    bool closeRequested() const { return m_closing; }
    /// The settings the client opened with.
    const Outpost::ConnectionSettings &settings() const { return m_settings; }
    /// The last setIdle() value.
    bool idle() const { return m_idle; }
    /// How many times the client called open() (a client may connect again).
    int opens() const { return m_opens; }

    // --- LineTransport ---

    void open(const Outpost::ConnectionSettings &settings) override
    {
        m_settings = settings;
        m_opened = true;
        ++m_opens;
        m_connected = false;
        m_failed = false;
        m_closing = false;
        m_encrypted = false;
        m_handshaking = false;
        m_splitter.clear();
        note(QStringLiteral("*: connecting to %1 port %2").arg(settings.host).arg(settings.port));
    }
    void startTls() override
    {
        if (!isOpen())
            return;
        if (m_settings.security == Outpost::Security::None) {
            fail(Outpost::NetError::make(Outpost::NetError::Tls,
                                         QStringLiteral("This connection was set up without "
                                                        "TLS.")));
            return;
        }
        // As the real Connection: bytes after the go-ahead would be read as if protected.
        if (m_splitter.hasPending()) {
            fail(Outpost::NetError::make(Outpost::NetError::Protocol,
                                         QStringLiteral("The server sent data before the TLS "
                                                        "handshake.")));
            return;
        }
        m_handshaking = true;
    }
    void sendLine(const QByteArray &line, const QByteArray &shownAs = {}) override
    {
        if (!isOpen())
            return;
        Q_EMIT transcript(QStringLiteral("C: ") +
                          QString::fromUtf8(shownAs.isEmpty() ? line : shownAs));
        m_idle = false;
        m_written += line + "\r\n";
    }
    void sendRaw(const QByteArray &data) override
    {
        if (!isOpen())
            return;
        m_idle = false;
        m_written += data;
    }
    void note(const QString &line) override { Q_EMIT transcript(line); }
    qint64 bytesToWrite() const override { return 0; } // written at once
    void setQuietReceive(bool quiet) override { m_quietReceive = quiet; }
    void setBlockReceiver(BlockReceiver receiver) override
    {
        m_splitter.setBlockReceiver(std::move(receiver));
    }
    void setIdle(bool idle) override { m_idle = idle; }
    void close() override
    {
        if (!m_opened || m_failed)
            return;
        m_closing = true;
        if (!m_connected) {
            Q_EMIT closed();
            return;
        }
    }
    void abort() override
    {
        m_failed = true;
        m_connected = false;
    }
    void fail(const Outpost::NetError &error) override
    {
        if (m_failed)
            return;
        m_failed = true;
        m_connected = false;
        note(QStringLiteral("*: failed: %1").arg(error.message));
        Q_EMIT failed(error);
    }
    bool isEncrypted() const override { return m_encrypted; }
    bool isOpen() const override { return m_connected && !m_failed && !m_closing; }
    QHostAddress localAddress() const override { return QHostAddress::LocalHost; }

private:
    void scriptError(const QByteArray &why)
    {
        if (m_failure.isEmpty())
            m_failure = why;
    }

    void receive(const QByteArray &bytes)
    {
        m_splitter.append(bytes);
        const auto outcome = m_splitter.deliver(
            [this](const QByteArray &line) {
                if (!m_quietReceive)
                    Q_EMIT transcript(QStringLiteral("S: ") + QString::fromUtf8(line));
                Q_EMIT lineReceived(line);
            },
            [this] { return !m_failed; });
        if (outcome == Outpost::LineSplitter::Outcome::OverLong)
            fail(Outpost::NetError::make(Outpost::NetError::Protocol,
                                         QStringLiteral("The server sent an over-long line.")));
    }

    Outpost::LineSplitter m_splitter;
    Outpost::ConnectionSettings m_settings;
    QByteArray m_written;
    qsizetype m_checked = 0; ///< bytes of m_written consumed by expectClient()
    QByteArray m_failure;
    bool m_opened = false;
    int m_opens = 0;
    bool m_connected = false;
    bool m_failed = false;
    bool m_closing = false;
    bool m_idle = false;
    bool m_quietReceive = false;
    bool m_encrypted = false;
    bool m_handshaking = false;
};
