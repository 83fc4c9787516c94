#include "AccountDialog.h"
#include "CertificateDialog.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "TestTls.h"
#include "net/CertificateInfo.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "session/Session.h"
#include "store/AccountStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using Outpost::AccountDialog;
using Outpost::MainWindow;

class TestAccountDialog : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    static T *field(QWidget *dialog, const char *name)
    {
        auto *w = dialog->findChild<T *>(QLatin1String(name));
        if (!w)
            qFatal("no field %s", name);
        return w;
    }

private Q_SLOTS:
    void validationNamesTheField()
    {
        GuiFixture f;
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-dialog"));
        AccountDialog *dialog = window.addAccount();
        QVERIFY(dialog);
        field<QLineEdit>(dialog, "name")->setText(QStringLiteral("Work"));
        field<QLineEdit>(dialog, "address")->setText(QStringLiteral("taro@example.jp"));
        field<QLineEdit>(dialog, "smtpHost")->setText(QStringLiteral("smtp.example.jp"));
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->notice().contains(QLatin1String("POP3"), Qt::CaseInsensitive) ||
                     dialog->notice().contains(QLatin1String("incoming"), Qt::CaseInsensitive),
                 qPrintable(dialog->notice()));
        QVERIFY(window.accountStore()->accounts().isEmpty());

        field<QLineEdit>(dialog, "address")->setText(QStringLiteral("not an address"));
        field<QLineEdit>(dialog, "popHost")->setText(QStringLiteral("pop.example.jp"));
        field<QLineEdit>(dialog, "popUser")->setText(QStringLiteral("taro"));
        dialog->accept();
        QVERIFY2(dialog->notice().contains(QLatin1String("address"), Qt::CaseInsensitive),
                 qPrintable(dialog->notice()));
        QVERIFY(window.accountStore()->accounts().isEmpty());
    }

    void theAlertThresholdIsASetting()
    {
        GuiFixture f;
        f.account.alertAfterMinutes = 45;
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-dialog"));
        AccountDialog *dialog = window.addAccount();
        dialog->setAccount(f.account);
        auto *alertAfter = field<QSpinBox>(dialog, "alertAfter");
        QCOMPARE(alertAfter->value(), 45);
        QCOMPARE(alertAfter->minimum(), 1); // the limits Account::validate() keeps
        QCOMPARE(alertAfter->maximum(), 7 * 24 * 60);
        alertAfter->setValue(120);
        QCOMPARE(dialog->account().alertAfterMinutes, 120);
    }

    void portsFollowSecurity()
    {
        GuiFixture f;
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-dialog"));
        AccountDialog *dialog = window.addAccount();
        auto *popSecurity = field<QComboBox>(dialog, "popSecurity");
        auto *popPort = field<QSpinBox>(dialog, "popPort");
        auto *smtpSecurity = field<QComboBox>(dialog, "smtpSecurity");
        auto *smtpPort = field<QSpinBox>(dialog, "smtpPort");
        QCOMPARE(popPort->value(), 110);
        popSecurity->setCurrentIndex(popSecurity->findData(int(Outpost::Security::Tls)));
        QCOMPARE(popPort->value(), 995);
        smtpSecurity->setCurrentIndex(smtpSecurity->findData(int(Outpost::Security::Tls)));
        QCOMPARE(smtpPort->value(), 465);
        smtpSecurity->setCurrentIndex(smtpSecurity->findData(int(Outpost::Security::StartTls)));
        QCOMPARE(smtpPort->value(), 587);
        // A port the user typed stays.
        smtpPort->setValue(2525);
        smtpSecurity->setCurrentIndex(smtpSecurity->findData(int(Outpost::Security::Tls)));
        QCOMPARE(smtpPort->value(), 2525);
    }

    void imapIsAChoiceOfTheIncomingServer()
    {
        GuiFixture f;
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-dialog"));
        AccountDialog *dialog = window.addAccount();
        auto *incoming = field<QComboBox>(dialog, "incoming");
        auto *popSecurity = field<QComboBox>(dialog, "popSecurity");
        auto *popPort = field<QSpinBox>(dialog, "popPort");
        auto *leave = field<QCheckBox>(dialog, "leaveOnServer");
        auto *login = field<QComboBox>(dialog, "popLogin");
        QCOMPARE(popPort->value(), 110);
        incoming->setCurrentIndex(incoming->findData(int(Outpost::IncomingProtocol::Imap)));
        QCOMPARE(popPort->value(), 143);
        popSecurity->setCurrentIndex(popSecurity->findData(int(Outpost::Security::Tls)));
        QCOMPARE(popPort->value(), 993);
        // IMAP never deletes on the server and chooses its own login.
        QVERIFY(!leave->isEnabled());
        QVERIFY(!login->isEnabled());
        QCOMPARE(dialog->account().incoming, Outpost::IncomingProtocol::Imap);
        incoming->setCurrentIndex(incoming->findData(int(Outpost::IncomingProtocol::Pop3)));
        QCOMPARE(popPort->value(), 995);
        QVERIFY(leave->isEnabled());
        // An IMAP account shows as one when edited.
        Outpost::Account imap = f.account;
        imap.incoming = Outpost::IncomingProtocol::Imap;
        imap.popPort = 10143;
        dialog->setAccount(imap);
        QCOMPARE(incoming->currentData().toInt(), int(Outpost::IncomingProtocol::Imap));
        QCOMPARE(popPort->value(), 10143);
        QCOMPARE(dialog->account(), imap);
    }

    void testButtonSaysPopBeforeSmtpOverImap()
    {
        GuiFixture f;
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-dialog"));
        AccountDialog *dialog = window.addAccount();
        Outpost::Account imap = f.account;
        imap.incoming = Outpost::IncomingProtocol::Imap;
        imap.popPort = f.server.imapPort();
        imap.allowPlainTextAuth = true; // the sandbox's plain port, on loopback
        dialog->setAccount(imap);
        dialog->setPasswords(QStringLiteral("wonderland"));
        QSignalSpy finished(dialog, &AccountDialog::testFinished);
        field<QPushButton>(dialog, "testButton")->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(dialog->verdict().contains(QLatin1String("log in over IMAP before sending")),
                 qPrintable(dialog->verdict()));
        QVERIFY(dialog->testLog().contains(QLatin1String("IMAP C: a1 AUTHENTICATE PLAIN ****")));
        QVERIFY(!dialog->testLog().contains(QLatin1String("wonderland")));
    }

    void testButtonSaysPopBeforeSmtp()
    {
        GuiFixture f;
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-dialog"));
        AccountDialog *dialog = window.addAccount();
        dialog->setAccount(f.account);
        dialog->setPasswords(QStringLiteral("wonderland"));
        QSignalSpy finished(dialog, &AccountDialog::testFinished);
        field<QPushButton>(dialog, "testButton")->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(dialog->verdict().contains(QLatin1String("needs POP before SMTP")),
                 qPrintable(dialog->verdict()));
        QVERIFY(dialog->testLog().contains(QLatin1String("needs POP before SMTP")));
        QVERIFY(!dialog->testLog().contains(QLatin1String("wonderland")));
    }

    void untrustedCertificateIsPinnedOnlyByChoice()
    {
        OUTPOST_SKIP_WITHOUT_TLS_SERVER();
        GuiFixture f;
        f.server.settings().certificate = TestTls::serverCertificate();
        f.server.settings().privateKey = TestTls::serverKey();
        f.server.settings().popSecurity = Outpost::Security::Tls;
        f.server.settings().smtpSecurity = Outpost::Security::Tls;
        f.account.popSecurity = Outpost::Security::Tls;
        f.account.smtpSecurity = Outpost::Security::Tls;
        f.account.popHost = f.account.smtpHost = QStringLiteral("localhost");
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-dialog"));
        AccountDialog *dialog = window.addAccount();
        dialog->setAccount(f.account);
        dialog->setPasswords(QStringLiteral("wonderland"));
        QSignalSpy finished(dialog, &AccountDialog::testFinished);
        field<QPushButton>(dialog, "testButton")->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(dialog->verdict().contains(QLatin1String("certificate is not trusted")),
                 qPrintable(dialog->verdict()));
        auto *certificate = dialog->findChild<Outpost::CertificateDialog *>();
        QVERIFY(certificate);
        QTRY_VERIFY(certificate->isVisible());
        const QByteArray fingerprint =
            Outpost::CertificateInfo::fingerprint(TestTls::serverCertificate());
        QVERIFY(certificate->text().contains(QString::fromLatin1(fingerprint.left(2)).toUpper()));
        QVERIFY(certificate->text().contains(QLatin1String("Outpost Test CA")));
        // Nothing is pinned until the user chooses to trust it.
        QVERIFY(dialog->account().trustedFingerprints.isEmpty());
        field<QPushButton>(certificate, "trustCertificate")->click();
        QCOMPARE(dialog->account().trustedFingerprints,
                 QStringList{QString::fromLatin1(fingerprint)});

        // With the pin, the test gets through to the relay probe.
        finished.clear();
        field<QPushButton>(dialog, "testButton")->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(dialog->verdict().contains(QLatin1String("needs POP before SMTP")),
                 qPrintable(dialog->verdict()));
    }

    void startTlsOnOfferIsOneClickAway()
    {
        // The incoming server offers STLS, has no APOP, and the account says "None" without
        // allowing plain text: the test stops before the login and offers the switch, which
        // keeps the tested port and tests again with STARTTLS.
        GuiFixture f;
        f.server.settings().certificate = TestTls::serverCertificate();
        f.server.settings().privateKey = TestTls::serverKey();
        f.server.settings().apop = false;
        f.server.settings().popSecurity = Outpost::Security::StartTls;
        f.account.popHost = f.account.smtpHost = QStringLiteral("localhost");
        f.account.trustedFingerprints = {QString::fromLatin1(
            Outpost::CertificateInfo::fingerprint(TestTls::serverCertificate()))};
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-dialog"));
        AccountDialog *dialog = window.addAccount();
        dialog->setAccount(f.account);
        dialog->setPasswords(QStringLiteral("wonderland"));
        auto *useStartTls = field<QPushButton>(dialog, "useStartTls");
        QVERIFY(useStartTls->isHidden());
        QSignalSpy finished(dialog, &AccountDialog::testFinished);
        field<QPushButton>(dialog, "testButton")->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(dialog->verdict().startsWith(QLatin1String("The incoming server offers "
                                                            "encryption")),
                 qPrintable(dialog->verdict()));
        QVERIFY(!useStartTls->isHidden());
        QVERIFY(!dialog->testLog().contains(QLatin1String("C: USER")));

        OUTPOST_SKIP_WITHOUT_TLS_SERVER(); // the rest needs a TLS server
        finished.clear();
        useStartTls->click();
        QCOMPARE(dialog->account().popSecurity, Outpost::Security::StartTls);
        QCOMPARE(dialog->account().popPort, f.account.popPort);
        QCOMPARE(dialog->account().smtpSecurity, Outpost::Security::None); // not offered there
        QVERIFY(finished.wait(20000));
        QVERIFY2(dialog->verdict().contains(QLatin1String("needs POP before SMTP")),
                 qPrintable(dialog->verdict()));
        QVERIFY2(dialog->verdict().contains(QLatin1String(", encrypted)")),
                 qPrintable(dialog->verdict()));
        QVERIFY(useStartTls->isHidden());

        // An offer is about the servers tested: editing them withdraws it.
        field<QComboBox>(dialog, "popSecurity")
            ->setCurrentIndex(
                field<QComboBox>(dialog, "popSecurity")->findData(int(Outpost::Security::None)));
        finished.clear();
        field<QPushButton>(dialog, "testButton")->click();
        QVERIFY(finished.wait(20000));
        QVERIFY(!useStartTls->isHidden());
        field<QLineEdit>(dialog, "popHost")->setText(QStringLiteral("127.0.0.1"));
        QTest::keyClick(field<QLineEdit>(dialog, "popHost"), Qt::Key_End); // an edit by hand
        QTest::keyClicks(field<QLineEdit>(dialog, "popHost"), QStringLiteral(" "));
        QVERIFY(useStartTls->isHidden());
    }

    void theRelayWindowIsMeasuredAndKept()
    {
        GuiFixture f;
        ManualClock clock;
        f.server.settings().clock = [&clock] { return clock.nowMs(); };
        f.server.settings().windowMs = 100 * 1000;
        Outpost::Session::Options options;
        options.keychainService = QStringLiteral("OutpostTest-dialog");
        options.clock = &clock;
        auto session = std::make_unique<Outpost::Session>(f.profile(), options);
        const Outpost::SessionError opened = session->open();
        QVERIFY(!opened.isError());
        MainWindow window(std::move(session), opened);
        AccountDialog *dialog = window.addAccount();
        dialog->setAccount(f.account);
        dialog->setPasswords(QStringLiteral("wonderland"));
        // Nothing known yet: the dialog says what Outpost does instead.
        QVERIFY2(dialog->learnedWindow().contains(QLatin1String("before each send")),
                 qPrintable(dialog->learnedWindow()));
        auto *measure = field<QPushButton>(dialog, "measureWindow");
        QVERIFY(measure->isHidden()); // offered once the test found POP before SMTP
        QSignalSpy tested(dialog, &AccountDialog::testFinished);
        field<QPushButton>(dialog, "testButton")->click();
        QVERIFY(tested.wait(20000));
        QVERIFY(!measure->isHidden());

        QSignalSpy measured(dialog, &AccountDialog::measureFinished);
        measure->click();
        // The probe asks every 30 s of the dialog's clock; move it on while the probe waits.
        for (int i = 0; i < 200 && measured.isEmpty(); ++i)
            if (!measured.wait(100) && clock.pendingCount() > 0)
                clock.advance(30000);
        QCOMPARE(measured.count(), 1);
        QVERIFY2(dialog->learnedWindow().contains(QLatin1String("between 90 and 120")),
                 qPrintable(dialog->learnedWindow()));
        QCOMPARE(dialog->verdict(), dialog->learnedWindow());
        // The planned window is lowered to what surely works.
        QCOMPARE(field<QSpinBox>(dialog, "authWindow")->value(), 90);

        QSignalSpy cycles(window.scheduler(), &Outpost::Scheduler::cycleFinished);
        dialog->accept();
        QTRY_VERIFY(window.scheduler()->authWindow(f.account.id));
        QCOMPARE(window.scheduler()->authWindow(f.account.id)->learnedSeconds(), 120);
        QCOMPARE(window.scheduler()->status(f.account.id).learnedWindowSeconds, 120);
        // The new account's first check (its test passed) ends before the window closes.
        QTRY_COMPARE_WITH_TIMEOUT(cycles.count(), 1, 20000);
    }

    void aNewAccountThatPassedItsTestIsCheckedAtOnce()
    {
        GuiFixture f;
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-dialog"));
        QSignalSpy cycles(window.scheduler(), &Outpost::Scheduler::cycleFinished);
        AccountDialog *dialog = window.addAccount();
        dialog->setAccount(f.account); // no check at startup, no interval: only by hand
        dialog->setPasswords(QStringLiteral("wonderland"));
        QSignalSpy tested(dialog, &AccountDialog::testFinished);
        field<QPushButton>(dialog, "testButton")->click();
        QVERIFY(tested.wait(20000));
        QVERIFY(cycles.isEmpty());
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(cycles.count(), 1, 20000);
        QCOMPARE(cycles.first().at(0).toString(), f.account.id);
        QVERIFY(!cycles.first().at(1).value<Outpost::CycleResult>().accountError.isError());
    }

    void wrongPasswordIsReported()
    {
        GuiFixture f;
        MainWindow window(f.profile(), nullptr, QStringLiteral("OutpostTest-dialog"));
        AccountDialog *dialog = window.addAccount();
        dialog->setAccount(f.account);
        dialog->setPasswords(QStringLiteral("wrong"));
        QSignalSpy finished(dialog, &AccountDialog::testFinished);
        field<QPushButton>(dialog, "testButton")->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(dialog->verdict().contains(QLatin1String("does not work")),
                 qPrintable(dialog->verdict()));
    }
};

QTEST_MAIN(TestAccountDialog)
#include "tst_accountdialog.moc"
