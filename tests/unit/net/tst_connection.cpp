// Connection: a plain connection is a plain socket (the TLS library stays unloaded), a
// connection set up for TLS gets a TLS socket, and STARTTLS cannot be asked of a plain one.
#include "net/Connection.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Outpost;

class TestConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    // First: once loaded, the TLS library stays loaded for the rest of the process.
    void plainConnectionLoadsNoTls();
    void startTlsOnAPlainConnectionFails();
    void startTlsSettingsGetATlsSocket();

private:
    /// Opens @p connection to a local server that greets; returns the server's socket.
    QTcpSocket *openGreeted(Connection &connection, Security security);

    QTcpServer m_server;
};

void TestConnection::initTestCase()
{
    qRegisterMetaType<NetError>();
    QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
}

QTcpSocket *TestConnection::openGreeted(Connection &connection, Security security)
{
    ConnectionSettings settings;
    settings.host = QStringLiteral("127.0.0.1");
    settings.port = m_server.serverPort();
    settings.security = security;
    QSignalSpy ready(&connection, &Connection::ready);
    QSignalSpy lines(&connection, &Connection::lineReceived);
    QSignalSpy accepted(&m_server, &QTcpServer::newConnection);
    connection.open(settings);
    if (!accepted.wait(5000))
        return nullptr;
    QTcpSocket *peer = m_server.nextPendingConnection();
    peer->setParent(&connection);
    peer->write("220 hello\r\n");
    if (!lines.wait(5000) || ready.count() != 1 ||
        lines.first().first().toByteArray() != QByteArrayLiteral("220 hello"))
        return nullptr;
    return peer;
}

void TestConnection::plainConnectionLoadsNoTls()
{
    Connection connection;
    QVERIFY(openGreeted(connection, Security::None));
    QVERIFY(!connection.isEncrypted());
    const QList<QSslSocket *> tlsSockets = connection.findChildren<QSslSocket *>();
    QVERIFY(tlsSockets.isEmpty());
#ifdef Q_OS_LINUX
    // The point of it: 4 MB of TLS library a plain connection never needs.
    QFile maps(QStringLiteral("/proc/self/maps"));
    QVERIFY(maps.open(QIODevice::ReadOnly));
    const QByteArray mapped = maps.readAll();
    QVERIFY2(!mapped.contains("libssl") && !mapped.contains("opensslbackend"),
             "a plain connection loaded the TLS library");
#endif
}

void TestConnection::startTlsOnAPlainConnectionFails()
{
    Connection connection;
    QVERIFY(openGreeted(connection, Security::None));
    QSignalSpy failed(&connection, &Connection::failed);
    connection.startTls();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.first().first().value<NetError>().kind, NetError::Tls);
    QVERIFY(!connection.isOpen());
}

void TestConnection::startTlsSettingsGetATlsSocket()
{
    Connection connection;
    QVERIFY(openGreeted(connection, Security::StartTls));
    QVERIFY(!connection.isEncrypted()); // plain until STARTTLS
    QCOMPARE(connection.findChildren<QSslSocket *>().size(), 1);
}

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
