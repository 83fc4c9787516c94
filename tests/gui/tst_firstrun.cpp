#include "AccountTreeModel.h"
#include "MainWindow.h"
#include "ProtocolLogWindow.h"
#include "SingleInstance.h"
#include "sandbox/SandboxServer.h"
#include "schedule/Scheduler.h"
#include "store/OutboxStore.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Outpost::MainWindow;

class TestFirstRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void welcomeThenSandboxDemo()
    {
        QTemporaryDir profile;
        MainWindow window(profile.path(), nullptr, QStringLiteral("OutpostTest-firstrun"));
        window.show();
        QVERIFY(window.showsWelcome());
        auto *add = window.findChild<QPushButton *>(QStringLiteral("addAccountButton"));
        auto *sandbox = window.findChild<QPushButton *>(QStringLiteral("trySandboxButton"));
        QVERIFY(add && add->isVisible());
        QVERIFY(sandbox && sandbox->isVisible());

        sandbox->click();
        QVERIFY(window.sandbox());
        QVERIFY(!window.showsWelcome());
        QCOMPARE(window.accountModel()->rowCount(), 1);
        const QString id = window.scheduler()->accounts().first().id;
        Outpost::OutboxStore *outbox = window.scheduler()->outbox(id);
        QTRY_COMPARE_WITH_TIMEOUT(outbox->sentMessages().size(), 1, 30000);
        QCOMPARE(window.sandbox()->deliveries().size(), 1);
        QCOMPARE(window.sandbox()->deliveries().first().recipients,
                 QByteArrayList{"friend@example.com"});

        // The log tells the story in order: refused first, then the login, then delivered.
        const QString log = window.protocolLog()->text();
        const auto refused = log.indexOf(QLatin1String("The server refused"));
        const auto login = log.indexOf(QLatin1String("logged in over POP first"));
        const auto accepted = log.indexOf(QLatin1String("The server accepted the message"));
        QVERIFY2(refused >= 0 && login > refused && accepted > login, qPrintable(log));
        QVERIFY(log.contains(QLatin1String("Relay access denied")));
        QTRY_VERIFY(window.protocolLog()->text().contains(QLatin1String("Step 3: done")));
        // The profile's settings never got the demo account.
        QVERIFY(window.accountStore()->accounts().isEmpty());
    }

    void secondStartHandsOverMailto()
    {
        QTemporaryDir profile;
        Outpost::SingleInstance first(profile.path());
        QSignalSpy primary(&first, &Outpost::SingleInstance::becamePrimary);
        QSignalSpy received(&first, &Outpost::SingleInstance::argumentsReceived);
        first.start({});
        QTRY_COMPARE(primary.count(), 1);

        Outpost::SingleInstance second(profile.path());
        QSignalSpy handedOver(&second, &Outpost::SingleInstance::handedOver);
        QSignalSpy secondPrimary(&second, &Outpost::SingleInstance::becamePrimary);
        second.start({QStringLiteral("mailto:bob@example.net?subject=Hi")});
        QTRY_COMPARE(handedOver.count(), 1);
        QTRY_COMPARE(received.count(), 1);
        QCOMPARE(secondPrimary.count(), 0);
        QCOMPARE(received.first().first().toStringList(),
                 QStringList{QStringLiteral("mailto:bob@example.net?subject=Hi")});

        // Another profile is another Outpost.
        QTemporaryDir other;
        Outpost::SingleInstance third(other.path());
        QSignalSpy thirdPrimary(&third, &Outpost::SingleInstance::becamePrimary);
        third.start({});
        QTRY_COMPARE(thirdPrimary.count(), 1);
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
