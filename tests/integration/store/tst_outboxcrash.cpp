// Kills a process that is busy with the outbox (QProcess::kill: SIGKILL, TerminateProcess on
// Windows; at random moments) again and again; after each kill, recovery must find every
// message intact in exactly one state.
#include "crash_common.h"

#include "message/MessageReader.h"
#include "store/OutboxStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Outpost;

namespace {

struct Known
{
    QString state; // OutboxStore::stateName, or "sending"
    bool dataComplete = false;
};

QString recovered(const Known &k)
{
    if (k.state == QLatin1String("sending"))
        return k.dataComplete ? QStringLiteral("may-have-been-sent") : QStringLiteral("queued");
    return k.state;
}

// States a message may be found in after a kill: where it was, or one step further.
QStringList allowedAfterKill(const Known &k)
{
    QList<Known> next;
    const QString s = k.state;
    if (s == QLatin1String("queued") || s == QLatin1String("deferred"))
        next = {{QStringLiteral("sending"), false}};
    else if (s == QLatin1String("sending") && !k.dataComplete)
        next = {{QStringLiteral("sending"), true}, {QStringLiteral("deferred"), false}};
    else if (s == QLatin1String("sending"))
        next = {{QStringLiteral("sent"), false},
                {QStringLiteral("deferred"), false},
                {QStringLiteral("failed"), false}};
    else if (s == QLatin1String("failed"))
        next = {{QStringLiteral("queued"), false}, {QStringLiteral("removed"), false}};
    else if (s == QLatin1String("may-have-been-sent"))
        next = {{QStringLiteral("queued"), false}, {QStringLiteral("sent"), false}};
    else if (s == QLatin1String("sent"))
        next = {{QStringLiteral("removed"), false}};
    QStringList allowed{recovered(k)};
    for (const Known &n : next)
        allowed << recovered(n);
    return allowed;
}

} // namespace

class TestOutboxCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killAtRandomMoments()
    {
        const int kills = qEnvironmentVariableIsSet("OUTPOST_CRASH_KILLS")
                              ? qEnvironmentVariableIntValue("OUTPOST_CRASH_KILLS")
                              : 200;
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString account = dir.filePath(QStringLiteral("account"));
        QHash<QString, Known> model;
        QRandomGenerator rng(4242);
        QMap<QByteArray, int> killPoints; // the operation each kill interrupted
        int totalSteps = 0, requeued = 0, mayHaveBeenSent = 0, completedMoves = 0, temporary = 0,
            unacknowledged = 0;

        // The kills must land inside each operation that matters, not only between them: a
        // full run goes on (up to twice as long) until each has been interrupted at least
        // once, since a kill's timing is random (and slower under Wine).
        const QList<QByteArray> mustInterrupt{"queue", "markSending", "markDataComplete",
                                              "markSent"};
        const auto allInterrupted = [&] {
            for (const QByteArray &op : mustInterrupt)
                if (killPoints.value(op) == 0)
                    return false;
            return true;
        };
        int kill = 0;
        for (; kill < kills || (kills >= 200 && kill < 2 * kills && !allInterrupted()); ++kill) {
            QProcess helper;
            helper.setProcessChannelMode(QProcess::SeparateChannels);
            helper.start(QCoreApplication::applicationDirPath() + QLatin1Char('/') +
                             QStringLiteral(OUTPOST_CRASH_HELPER),
                         {account, QString::number(kill + 1)});
            QVERIFY2(helper.waitForStarted(20000), qPrintable(helper.errorString()));
            // Let it run for a random number of acknowledged steps, then kill it mid-work.
            const int target = 1 + int(rng.bounded(16));
            int seen = -1; // "ready" comes first
            QByteArray pending;
            while (seen < target) {
                if (!helper.waitForReadyRead(30000)) {
                    QFAIL(qPrintable(
                        QStringLiteral("helper stopped: %1")
                            .arg(QString::fromLocal8Bit(helper.readAllStandardError()))));
                }
                pending += helper.readAllStandardOutput();
                seen = int(pending.count('\n')) - 1;
            }
            helper.kill(); // SIGKILL; TerminateProcess on Windows
            QVERIFY(helper.waitForFinished(20000));
            QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
            pending += helper.readAllStandardOutput();
            const QByteArray errors = helper.readAllStandardError();
            QVERIFY2(!errors.contains("open:") && !errors.contains(": "), errors.constData());

            // Every line the helper printed is a change that was on disk.
            const QList<QByteArray> lines = pending.split('\n');
            QByteArray inFlight = "between operations";
            for (const QByteArray &line : lines) {
                // trimmed(): on Windows the helper's standard output ends its lines with CRLF.
                const QList<QByteArray> parts = line.trimmed().split(' ');
                if (parts.size() == 2 && parts.at(0) == "begin")
                    inFlight = parts.at(1);
                if (parts.size() != 3)
                    continue;
                inFlight = "between operations";
                ++totalSteps;
                const QString id = QString::fromLatin1(parts.at(0));
                if (parts.at(1) == "removed")
                    model[id] = {QStringLiteral("removed"), false};
                else
                    model[id] = {QString::fromLatin1(parts.at(1)), parts.at(2) == "1"};
            }

            ++killPoints[inFlight];

            // Recovery, as the next start of the program would do it.
            OutboxStore store(account);
            StoreError error;
            QVERIFY2(store.open(&error), qPrintable(error.message));
            const OutboxStore::RecoveryReport report = store.recoveryReport();
            QVERIFY2(report.damaged.isEmpty(), qPrintable(report.damaged.join(QLatin1Char(','))));
            requeued += int(report.requeued.size());
            mayHaveBeenSent += int(report.mayHaveBeenSent.size());
            completedMoves += int(report.completedMoves.size());
            temporary += report.removedTemporary;

            // Exactly the message folders, each with exactly its two files.
            QSet<QString> onDisk;
            for (const QString &sub : {QStringLiteral("outbox"), QStringLiteral("sent")}) {
                QDir base(account + QLatin1Char('/') + sub);
                for (const QString &name :
                     base.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
                    QVERIFY2(!onDisk.contains(name),
                             qPrintable(name + QStringLiteral(" is in two places")));
                    onDisk.insert(name);
                    QCOMPARE(QDir(base.filePath(name))
                                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                                            QDir::Name),
                             (QStringList{"message.eml", "state.json"}));
                }
            }
            QList<OutboxEntry> all = store.messages() + store.sentMessages();
            QCOMPARE(all.size(), onDisk.size());
            for (const OutboxEntry &e : all) {
                QVERIFY(e.state != OutboxState::Sending);
                // The bytes are complete and exactly what was queued.
                QFile file(e.messagePath);
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray bytes = file.readAll();
                QCOMPARE(qint64(bytes.size()), e.envelope.size);
                QVERIFY(bytes.endsWith("\r\n"));
                const ParsedMessage parsed = MessageReader::parse(bytes);
                const qint64 n = parsed.subject().section(QLatin1Char(' '), 1).toLongLong();
                QCOMPARE(parsed.subject(), CrashTest::subjectFor(n));
                QCOMPARE(parsed.text(), CrashTest::bodyFor(n));
                QCOMPARE(e.envelope.recipients, (QStringList{"to@example.org", "bcc@example.org"}));
                const QString state = OutboxStore::stateName(e.state);
                if (!model.contains(e.id)) {
                    // Queued just before the kill, not yet acknowledged: fine, and whole.
                    QCOMPARE(state, QStringLiteral("queued"));
                    ++unacknowledged;
                } else {
                    const QStringList allowed = allowedAfterKill(model.value(e.id));
                    QVERIFY2(allowed.contains(state),
                             qPrintable(QStringLiteral("%1 is %2, expected one of %3")
                                            .arg(e.id, state, allowed.join(QLatin1Char(',')))));
                }
                model[e.id] = {state, false};
            }
            // Nothing acknowledged is lost, unless it was being removed.
            for (auto it = model.begin(); it != model.end();) {
                if (!onDisk.contains(it.key())) {
                    QVERIFY2(
                        allowedAfterKill(it.value()).contains(QLatin1String("removed")),
                        qPrintable(it.key() + QStringLiteral(" was lost in state ") + it->state));
                    it = model.erase(it);
                } else {
                    ++it;
                }
            }
        }
        qInfo(
            "%d kills; %d acknowledged steps; recovery: %d back to queued, %d may have been sent, "
            "%d moves to Sent completed, %d unfinished temporary folders removed, %d "
            "unacknowledged "
            "queueings found whole",
            kill, totalSteps, requeued, mayHaveBeenSent, completedMoves, temporary, unacknowledged);
        QStringList points;
        for (auto it = killPoints.cbegin(); it != killPoints.cend(); ++it)
            points << QStringLiteral("%1: %2").arg(QString::fromLatin1(it.key())).arg(it.value());
        qInfo("kills by interrupted operation: %s", qPrintable(points.join(QLatin1String(", "))));
        QVERIFY(kills < 200 || totalSteps > kill);
        // The kills must have landed inside the operations that matter, not only between them.
        if (kills >= 200) {
            for (const QByteArray &op : mustInterrupt)
                QVERIFY2(killPoints.value(op) > 0, op.constData());
        }
    }
};

int main(int argc, char **argv)
{
    // A soak run (OUTPOST_CRASH_KILLS) may outlast QtTest's five-minute watchdog.
    if (qEnvironmentVariableIsSet("OUTPOST_CRASH_KILLS") &&
        !qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "86400000");
    QCoreApplication app(argc, argv);
    TestOutboxCrash test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_outboxcrash.moc"
