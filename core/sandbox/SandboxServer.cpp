#include "SandboxServer.h"

#include "sandbox/SandboxImapSession.h"
#include "sandbox/SandboxPop3Session.h"
#include "sandbox/SandboxSmtpSession.h"

#include <QDateTime>
#include <QFileInfo>

namespace Outpost {

namespace {

/// A QTcpServer that hands the raw descriptor on, so the session can wrap it in a QSslSocket
/// (needed for STARTTLS and implicit TLS on the server side).
class Listener : public QTcpServer
{
public:
    explicit Listener(std::function<void(qintptr)> accept)
        : m_accept(std::move(accept))
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_accept(descriptor); }

private:
    std::function<void(qintptr)> m_accept;
};

} // namespace

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
{}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(const QHostAddress &address, quint16 smtpPort, quint16 popPort,
                           quint16 imapPort)
{
    close();
    m_smtpListener = std::make_unique<Listener>([this](qintptr descriptor) {
        startSession(new SandboxSmtpSession(this), descriptor,
                     m_settings.smtpSecurity == Security::Tls);
    });
    m_popListener = std::make_unique<Listener>([this](qintptr descriptor) {
        startSession(new SandboxPop3Session(this), descriptor,
                     m_settings.popSecurity == Security::Tls);
    });
    if (!m_smtpListener->listen(address, smtpPort)) {
        m_error = m_smtpListener->errorString();
        close();
        return false;
    }
    if (!m_popListener->listen(address, popPort)) {
        m_error = m_popListener->errorString();
        close();
        return false;
    }
    m_imapListener = std::make_unique<Listener>([this](qintptr descriptor) {
        startSession(new SandboxImapSession(this), descriptor,
                     m_settings.popSecurity == Security::Tls);
    });
    if (!m_imapListener->listen(address, imapPort)) {
        m_error = m_imapListener->errorString();
        close();
        return false;
    }
    return true;
}

void SandboxServer::close()
{
    m_smtpListener.reset();
    m_popListener.reset();
    m_imapListener.reset();
    const QList<SandboxSession *> sessions = findChildren<SandboxSession *>();
    for (SandboxSession *session : sessions)
        delete session;
}

quint16 SandboxServer::smtpPort() const
{
    return m_smtpListener ? m_smtpListener->serverPort() : 0;
}

quint16 SandboxServer::popPort() const
{
    return m_popListener ? m_popListener->serverPort() : 0;
}

quint16 SandboxServer::imapPort() const
{
    return m_imapListener ? m_imapListener->serverPort() : 0;
}

bool SandboxServer::imapSeen(const QByteArray &user, int index) const
{
    const auto it = m_users.constFind(user);
    return it != m_users.constEnd() && index >= 0 && index < it->mailbox.size() &&
           it->mailbox[index].imapSeen;
}

void SandboxServer::addUser(const QByteArray &user, const QByteArray &password)
{
    m_users[user].password = password;
}

QByteArray SandboxServer::addMessage(const QByteArray &user, const QByteArray &message)
{
    MailboxMessage entry;
    entry.uid = "sbx-" + QByteArray::number(m_nextUid++);
    entry.data = message;
    entry.size = message.size();
    entry.imapUid = m_nextImapUid++;
    m_users[user].mailbox << entry;
    return entry.uid;
}

QByteArray SandboxServer::addMessageFile(const QByteArray &user, const QString &path)
{
    MailboxMessage entry;
    entry.uid = "sbx-" + QByteArray::number(m_nextUid++);
    entry.path = path;
    entry.size = QFileInfo(path).size();
    entry.imapUid = m_nextImapUid++;
    m_users[user].mailbox << entry;
    return entry.uid;
}

int SandboxServer::mailboxSize(const QByteArray &user) const
{
    const auto it = m_users.constFind(user);
    return it == m_users.constEnd() ? 0 : static_cast<int>(it->mailbox.size());
}

void SandboxServer::addFault(const SandboxFault &fault)
{
    m_faults << fault;
}

void SandboxServer::clearFaults()
{
    m_faults.clear();
    m_seen.clear();
}

const SandboxFault *SandboxServer::takeFault(SandboxFault::Protocol protocol,
                                             const QByteArray &command)
{
    const QByteArray key = QByteArray::number(protocol) + ':' + command;
    const int seen = ++m_seen[key];
    for (const SandboxFault &fault : std::as_const(m_faults)) {
        if (fault.protocol == protocol && fault.command == command &&
            (fault.occurrence == 0 || fault.occurrence == seen))
            return &fault;
    }
    return nullptr;
}

qint64 SandboxServer::now() const
{
    return m_settings.clock ? m_settings.clock() : QDateTime::currentMSecsSinceEpoch();
}

bool SandboxServer::relayAllowed(const QHostAddress &client) const
{
    const auto it = m_grants.constFind(client.toString());
    if (it == m_grants.constEnd())
        return false;
    const qint64 t = now();
    return t >= *it + m_settings.grantLagMs && t < *it + m_settings.windowMs;
}

void SandboxServer::recordPopLogin(const QHostAddress &client, const QByteArray &user)
{
    m_grants.insert(client.toString(), now());
    Q_EMIT popLoggedIn(client, user);
}

void SandboxServer::recordDelivery(const SandboxDelivery &delivery)
{
    m_deliveries << delivery;
    Q_EMIT delivered(delivery);
}

void SandboxServer::startSession(SandboxSession *session, qintptr descriptor, bool implicitTls)
{
    session->start(descriptor, implicitTls);
}

} // namespace Outpost
