// The certificate the relay shows to other computers: made here, self-signed, for the
// machine's name and addresses, and one that a real TLS handshake accepts when the client
// trusts exactly it.
#include "relay/RelayCertificate.h"

#include "TestTls.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTest>

using namespace Outpost;

namespace {

// Hands over the accepted descriptor, for a QSslSocket to take.
class DescriptorServer : public QTcpServer
{
public:
    qintptr descriptor = -1;

protected:
    void incomingConnection(qintptr accepted) override { descriptor = accepted; }
};

} // namespace

class TestRelayCertificate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (!RelayCertificate::canGenerate())
            QSKIP("this build makes no certificates (no OpenSSL)");
    }

    void isSelfSignedForTheMachinesNamesAndAddresses()
    {
        QString error;
        const auto made = RelayCertificate::generate(
            QStringLiteral("desk-01.example"), {QHostAddress(QStringLiteral("192.0.2.7"))}, &error);
        QVERIFY2(made, qPrintable(error));
        QVERIFY(!made->isNull());
        QCOMPARE(made->key.type(), QSsl::PrivateKey);
        QCOMPARE(made->key.algorithm(), QSsl::Ec);
        const QSslCertificate &c = made->certificate;
        QCOMPARE(c.subjectInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("desk-01.example")});
        QCOMPARE(c.issuerInfo(QSslCertificate::CommonName),
                 c.subjectInfo(QSslCertificate::CommonName));
        // Issued by itself; not a CA (CA:FALSE, no keyCertSign: Thunderbird refuses a CA
        // certificate as a server's), so OpenSSL's isSelfSigned() says false.
        QCOMPARE(c.issuerDisplayName(), c.subjectDisplayName());
        const auto names = c.subjectAlternativeNames();
        QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
        QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("desk-01.example")));
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("192.0.2.7")));
        QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(c.effectiveDate() <= now);
        QVERIFY(c.expiryDate() > now.addYears(9));
        QVERIFY(c.serialNumber().size() > 8);
    }

    void aHostileMachineNameIsNotANameInTheCertificate()
    {
        QString error;
        const auto made =
            RelayCertificate::generate(QStringLiteral("evil,DNS:bank.example"), {}, &error);
        QVERIFY2(made, qPrintable(error));
        const auto names = made->certificate.subjectAlternativeNames();
        QCOMPARE(names.values(QSsl::DnsEntry), QStringList{QStringLiteral("localhost")});
    }

    void theFingerprintIsTheSha256OfTheCertificate()
    {
        QString error;
        const auto a = RelayCertificate::generate(QStringLiteral("host"), {}, &error);
        const auto b = RelayCertificate::generate(QStringLiteral("host"), {}, &error);
        QVERIFY(a && b);
        const QString fingerprint = RelayCertificate::fingerprint(a->certificate);
        QVERIFY2(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"))
                     .match(fingerprint)
                     .hasMatch(),
                 qPrintable(fingerprint));
        QCOMPARE(QString(fingerprint).remove(QLatin1Char(':')).toLatin1(),
                 a->certificate.digest(QCryptographicHash::Sha256).toHex().toUpper());
        QVERIFY(RelayCertificate::fingerprint(a->certificate) !=
                RelayCertificate::fingerprint(b->certificate)); // a new key each time
    }

    void aClientTrustingItCompletesAHandshake()
    {
        if (const QString why = TestTls::serverUnavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QString error;
        const auto made = RelayCertificate::generate(QStringLiteral("host"), {}, &error);
        QVERIFY(made);
        DescriptorServer listener;
        QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
        QSslSocket client;
        QSslConfiguration trust = client.sslConfiguration();
        trust.setCaCertificates({made->certificate});
        client.setSslConfiguration(trust);
        client.connectToHostEncrypted(QStringLiteral("localhost"), listener.serverPort());
        QTRY_VERIFY(listener.descriptor >= 0);
        QSslSocket server;
        QVERIFY(server.setSocketDescriptor(listener.descriptor));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(made->certificate);
        tls.setPrivateKey(made->key);
        server.setSslConfiguration(tls);
        server.startServerEncryption();
        QTRY_VERIFY_WITH_TIMEOUT(client.isEncrypted() && server.isEncrypted(), 10000);
        QVERIFY2(client.sslHandshakeErrors().isEmpty(),
                 qPrintable(client.sslHandshakeErrors().value(0).errorString()));
    }
};

QTEST_GUILESS_MAIN(TestRelayCertificate)
#include "tst_relaycertificate.moc"
