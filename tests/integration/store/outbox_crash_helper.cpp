// Moves outbox messages through their states in an endless loop, as the scheduler would,
// until it is killed. Before each change it prints "begin <operation>", after the change is
// on disk "<id> <state> <dataComplete>".
#include "crash_common.h"

#include "message/AddressParser.h"
#include "message/MessageWriter.h"
#include "store/OutboxStore.h"

#include <QCoreApplication>
#include <QRandomGenerator>

#include <cstdio>

using namespace Outpost;

namespace {

void begin(const char *operation)
{
    std::fprintf(stdout, "begin %s\n", operation);
    std::fflush(stdout);
}

void report(const QString &id, const OutboxStore &store)
{
    const auto entry = store.message(id);
    const QByteArray line = entry ? (id + QLatin1Char(' ') + OutboxStore::stateName(entry->state) +
                                     QLatin1Char(' ') + QString::number(entry->dataComplete))
                                        .toLatin1()
                                  : (id + QStringLiteral(" removed 0")).toLatin1();
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    const QString directory = QString::fromLocal8Bit(argv[1]);
    const quint32 seed = quint32(QByteArray(argv[2]).toUInt());
    QRandomGenerator rng(seed);
    OutboxStore store(directory);
    StoreError error;
    if (!store.open(&error)) {
        std::fprintf(stderr, "open: %s\n", qPrintable(error.message));
        return 1;
    }
    std::puts("ready");
    std::fflush(stdout);
    qint64 counter = qint64(seed) * 100000;
    const QDateTime past = QDateTime::currentDateTimeUtc().addSecs(-60);
    while (true) {
        const QList<OutboxEntry> active = store.messages();
        const QList<OutboxEntry> sent = store.sentMessages();
        if (sent.size() > 8) {
            const QString id = sent.first().id;
            begin("remove");
            if (store.remove(id, &error))
                report(id, store);
            continue;
        }
        if (active.size() < 4 || rng.bounded(4) == 0) {
            const qint64 n = ++counter;
            OutgoingMessage m;
            m.from = MailAddress({}, QStringLiteral("sender"), QStringLiteral("example.org"));
            m.to = {MailAddress({}, QStringLiteral("to"), QStringLiteral("example.org"))};
            m.bcc = {MailAddress({}, QStringLiteral("bcc"), QStringLiteral("example.org"))};
            m.subject = CrashTest::subjectFor(n);
            m.body = CrashTest::bodyFor(n);
            begin("queue");
            if (const auto id = store.queue(m, &error))
                report(*id, store);
            continue;
        }
        // Like the scheduler: finish the message being sent, else take a random one.
        OutboxEntry e = active.at(int(rng.bounded(int(active.size()))));
        for (const OutboxEntry &candidate : active)
            if (candidate.state == OutboxState::Sending)
                e = candidate;
        bool ok = true;
        switch (e.state) {
        case OutboxState::Queued:
        case OutboxState::Deferred:
            begin("markSending");
            ok = store.markSending(e.id, &error);
            break;
        case OutboxState::Sending:
            if (!e.dataComplete && rng.bounded(4) == 0) {
                begin("defer");
                ok = store.defer(e.id, past, QStringLiteral("421 later"), &error);
            } else if (!e.dataComplete) {
                begin("markDataComplete");
                ok = store.markDataComplete(e.id, &error);
            } else if (rng.bounded(6) == 0) {
                begin("defer");
                ok = store.defer(e.id, past, QStringLiteral("451 try again"), &error);
            } else if (rng.bounded(6) == 0) {
                begin("fail");
                ok = store.fail(e.id, QStringLiteral("550 no"), &error);
            } else {
                begin("markSent");
                ok = store.markSent(e.id, {}, &error);
            }
            break;
        case OutboxState::Failed:
            if (rng.bounded(2)) {
                begin("requeue");
                ok = store.requeue(e.id, &error);
            } else {
                begin("remove");
                ok = store.remove(e.id, &error);
            }
            break;
        case OutboxState::MayHaveBeenSent:
            if (rng.bounded(2)) {
                begin("requeue");
                ok = store.requeue(e.id, &error);
            } else {
                begin("markAsSent");
                ok = store.markAsSent(e.id, &error);
            }
            break;
        case OutboxState::Sent:
            continue;
        }
        if (!ok) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(e.id), qPrintable(error.message));
            return 1;
        }
        report(e.id, store);
    }
}
