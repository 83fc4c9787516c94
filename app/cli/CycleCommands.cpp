// outpost-cli send-receive | run: one receive-then-send cycle, or the scheduler until Ctrl+C.
#include "Cli.h"

#include "StopSignal.h"
#include "relay/RelayHandOver.h"
#include "relay/RelayService.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "store/OutboxStore.h"
#include "usecases/CycleReport.h"
#include "usecases/OutboxStateText.h"
#include "usecases/StuckMail.h"
#include "usecases/StuckMailText.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTimer>

#include <utility>

namespace Outpost {

void Cli::runSendReceive(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser, true);
    addVerboseOption(parser);
    if (!parse(parser, arguments))
        return;
    // While another Outpost program holds the profile, that program runs the cycles (asked
    // through its local relay) and this one prints their results.
    bool viaRunningProgram = false;
    if (!openForQueueing(&viaRunningProgram))
        return;
    const QList<Account> selected = selectedAccounts(parser.positionalArguments().value(1));
    if (selected.isEmpty())
        return;
    const bool verbose = parser.isSet(QStringLiteral("verbose"));
    connect(m_scheduler, &Scheduler::transcript, this,
            [this, verbose](const QString &id, const QString &line) {
                if (verbose && !m_json)
                    m_out << id << QStringLiteral(": ") << line << Qt::endl;
            });
    connect(m_scheduler, &Scheduler::note, this, [this](const QString &id, const QString &text) {
        if (!m_json)
            m_out << id << QStringLiteral(": ") << text << Qt::endl;
    });
    auto remaining = std::make_shared<int>(int(selected.size()));
    auto worst = std::make_shared<int>(Success);
    auto results = std::make_shared<QJsonArray>();
    auto report = [this, remaining, worst, results](const QString &id, const CycleResult &r) {
        const Account *a = m_accounts->find(id);
        const QString name = a ? a->name : id;
        if (!r.ok())
            *worst = MailNotSent;
        if (m_json) {
            results->append(CycleReport::toJson(id, r));
        } else {
            print(tr("%1: received %2, sent %3, deferred %4, failed %5")
                      .arg(name)
                      .arg(r.received)
                      .arg(r.sent)
                      .arg(r.deferred)
                      .arg(r.failed));
            // The same sentences as the desktop program's (core/usecases).
            for (const CycleReportItem &item :
                 CycleReport::describe(name, r, m_scheduler->outbox(id))) {
                using Kind = CycleReportItem::Kind;
                if (item.kind != Kind::NewMail && item.kind != Kind::Sent &&
                    item.kind != Kind::Deferred && item.kind != Kind::Failed &&
                    item.kind != Kind::NothingToDo)
                    print(item.text); // the counts are in the line above
            }
            // The messages that did not go, with the server's words.
            for (const OutboxEntry &e : m_scheduler->outbox(id)->messages()) {
                if (e.state == OutboxState::Failed || e.state == OutboxState::Deferred)
                    print(tr("  %1: %2").arg(e.id, OutboxStateText::describe(e)));
            }
        }
        if (--*remaining == 0) {
            if (m_json)
                printJson(*results);
            done(*worst);
        }
    };
    if (viaRunningProgram) {
        askRunningProgram(selected, 0, report);
        return;
    }
    connect(m_scheduler, &Scheduler::cycleFinished, this, report);
    for (const Account &a : selected)
        m_scheduler->trigger(a.id, Scheduler::Trigger::Manual);
}

void Cli::askRunningProgram(const QList<Account> &accounts, qsizetype index,
                            std::function<void(const QString &, const CycleResult &)> report)
{
    if (index >= accounts.size())
        return;
    auto *handOver = new RelayHandOver(m_credentials, m_session->relay()->settings(), this);
    const Account account = accounts.at(index);
    connect(handOver, &RelayHandOver::cycleFinished, this,
            [this, handOver, accounts, index, report, account](
                RelayHandOver::Outcome outcome, const QJsonObject &result, const QString &message) {
                handOver->deleteLater();
                if (outcome != RelayHandOver::Outcome::Queued)
                    return fail(outcome == RelayHandOver::Outcome::NotServing
                                    ? m_heldBy + QLatin1Char(' ') + message
                                    : tr("The running Outpost program did not run the "
                                         "send/receive: %1")
                                          .arg(message),
                                outcome == RelayHandOver::Outcome::NotServing ? UsageError
                                                                              : MailNotSent);
                report(account.id, CycleReport::fromJson(result));
                askRunningProgram(accounts, index + 1, report); // one after the other
            });
    handOver->runCycle(account.name);
}

