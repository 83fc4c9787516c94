#pragma once

#include "LineTransport.h"

#include <QPointer>
#include <QSslSocket>
#include <QTimer>

namespace Outpost {

/// A line-oriented client connection: plain (QTcpSocket), STARTTLS or implicit TLS
/// (QSslSocket), certificate verification with extra CAs and a pinned fingerprint, connect
/// and inactivity timeouts, and a transcript. Never waits: everything is reported through signals.
///
/// After failed() the connection is closed and emits nothing more.
class Connection : public LineTransport
{
    Q_OBJECT

public:
    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    /// Connects; emits ready() when the connection can carry the protocol (for implicit
    /// TLS, after the handshake), or failed().
    void open(const ConnectionSettings &settings) override;
    /// Starts TLS on an open plain connection (after the server's go-ahead for STARTTLS/STLS);
    /// emits encrypted() or failed().
    void startTls() override;
    /// Sends @p line followed by CRLF. The transcript shows @p shownAs instead when given
    /// (for credentials).
    void sendLine(const QByteArray &line, const QByteArray &shownAs = {}) override;
    /// Sends bytes as they are (message data); the caller logs a summary with note().
    void sendRaw(const QByteArray &data) override;
    /// Adds a line to the transcript without sending anything (e.g. "C: <1234 bytes>").
    void note(const QString &line) override;
    /// Bytes handed to sendRaw/sendLine that the socket has not written yet.
    qint64 bytesToWrite() const override;
    /// While true, received lines are not copied to the transcript (message contents).
    void setQuietReceive(bool quiet) override { m_quietReceive = quiet; }
    /// While a block receiver is set, received bytes go to it instead of lineReceived();
    /// it ends block mode by setting an empty one, and lines resume after what it used.
    void setBlockReceiver(BlockReceiver receiver) override
    {
        m_splitter.setBlockReceiver(std::move(receiver));
    }
    /// While idle, the inactivity timer does not run (nothing is expected from the server).
    void setIdle(bool idle) override;
    /// Closes gracefully after pending data is written; emits closed().
    void close() override;
    /// Closes at once; emits nothing.
    void abort() override;
    /// Reports a failure found by the protocol layer: closes and emits failed() once.
    void fail(const NetError &error) override;

    /// True once TLS is active (implicit or after STARTTLS).
    bool isEncrypted() const override;
    /// True while connected and not failed.
    bool isOpen() const override;
    /// The local address the connection used (valid once ready()).
    QHostAddress localAddress() const override { return m_localAddress; }
    /// The server's address (valid once ready()).
    QHostAddress peerAddress() const { return m_peerAddress; }
    /// The settings given to open().
    const ConnectionSettings &settings() const { return m_settings; }

private:
    void onConnected();
    void onEncrypted();
    void onReadyRead();
    void onSslErrors(const QList<QSslError> &errors);
    void onError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void onTimeout();
    void armTimer();
    void configureTls();
    void keepSession();

    QPointer<QTcpSocket> m_socket;
    QPointer<QSslSocket> m_tls; ///< m_socket when the settings ask for TLS, else null
    LineSplitter m_splitter;    ///< received bytes not yet delivered
    ConnectionSettings m_settings;
    QTimer m_timer;
    CertificateInfo m_refused;
    QHostAddress m_localAddress;
    QHostAddress m_peerAddress;
    QString m_sessionKey;          ///< TlsSessionCache key of this server and trust
    bool m_offeredSession = false; ///< the handshake offered a kept session
    bool m_connecting = false;
    bool m_handshaking = false;
    bool m_failed = false;
    bool m_closing = false;
    bool m_idle = false;
    bool m_quietReceive = false;
};

} // namespace Outpost
