#pragma once

// A scripted server for protocol conversations (in the manner of KSMTP's fakeserver):
// "S: text" lines are sent, "C: text" lines must arrive exactly in order, "TLS" starts
// server-side TLS, "X" closes the connection. The test asserts that the whole script was
// used, nothing unexpected arrived, and the client never sent a command before the reply it
// had to wait for (a line arriving while the script still owes the client a reply).

#include "TestTls.h"

#include <QByteArrayList>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

class ScriptedServer : public QTcpServer
{
public:
    explicit ScriptedServer(const QByteArrayList &script, QObject *parent = nullptr)
        : QTcpServer(parent)
        , m_script(script)
    {
        listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return serverPort(); }
    /// True when every line of the script was used and nothing else arrived.
    bool allUsed() const { return m_position == m_script.size() && m_failure.isEmpty(); }
    /// The first mismatch, empty when none.
    QByteArray failure() const { return m_failure; }
    /// A description for QVERIFY2.
    QByteArray report() const
    {
        if (!m_failure.isEmpty())
            return m_failure;
        if (m_position < m_script.size())
            return "script not finished; next line: " + m_script[m_position];
        return "ok";
    }

    /// Every byte the client sent so far (after TLS, as decrypted), for "never on the wire"
    /// checks.
    QByteArray received() const
    {
        return m_socket ? m_received + m_socket->peek(m_socket->bytesAvailable()) : m_received;
    }
    /// True when @p bytes hold @p password in any form a login could send it in: as it is, in
    /// base64 alone (AUTH LOGIN), or inside a SASL PLAIN token (RFC 4616) for @p user.
    static bool holdsPassword(const QByteArray &bytes, const QByteArray &user,
                              const QByteArray &password)
    {
        const QByteArray plainToken = QByteArray(1, '\0') + user + '\0' + password;
        return bytes.contains(password) || bytes.contains(password.toBase64()) ||
               bytes.contains(plainToken.toBase64());
    }
    /// Processes events until the client has closed the connection (or @p timeoutMs passed),
    /// so that everything it sent before closing has been read.
    bool waitForClientClose(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([this] { return m_clientClosed; }, timeoutMs);
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (m_socket) {
            fail("a second connection");
            return;
        }
        m_socket = new QSslSocket(this);
        m_socket->setSocketDescriptor(descriptor);
        connect(m_socket, &QSslSocket::readyRead, this, [this] { onReadyRead(); });
        connect(m_socket, &QSslSocket::disconnected, this, [this] { m_clientClosed = true; });
        run();
    }

private:
    void fail(const QByteArray &why)
    {
        if (m_failure.isEmpty())
            m_failure = why;
    }

    void run()
    {
        while (m_position < m_script.size()) {
            const QByteArray &line = m_script[m_position];
            if (line.startsWith("S: ")) {
                m_socket->write(line.mid(3) + "\r\n");
            } else if (line == "X") {
                m_socket->disconnectFromHost();
            } else if (line == "TLS") {
                m_socket->setLocalCertificate(TestTls::serverCertificate());
                m_socket->setPrivateKey(TestTls::serverKey());
                m_socket->startServerEncryption();
            } else {
                return; // a C: line: wait for the client
            }
            ++m_position;
        }
    }

    void onReadyRead()
    {
        while (m_socket->canReadLine()) {
            QByteArray line = m_socket->readLine();
            m_received += line;
            line.chop(line.endsWith("\r\n") ? 2 : 1);
            if (m_position >= m_script.size()) {
                fail("unexpected line after the script: " + line);
                return;
            }
            const QByteArray expected = m_script[m_position];
            if (!expected.startsWith("C: ") || expected.mid(3) != line) {
                fail("expected '" + expected + "', got 'C: " + line + "'");
                return;
            }
            ++m_position;
            const bool replyDue =
                m_position < m_script.size() && !m_script[m_position].startsWith("C: ");
            if (replyDue && m_socket->bytesAvailable() > 0)
                fail("the client sent more before the reply to '" + line + "'");
            run();
        }
    }

    QByteArrayList m_script;
    qsizetype m_position = 0;
    QSslSocket *m_socket = nullptr;
    QByteArray m_failure;
    QByteArray m_received;
    bool m_clientClosed = false;
};
