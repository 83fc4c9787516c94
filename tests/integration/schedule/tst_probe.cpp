// "Test settings" against the sandbox: it tells POP before SMTP from an open relay,
// reports the server's features, and measures the window with an injected clock.
#include "CycleFixture.h"

#include "schedule/AccountProbe.h"

using namespace Outpost;

namespace {
ProbeReport probe(CycleFixture &f, bool measure = false)
{
    AccountProbe p(f.account, f.password, f.password, &f.clock);
    Timeouts t;
    t.connectMs = t.commandMs = 5000;
    p.setTimeouts(t);
    p.setMeasureWindow(measure, 30, 600);
    QSignalSpy finished(&p, &AccountProbe::finished);
    p.start();
    // While measuring, move time on whenever the probe waits.
    for (int i = 0; i < 100 && finished.isEmpty(); ++i) {
        if (!finished.wait(200) && f.clock.pendingCount() > 0)
            f.clock.advance(30000);
    }
    if (finished.isEmpty())
        qFatal("the probe did not finish");
    return finished.first().first().value<ProbeReport>();
}
} // namespace

class TestProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detectsPopBeforeSmtp()
    {
        CycleFixture f;
        const ProbeReport r = probe(f);
        QVERIFY(r.popOk);
        QVERIFY(r.smtpOk);
        QCOMPARE(r.relayBeforeLogin, ProbeReport::Relay::Refused);
        QCOMPARE(r.relayAfterLogin, ProbeReport::Relay::Allowed);
        QVERIFY(r.needsPopBeforeSmtp());
        QVERIFY(r.pipelining);
        QCOMPARE(r.sizeLimit, f.server.settings().maxSize);
        QVERIFY(r.verdict().first().contains(QLatin1String("needs POP before SMTP")));
        QVERIFY(r.relayReply.contains("Relay access denied"));
        QVERIFY(f.server.deliveries().isEmpty()); // the probe sends no mail
    }

    void imapLoginOpensTheRelay()
    {
        OUTPOST_SKIP_WITHOUT_TLS_SERVER();
        CycleFixture f;
        SandboxFixture::setUp(f.server);
        f.server.settings().popSecurity = Security::Tls;
        f.account.incoming = IncomingProtocol::Imap;
        f.account.popSecurity = Security::Tls;
        f.account.popPort = f.server.imapPort();
        f.account.caFile = QStringLiteral(OUTPOST_TEST_DATA_DIR "/ca.pem");
        const ProbeReport r = probe(f);
        QVERIFY2(r.popOk, qPrintable(r.popError.message));
        QCOMPARE(r.incoming, IncomingProtocol::Imap);
        QCOMPARE(r.popLoginMethod, QByteArray("AUTHENTICATE PLAIN"));
        QVERIFY(r.popEncrypted);
        QCOMPARE(r.relayBeforeLogin, ProbeReport::Relay::Refused);
        QCOMPARE(r.relayAfterLogin, ProbeReport::Relay::Allowed);
        const QString verdict = r.verdict().join(QLatin1Char(' '));
        QVERIFY2(verdict.contains(QLatin1String("log in over IMAP before sending")),
                 qPrintable(verdict));
        QVERIFY2(
            verdict.contains(QLatin1String("IMAP login works (AUTHENTICATE PLAIN, encrypted)")),
            qPrintable(verdict));
    }

    void imapWindowIsMeasured()
    {
        CycleFixture f;
        SandboxFixture::setUp(f.server);
        f.server.settings().windowMs = 95 * 1000;
        f.account.incoming = IncomingProtocol::Imap;
        f.account.allowPlainTextAuth = true; // loopback; runs where a TLS server cannot
        f.account.popPort = f.server.imapPort();
        const ProbeReport r = probe(f, true);
        QVERIFY(r.windowMeasured);
        QCOMPARE(r.windowOpenSeconds, 90);
        QCOMPARE(r.windowClosedSeconds, 120);
    }

    void imapPlainTextRefusedSaysHowToFix()
    {
        CycleFixture f;
        SandboxFixture::setUp(f.server);
        f.server.settings().popSecurity = Security::StartTls;
        f.account.incoming = IncomingProtocol::Imap;
        f.account.popSecurity = Security::None;
        f.account.popPort = f.server.imapPort();
        QSignalSpy logins(&f.server, &SandboxServer::popLoggedIn);
        const ProbeReport r = probe(f);
        QVERIFY(!r.popOk);
        QCOMPARE(r.popError.kind, NetError::InsecureLogin);
        QVERIFY(r.popStartTlsAvailable);
        QCOMPARE(logins.count(), 0);
        const QString verdict = r.verdict().join(QLatin1Char(' '));
        QVERIFY2(verdict.contains(QLatin1String("Receiving (IMAP) does not work until then")),
                 qPrintable(verdict));
    }

    void openRelayIsNotPopBeforeSmtp()
    {
        CycleFixture f;
        f.server.settings().popBeforeSmtp = false;
        const ProbeReport r = probe(f);
        QCOMPARE(r.relayBeforeLogin, ProbeReport::Relay::Allowed);
        QVERIFY(!r.needsPopBeforeSmtp());
    }

    void smtpAuthIsReported()
    {
        CycleFixture f;
        f.server.settings().smtpAuth = true;
        f.server.settings().popBeforeSmtp = false;
        f.account.smtpAuth = SmtpAuth::Auto;
        f.account.allowPlainTextAuth = true;
        const ProbeReport r = probe(f);
        QVERIFY(r.smtpOk);
        QVERIFY(!r.smtpAuthMechanism.isEmpty());
        QVERIFY(r.verdict().join(QLatin1Char(' ')).contains(QLatin1String("SMTP AUTH works")));
    }

    void wrongPasswordIsReported()
    {
        CycleFixture f;
        f.password = QStringLiteral("wrong");
        const ProbeReport r = probe(f);
        QVERIFY(!r.popOk);
        QCOMPARE(r.popError.kind, NetError::Authentication);
        QVERIFY(r.verdict().join(QLatin1Char(' ')).contains(QLatin1String("Receiving (POP3)")));
    }

    void startTlsOnOfferIsRecommended()
    {
        // "None" on both sides, while both servers offer STARTTLS; no APOP, plain text not
        // allowed: the POP login is not even tried, and the verdict says first what to switch.
        CycleFixture f;
        f.server.settings().apop = false;
        f.server.settings().popSecurity = Security::StartTls;
        f.server.settings().smtpSecurity = Security::StartTls;
        f.server.settings().certificate = TestTls::serverCertificate();
        f.server.settings().privateKey = TestTls::serverKey();
        f.account.allowPlainTextAuth = false;
        QSignalSpy logins(&f.server, &SandboxServer::popLoggedIn);
        const ProbeReport r = probe(f);
        QVERIFY(!r.popOk);
        QCOMPARE(r.popError.kind, NetError::InsecureLogin);
        QCOMPARE(logins.count(), 0);
        QVERIFY(r.popStartTlsAvailable);
        QVERIFY(r.smtpStartTlsAvailable);
        QVERIFY(!r.popNoEncryption);
        const QStringList verdict = r.verdict();
        QVERIFY(verdict.first().contains(QLatin1String("incoming server offers encryption")));
        QVERIFY(verdict.at(1).contains(QLatin1String("outgoing server offers encryption")));
        for (const QString &sentence : verdict)
            QVERIFY2(sentence.endsWith(QLatin1Char('.')), qPrintable(sentence));
    }

    void noEncryptionExplainsTheChoice()
    {
        CycleFixture f;
        f.server.settings().apop = false; // USER/PASS or SASL PLAIN only, and no STLS
        f.account.allowPlainTextAuth = false;
        ProbeReport r = probe(f);
        QVERIFY(!r.popOk);
        QCOMPARE(r.popError.kind, NetError::InsecureLogin);
        QVERIFY(r.popNoEncryption);
        QVERIFY(!r.popStartTlsAvailable);
        QString verdict = r.verdict().join(QLatin1Char(' '));
        QVERIFY(verdict.contains(QLatin1String("offers no encryption")));
        QVERIFY(verdict.contains(QLatin1String("anyone on the network")));

        // Allowed by the user: it works, and the verdict still says what that risks.
        f.account.allowPlainTextAuth = true;
        r = probe(f);
        QVERIFY(r.popOk);
        QVERIFY(r.popPasswordInClear);
        verdict = r.verdict().join(QLatin1Char(' '));
        QVERIFY(verdict.contains(QLatin1String("your password is sent unencrypted")));
    }

    void apopWithoutEncryptionIsExplained()
    {
        CycleFixture f; // APOP in the greeting, no STLS
        const ProbeReport r = probe(f);
        QVERIFY(r.popOk);
        QCOMPARE(r.popLoginMethod, QByteArray("APOP"));
        QVERIFY(r.popNoEncryption);
        QVERIFY(!r.popPasswordInClear);
        QVERIFY(r.verdict()
                    .join(QLatin1Char(' '))
                    .contains(QLatin1String("your mail travels unencrypted")));
        // A note, after the verdict: what the user came for comes first.
        QVERIFY(r.verdict().first().contains(QLatin1String("needs POP before SMTP")));
    }

    void startTlsAdviceComesFirstWhenEverythingWorks()
    {
        // The common case: APOP works on a "None" connection, the relay opens after the login,
        // and the server offers STLS. The advice to switch still leads the verdict.
        CycleFixture f;
        f.server.settings().popSecurity = Security::StartTls;
        f.server.settings().certificate = TestTls::serverCertificate();
        f.server.settings().privateKey = TestTls::serverKey();
        const ProbeReport r = probe(f);
        QVERIFY(r.popOk);
        QVERIFY(r.needsPopBeforeSmtp());
        QVERIFY(r.popStartTlsAvailable);
        const QStringList verdict = r.verdict();
        QVERIFY2(verdict.first().contains(QLatin1String("incoming server offers encryption")),
                 qPrintable(verdict.join(QLatin1Char('\n'))));
        QVERIFY(verdict.at(1).contains(QLatin1String("needs POP before SMTP")));
    }

    void readablePasswordIsReportedEvenWhenRefused()
    {
        // Allowed, readable, and then refused: it still crossed the network.
        CycleFixture f;
        f.server.settings().apop = false;
        f.account.allowPlainTextAuth = true;
        f.password = QStringLiteral("wrong");
        const ProbeReport r = probe(f);
        QVERIFY(!r.popOk);
        QCOMPARE(r.popError.kind, NetError::Authentication);
        QVERIFY(r.popPasswordInClear);
        QVERIFY(r.verdict()
                    .join(QLatin1Char(' '))
                    .contains(QLatin1String("your password is sent unencrypted")));
    }

    void measuresTheWindow()
    {
        CycleFixture f;
        f.server.settings().windowMs = 100 * 1000;
        const ProbeReport r = probe(f, true);
        QVERIFY(r.windowMeasured);
        QCOMPARE(r.windowOpenSeconds, 90);
        QCOMPARE(r.windowClosedSeconds, 120);
        QVERIFY(r.verdict().join(QLatin1Char(' ')).contains(QLatin1String("between 90 and 120")));
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
