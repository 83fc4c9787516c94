#pragma once

// An account on the in-process sandbox, with its outbox and inbox, for cycle and
// scheduler tests. Time is a ManualClock shared by the sandbox's relay policy.

#include "ManualClock.h"
#include "Profile.h"
#include "SandboxFixture.h"
#include "message/MessageWriter.h"
#include "schedule/Cycle.h"
#include "store/InboxStore.h"
#include "store/OutboxStore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

struct CycleFixture
{
    QTemporaryDir dir;
    ManualClock clock;
    Outpost::SandboxServer server;
    Outpost::Account account;
    std::unique_ptr<Outpost::OutboxStore> outbox;
    std::unique_ptr<Outpost::InboxStore> inbox;
    Outpost::AuthWindow window{300};
    QStringList transcript;
    QString password = QStringLiteral("wonderland");

    CycleFixture()
    {
        server.settings().clock = [this] { return clock.nowMs(); };
        server.addUser("alice", "wonderland");
        if (!server.listen())
            qFatal("sandbox did not start");
        account =
            SandboxFixture::account(server, QStringLiteral("sandbox"), QStringLiteral("Sandbox"));
        account.authWindowSeconds = 300;
        reopenStores();
    }

    QString accountDirectory() const { return dir.path() + QStringLiteral("/accounts/sandbox"); }

    void reopenStores()
    {
        outbox = std::make_unique<Outpost::OutboxStore>(accountDirectory());
        inbox = std::make_unique<Outpost::InboxStore>(accountDirectory());
        Outpost::StoreError error;
        if (!outbox->open(&error) || !inbox->open(&error))
            qFatal("stores did not open");
    }

    /// Queues a message to bob@example.net; returns its id.
    QString queue(const QString &subject = QStringLiteral("Hello"),
                  const QString &body = QStringLiteral("Hello Bob.\n"))
    {
        Outpost::OutgoingMessage m;
        m.from = Outpost::MailAddress(QStringLiteral("Alice"), QStringLiteral("alice"),
                                      QStringLiteral("example.com"));
        m.to = {
            Outpost::MailAddress(QString(), QStringLiteral("bob"), QStringLiteral("example.net"))};
        m.subject = subject;
        m.body = body;
        Outpost::StoreError error;
        const auto id = outbox->queue(m, &error);
        if (!id)
            qFatal("queue failed");
        return *id;
    }

    Outpost::CycleOptions options() const
    {
        Outpost::CycleOptions o;
        o.timeouts.connectMs = 5000;
        o.timeouts.commandMs = 5000;
        return o;
    }

    /// A cycle wired to this fixture (not started).
    std::unique_ptr<Outpost::Cycle> makeCycle(const Outpost::CycleOptions &o)
    {
        auto cycle = std::make_unique<Outpost::Cycle>(account, password, password, outbox.get(),
                                                      inbox.get(), &window, &clock, o);
        QObject::connect(cycle.get(), &Outpost::Cycle::transcript, cycle.get(),
                         [this](const QString &line) { transcript.append(line); });
        return cycle;
    }

    /// Runs a whole cycle and returns its result.
    Outpost::CycleResult run(const Outpost::CycleOptions &o)
    {
        auto cycle = makeCycle(o);
        QSignalSpy finished(cycle.get(), &Outpost::Cycle::finished);
        cycle->start();
        if (!finished.wait(20000)) {
            // The transcript is masked, so it is safe to show.
            for (const QString &line : std::as_const(transcript))
                qInfo("%s", qPrintable(line));
            qFatal("the cycle did not finish (phase %d)", int(cycle->phase()));
        }
        return finished.first().first().value<Outpost::CycleResult>();
    }
    Outpost::CycleResult run() { return run(options()); }

    QByteArray sentBytes(const QString &id) const
    {
        for (const Outpost::OutboxEntry &e : outbox->sentMessages()) {
            if (e.id == id) {
                QFile f(e.messagePath);
                return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            }
        }
        return {};
    }

    Outpost::OutboxState stateOf(const QString &id) const
    {
        for (const Outpost::OutboxEntry &e : outbox->sentMessages())
            if (e.id == id)
                return e.state;
        return outbox->message(id)->state;
    }
};
