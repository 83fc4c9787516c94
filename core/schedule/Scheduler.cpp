#include "Scheduler.h"

#include "Clock.h"
#include "Memory.h"
#include "Profile.h"
#include "RetryPolicy.h"
#include "store/InboxStore.h"
#include "store/OutboxStore.h"
#include "store/TranscriptLog.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkInformation>
#include <QPointer>
#include <QSaveFile>
#include <QTimer>

namespace Outpost {

struct Scheduler::AccountState
{
    Account account;
    std::unique_ptr<OutboxStore> outbox;
    std::unique_ptr<InboxStore> inbox;
    std::unique_ptr<TranscriptLog> log;
    AuthWindow window;
    QPointer<Cycle> cycle;
    bool fetchingPasswords = false;
    bool rerun = false;
    Trigger rerunTrigger = Trigger::Manual;
    quint64 intervalTimer = 0;
    quint64 retryTimer = 0;
    int consecutiveFailures = 0;
    Status status;
    QString directory;
};

Scheduler::Scheduler(const Profile &profile, CredentialStore *credentials, Clock *clock,
                     QObject *parent)
    : QObject(parent)
    , m_profileDirectory(profile.directory())
    , m_credentials(credentials)
    , m_clock(clock)
{
    qRegisterMetaType<CycleResult>();
}

Scheduler::~Scheduler()
{
    abortAll();
    for (auto &s : m_accounts) {
        m_clock->cancel(s->intervalTimer);
        m_clock->cancel(s->retryTimer);
    }
}

Scheduler::AccountState *Scheduler::state(const QString &accountId) const
{
    for (const auto &s : m_accounts) {
        if (s->account.id == accountId)
            return s.get();
    }
    return nullptr;
}

bool Scheduler::setAccounts(const QList<Account> &accounts, QString *error)
{
    std::vector<std::unique_ptr<AccountState>> next;
    const Profile profile(m_profileDirectory);
    for (const Account &account : accounts) {
        std::unique_ptr<AccountState> s;
        for (auto &old : m_accounts) {
            if (old && old->account.id == account.id)
                s = std::move(old);
        }
        if (!s) {
            s = std::make_unique<AccountState>();
            s->directory = profile.accountDirectory(account.id);
            s->outbox = std::make_unique<OutboxStore>(s->directory);
            s->inbox = std::make_unique<InboxStore>(s->directory);
            s->log = std::make_unique<TranscriptLog>(profile.logsDirectory() + QLatin1Char('/') +
                                                     account.id + QStringLiteral(".log"));
            StoreError storeError;
            if (!s->outbox->open(&storeError) || !s->inbox->open(&storeError)) {
                if (error)
                    *error = tr("Account \"%1\": %2").arg(account.name, storeError.message);
                return false;
            }
            const QString id = account.id;
            connect(s->outbox.get(), &OutboxStore::changed, this,
                    [this, id] { Q_EMIT statusChanged(id); });
        }
        s->account = account;
        s->window.setConfiguredSeconds(account.authWindowSeconds);
        loadWindow(*s);
        next.push_back(std::move(s));
    }
    for (auto &old : m_accounts) {
        if (!old)
            continue;
        if (old->cycle)
            old->cycle->abort();
        m_clock->cancel(old->intervalTimer);
        m_clock->cancel(old->retryTimer);
    }
    m_accounts = std::move(next);
    if (m_started) {
        for (auto &s : m_accounts)
            armTimers(*s);
    }
    return true;
}

QList<Account> Scheduler::accounts() const
{
    QList<Account> list;
    for (const auto &s : m_accounts)
        list.append(s->account);
    return list;
}

const Account *Scheduler::account(const QString &id) const
{
    const AccountState *s = state(id);
    return s ? &s->account : nullptr;
}

OutboxStore *Scheduler::outbox(const QString &accountId) const
{
    const AccountState *s = state(accountId);
    return s ? s->outbox.get() : nullptr;
}

InboxStore *Scheduler::inbox(const QString &accountId) const
{
    const AccountState *s = state(accountId);
    return s ? s->inbox.get() : nullptr;
}

const AuthWindow *Scheduler::authWindow(const QString &accountId) const
{
    const AccountState *s = state(accountId);
    return s ? &s->window : nullptr;
}

Scheduler::Status Scheduler::status(const QString &accountId) const
{
    const AccountState *s = state(accountId);
    if (!s)
        return {};
    Status st = s->status;
    st.running = s->cycle || s->fetchingPasswords;
    st.windowClosesAt = s->window.closesAt();
    st.learnedWindowSeconds = s->window.learnedSeconds();
    return st;
}

void Scheduler::start()
{
    if (m_started)
        return;
    m_started = true;
    watchNetwork();
    for (auto &s : m_accounts) {
        armTimers(*s);
        if (s->account.checkAtStartup)
            trigger(s->account.id, Trigger::Startup);
    }
    // What reading the folders used and let go, once this turn of the event loop is over.
    QTimer::singleShot(0, this, [] { releaseFreedMemory(); });
}

void Scheduler::watchNetwork()
{
    // Where the platform reports reachability (NetworkManager, Windows), a return of the
    // network starts the accounts that have mail waiting.
    if (!QNetworkInformation::instance() &&
        !QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return;
    auto *info = QNetworkInformation::instance();
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability reachability) {
                if (reachability != QNetworkInformation::Reachability::Online)
                    return;
                for (auto &s : m_accounts) {
                    if (s->status.lastError.isError() || s->outbox->countDue(m_clock->now()) > 0)
                        trigger(s->account.id, Trigger::NetworkBack);
                }
            });
}

