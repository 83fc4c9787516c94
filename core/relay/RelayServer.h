#pragma once

#include "relay/RelaySession.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslConfiguration>

#include <functional>

#include <memory>

class QTcpServer;

namespace Outpost {

/// The local relay's listener: SMTP submission on this machine's loopback addresses (or the
/// addresses given), one RelaySession per client, all on the event loop.
class RelayServer : public QObject
{
    Q_OBJECT

public:
    explicit RelayServer(RelayTarget *target, QObject *parent = nullptr);
    ~RelayServer() override;

    void setLimits(const RelayLimits &limits) { m_limits = limits; }
    const RelayLimits &limits() const { return m_limits; }
    /// More clients than this at once are told to try again later.
    void setMaxClients(int count) { m_maxClients = count; }
    /// Offers STARTTLS with @p configuration (its certificate and key) to the clients that
    /// connect after the next listen(); a null configuration offers none.
    void setTls(const QSslConfiguration &configuration) { m_tls = configuration; }
    /// Which clients are on this computer (the loopback addresses, unless a test says
    /// otherwise). The others must use STARTTLS and sign in.
    void setLocalClients(std::function<bool(const QHostAddress &)> isLocal)
    {
        m_isLocal = std::move(isLocal);
    }
    static bool isLoopback(const QHostAddress &address);

    /// Listens on @p port (0: any free port, see port()) of each of @p addresses
    /// (127.0.0.1 and ::1 when empty). An address that this machine lacks is skipped when
    /// another one listens; false with a sentence for people when none could listen.
    [[nodiscard]] bool listen(quint16 port, const QList<QHostAddress> &addresses, QString *error);
    /// Stops listening; connected clients finish their sessions.
    void close();
    bool isListening() const;
    /// The port listened on (the one chosen when 0 was asked for).
    quint16 port() const { return m_port; }
    QList<QHostAddress> addresses() const;
    /// Why an address asked for in the last listen() is not listened on while others are
    /// (for people); empty when all are.
    QString skipped() const { return m_skipped; }

    int clientCount() const { return m_clients; }
    /// Messages queued since the relay started.
    int relayedCount() const { return m_relayed; }

Q_SIGNALS:
    void transcript(const QString &line);
    void queued(const QString &accountId, const QString &id);
    /// A client connected or left, or a message was queued.
    void activityChanged();

private:
    void accept(QTcpServer *server);

    RelayTarget *m_target;
    RelayLimits m_limits;
    std::vector<std::unique_ptr<QTcpServer>> m_servers;
    QSslConfiguration m_tls;
    std::function<bool(const QHostAddress &)> m_isLocal = &RelayServer::isLoopback;
    quint16 m_port = 0;
    QString m_skipped;
    int m_maxClients = 100;
    int m_clients = 0;
    int m_relayed = 0;
    int m_nextSession = 1;
};

} // namespace Outpost
