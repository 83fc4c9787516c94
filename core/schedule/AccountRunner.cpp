#include "AccountRunner.h"

#include "Clock.h"
#include "Memory.h"
#include "Profile.h"
#include "RetryPolicy.h"
#include "net/CapabilityCache.h"
#include "store/InboxStore.h"
#include "store/OutboxStore.h"
#include "store/TranscriptLog.h"

#include <QTimer>

namespace Outpost {

struct AccountRunner::Stores
{
    QString directory;
    std::unique_ptr<OutboxStore> outbox;
    std::unique_ptr<InboxStore> inbox;
    std::unique_ptr<TranscriptLog> log;
    AuthWindow window;
    /// The servers' capabilities from the last sessions (capabilities.json).
    std::shared_ptr<CapabilityCache> capabilities;
};

std::unique_ptr<AccountRunner> AccountRunner::open(const Account &account, const Profile &profile,
                                                   CredentialStore *credentials, Clock *clock,
                                                   const CycleOptions *options, StoreError *error)
{
    auto stores = std::make_shared<Stores>();
    stores->directory = profile.accountDirectory(account.id);
    stores->outbox = std::make_unique<OutboxStore>(stores->directory);
    stores->outbox->setTimeSource([clock] { return clock->now(); }); // one clock decides
    stores->inbox = std::make_unique<InboxStore>(stores->directory);
    if (!stores->outbox->open(error) || !stores->inbox->open(error))
        return nullptr;
    stores->log = std::make_unique<TranscriptLog>(profile.logsDirectory() + QLatin1Char('/') +
                                                  account.id + QStringLiteral(".log"));
    stores->window = AuthWindow::load(stores->directory, account.authWindowSeconds);
    stores->capabilities =
        std::make_shared<CapabilityCache>(CapabilityCache::fileIn(stores->directory));
    return std::unique_ptr<AccountRunner>(
        new AccountRunner(account, std::move(stores), credentials, clock, options));
}

AccountRunner::AccountRunner(const Account &account, std::shared_ptr<Stores> stores,
                             CredentialStore *credentials, Clock *clock,
                             const CycleOptions *options)
    : m_account(account)
    , m_stores(std::move(stores))
    , m_credentials(credentials)
    , m_clock(clock)
    , m_options(options)
{
    connect(m_stores->outbox.get(), &OutboxStore::changed, this, &AccountRunner::statusChanged);
    // A message planned, re-planned or removed: the wake-up follows. One lookup per change
    // (a burst of relayed messages changes the outbox a thousand times a second); the whole
    // outbox is read again only when the message the timer waits for changed. While a cycle
    // runs, its end arms the timer.
    connect(m_stores->outbox.get(), &OutboxStore::changed, this, [this](const QString &id) {
        if (isRunning() || needsUser())
            return;
        if (id == m_plannedId) {
            armPlanned();
            return;
        }
        const QDateTime at =
            m_stores->outbox->plannedTime(id, m_clock->now(), m_account.sendImmediately);
        if (at.isValid() && (!m_plannedAt.isValid() || at < m_plannedAt))
            armPlannedAt(at, id);
    });
}

AccountRunner::~AccountRunner()
{
    m_clock->cancel(m_intervalTimer);
    m_clock->cancel(m_retryTimer);
    m_clock->cancel(m_plannedTimer);
    for (Cycle *cycle : {m_cycle.data(), m_finishing.data()}) {
        if (!cycle)
            continue;
        cycle->disconnect(this);
        cycle->abort();
        // The cycle may still be on the stack (its deleteLater is pending): it keeps the
        // stores alive until it is destroyed.
        connect(cycle, &QObject::destroyed, [keep = m_stores] { Q_UNUSED(keep) });
        cycle->setParent(nullptr);
        cycle->deleteLater();
    }
}

void AccountRunner::setAccount(const Account &account)
{
    const bool changed = !(m_account == account);
    m_account = account;
    m_stores->window.setConfiguredSeconds(account.authWindowSeconds);
    if (changed)
        settingsChanged();
}

void AccountRunner::settingsChanged()
{
    if (isPaused())
        trigger(Trigger::Changed);
}

OutboxStore *AccountRunner::outbox() const
{
    return m_stores->outbox.get();
}

InboxStore *AccountRunner::inbox() const
{
    return m_stores->inbox.get();
}

const AuthWindow &AccountRunner::window() const
{
    return m_stores->window;
}

AccountRunner::Status AccountRunner::status() const
{
    Status st = m_status;
    st.running = isRunning();
    st.windowClosesAt = m_stores->window.closesAt();
    st.learnedWindowSeconds = m_stores->window.learnedSeconds();
    return st;
}

void AccountRunner::abort()
{
    m_rerun = false;
    if (m_cycle)
        m_cycle->abort();
}

void AccountRunner::trigger(Trigger why)
{
    if (isRunning()) {
        // Coalesce: one more run after this one; a run that receives wins over a retry.
        if (!m_rerun || m_rerunTrigger == Trigger::Retry)
            m_rerunTrigger = why;
        m_rerun = true;
        return;
    }
    m_fetchingPasswords = true;
    Q_EMIT statusChanged();
    m_credentials->readAccountPasswords(
        m_account, this, [this, why](const CredentialStore::AccountPasswords &passwords) {
            if (passwords.ok()) {
                startCycle(why, passwords.incoming, passwords.outgoing);
                return;
            }
            m_fetchingPasswords = false;
            Q_EMIT passwordProblem(passwords.failed, passwords.result);
            CycleResult r;
            r.accountError = NetError::make(NetError::Authentication, passwords.result.message);
            r.accountErrorOnSend = passwords.failed == CredentialStore::Server::Outgoing;
            r.waiting = m_stores->outbox->countDue(m_clock->now());
            cycleDone(r);
        });
}

void AccountRunner::startCycle(Trigger why, const QString &popPassword, const QString &smtpPassword)
{
    m_fetchingPasswords = false;
    CycleOptions options = *m_options;
    // A retry only sends; the cycle logs in over POP first when the window is closed.
    options.receive = why != Trigger::Retry;
    auto *cycle = new Cycle(m_account, popPassword, smtpPassword, m_stores->outbox.get(),
                            m_stores->inbox.get(), &m_stores->window, m_clock, options, this);
    m_cycle = cycle;
    cycle->setCapabilityCache(m_stores->capabilities);
    m_status.done = 0;
    m_status.total = 0;
    connect(cycle, &Cycle::phaseChanged, this, [this](Cycle::Phase phase) {
        m_status.phase = phase;
        Q_EMIT phaseChanged(phase);
        Q_EMIT statusChanged();
    });
    connect(cycle, &Cycle::sendProgress, this,
            [this](int done, int total, qint64 bytes, qint64 size) {
                m_status.done = done;
                m_status.total = total;
                Q_EMIT sendProgress(done, total, bytes, size);
            });
    connect(cycle, &Cycle::loggedIn, this, [this] {
        saveWindow();
        Q_EMIT statusChanged();
    });
    connect(cycle, &Cycle::transcript, this, [this](const QString &line) {
        m_stores->log->append(m_clock->now(), line);
        Q_EMIT transcript(line);
    });
    connect(cycle, &Cycle::note, this, &AccountRunner::note);
    connect(cycle, &Cycle::finished, this, [this, cycle](const CycleResult &result) {
        m_finishing = cycle;
        cycle->deleteLater();
        cycleDone(result);
    });
    Q_EMIT cycleStarted(why);
    cycle->start();
}

void AccountRunner::cycleDone(const CycleResult &result)
{
    m_cycle = nullptr;
    m_stores->log->flush(); // the whole cycle readable in the file while Outpost waits
    QTimer::singleShot(0, this, [] { releaseFreedMemory(); }); // after the cycle is deleted
    m_status.phase = Cycle::Phase::Idle;
    m_status.lastError = result.accountError;
    m_status.lastErrorOnSend = result.accountError.isError() && result.accountErrorOnSend;
    m_status.lastStoreError = result.storeError;
    if (result.serverMaxSize >= 0)
        m_status.serverMaxSize = result.serverMaxSize;
    if (result.serverAccepts8Bit)
        m_status.serverAccepts8Bit = result.serverAccepts8Bit;
    m_status.lastCycleEnd = m_clock->now();
    if (result.accountError.isError())
        ++m_consecutiveFailures;
    else
        m_consecutiveFailures = 0;
    saveWindow();
    armTimers();
    Q_EMIT cycleFinished(result);
    Q_EMIT statusChanged();
    if (m_rerun) {
        m_rerun = false;
        const Trigger why = m_rerunTrigger;
        QTimer::singleShot(0, this, [this, why] { trigger(why); });
    }
}

void AccountRunner::armTimers()
{
    m_clock->cancel(m_intervalTimer);
    m_clock->cancel(m_retryTimer);
    m_intervalTimer = m_retryTimer = 0;
    const QDateTime now = m_clock->now();

    m_status.nextCheck = {};
    if (m_account.checkIntervalMinutes > 0) {
        const QDateTime from = m_status.lastCycleEnd.isValid() ? m_status.lastCycleEnd : now;
        m_status.nextCheck = from.addSecs(qint64(m_account.checkIntervalMinutes) * 60);
        m_intervalTimer =
            m_clock->callAt(m_status.nextCheck, this, [this] { trigger(Trigger::Interval); });
    }

    // The earliest deferred message, or a paused account with mail waiting.
    QDateTime retryAt = m_stores->outbox->earliestRetry();
    if (needsUser())
        retryAt = {}; // a password, a certificate decision, the settings
    else if (m_status.lastError.isError() &&
             (retryAt.isValid() || m_stores->outbox->countDue(now) > 0))
        retryAt = now.addMSecs(RetryPolicy::backoffMs(m_consecutiveFailures));
    if (retryAt.isValid() && retryAt <= now)
        retryAt = now.addSecs(1);
    m_status.nextRetry = {};
    if (retryAt.isValid() && (!m_status.nextCheck.isValid() || retryAt < m_status.nextCheck)) {
        m_retryTimer = m_clock->callAt(retryAt, this, [this] { trigger(Trigger::Retry); });
        m_status.nextRetry = retryAt;
    }
    armPlanned();
}

bool AccountRunner::needsUser() const
{
    const NetError::Kind kind = m_status.lastError.kind;
    return m_status.lastError.isError() &&
           (kind == NetError::Authentication || kind == NetError::InsecureLogin ||
            kind == NetError::Tls || kind == NetError::RelayDenied);
}

void AccountRunner::armPlanned()
{
    if (needsUser()) {
        armPlannedAt({}, {});
        return;
    }
    // Exactly at the earliest planned time (the clock re-checks across sleep and jumps):
    // never before it. Sends only, as a retry does; the cycle logs in first if it must.
    // The end of a hold (undo send) wakes only an account that sends immediately; otherwise
    // the message waits for the next check, as any other.
    QString id;
    const QDateTime at =
        m_stores->outbox->earliestPlanned(m_clock->now(), m_account.sendImmediately, &id);
    armPlannedAt(at, id);
}

void AccountRunner::armPlannedAt(const QDateTime &at, const QString &id)
{
    m_clock->cancel(m_plannedTimer);
    m_plannedTimer = 0;
    m_plannedAt = at;
    m_plannedId = at.isValid() ? id : QString();
    if (at.isValid())
        m_plannedTimer = m_clock->callAt(at, this, [this] {
            m_plannedTimer = 0;
            m_plannedAt = {};
            m_plannedId.clear();
            trigger(Trigger::Retry);
        });
}

void AccountRunner::recordMeasuredWindow(int openSeconds, int closedSeconds)
{
    m_stores->window.recordMeasurement(openSeconds, closedSeconds);
    saveWindow();
    Q_EMIT statusChanged();
}

void AccountRunner::saveWindow() const
{
    // Learning is an optimisation; the stores report real write problems.
    (void)m_stores->window.save(m_stores->directory);
}

} // namespace Outpost
