// Windows only, under Wine (scripts/test-windows.sh): a whole cycle over implicit TLS through
// Qt's Schannel backend, POP3 then SMTP, with the server's certificate pinned by its SHA-256
// fingerprint (the way a user trusts a certificate no CA vouches for).
//
// Under Wine a Qt TLS server cannot handshake (TestTls.h), so the sandbox here speaks plain
// text and tests/wine/tls_proxy.py, a Linux program the script starts, wraps it in TLS with
// tests/data/server.pem (and selfsigned.pem); the two meet through files in
// OUTPOST_WINE_TLS_DIR. Trusting the test CA is not possible under Wine 8.0: Schannel ignores
// CA certificates given through QSslConfiguration, and crypt32's Root store comes from the
// host's trust files only (CertAddEncodedCertificateToStore into the current user's Root store
// succeeds, but CertGetCertificateChain still ends in CERT_TRUST_IS_PARTIAL_CHAIN). So this
// tests the pinned path; that a CA-signed certificate is refused until pinned is checked too.
#include "CycleFixture.h"

#include "net/CertificateInfo.h"

#include <QFile>
#include <QSslCertificate>

using namespace Outpost;

namespace {

QString tlsDirectory()
{
    return qEnvironmentVariable("OUTPOST_WINE_TLS_DIR");
}

bool writePort(const QString &name, quint16 port)
{
    QFile file(tlsDirectory() + QLatin1Char('/') + name + QStringLiteral(".plain-port"));
    return file.open(QIODevice::WriteOnly) && file.write(QByteArray::number(port)) > 0;
}

quint16 tlsPort(const QString &name)
{
    QFile file(tlsDirectory() + QLatin1Char('/') + name + QStringLiteral(".tls-port"));
    return file.open(QIODevice::ReadOnly) ? quint16(file.readAll().trimmed().toUInt()) : 0;
}

QByteArray fingerprintOf(const char *name)
{
    QFile pem(QStringLiteral(OUTPOST_TEST_DATA_DIR "/") + QLatin1String(name));
    return pem.open(QIODevice::ReadOnly)
               ? CertificateInfo::fingerprint(QSslCertificate(pem.readAll()))
               : QByteArray();
}

} // namespace

class TestCycleSchannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cycleOverTlsWithAPinnedCertificate()
    {
        if (tlsDirectory().isEmpty())
            QSKIP("needs tests/wine/tls_proxy.py: run by scripts/test-windows.sh");
        CycleFixture f;
        f.server.addMessage("alice", "Subject: over TLS\r\n\r\nHello.\r\n");
        QVERIFY(writePort(QStringLiteral("pop"), f.server.popPort()));
        QVERIFY(writePort(QStringLiteral("smtp"), f.server.smtpPort()));
        QTRY_VERIFY_WITH_TIMEOUT(tlsPort(QStringLiteral("pop")) &&
                                     tlsPort(QStringLiteral("smtp")) &&
                                     tlsPort(QStringLiteral("pop-selfsigned")),
                                 20000);
        f.account.popSecurity = Security::Tls;
        f.account.popPort = tlsPort(QStringLiteral("pop"));
        f.account.smtpSecurity = Security::Tls;
        f.account.smtpPort = tlsPort(QStringLiteral("smtp"));
        const QString first = f.queue(QStringLiteral("first"));
        const CycleOptions options = f.options();
        const QByteArray pin = fingerprintOf("server.pem");
        QVERIFY(!pin.isEmpty());

        // Not pinned: the certificate is refused, described for the user, and nothing is sent.
        const CycleResult refused = f.run(options);
        QCOMPARE(refused.accountError.kind, NetError::Tls);
        QCOMPARE(refused.accountError.certificate.sha256, pin);
        QCOMPARE(refused.sent, 0);
        QVERIFY(f.server.deliveries().isEmpty());

        // The pin is for that certificate only: another one on the same server is refused.
        f.account.trustedFingerprints = {QString::fromLatin1(pin)};
        f.account.popPort = tlsPort(QStringLiteral("pop-selfsigned"));
        const CycleResult other = f.run(options);
        QCOMPARE(other.accountError.kind, NetError::Tls);
        QCOMPARE(other.accountError.certificate.sha256, fingerprintOf("selfsigned.pem"));
        QVERIFY(f.server.deliveries().isEmpty());

        // Pinned: the cycle receives and sends over TLS.
        f.account.popPort = tlsPort(QStringLiteral("pop"));
        f.transcript.clear();
        const CycleResult result = f.run(options);
        QVERIFY2(!result.accountError.isError(), qPrintable(result.accountError.message));
        QCOMPARE(result.received, 1);
        QCOMPARE(result.sent, 1);
        QCOMPARE(f.server.deliveries().size(), 1);
        QCOMPARE(f.stateOf(first), OutboxState::Sent);
        const QString log = f.transcript.join(QLatin1Char('\n'));
        QCOMPARE(log.count(QLatin1String("TLS established")), 2);
        QCOMPARE(log.count(QLatin1String("accepting the pinned certificate")), 2);
    }
};

QTEST_GUILESS_MAIN(TestCycleSchannel)
#include "tst_cycle_schannel.moc"
