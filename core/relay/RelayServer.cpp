#include "RelayServer.h"

#include <QSslSocket>
#include <QTcpServer>

namespace Outpost {

namespace {

// Makes each client a QSslSocket (still unencrypted), so that STARTTLS can encrypt it.
class TlsReadyServer : public QTcpServer
{
protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        addPendingConnection(socket);
    }
};

} // namespace

bool RelayServer::isLoopback(const QHostAddress &address)
{
    bool mapped = false;
    const QHostAddress v4(address.toIPv4Address(&mapped));
    return mapped ? v4.isLoopback() : address.isLoopback();
}

RelayServer::RelayServer(RelayTarget *target, QObject *parent)
    : QObject(parent)
    , m_target(target)
{}

RelayServer::~RelayServer()
{
    close();
}

bool RelayServer::listen(quint16 port, const QList<QHostAddress> &addresses, QString *error)
{
    close();
    const QList<QHostAddress> wanted =
        addresses.isEmpty() ? QList<QHostAddress>{QHostAddress(QHostAddress::LocalHost),
                                                  QHostAddress(QHostAddress::LocalHostIPv6)}
                            : addresses;
    QString problem;
    QString network; // why a network (not loopback) address was not listened on
    quint16 chosen = port;
    for (const QHostAddress &address : wanted) {
        auto server = m_tls.isNull() ? std::make_unique<QTcpServer>()
                                     : std::unique_ptr<QTcpServer>(new TlsReadyServer);
        if (!server->listen(address, chosen)) {
            if (server->serverError() == QAbstractSocket::AddressInUseError) {
                // Another program there would receive what is meant for Outpost.
                m_servers.clear();
                if (error)
                    *error = tr("Port %1 is already used by another program on this computer. "
                                "Choose another port for the relay.")
                                 .arg(chosen);
                return false;
            }
            // A machine without IPv6 (or IPv4) loopback still serves the other one.
            if (problem.isEmpty())
                problem = tr("The relay cannot listen on %1, port %2: %3")
                              .arg(address.toString())
                              .arg(chosen)
                              .arg(server->errorString());
            if (!isLoopback(address) && network.isEmpty())
                network = tr("The relay cannot listen on %1, port %2: %3")
                              .arg(address.toString())
                              .arg(chosen)
                              .arg(server->errorString());
            continue;
        }
        chosen = server->serverPort(); // a port chosen for the first is used for the rest
        QTcpServer *raw = server.get();
        connect(raw, &QTcpServer::newConnection, this, [this, raw] { accept(raw); });
        m_servers.push_back(std::move(server));
    }
    if (m_servers.empty()) {
        if (error)
            *error = problem;
        return false;
    }
    m_port = chosen;
    m_skipped = network;
    return true;
}

void RelayServer::close()
{
    m_servers.clear();
    m_skipped.clear();
}

bool RelayServer::isListening() const
{
    return !m_servers.empty();
}

QList<QHostAddress> RelayServer::addresses() const
{
    QList<QHostAddress> out;
    for (const auto &server : m_servers)
        out.append(server->serverAddress());
    return out;
}

void RelayServer::accept(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        auto *session = new RelaySession(socket, m_target, m_limits, this);
        if (!m_tls.isNull())
            session->setTls(m_tls);
        session->setLocal(m_isLocal(socket->peerAddress()));
        const int number = m_nextSession++;
        connect(session, &RelaySession::transcript, this, [this, number](const QString &line) {
            Q_EMIT transcript(QStringLiteral("[%1] %2").arg(number).arg(line));
        });
        connect(session, &RelaySession::queued, this,
                [this](const QString &accountId, const QString &id) {
                    ++m_relayed;
                    Q_EMIT queued(accountId, id);
                    Q_EMIT activityChanged();
                });
        ++m_clients;
        connect(session, &RelaySession::finished, this, [this] {
            --m_clients;
            Q_EMIT activityChanged();
        });
        Q_EMIT activityChanged();
        if (m_clients > m_maxClients)
            session->refuse("421 4.7.0 Too many programs are sending through Outpost at once; "
                            "try again in a minute");
        else
            session->start();
    }
}

} // namespace Outpost
