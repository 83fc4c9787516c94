#include "SandboxSession.h"

#include <QPointer>

namespace Outpost {

SandboxSession::SandboxSession(SandboxServer *server, SandboxFault::Protocol protocol)
    : QObject(server)
    , m_server(server)
    , m_socket(new QSslSocket(this))
    , m_protocol(protocol)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (!m_out.empty())
            m_out.front().delay = 0;
        process();
    });
    connect(m_socket, &QSslSocket::readyRead, this, &SandboxSession::onReadyRead);
    connect(m_socket, &QSslSocket::bytesWritten, this, [this] { wroteData(); });
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, [this] { wroteData(); });
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        m_dead = true;
        deleteLater();
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        if (m_implicitTls)
            greet();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            drop();
    });
    connect(m_socket, &QSslSocket::sslErrors, this, [](const QList<QSslError> &) {});
}

SandboxSession::~SandboxSession() = default;

void SandboxSession::start(qintptr descriptor, bool implicitTls)
{
    m_socket->setSocketDescriptor(descriptor);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(1024 * 1024); // read no further ahead than this
    m_peer = m_socket->peerAddress();
    m_implicitTls = implicitTls;
    if (implicitTls)
        beginTls();
    else
        greet();
}

void SandboxSession::beginTls()
{
    m_socket->setLocalCertificate(m_server->m_settings.certificate);
    m_socket->setPrivateKey(m_server->m_settings.privateKey);
    m_socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    m_socket->startServerEncryption();
}

void SandboxSession::reply(const QByteArray &text, int extraDelay)
{
    const int delay = m_server->m_settings.replyDelayMs + extraDelay + m_nextDelay;
    m_nextDelay = 0;
    m_out.push_back({text + "\r\n", delay, {}});
    process();
}

void SandboxSession::then(std::function<void()> action)
{
    m_out.push_back({{}, 0, std::move(action)});
    process();
}

void SandboxSession::write(const QByteArray &bytes)
{
    if (!m_dead)
        m_socket->write(bytes);
}

void SandboxSession::closeAfterReplies()
{
    then([this] { m_socket->disconnectFromHost(); });
}

void SandboxSession::drop()
{
    if (m_dead)
        return;
    m_dead = true;
    m_out.clear();
    m_timer.stop();
    m_socket->flush(); // what was written before the drop still goes out
    m_socket->abort();
    deleteLater();
}

void SandboxSession::startTlsAfterReplies()
{
    then([this] { beginTls(); });
}

bool SandboxSession::applyFault(const QByteArray &command)
{
    const SandboxFault *fault = m_server->takeFault(m_protocol, command);
    if (!fault)
        return false;
    switch (fault->action) {
    case SandboxFault::Reply:
        reply(fault->reply);
        return true;
    case SandboxFault::Disconnect:
        then([this] { drop(); }); // earlier replies still go out
        return true;
    case SandboxFault::Silence:
        // A hung server answers nothing more: a QUIT pipelined behind the silent command
        // must not be answered either.
        m_hung = true;
        return true;
    case SandboxFault::Delay:
        m_nextDelay = fault->delayMs;
        return false;
    case SandboxFault::DisconnectMidData:
        m_dropAfterBytes = fault->afterBytes;
        return false;
    }
    return false;
}

void SandboxSession::onReadyRead()
{
    // Bulk reads, lines split here (readLine on an unencrypted QSslSocket goes byte by byte).
    QPointer<SandboxSession> self(this);
    m_input += m_socket->readAll();
    if (m_hung) {
        m_input.clear();
        return;
    }
    qsizetype pos = 0;
    while (self && !m_dead && !m_hung) {
        if (m_rawBytes > 0) {
            const qsizetype n =
                static_cast<qsizetype>(qMin<qint64>(m_rawBytes, m_input.size() - pos));
            if (n == 0)
                break;
            const QByteArray chunk = m_input.mid(pos, n);
            pos += n;
            m_rawBytes -= n;
            handleRaw(chunk);
            continue;
        }
        if (m_streaming) {
            if (pos == m_input.size())
                break;
            pos += handleStream(QByteArrayView(m_input.constData() + pos, m_input.size() - pos));
            continue;
        }
        const qsizetype end = m_input.indexOf('\n', pos);
        if (end < 0)
            break;
        qsizetype length = end - pos;
        if (length > 0 && m_input.at(end - 1) == '\r')
            --length;
        const QByteArray line = m_input.mid(pos, length);
        pos = end + 1;
        handleLine(line);
    }
    if (self && !m_dead)
        m_input.remove(0, pos);
}

void SandboxSession::process()
{
    while (!m_out.empty() && !m_dead) {
        if (m_timer.isActive())
            return;
        Out &head = m_out.front();
        if (head.delay > 0) {
            m_timer.start(head.delay);
            return;
        }
        const Out out = std::move(head);
        m_out.pop_front();
        if (!out.bytes.isEmpty())
            m_socket->write(out.bytes);
        if (out.action)
            out.action();
    }
}

} // namespace Outpost
