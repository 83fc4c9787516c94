// The single-instance hand-over between processes (a local socket; a named pipe on Windows):
// a second start's arguments reach the first, and a first start that was killed leaves
// nothing that stops the next one from becoming the primary.
#include "SingleInstance.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using Outpost::SingleInstance;

namespace {
const QString mailtoLink = QStringLiteral("mailto:bob@example.net?subject=%E3%81%AF%E3%81%84");

QString helperPath()
{
    return QCoreApplication::applicationDirPath() + QLatin1Char('/') +
           QStringLiteral(OUTPOST_SINGLEINSTANCE_HELPER);
}

/// The helper's lines so far (CRLF on Windows).
QStringList linesOf(QProcess &process, QByteArray *buffer)
{
    *buffer += process.readAllStandardOutput();
    QStringList lines;
    for (const QByteArray &line : buffer->split('\n')) {
        if (!line.trimmed().isEmpty())
            lines << QString::fromUtf8(line.trimmed());
    }
    return lines;
}
} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondProcessHandsItsLinkToTheFirst()
    {
        QTemporaryDir profile;
        SingleInstance first(profile.path());
        QSignalSpy primary(&first, &SingleInstance::becamePrimary);
        QSignalSpy received(&first, &SingleInstance::argumentsReceived);
        first.start({});
        QTRY_COMPARE_WITH_TIMEOUT(primary.count(), 1, 5000);

        QProcess second;
        QSignalSpy finished(&second, &QProcess::finished);
        second.start(helperPath(), {profile.path(), mailtoLink});
        QVERIFY(finished.wait(20000));
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QCOMPARE(second.exitCode(), 0);
        QByteArray buffer;
        QCOMPARE(linesOf(second, &buffer), QStringList{QStringLiteral("handed-over")});
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 5000);
        QCOMPARE(received.first().first().toStringList(), QStringList{mailtoLink});
    }

    void firstProcessReceivesAndAKilledOneIsNotInTheWay()
    {
        QTemporaryDir profile;
        QProcess first;
        first.start(helperPath(), {profile.path()});
        QByteArray buffer;
        QTRY_COMPARE_WITH_TIMEOUT(linesOf(first, &buffer), QStringList{QStringLiteral("primary")},
                                  20000);

        SingleInstance second(profile.path());
        QSignalSpy handedOver(&second, &SingleInstance::handedOver);
        QSignalSpy secondPrimary(&second, &SingleInstance::becamePrimary);
        second.start({mailtoLink});
        QTRY_COMPARE_WITH_TIMEOUT(handedOver.count(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            linesOf(first, &buffer),
            (QStringList{QStringLiteral("primary"), QStringLiteral("received ") + mailtoLink}),
            5000);
        QCOMPARE(secondPrimary.count(), 0);

        // Killed, it cannot clean up (on Linux its socket file stays behind): the next start
        // is the primary, and does not hand its mailtoLink to nobody.
        QSignalSpy finished(&first, &QProcess::finished);
        first.kill();
        QVERIFY(finished.wait(20000));
        SingleInstance third(profile.path());
#ifndef Q_OS_WIN
        // The socket file of the killed start is still there (a named pipe ends with its
        // process).
        QVERIFY(QFileInfo::exists(QDir::tempPath() + QLatin1Char('/') + third.serverName()));
#endif
        QSignalSpy thirdPrimary(&third, &SingleInstance::becamePrimary);
        QSignalSpy thirdHandedOver(&third, &SingleInstance::handedOver);
        third.start({mailtoLink});
        QTRY_COMPARE_WITH_TIMEOUT(thirdPrimary.count(), 1, 5000);
        QCOMPARE(thirdHandedOver.count(), 0);

        // And it really listens: a fourth start reaches it.
        QSignalSpy received(&third, &SingleInstance::argumentsReceived);
        SingleInstance fourth(profile.path());
        QSignalSpy fourthHandedOver(&fourth, &SingleInstance::handedOver);
        fourth.start({mailtoLink});
        QTRY_COMPARE_WITH_TIMEOUT(fourthHandedOver.count(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 5000);
        QCOMPARE(received.first().first().toStringList(), QStringList{mailtoLink});
    }
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
