// The relay as one service of the application session: its password made on first start and
// kept in the keychain, a submission written durably into the account's outbox before the
// 250, the envelope authoritative, Bcc removed, Date and Message-ID added, the origin kept.
#include "relay/RelayService.h"
#include "schedule/Scheduler.h"
#include "session/Session.h"
#include "store/OutboxStore.h"

#include "TestTls.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

namespace {

Session::Options options()
{
    Session::Options o;
    o.keychainService = QStringLiteral("outpost-tests");
    o.programName = QStringLiteral("relay test");
    return o;
}

Account account()
{
    Account a;
    a.id = QStringLiteral("home");
    a.name = QStringLiteral("Home");
    a.address = QStringLiteral("taro@example.jp");
    a.popHost = a.smtpHost = QStringLiteral("127.0.0.1");
    a.popUser = QStringLiteral("taro");
    a.sendImmediately = false; // no cycle: this test looks at the outbox
    a.checkIntervalMinutes = 0;
    a.checkAtStartup = false;
    return a;
}

// Writes @p script and reads replies until @p replies complete ones arrived.
QByteArrayList converse(quint16 port, const QByteArray &script, int replies)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.write(script);
    QByteArray in;
    QByteArrayList out;
    for (int round = 0; round < 2000 && out.size() < replies; ++round) {
        QTest::qWait(5);
        if (socket.state() == QAbstractSocket::UnconnectedState && !socket.bytesAvailable())
            break;
        in += socket.readAll();
        qsizetype end;
        while ((end = in.indexOf("\r\n")) >= 0) {
            const QByteArray line = in.left(end);
            in.remove(0, end + 2);
            if (line.size() < 4 || line.at(3) == ' ')
                out << line;
        }
    }
    return out;
}

} // namespace