void Scheduler::trigger(const QString &accountId, Trigger why)
{
    AccountState *s = state(accountId);
    if (s)
        runCycle(*s, why);
}

void Scheduler::triggerAll(Trigger why)
{
    for (auto &s : m_accounts)
        runCycle(*s, why);
}

bool Scheduler::isRunning(const QString &accountId) const
{
    const AccountState *s = state(accountId);
    return s && (s->cycle || s->fetchingPasswords);
}

bool Scheduler::isBusy() const
{
    for (const auto &s : m_accounts) {
        if (s->cycle || s->fetchingPasswords)
            return true;
    }
    return false;
}

void Scheduler::abortAll()
{
    for (auto &s : m_accounts) {
        s->rerun = false;
        if (s->cycle)
            s->cycle->abort();
    }
}

void Scheduler::runCycle(AccountState &s, Trigger why)
{
    if (s.cycle || s.fetchingPasswords) {
        // Coalesce: one more run after this one; a run that receives wins over a retry.
        if (!s.rerun || s.rerunTrigger == Trigger::Retry)
            s.rerunTrigger = why;
        s.rerun = true;
        return;
    }
    s.fetchingPasswords = true;
    Q_EMIT statusChanged(s.account.id);
    const QString id = s.account.id;
    m_credentials->readAccountPasswords(
        s.account, this, [this, id, why](const CredentialStore::AccountPasswords &passwords) {
            AccountState *st = state(id);
            if (!st)
                return;
            if (passwords.ok()) {
                startCycle(*st, why, passwords.incoming, passwords.outgoing);
                return;
            }
            st->fetchingPasswords = false;
            Q_EMIT passwordProblem(id, passwords.failed, passwords.result);
            CycleResult r;
            r.accountError = NetError::make(NetError::Authentication, passwords.result.message);
            r.waiting = st->outbox->countDue(m_clock->now());
            cycleDone(id, r);
        });
}

void Scheduler::startCycle(AccountState &s, Trigger why, const QString &popPassword,
                           const QString &smtpPassword)
{
    s.fetchingPasswords = false;
    CycleOptions options = m_options;
    // A retry only sends; the cycle logs in over POP first when the window is closed.
    options.receive = why != Trigger::Retry;
    auto *cycle = new Cycle(s.account, popPassword, smtpPassword, s.outbox.get(), s.inbox.get(),
                            &s.window, m_clock, options, this);
    s.cycle = cycle;
    s.status.done = 0;
    s.status.total = 0;
    const QString id = s.account.id;
    connect(cycle, &Cycle::phaseChanged, this, [this, id](Cycle::Phase phase) {
        if (AccountState *st = state(id))
            st->status.phase = phase;
        Q_EMIT phaseChanged(id, phase);
        Q_EMIT statusChanged(id);
    });
    connect(cycle, &Cycle::sendProgress, this,
            [this, id](int done, int total, qint64 bytes, qint64 size) {
                if (AccountState *st = state(id)) {
                    st->status.done = done;
                    st->status.total = total;
                }
                Q_EMIT sendProgress(id, done, total, bytes, size);
            });
    connect(cycle, &Cycle::loggedIn, this, [this, id] {
        if (AccountState *st = state(id))
            saveWindow(*st);
        Q_EMIT statusChanged(id);
    });
    connect(cycle, &Cycle::transcript, this, [this, id](const QString &line) {
        if (AccountState *st = state(id))
            st->log->append(m_clock->now(), line);
        Q_EMIT transcript(id, line);
    });
    connect(cycle, &Cycle::note, this, [this, id](const QString &text) { Q_EMIT note(id, text); });
    connect(cycle, &Cycle::finished, this, [this, id, cycle](const CycleResult &result) {
        cycle->deleteLater();
        cycleDone(id, result);
    });
    Q_EMIT cycleStarted(id, why);
    cycle->start();
}

