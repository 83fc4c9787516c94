// Passwords through the real Secret Service (gnome-keyring). The secrets are random
// and are never printed, not even when a comparison fails.
#include "CredentialTestSupport.h"

#include "store/Account.h"

#include <QDirIterator>
#include <QRandomGenerator>

using namespace Outpost;
using Server = CredentialStore::Server;

namespace {
QString randomSecret()
{
    return QString::number(QRandomGenerator::global()->generate64(), 36) +
           QStringLiteral("-秘密-") + QString::number(QRandomGenerator::global()->generate(), 36);
}
QString randomAccount()
{
    return QStringLiteral("acct-") + QString::number(QRandomGenerator::global()->generate(), 36);
}
} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT

    CredentialStore m_store{QStringLiteral("outpost-tests")};

private Q_SLOTS:
    void writeReadRemove()
    {
        const QString account = randomAccount();
        const QString secret = randomSecret();
        const CredentialResult written = finish(m_store.write(account, Server::Incoming, secret));
        QVERIFY2(written.ok(), qPrintable(written.message));

        const CredentialResult read = finish(m_store.read(account, Server::Incoming));
        QVERIFY2(read.ok(), qPrintable(read.message));
        QVERIFY(read.password == secret);

        QVERIFY(finish(m_store.remove(account, Server::Incoming)).ok());
        const CredentialResult gone = finish(m_store.read(account, Server::Incoming));
        QCOMPARE(gone.error, CredentialError::NotFound);
        QVERIFY(gone.password.isEmpty());
        QVERIFY(!gone.message.isEmpty());
    }

    void incomingAndOutgoingAreSeparate()
    {
        const QString account = randomAccount();
        const QString pop = randomSecret();
        const QString smtp = randomSecret();
        QVERIFY(finish(m_store.write(account, Server::Incoming, pop)).ok());
        QVERIFY(finish(m_store.write(account, Server::Outgoing, smtp)).ok());
        QVERIFY(finish(m_store.read(account, Server::Incoming)).password == pop);
        QVERIFY(finish(m_store.read(account, Server::Outgoing)).password == smtp);
        QVERIFY(finish(m_store.remove(account, Server::Incoming)).ok());
        QVERIFY(finish(m_store.read(account, Server::Outgoing)).password == smtp);
        QVERIFY(finish(m_store.remove(account, Server::Outgoing)).ok());
    }

    void accountPasswordsForACycle()
    {
        Account a;
        a.id = randomAccount();
        const QString pop = randomSecret();
        const QString smtp = randomSecret();
        QVERIFY(finish(m_store.write(a.id, Server::Incoming, pop)).ok());
        auto read = [&] {
            CredentialStore::AccountPasswords got;
            bool done = false;
            m_store.readAccountPasswords(a, this, [&](const CredentialStore::AccountPasswords &p) {
                got = p;
                done = true;
            });
            if (!QTest::qWaitFor([&] { return done; }, 20000))
                got.result.error = CredentialError::Other;
            return got;
        };
        // No SMTP AUTH, or the same password: one read.
        CredentialStore::AccountPasswords p = read();
        QVERIFY(p.ok());
        QVERIFY(p.incoming == pop && p.outgoing == pop);
        // Its own SMTP password: missing first, then read.
        a.smtpAuth = SmtpAuth::Plain;
        a.smtpSamePassword = false;
        p = read();
        QCOMPARE(p.result.error, CredentialError::NotFound);
        QCOMPARE(p.failed, Server::Outgoing);
        QVERIFY(finish(m_store.write(a.id, Server::Outgoing, smtp)).ok());
        p = read();
        QVERIFY(p.ok());
        QVERIFY(p.incoming == pop && p.outgoing == smtp);
        QVERIFY(finish(m_store.remove(a.id, Server::Incoming)).ok());
        QVERIFY(finish(m_store.remove(a.id, Server::Outgoing)).ok());
        p = read();
        QCOMPARE(p.failed, Server::Incoming);
        QCOMPARE(p.result.error, CredentialError::NotFound);
    }

    void overwriteReplaces()
    {
        const QString account = randomAccount();
        const QString second = randomSecret();
        QVERIFY(finish(m_store.write(account, Server::Incoming, randomSecret())).ok());
        QVERIFY(finish(m_store.write(account, Server::Incoming, second)).ok());
        QVERIFY(finish(m_store.read(account, Server::Incoming)).password == second);
        QVERIFY(finish(m_store.remove(account, Server::Incoming)).ok());
    }

    void removingNothingIsFine()
    {
        QVERIFY(finish(m_store.remove(randomAccount(), Server::Outgoing)).ok());
    }

    void sessionPasswordComesFirstAndStaysInMemory()
    {
        const QString account = randomAccount();
        const QString typed = randomSecret();
        m_store.rememberForSession(account, Server::Incoming, typed);
        QVERIFY(finish(m_store.read(account, Server::Incoming)).password == typed);
        m_store.forgetSession(account, Server::Incoming);
        QCOMPARE(finish(m_store.read(account, Server::Incoming)).error, CredentialError::NotFound);
    }

    void nothingLandsInHomeFiles()
    {
        // The keyring itself stores encrypted data under HOME; no plain copy may appear.
        const QString account = randomAccount();
        const QString secret = randomSecret();
        QVERIFY(finish(m_store.write(account, Server::Incoming, secret)).ok());
        QDirIterator it(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.size() > 10 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
                continue;
            QVERIFY2(!f.readAll().contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
        QVERIFY(finish(m_store.remove(account, Server::Incoming)).ok());
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
