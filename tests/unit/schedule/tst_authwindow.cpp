#include "schedule/AuthWindow.h"
#include "schedule/RetryPolicy.h"

#include <QTest>

using namespace Outpost;

class TestAuthWindow : public QObject
{
    Q_OBJECT

    const QDateTime t0 = QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC);

private Q_SLOTS:
    void backoff_data()
    {
        QTest::addColumn<int>("attempts");
        QTest::addColumn<int>("minutes");
        QTest::newRow("first") << 1 << 1;
        QTest::newRow("second") << 2 << 2;
        QTest::newRow("third") << 3 << 4;
        QTest::newRow("sixth") << 6 << 32;
        QTest::newRow("capped") << 7 << 60;
        QTest::newRow("far") << 50 << 60;
    }
    void backoff()
    {
        QFETCH(int, attempts);
        QFETCH(int, minutes);
        QCOMPARE(RetryPolicy::backoffMs(attempts), qint64(minutes) * 60 * 1000);
    }

    void giveUp()
    {
        QVERIFY(!RetryPolicy::shouldGiveUp(t0, t0.addSecs(71 * 3600), 72));
        QVERIFY(RetryPolicy::shouldGiveUp(t0, t0.addSecs(72 * 3600), 72));
    }

    void closedWithoutLogin()
    {
        AuthWindow w(300);
        QVERIFY(!w.isOpen(t0));
        QCOMPARE(w.remainingMs(t0), 0);
    }

    void opensForTheConfiguredLength()
    {
        AuthWindow w(300);
        w.recordLogin(t0);
        QVERIFY(w.isOpen(t0.addSecs(299)));
        QVERIFY(!w.isOpen(t0.addSecs(300)));
        QVERIFY(!w.isOpen(t0.addSecs(290), 15000)); // the margin
        QCOMPARE(w.remainingMs(t0.addSecs(100)), qint64(200000));
    }

    void learnsAShorterWindowFromARefusal()
    {
        AuthWindow w(600);
        w.recordLogin(t0);
        w.recordRelayAccepted(t0.addSecs(60));
        QVERIFY(w.recordRelayRefused(t0.addSecs(180)));
        QCOMPARE(w.learnedSeconds(), 180);
        QCOMPARE(w.effectiveMs(), qint64(180000));
        // Only the first refusal after a login teaches.
        QVERIFY(!w.recordRelayRefused(t0.addSecs(200)));
        w.recordLogin(t0.addSecs(1000));
        QVERIFY(w.isOpen(t0.addSecs(1100)));
        QVERIFY(!w.isOpen(t0.addSecs(1180)));
    }

    void lagRefusalsTeachNothing()
    {
        AuthWindow w(300);
        w.recordLogin(t0);
        QVERIFY(!w.recordRelayRefused(t0.addSecs(2)));
        QCOMPARE(w.learnedSeconds(), 0);
        QCOMPARE(w.effectiveMs(), qint64(300000));
    }

    void neverLongerThanConfigured()
    {
        AuthWindow w(120);
        w.recordLogin(t0);
        QVERIFY(w.recordRelayRefused(t0.addSecs(500)));
        QCOMPARE(w.effectiveMs(), qint64(120000));
    }

    void aLaterSuccessForgetsAStaleRefusal()
    {
        AuthWindow w(600);
        w.recordLogin(t0);
        QVERIFY(w.recordRelayRefused(t0.addSecs(100)));
        w.recordLogin(t0.addSecs(1000));
        w.recordRelayAccepted(t0.addSecs(1200));
        QCOMPARE(w.learnedSeconds(), 0);
        QCOMPARE(w.effectiveMs(), qint64(600000));
    }

    void aMeasurementIsWhatTheWindowIs()
    {
        AuthWindow w(600);
        w.recordLogin(t0);
        QVERIFY(w.recordRelayRefused(t0.addSecs(400)));
        // Measured on purpose: open at 90 s, refused at 120 s. It replaces what cycles taught.
        w.recordMeasurement(90, 120);
        QCOMPARE(w.learnedSeconds(), 120);
        QCOMPARE(w.longestAcceptedSeconds(), 90);
        QCOMPARE(w.effectiveMs(), qint64(120000));
        QVERIFY(!w.isOpen(t0.addSecs(121)));
        // Still open at the end of the measurement: nothing learned of the end, the
        // configured length stays.
        w.recordMeasurement(1800, 0);
        QCOMPARE(w.learnedSeconds(), 0);
        QCOMPARE(w.longestAcceptedSeconds(), 1800);
        QCOMPARE(w.effectiveMs(), qint64(600000));
    }

    void jsonRoundTrip()
    {
        AuthWindow w(600);
        w.recordLogin(t0);
        w.recordRelayAccepted(t0.addSecs(30));
        w.recordRelayRefused(t0.addSecs(240));
        const AuthWindow back = AuthWindow::fromJson(w.toJson(), 600);
        QCOMPARE(back.lastLogin(), t0);
        QCOMPARE(back.learnedSeconds(), 240);
        QCOMPARE(back.longestAcceptedSeconds(), 30);
    }
};

QTEST_GUILESS_MAIN(TestAuthWindow)
#include "tst_authwindow.moc"
