#include "Connection.h"

#include "TlsSessionCache.h"

#include <QSslCipher>
#include <QSslConfiguration>

namespace Outpost {

namespace {

constexpr qint64 readBufferSize = 1024 * 1024;

} // namespace

Connection::Connection(QObject *parent)
    : LineTransport(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Connection::onTimeout);
}

Connection::~Connection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void Connection::open(const ConnectionSettings &settings)
{
    m_settings = settings;
    m_failed = false;
    m_closing = false;
    m_idle = false;
    m_refused = CertificateInfo();
    m_splitter.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    // A plain connection gets a plain socket: creating a QSslSocket loads the TLS library
    // (4-5 MB resident) even when it never encrypts.
    m_tls = nullptr;
    if (settings.security == Security::None) {
        m_socket = new QTcpSocket(this);
    } else {
        m_tls = new QSslSocket(this);
        m_socket = m_tls.data();
        connect(m_tls, &QSslSocket::encrypted, this, &Connection::onEncrypted);
        connect(m_tls, &QSslSocket::sslErrors, this, &Connection::onSslErrors);
        // TLS 1.3 tickets come after the handshake, TLS 1.2 sessions with it.
        connect(m_tls, &QSslSocket::newSessionTicketReceived, this, &Connection::keepSession);
        // Over TLS the plain text is encrypted at once and waits as cipher text; only
        // encryptedBytesWritten tells when that drains, so flow control listens to it too.
        connect(m_tls, &QSslSocket::encryptedBytesWritten, this, [this](qint64 bytes) {
            armTimer();
            Q_EMIT bytesWritten(bytes);
        });
    }
    connect(m_socket, &QTcpSocket::connected, this, &Connection::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &Connection::onError);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this](qint64 bytes) {
        armTimer();
        Q_EMIT bytesWritten(bytes);
    });
    // Read at most this much ahead of the protocol: a fast server cannot fill memory.
    m_socket->setReadBufferSize(readBufferSize);

    auto protocol = QAbstractSocket::AnyIPProtocol;
    if (!settings.localAddress.isNull()) {
        // Same local address (and so the same family) as an earlier connection: POP before
        // SMTP servers authorise the exact client address that logged in.
        protocol = settings.localAddress.protocol();
        if (!m_socket->bind(settings.localAddress, 0)) {
            fail(NetError::make(NetError::Network, tr("Cannot use the local address %1: %2")
                                                       .arg(settings.localAddress.toString(),
                                                            m_socket->errorString())));
            return;
        }
    }
    m_connecting = true;
    m_timer.start(settings.connectTimeoutMs);
    note(QStringLiteral("*: connecting to %1 port %2").arg(settings.host).arg(settings.port));
    if (settings.security == Security::Tls) {
        configureTls();
        m_handshaking = true;
        m_tls->connectToHostEncrypted(settings.host, settings.port, QIODevice::ReadWrite, protocol);
    } else {
        m_socket->connectToHost(settings.host, settings.port, QIODevice::ReadWrite, protocol);
    }
}

void Connection::configureTls()
{
    // Called when TLS begins: at connect for implicit TLS, at the server's go-ahead for
    // STARTTLS.
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!m_settings.extraCaCertificates.isEmpty())
        config.addCaCertificates(m_settings.extraCaCertificates);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // Resume a session of an earlier connection to this server with the same trust
    // (TlsSessionCache): the server then skips the certificate and its signature.
    config.setSslOption(QSsl::SslOptionDisableSessionPersistence, false);
    m_sessionKey = TlsSessionCache::keyFor(m_settings);
    const QByteArray ticket = TlsSessionCache::find(m_sessionKey);
    m_offeredSession = !ticket.isEmpty();
    if (m_offeredSession) {
        config.setSessionTicket(ticket);
        note(QStringLiteral("*: offering the TLS session of an earlier connection"));
    }
    m_tls->setSslConfiguration(config);
}

void Connection::startTls()
{
    if (!isOpen())
        return;
    if (!m_tls) {
        // The protocol clients ask for STARTTLS only when the settings say so.
        fail(NetError::make(NetError::Tls, tr("This connection was set up without TLS.")));
        return;
    }
    // Anything the server sent after its go-ahead would have been sent in plain text but be
    // read as if protected: refuse it (the STARTTLS command injection of CVE-2011-0411).
    if (m_socket->bytesAvailable() > 0 || m_splitter.hasPending()) {
        fail(NetError::make(NetError::Protocol,
                            tr("The server sent data before the TLS handshake.")));
        return;
    }
    configureTls();
    m_handshaking = true;
    armTimer();
    m_tls->startClientEncryption();
}

void Connection::sendLine(const QByteArray &line, const QByteArray &shownAs)
{
    if (!isOpen())
        return;
    Q_EMIT transcript(QStringLiteral("C: ") +
                      QString::fromUtf8(shownAs.isEmpty() ? line : shownAs));
    m_idle = false;
    armTimer();
    m_socket->write(line + "\r\n");
}

void Connection::sendRaw(const QByteArray &data)
{
    if (!isOpen())
        return;
    m_idle = false;
    armTimer();
    m_socket->write(data);
}

void Connection::note(const QString &line)
{
    Q_EMIT transcript(line);
}

qint64 Connection::bytesToWrite() const
{
    if (!m_socket)
        return 0;
    return m_socket->bytesToWrite() + (m_tls ? m_tls->encryptedBytesToWrite() : 0);
}

void Connection::setIdle(bool idle)
{
    m_idle = idle;
    if (idle && !m_connecting && !m_handshaking)
        m_timer.stop();
    else
        armTimer();
}

void Connection::close()
{
    if (!m_socket || m_failed)
        return;
    m_closing = true;
    m_timer.stop();
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        Q_EMIT closed();
        return;
    }
    m_socket->disconnectFromHost();
}