class TestRelayService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void submissionIsOnTheDiskBeforeThe250()
    {
        QTemporaryDir dir;
        Session session(dir.path(), options());
        QVERIFY(!session.open().isError());
        QString error;
        QVERIFY(session.accounts()->add(account(), &error));
        QVERIFY(session.accounts()->save(&error));
        StoreError storeError;
        QVERIFY(session.applyAccounts(&storeError));

        RelayService *relay = session.relay();
        RelaySettings settings = relay->settings();
        QVERIFY(!settings.enabled); // off until the user turns it on
        settings.enabled = true;
        settings.port = 0;
        QVERIFY(relay->saveSettings(settings, &error));
        QSignalSpy started(relay, &RelayService::started);
        relay->start();
        QVERIFY(started.wait(10000));
        QVERIFY2(started.first().first().toBool(), qPrintable(relay->problem()));
        QVERIFY(relay->isListening());

        // The password was made on first start and is in the keychain.
        QString password;
        bool read = false;
        relay->readPassword(this, [&](const CredentialResult &r) {
            QVERIFY(r.ok());
            password = r.password;
            read = true;
        });
        QTRY_VERIFY(read);
        QCOMPARE(password.size(), 20);
        const QString settingsFile = RelaySettings::fileName(dir.path());
        QFile file(settingsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(password.toUtf8()), "the password is not in a file");

        const QByteArray auth =
            "AUTH PLAIN " + (QByteArray(1, '\0') + "Home" + '\0' + password.toUtf8()).toBase64();
        const QByteArrayList replies = converse(
            relay->server()->port(),
            "EHLO thunderbird.local\r\n" + auth +
                "\r\nMAIL FROM:<taro@example.jp>\r\nRCPT TO:<hanako@example.jp>\r\n"
                "RCPT TO:<secret@example.jp>\r\nDATA\r\n"
                "From: Taro <taro@example.jp>\r\nTo: Hanako <hanako@example.jp>\r\n"
                "Bcc: secret@example.jp\r\nSubject: through the relay\r\n\r\nHello.\r\n.\r\n"
                "QUIT\r\n",
            9);
        QCOMPARE(replies.size(), 9);
        QVERIFY2(replies.at(7).startsWith("250 2.0.0"), replies.at(7).constData());

        // On the disk: a second store (read-only beside the session's) finds it.
        OutboxStore onDisk(session.profile().accountDirectory(QStringLiteral("home")));
        QVERIFY(onDisk.open());
        const QList<OutboxEntry> messages = onDisk.messages();
        QCOMPARE(messages.size(), 1);
        const OutboxEntry &entry = messages.first();
        QVERIFY(replies.at(7).contains(entry.id.toLatin1()));
        QCOMPARE(entry.envelope.sender, QStringLiteral("taro@example.jp"));
        QCOMPARE(entry.envelope.recipients, QStringList({QStringLiteral("hanako@example.jp"),
                                                         QStringLiteral("secret@example.jp")}));
        QCOMPARE(entry.envelope.bcc, QStringList{QStringLiteral("secret@example.jp")});
        QCOMPARE(entry.envelope.origin, QStringLiteral("thunderbird.local"));
        QFile eml(entry.messagePath);
        QVERIFY(eml.open(QIODevice::ReadOnly));
        const QByteArray bytes = eml.readAll();
        QVERIFY(!bytes.contains("Bcc:"));
        QVERIFY(!bytes.contains("secret@example.jp"));
        QVERIFY(bytes.startsWith("Date: "));
        QVERIFY(bytes.contains("\r\nMessage-ID: <"));
        QVERIFY(bytes.endsWith("Subject: through the relay\r\n\r\nHello.\r\n"));
        QCOMPARE(relay->server()->relayedCount(), 1);
    }

    void aWrongPasswordOrAStoppedRelayQueuesNothing()
    {
        QTemporaryDir dir;
        Session session(dir.path(), options());
        QVERIFY(!session.open().isError());
        QString error;
        QVERIFY(session.accounts()->add(account(), &error));
        StoreError storeError;
        QVERIFY(session.applyAccounts(&storeError));
        RelaySettings settings;
        settings.enabled = true;
        settings.port = 0;
        QVERIFY(session.relay()->saveSettings(settings, &error));
        QSignalSpy started(session.relay(), &RelayService::started);
        session.relay()->start();
        QVERIFY(started.wait(10000));
        const quint16 port = session.relay()->server()->port();
        const QByteArray auth =
            "AUTH PLAIN " + QByteArray("\0Home\0not-the-password", 22).toBase64() + "\r\n";
        const QByteArrayList replies = converse(port, "EHLO c\r\n" + auth, 3);
        QCOMPARE(replies.size(), 3);
        QVERIFY(replies.at(2).startsWith("535"));
        QVERIFY(session.scheduler()->outbox(QStringLiteral("home"))->messages().isEmpty());

        // Turned off: nothing listens any more.
        settings.enabled = false;
        QVERIFY(session.relay()->saveSettings(settings, &error));
        QVERIFY(!session.relay()->isListening());
    }

    void theNetworkGetsACertificateMadeOnceWithItsKeyInTheKeychain()
    {
        if (!RelayCertificate::canGenerate())
            QSKIP("this build makes no certificates (no OpenSSL)");
        if (const QString why = TestTls::serverUnavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QTemporaryDir dir;
        Session session(dir.path(), options());
        QVERIFY(!session.open().isError());
        RelayService *relay = session.relay();
        QCOMPARE(relay->certificateFingerprint(), QString()); // none before it is needed
        RelaySettings settings = relay->settings();
        settings.enabled = true;
        settings.port = 0;
        // "The network" here is a second loopback address: tests talk to loopback only.
        settings.listenAddress = QStringLiteral("127.0.0.2");
        QString error;
        QVERIFY(relay->saveSettings(settings, &error));
        QSignalSpy started(relay, &RelayService::started);
        relay->start();
        QVERIFY(started.wait(10000));
        QVERIFY2(started.first().first().toBool(), qPrintable(relay->problem()));
        QVERIFY2(relay->problem().isEmpty(), qPrintable(relay->problem()));
        QVERIFY(relay->server()->addresses().contains(QHostAddress(QStringLiteral("127.0.0.2"))));
        const QString fingerprint = relay->certificateFingerprint();
        QCOMPARE(fingerprint.size(), 95);
        QCOMPARE(RelayService::storedFingerprint(dir.path()), fingerprint);

        // A client on "the network" encrypts and sees that very certificate.
        QFile pem(RelayCertificate::fileName(dir.path()));
        QVERIFY(pem.open(QIODevice::ReadOnly));
        const QSslCertificate certificate(pem.readAll(), QSsl::Pem);
        QSslSocket client;
        QSslConfiguration trust = client.sslConfiguration();
        trust.setCaCertificates({certificate});
        client.setSslConfiguration(trust);
        client.setPeerVerifyName(QStringLiteral("localhost"));
        client.connectToHost(QHostAddress(QStringLiteral("127.0.0.2")), relay->server()->port());
        QByteArray in;
        // Reads up to the last line of a reply with @p code (what follows stays for the next).
        const auto waitFor = [&](const QByteArray &code) {
            for (int i = 0; i < 2000; ++i) {
                const qsizetype at = ("\n" + in).indexOf("\n" + code + ' ');
                const qsizetype end = at < 0 ? -1 : in.indexOf("\r\n", at);
                if (end >= 0) {
                    in.remove(0, end + 2);
                    return true;
                }
                QTest::qWait(5);
                in += client.readAll();
            }
            return false;
        };
        QVERIFY(waitFor("220"));
        client.write("EHLO laptop.example\r\nSTARTTLS\r\n");
        QVERIFY(waitFor("250"));
        QVERIFY(waitFor("220"));
        client.startClientEncryption();
        QTRY_VERIFY_WITH_TIMEOUT(client.isEncrypted(), 10000);
        QCOMPARE(RelayCertificate::fingerprint(client.peerCertificate()), fingerprint);
        client.disconnectFromHost();

        // The private key is in no file of the profile.
        QDirIterator files(dir.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("PRIVATE KEY"), qPrintable(file.fileName()));
        }

        // Started again, the relay shows the same certificate (its key read back).
        relay->stop();
        started.clear();
        relay->start();
        QVERIFY(started.wait(10000));
        QVERIFY(started.first().first().toBool());
        QCOMPARE(relay->certificateFingerprint(), fingerprint);
    }

    void theNetworkAddressIsReadAndKept()
    {
        QString address = QStringLiteral("unchanged");
        QString error;
        QVERIFY(RelaySettings::parseListenAddress(QStringLiteral(" localhost "), &address, &error));
        QCOMPARE(address, QString());
        QVERIFY(RelaySettings::parseListenAddress(QStringLiteral("127.0.0.1"), &address, &error));
        QCOMPARE(address, QString()); // loopback is always listened on
        QVERIFY(
            RelaySettings::parseListenAddress(QStringLiteral("192.168.1.10"), &address, &error));
        QCOMPARE(address, QStringLiteral("192.168.1.10"));
        QVERIFY(RelaySettings::parseListenAddress(QStringLiteral("::"), &address, &error));
        QCOMPARE(address, QStringLiteral("::"));
        for (const char *bad : {"my-computer", "192.168.1.300", "fe80::1%eth0"}) {
            error.clear();
            QVERIFY2(!RelaySettings::parseListenAddress(QString::fromLatin1(bad), &address, &error),
                     bad);
            QVERIFY(error.contains(QString::fromLatin1(bad)));
        }

        RelaySettings settings;
        QCOMPARE(settings.listenAddresses(),
                 (QList<QHostAddress>{QHostAddress(QHostAddress::LocalHost),
                                      QHostAddress(QHostAddress::LocalHostIPv6)}));
        settings.listenAddress = QStringLiteral("0.0.0.0"); // includes 127.0.0.1
        QCOMPARE(settings.listenAddresses(),
                 (QList<QHostAddress>{QHostAddress(QHostAddress::LocalHostIPv6),
                                      QHostAddress(QHostAddress::AnyIPv4)}));
        QTemporaryDir dir;
        settings.listenAddress = QStringLiteral("192.168.1.10");
        QVERIFY(settings.save(dir.path(), &error));
        RelaySettings loaded;
        QVERIFY(RelaySettings::load(dir.path(), &loaded, &error));
        QCOMPARE(loaded.listenAddress, QStringLiteral("192.168.1.10"));
    }

    void damagedSettingsAreAClearError()
    {
        QTemporaryDir dir;
        QFile file(RelaySettings::fileName(dir.path()));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{ not json");
        file.close();
        Session session(dir.path(), options());
        const SessionError error = session.open();
        QCOMPARE(error.kind, SessionError::Settings);
        QVERIFY2(error.message.contains(QStringLiteral("relay settings")),
                 qPrintable(error.message));
    }
};

QTEST_GUILESS_MAIN(TestRelayService)
#include "tst_relayservice.moc"