void Cli::runScheduler(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser, false);
    addVerboseOption(parser);
    if (!parse(parser, arguments))
        return;
    if (!openProfile(Session::Access::Write))
        return;
    if (m_accounts->accounts().isEmpty()) {
        fail(tr("There are no accounts yet. Add one with \"outpost-cli account add\"."));
        return;
    }
    const bool verbose = parser.isSet(QStringLiteral("verbose"));
    auto stamp = [] {
        return QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat);
    };
    connect(m_scheduler, &Scheduler::cycleStarted, this, [this, stamp](const QString &id) {
        print(tr("%1 %2: send/receive started").arg(stamp(), id));
    });
    connect(m_scheduler, &Scheduler::cycleFinished, this,
            [this, stamp](const QString &id, const CycleResult &r) {
                print(tr("%1 %2: received %3, sent %4, deferred %5, failed %6%7")
                          .arg(stamp(), id)
                          .arg(r.received)
                          .arg(r.sent)
                          .arg(r.deferred)
                          .arg(r.failed)
                          .arg(r.accountError.isError()
                                   ? tr(" — paused: %1").arg(r.accountError.message)
                                   : QString()));
                const Scheduler::Status st = m_scheduler->status(id);
                if (st.nextCheck.isValid())
                    print(tr("%1 %2: next check at %3")
                              .arg(stamp(), id,
                                   QLocale().toString(st.nextCheck.toLocalTime().time(),
                                                      QLocale::ShortFormat)));
            });
    connect(m_scheduler, &Scheduler::note, this,
            [this, stamp](const QString &id, const QString &text) {
                print(QStringLiteral("%1 %2: %3").arg(stamp(), id, text));
            });
    connect(m_scheduler, &Scheduler::transcript, this,
            [this, verbose](const QString &id, const QString &line) {
                if (verbose)
                    print(id + QStringLiteral(": ") + line);
            });
    // Stuck mail: each message once, when it becomes stuck, with what to do.
    auto news = std::make_shared<StuckMailNews>();
    StuckMailWatch *watch = m_session->stuckMail();
    auto logStuck = [this, stamp, watch, news](const QString &accountId) {
        const OutboxStore *outbox = m_scheduler->outbox(accountId);
        const Account *account = m_scheduler->account(accountId);
        if (!outbox || !account)
            return;
        const QDateTime now = m_scheduler->clock()->now();
        const StuckMailFacts facts{*account, m_scheduler->status(accountId), now, true};
        for (const StuckMessage &m : news->takeNew(accountId, watch->messages(accountId))) {
            const std::optional<OutboxEntry> entry = outbox->message(m.id);
            if (!entry)
                continue;
            print(tr("%1 %2: attention: %3")
                      .arg(stamp(), accountId, StuckMailText::line(m, *entry, now)));
            print(tr("%1 %2: what to do: %3")
                      .arg(stamp(), accountId,
                           StuckMailText::advice(StuckMailText::reason(m, facts), facts)));
        }
    };
    // Coalesced: a queue draining many stuck messages changes the alert once per message.
    auto dirty = std::make_shared<QSet<QString>>();
    auto *later = new QTimer(this);
    later->setSingleShot(true);
    later->setInterval(200);
    auto flush = [dirty, logStuck] {
        const QSet<QString> accounts = std::exchange(*dirty, {});
        for (const QString &accountId : accounts)
            logStuck(accountId);
    };
    connect(later, &QTimer::timeout, this, flush);
    connect(watch, &StuckMailWatch::changed, this, [dirty, later](const QString &accountId) {
        dirty->insert(accountId);
        if (!later->isActive())
            later->start();
    });
    for (const QString &accountId : watch->accounts())
        logStuck(accountId);
    auto *stop = new StopSignal(this);
    // What is still to be told is told before stopping.
    connect(stop, &StopSignal::stopRequested, later, [later, flush] {
        later->stop();
        flush();
    });
    connect(stop, &StopSignal::stopRequested, this, [this] {
        print(tr("Stopping."));
        m_scheduler->abortAll();
        done(Success);
    });
    print(tr("Outpost is running %n account(s). Press Ctrl+C to stop.", nullptr,
             int(m_accounts->accounts().size())));
    serveRelay(verbose);
    m_scheduler->start();
}

void Cli::serveRelay(bool verbose)
{
    RelayService *relay = m_session->relay();
    if (!relay->settings().enabled)
        return;
    auto stamp = [] {
        return QLocale().toString(QDateTime::currentDateTime().time(), QLocale::ShortFormat);
    };
    connect(relay, &RelayService::started, this, [this, relay, stamp](bool listening) {
        if (listening) {
            print(tr("%1 relay: other programs can send through Outpost at localhost, port %2.")
                      .arg(stamp())
                      .arg(relay->server()->port()));
            const QString fingerprint = relay->certificateFingerprint();
            if (relay->settings().listensOnNetwork() && relay->problem().isEmpty())
                print(tr("%1 relay: other computers too, at %2 with STARTTLS; certificate "
                         "fingerprint (SHA-256) %3.")
                          .arg(stamp(),
                               RelaySettings::addressForOthers(relay->settings().listenAddress),
                               fingerprint));
            else if (!relay->problem().isEmpty())
                m_err << QStringLiteral("outpost-cli: ") << relay->problem() << Qt::endl;
        } else
            m_err << QStringLiteral("outpost-cli: ") << relay->problem() << Qt::endl;
    });
    connect(relay, &RelayService::queued, this,
            [this, stamp](const QString &accountId, const QString &id) {
                const std::optional<OutboxEntry> entry =
                    m_scheduler->outbox(accountId)->message(id);
                print(tr("%1 %2: a message from %3 to %n recipient(s) is in the outbox", nullptr,
                         entry ? int(entry->envelope.recipients.size()) : 0)
                          .arg(stamp(), accountId,
                               entry && !entry->envelope.origin.isEmpty() ? entry->envelope.origin
                                                                          : tr("another program")));
            });
    connect(relay, &RelayService::reported, this,
            [this, stamp](const QString &accountId, const QString &, const QString &text) {
                print(QStringLiteral("%1 %2: %3").arg(stamp(), accountId, text));
            });
    connect(relay, &RelayService::transcript, this, [this, verbose](const QString &line) {
        if (verbose)
            print(QStringLiteral("relay ") + line);
    });
    relay->start();
}

} // namespace Outpost
