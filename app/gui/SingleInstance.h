#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace Outpost {

/// One Outpost per profile: the first start listens on a local socket; a later start hands
/// its arguments (e.g. a mailto: link) to it and ends. Asynchronous: no waitFor*.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &profileDirectory, QObject *parent = nullptr);

    /// Tries to reach a running Outpost and pass it @p arguments; emits either handedOver()
    /// or becamePrimary().
    void start(const QStringList &arguments);
    /// The local socket's name for this user and profile.
    QString serverName() const { return m_name; }

Q_SIGNALS:
    /// Another Outpost runs and received the arguments: this one should end.
    void handedOver();
    /// No other Outpost runs: this one listens now and should show its window.
    void becamePrimary();
    /// A later start passed these arguments (the window should come forward).
    void argumentsReceived(const QStringList &arguments);

private:
    void listen();

    QString m_name;
    QLocalServer *m_server = nullptr;
    QLocalSocket *m_client = nullptr;
};

} // namespace Outpost
