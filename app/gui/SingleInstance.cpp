#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace Outpost {

SingleInstance::SingleInstance(const QString &profileDirectory, QObject *parent)
    : QObject(parent)
{
    const QByteArray key = QDir(profileDirectory).absolutePath().toUtf8() + '\n' + qgetenv("USER") +
                           qgetenv("USERNAME");
    m_name = QStringLiteral("outpost-") +
             QString::fromLatin1(
                 QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16));
}

void SingleInstance::start(const QStringList &arguments)
{
    m_client = new QLocalSocket(this);
    connect(m_client, &QLocalSocket::connected, this, [this, arguments] {
        QByteArray payload = "activate\n";
        for (const QString &a : arguments)
            payload += a.toUtf8() + '\n';
        m_client->write(payload);
        m_client->disconnectFromServer();
    });
    connect(m_client, &QLocalSocket::disconnected, this, &SingleInstance::handedOver);
    connect(m_client, &QLocalSocket::errorOccurred, this, [this] {
        if (m_client->state() == QLocalSocket::ConnectedState)
            return;
        m_client->deleteLater();
        m_client = nullptr;
        listen();
    });
    m_client->connectToServer(m_name);
}

void SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A stale socket from a crashed run: remove it and try once more.
        QLocalServer::removeServer(m_name);
        m_server->listen(m_name);
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
                QStringList lines =
                    QString::fromUtf8(socket->readAll()).split(u'\n', Qt::SkipEmptyParts);
                socket->deleteLater();
                if (lines.value(0) == QLatin1String("activate")) {
                    lines.removeFirst();
                    Q_EMIT argumentsReceived(lines);
                }
            });
        }
    });
    Q_EMIT becamePrimary();
}

} // namespace Outpost