void Scheduler::cycleDone(const QString &accountId, const CycleResult &result)
{
    AccountState *s = state(accountId);
    if (!s)
        return;
    s->cycle = nullptr;
    s->log->flush(); // the whole cycle readable in the file while Outpost waits
    QTimer::singleShot(0, this, [] { releaseFreedMemory(); }); // after the cycle is deleted
    s->status.phase = Cycle::Phase::Idle;
    s->status.lastError = result.accountError;
    s->status.lastStoreError = result.storeError;
    s->status.lastCycleEnd = m_clock->now();
    if (result.accountError.isError())
        ++s->consecutiveFailures;
    else
        s->consecutiveFailures = 0;
    saveWindow(*s);
    armTimers(*s);
    Q_EMIT cycleFinished(accountId, result);
    Q_EMIT statusChanged(accountId);
    if (s->rerun) {
        s->rerun = false;
        const Trigger why = s->rerunTrigger;
        QTimer::singleShot(0, this, [this, accountId, why] { trigger(accountId, why); });
    }
}

void Scheduler::armTimers(AccountState &s)
{
    m_clock->cancel(s.intervalTimer);
    m_clock->cancel(s.retryTimer);
    s.intervalTimer = s.retryTimer = 0;
    const QDateTime now = m_clock->now();
    const QString id = s.account.id;

    s.status.nextCheck = {};
    if (s.account.checkIntervalMinutes > 0) {
        const QDateTime from = s.status.lastCycleEnd.isValid() ? s.status.lastCycleEnd : now;
        s.status.nextCheck = from.addSecs(qint64(s.account.checkIntervalMinutes) * 60);
        s.intervalTimer = m_clock->callAt(s.status.nextCheck, this,
                                          [this, id] { trigger(id, Trigger::Interval); });
    }

    // The earliest deferred message, or a paused account with mail waiting.
    QDateTime retryAt = s.outbox->earliestRetry();
    const NetError &error = s.status.lastError;
    if (error.isError()) {
        if (error.kind == NetError::Authentication || error.kind == NetError::InsecureLogin ||
            error.kind == NetError::Tls || error.kind == NetError::RelayDenied)
            retryAt = {}; // needs the user: a password, a certificate decision, the settings
        else if (retryAt.isValid() || s.outbox->countDue(now) > 0)
            retryAt = now.addMSecs(RetryPolicy::backoffMs(s.consecutiveFailures));
    }
    if (retryAt.isValid() && retryAt <= now)
        retryAt = now.addSecs(1);
    if (retryAt.isValid() && (!s.status.nextCheck.isValid() || retryAt < s.status.nextCheck))
        s.retryTimer = m_clock->callAt(retryAt, this, [this, id] { trigger(id, Trigger::Retry); });
}

void Scheduler::saveWindow(const AccountState &s)
{
    QSaveFile file(s.directory + QStringLiteral("/window.json"));
    if (!file.open(QIODevice::WriteOnly))
        return; // learning is an optimisation; the stores report real write problems
    file.write(QJsonDocument(s.window.toJson()).toJson(QJsonDocument::Compact));
    file.commit();
}

void Scheduler::loadWindow(AccountState &s)
{
    if (s.window.hasLogin())
        return;
    QFile file(s.directory + QStringLiteral("/window.json"));
    if (!file.open(QIODevice::ReadOnly))
        return;
    s.window = AuthWindow::fromJson(QJsonDocument::fromJson(file.readAll()).object(),
                                    s.account.authWindowSeconds);
}

} // namespace Outpost
