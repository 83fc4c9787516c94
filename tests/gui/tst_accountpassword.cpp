// The settings dialog stores the password in the keychain, or — when there is none — says
// so and offers "ask me each time" without writing it anywhere. Which case runs depends on
// the environment: tst_accountkeychain runs inside scripts/test.sh's D-Bus session with a
// real Secret Service; tst_accountnokeychain points D-Bus at nothing.
#include "AccountDialog.h"
#include "GuiFixture.h"
#include "MainWindow.h"
#include "store/CredentialStore.h"

#include <QDirIterator>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using Outpost::AccountDialog;
using Outpost::CredentialStore;
using Outpost::MainWindow;

namespace {

const QString service =
    QStringLiteral("OutpostTest-gui-%1").arg(QCoreApplication::applicationPid());
const QString password = QStringLiteral("kagi-%1-秘密").arg(QCoreApplication::applicationPid());

Outpost::CredentialResult readBack(CredentialStore *store, const QString &id)
{
    Outpost::CredentialJob *job = store->read(id, CredentialStore::Server::Incoming);
    QSignalSpy done(job, &Outpost::CredentialJob::finished);
    if (!done.wait(20000))
        qFatal("the keychain did not answer");
    return done.first().first().value<Outpost::CredentialResult>();
}

bool profileContains(const QString &directory, const QString &text)
{
    QDirIterator it(directory, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(text.toUtf8()))
            return true;
    }
    return false;
}

} // namespace

class TestAccountPassword : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storesThePassword()
    {
        GuiFixture f;
        MainWindow window(f.profile(), nullptr, service);
        AccountDialog *dialog = window.addAccount();
        QVERIFY(dialog);
        dialog->setAccount(f.account);
        dialog->setPasswords(password);
        QSignalSpy saved(dialog, &AccountDialog::saved);
        dialog->accept();
        const bool keychain = qEnvironmentVariableIsSet("OUTPOST_EXPECT_KEYCHAIN");
        if (keychain) {
            QVERIFY2(saved.wait(20000), qPrintable(dialog->notice()));
            QCOMPARE(window.accountStore()->accounts().size(), 1);
            // A fresh store (a new run of Outpost) reads it from the keychain.
            CredentialStore fresh(service);
            const Outpost::CredentialResult result = readBack(&fresh, f.account.id);
            QVERIFY2(result.ok(), qPrintable(result.message));
            QCOMPARE(result.password, password);
            QSignalSpy removed(fresh.remove(f.account.id, CredentialStore::Server::Incoming),
                               &Outpost::CredentialJob::finished);
            QVERIFY(removed.wait(20000));
        } else {
            auto *ask = dialog->findChild<QPushButton *>(QStringLiteral("askEachTime"));
            QVERIFY(ask);
            QTRY_VERIFY_WITH_TIMEOUT(ask->isVisible(), 20000);
            QVERIFY2(dialog->notice().contains(QLatin1String("keychain")),
                     qPrintable(dialog->notice()));
            QVERIFY(dialog->notice().contains(QLatin1String("never writes passwords")));
            QVERIFY(dialog->isVisible()); // the typed password is not lost
            QCOMPARE(saved.count(), 0);
            ask->click();
            QCOMPARE(saved.count(), 1);
            const Outpost::CredentialResult result = readBack(window.credentials(), f.account.id);
            QVERIFY(result.ok());
            QCOMPARE(result.password, password);
        }
        QVERIFY(!profileContains(f.profile(), password));
    }
};

QTEST_MAIN(TestAccountPassword)
#include "tst_accountpassword.moc"