void Connection::abort()
{
    m_timer.stop();
    m_failed = true;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void Connection::fail(const NetError &error)
{
    if (m_failed)
        return;
    m_failed = true;
    m_timer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    note(QStringLiteral("*: failed: %1").arg(error.message));
    Q_EMIT failed(error);
}

bool Connection::isEncrypted() const
{
    return m_tls && m_tls->isEncrypted();
}

bool Connection::isOpen() const
{
    return m_socket && !m_failed && m_socket->state() == QAbstractSocket::ConnectedState;
}

void Connection::armTimer()
{
    if (m_failed || m_closing)
        return;
    if (m_connecting) {
        return; // the connect timer keeps running until the connection is ready
    }
    if (m_idle && !m_handshaking) {
        m_timer.stop();
        return;
    }
    m_timer.start(m_settings.commandTimeoutMs);
}

void Connection::onConnected()
{
    m_localAddress = m_socket->localAddress();
    m_peerAddress = m_socket->peerAddress();
    // Few large writes, sent at once: no Nagle delay against the peer's delayed ACK.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    note(QStringLiteral("*: connected from %1 to %2")
             .arg(m_localAddress.toString(), m_peerAddress.toString()));
    if (m_settings.security == Security::Tls)
        return; // ready once encrypted
    m_connecting = false;
    armTimer();
    Q_EMIT ready();
}

void Connection::onEncrypted()
{
    m_handshaking = false;
    note(QStringLiteral("*: TLS established (%1)").arg(m_tls->sessionCipher().name()));
    keepSession();
    if (m_connecting) {
        m_connecting = false;
        armTimer();
        Q_EMIT ready();
        return;
    }
    armTimer();
    Q_EMIT encrypted();
}

void Connection::keepSession()
{
    // Only a session whose handshake ended in encrypted(): verified, or pinned by the user.
    if (m_tls && m_tls->isEncrypted())
        TlsSessionCache::remember(m_sessionKey, m_tls->sslConfiguration().sessionTicket());
}

void Connection::onReadyRead()
{
    armTimer();
    // Read in bulk and split lines here: QIODevice::readLine on an unencrypted QSslSocket
    // reads byte by byte, which makes large transfers crawl.
    m_splitter.append(m_socket->readAll());
    const LineSplitter::Outcome outcome = m_splitter.deliver(
        [this](const QByteArray &line) {
            if (!m_quietReceive)
                Q_EMIT transcript(QStringLiteral("S: ") + QString::fromUtf8(line));
            Q_EMIT lineReceived(line);
        },
        [this] { return m_socket && !m_failed; });
    if (outcome == LineSplitter::Outcome::OverLong)
        fail(NetError::make(NetError::Protocol, tr("The server sent an over-long line.")));
}

void Connection::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate peer = m_tls->peerCertificate();
    const QByteArray presented = peer.isNull() ? QByteArray() : CertificateInfo::fingerprint(peer);
    for (const QByteArray &pin : m_settings.pinnedSha256) {
        const QByteArray pinned = CertificateInfo::normalizeFingerprint(pin);
        if (pinned.isEmpty() || presented != pinned)
            continue;
        // The user looked at this exact certificate and chose to trust it.
        note(QStringLiteral("*: accepting the pinned certificate %1")
                 .arg(QString::fromLatin1(pinned)));
        m_tls->ignoreSslErrors(errors);
        return;
    }
    m_refused = CertificateInfo::describe(peer, errors);
}

void Connection::onError(QAbstractSocket::SocketError error)
{
    if (m_failed)
        return;
    if (m_closing && error == QAbstractSocket::RemoteHostClosedError)
        return; // onDisconnected reports the normal end
    NetError value;
    switch (error) {
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        if (m_offeredSession)
            TlsSessionCache::forget(m_sessionKey); // the next try does a full handshake
        value = NetError::make(
            NetError::Tls,
            m_refused.isNull()
                ? tr("The secure connection (TLS) failed: %1").arg(m_socket->errorString())
                : tr("The server's certificate is not trusted."));
        value.certificate = m_refused;
        break;
    case QAbstractSocket::HostNotFoundError:
        value = NetError::make(NetError::Network,
                               tr("The server %1 was not found.").arg(m_settings.host));
        break;
    case QAbstractSocket::ConnectionRefusedError:
        value = NetError::make(NetError::Network,
                               tr("The server %1 refused the connection.").arg(m_settings.host));
        break;
    case QAbstractSocket::RemoteHostClosedError:
        value = NetError::make(NetError::Network, m_handshaking
                                                      ? tr("The server closed the connection "
                                                           "during the TLS handshake.")
                                                      : tr("The server closed the connection."));
        if (m_handshaking)
            value.kind = NetError::Tls;
        break;
    default:
        value =
            NetError::make(NetError::Network, tr("Network error: %1").arg(m_socket->errorString()));
        break;
    }
    fail(value);
}

void Connection::onDisconnected()
{
    if (m_failed)
        return;
    m_timer.stop();
    if (m_closing) {
        note(QStringLiteral("*: closed"));
        Q_EMIT closed();
        return;
    }
    fail(NetError::make(NetError::Network, tr("The server closed the connection.")));
}

void Connection::onTimeout()
{
    if (m_connecting) {
        fail(NetError::make(NetError::ConnectTimeout,
                            tr("Could not connect to %1 within %2 seconds.")
                                .arg(m_settings.host)
                                .arg(m_settings.connectTimeoutMs / 1000.0)));
        return;
    }
    fail(NetError::make(NetError::Timeout, tr("The server did not answer within %1 seconds.")
                                               .arg(m_settings.commandTimeoutMs / 1000.0)));
}

} // namespace Outpost
