// One wording for a cycle's outcome, shared by the desktop program and outpost-cli.
#include "usecases/CycleReport.h"

#include <QTest>

using namespace Outpost;
using Kind = CycleReportItem::Kind;

namespace {
QList<Kind> kinds(const QList<CycleReportItem> &items)
{
    QList<Kind> out;
    for (const CycleReportItem &item : items)
        out.append(item.kind);
    return out;
}
} // namespace

class TestCycleReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingToDoIsSaid()
    {
        const auto items = CycleReport::describe(QStringLiteral("Home"), CycleResult{}, nullptr);
        QCOMPARE(kinds(items), QList<Kind>{Kind::NothingToDo});
        QCOMPARE(items.first().text, QStringLiteral("Home: no new mail, nothing to send."));
    }

    void mostImportantFirst()
    {
        CycleResult r;
        r.received = 2;
        r.sent = 1;
        r.deferred = 1;
        r.failed = 1;
        r.mayHaveBeenSent = 1;
        r.receiveError = NetError::make(NetError::Network, QStringLiteral("The download broke."));
        r.storeError = {StoreError::Kind::DiskFull, QStringLiteral("The disk is full."), {}};
        r.accountError =
            NetError::make(NetError::Authentication, QStringLiteral("Wrong password."));
        r.waiting = 3;
        const auto items = CycleReport::describe(QStringLiteral("Home"), r, nullptr);
        QCOMPARE(kinds(items),
                 (QList<Kind>{Kind::Paused, Kind::StoreError, Kind::Failed, Kind::MayHaveBeenSent,
                              Kind::ReceiveError, Kind::Deferred, Kind::NewMail, Kind::Sent}));
        QCOMPARE(items.first().severity, CycleReportItem::Severity::Critical);
        QVERIFY(items.first().text.startsWith(QLatin1String("Home: Wrong password.")));
        QVERIFY(items.first().text.contains(QLatin1String("3 message")));
        for (const CycleReportItem &item : items) {
            QVERIFY2(item.text.startsWith(QLatin1String("Home: ")), qPrintable(item.text));
            QVERIFY(!item.title.isEmpty());
        }
    }

    void aReceiveErrorIsNotLost()
    {
        // The desktop program used to drop it: sending went on, and nobody heard of it.
        CycleResult r;
        r.sent = 1;
        r.receiveError =
            NetError::make(NetError::Permanent, QStringLiteral("Message 3 could not be stored."));
        const auto items = CycleReport::describe(QStringLiteral("Work"), r, nullptr);
        QCOMPARE(kinds(items), (QList<Kind>{Kind::ReceiveError, Kind::Sent}));
        QCOMPARE(items.first().text,
                 QStringLiteral("Work: receiving: Message 3 could not be stored."));
        QCOMPARE(items.first().severity, CycleReportItem::Severity::Warning);
    }
};

QTEST_GUILESS_MAIN(TestCycleReport)
#include "tst_cyclereport.moc"
