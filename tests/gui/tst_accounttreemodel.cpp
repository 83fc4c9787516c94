// The account tree: accounts with their four folders and counts, changed in place (the model
// tester checks every change; persistent indexes and the view's state survive).
#include "AccountTreeModel.h"
#include "message/MessageWriter.h"
#include "schedule/Scheduler.h"
#include "session/Session.h"
#include "store/OutboxStore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;
using Folder = MessageListModel::Folder;

namespace {
Account account(const QString &id, const QString &name)
{
    Account a;
    a.id = id;
    a.name = name;
    a.address = id + QStringLiteral("@example.jp");
    a.popHost = a.smtpHost = QStringLiteral("127.0.0.1");
    a.popUser = id;
    return a;
}
} // namespace

class TestAccountTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changesInPlace()
    {
        AccountTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        const Account home = account(QStringLiteral("home"), QStringLiteral("Home"));
        const Account work = account(QStringLiteral("work"), QStringLiteral("Work"));
        model.setAccounts({home, work});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowCount(model.index(0, 0)), AccountTreeModel::folderCount);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Accounts"));
        QPersistentModelIndex workOutbox = model.folderIndex(work.id, Folder::Outbox);
        QCOMPARE(workOutbox.data().toString(), QStringLiteral("Outbox"));
        QCOMPARE(workOutbox.data(AccountTreeModel::AccountIdRole).toString(), work.id);
        QCOMPARE(workOutbox.data(AccountTreeModel::FolderRole).toInt(), int(Folder::Outbox));

        // Another account comes, one goes, one is renamed: the rest stays where it is.
        const Account demo = account(QStringLiteral("demo"), QStringLiteral("Demo"));
        model.setAccounts({home, work, demo});
        QVERIFY(workOutbox.isValid());
        model.setAccounts({work, demo});
        QVERIFY(workOutbox.isValid());
        QCOMPARE(workOutbox.parent().row(), 0);
        Account renamed = work;
        renamed.name = QStringLiteral("Office");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setAccounts({renamed, demo});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Office"));
        // Order changes move rows.
        model.setAccounts({demo, renamed});
        QVERIFY(workOutbox.isValid());
        QCOMPARE(workOutbox.parent().row(), 1);
        QCOMPARE(resets.count(), 0); // never rebuilt
        model.setAccounts({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!workOutbox.isValid());
    }

    void countsComeFromTheStores()
    {
        QTemporaryDir dir;
        Session::Options options;
        options.keychainService = QStringLiteral("outpost-tests");
        Session session(dir.path(), options);
        QVERIFY(!session.open().isError());
        const Account home = account(QStringLiteral("home"), QStringLiteral("Home"));
        StoreError error;
        QVERIFY(session.scheduler()->setAccounts({home}, &error));

        AccountTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setAccounts({home});
        model.updateCounts(session.scheduler());
        QCOMPARE(model.folderIndex(home.id, Folder::Outbox).data().toString(),
                 QStringLiteral("Outbox"));

        OutgoingMessage m;
        m.from = MailAddress(QString(), QStringLiteral("home"), QStringLiteral("example.jp"));
        m.to = {MailAddress(QString(), QStringLiteral("hanako"), QStringLiteral("example.jp"))};
        m.subject = QStringLiteral("Hi");
        m.body = QStringLiteral("Hi.\n");
        QVERIFY(session.scheduler()->outbox(home.id)->queue(m));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.updateCounts(session.scheduler());
        QCOMPARE(changed.count(), 1); // only the row that changed
        const QModelIndex outbox = model.folderIndex(home.id, Folder::Outbox);
        QCOMPARE(outbox.data().toString(), QStringLiteral("Outbox (1)"));
        QVERIFY(outbox.data(Qt::FontRole).value<QFont>().bold());
        model.updateCounts(session.scheduler());
        QCOMPARE(changed.count(), 1); // nothing new, nothing signalled
    }
};

QTEST_MAIN(TestAccountTreeModel)
#include "tst_accounttreemodel.moc"
