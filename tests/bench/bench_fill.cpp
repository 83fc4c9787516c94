// Prepares an account's folders for the benchmarks through the stores themselves: N copies
// of a message queued in the outbox (as outpost-cli queue would) and N messages delivered
// into the inbox (as a download would).
//
//   bench_fill --account-dir DIR [--outbox N --eml FILE [--planned-over-days D]]
//              [--inbox N --inbox-size BYTES]
// With --planned-over-days, the outbox's messages are to be sent later, spread evenly over
// the next D days (send later).
#include "store/InboxStore.h"
#include "store/OutboxStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QIODevice>

#include <cstdio>

using namespace Outpost;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        {QStringLiteral("account-dir"), QStringLiteral("account folder"), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("outbox"), QStringLiteral("messages to queue"),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption(
        {QStringLiteral("eml"), QStringLiteral("message to queue"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("inbox"), QStringLiteral("messages to deliver"),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("inbox-size"), QStringLiteral("size of each"),
                      QStringLiteral("BYTES"), QStringLiteral("4096")});
    parser.addOption({QStringLiteral("planned-over-days"),
                      QStringLiteral("send the outbox's messages later, over D days"),
                      QStringLiteral("D"), QStringLiteral("0")});
    parser.process(app);
    const double plannedDays = parser.value(QStringLiteral("planned-over-days")).toDouble();
    const QString dir = parser.value(QStringLiteral("account-dir"));
    const int outboxCount = parser.value(QStringLiteral("outbox")).toInt();
    const int inboxCount = parser.value(QStringLiteral("inbox")).toInt();
    if (dir.isEmpty()) {
        std::fprintf(stderr, "bench_fill: --account-dir is required\n");
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    if (outboxCount > 0) {
        OutboxStore outbox(dir);
        StoreError error;
        if (!outbox.open(&error)) {
            std::fprintf(stderr, "bench_fill: outbox: %s\n", qPrintable(error.message));
            return 1;
        }
        const QString eml = parser.value(QStringLiteral("eml"));
        const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(3600);
        for (int i = 0; i < outboxCount; ++i) {
            OutboxStore::QueueOptions options;
            if (plannedDays > 0)
                options.notBefore =
                    start.addSecs(qint64(plannedDays * 86400 * i / qMax(1, outboxCount)));
            if (!outbox.queueFile(eml, &error, options)) {
                std::fprintf(stderr, "bench_fill: queue: %s\n", qPrintable(error.message));
                return 1;
            }
        }
    }
    if (inboxCount > 0) {
        InboxStore inbox(dir);
        StoreError error;
        if (!inbox.open(&error)) {
            std::fprintf(stderr, "bench_fill: inbox: %s\n", qPrintable(error.message));
            return 1;
        }
        const qint64 size = parser.value(QStringLiteral("inbox-size")).toLongLong();
        for (int i = 0; i < inboxCount; ++i) {
            QByteArray message = "From: Bench <bench@example.org>\r\nTo: alice@example.com\r\n"
                                 "Subject: Inbox message " +
                                 QByteArray::number(i) + "\r\nMessage-ID: <inbox" +
                                 QByteArray::number(i) + "@bench.example>\r\n\r\n";
            while (message.size() < size)
                message += "A line of the benchmark's inbox message, seventy-odd octets long.\r\n";
            std::unique_ptr<InboxDelivery> delivery =
                inbox.beginDelivery(QStringLiteral("bench-%1").arg(i), &error);
            if (!delivery || delivery->device()->write(message) != message.size() ||
                !delivery->commit(&error)) {
                std::fprintf(stderr, "bench_fill: deliver: %s\n", qPrintable(error.message));
                return 1;
            }
        }
    }
    std::printf("bench_fill: %d queued, %d delivered in %.1f s\n", outboxCount, inboxCount,
                timer.elapsed() / 1000.0);
    return 0;
}
