#include "Scheduler.h"

#include "AccountRunner.h"
#include "Clock.h"
#include "Memory.h"
#include "Profile.h"
#include "store/OutboxStore.h"

#include <QNetworkInformation>
#include <QTimer>

namespace Outpost {

Scheduler::Scheduler(const Profile &profile, CredentialStore *credentials, Clock *clock,
                     QObject *parent)
    : QObject(parent)
    , m_profileDirectory(profile.directory())
    , m_credentials(credentials)
    , m_clock(clock)
{
    qRegisterMetaType<CycleResult>();
    // A corrected password ends a pause at once, not at the next check.
    connect(m_credentials, &CredentialStore::passwordChanged, this, [this](const QString &id) {
        if (AccountRunner *r = runner(id))
            r->settingsChanged();
    });
}

Scheduler::~Scheduler()
{
    abortAll();
    m_accounts.clear();
}

AccountRunner *Scheduler::runner(const QString &accountId) const
{
    for (const auto &r : m_accounts) {
        if (r->account().id == accountId)
            return r.get();
    }
    return nullptr;
}

bool Scheduler::setAccounts(const QList<Account> &accounts, StoreError *error)
{
    // First open every account that is new; only when all opened does anything change.
    const Profile profile(m_profileDirectory);
    std::vector<std::unique_ptr<AccountRunner>> opened;
    for (const Account &account : accounts) {
        if (runner(account.id))
            continue;
        StoreError storeError;
        auto r =
            AccountRunner::open(account, profile, m_credentials, m_clock, &m_options, &storeError);
        if (!r) {
            if (error) {
                *error = storeError;
                error->message = tr("Account \"%1\": %2").arg(account.name, storeError.message);
            }
            return false;
        }
        opened.push_back(std::move(r));
    }

    for (auto &r : opened)
        wire(r.get());
    std::vector<std::unique_ptr<AccountRunner>> next;
    QList<Account> settings;
    for (const Account &account : accounts) {
        std::unique_ptr<AccountRunner> r;
        for (auto *list : {&m_accounts, &opened}) {
            for (auto &candidate : *list) {
                if (candidate && candidate->account().id == account.id) {
                    r = std::move(candidate);
                    break;
                }
            }
            if (r)
                break;
        }
        if (!r)
            continue; // the same account twice in the list
        next.push_back(std::move(r));
        settings.append(account);
    }
    // The list is whole again before any runner hears of its new settings: a change can end
    // a pause at once, and whoever hears of that may ask for the accounts. What is left are
    // removed accounts: their runners abort their cycles as they go, at the end of this call.
    std::vector<std::unique_ptr<AccountRunner>> removed = std::move(m_accounts);
    m_accounts = std::move(next);
    for (size_t i = 0; i < m_accounts.size(); ++i)
        m_accounts[i]->setAccount(settings.at(qsizetype(i)));
    if (m_started) {
        for (auto &r : m_accounts)
            r->armTimers();
    }
    Q_EMIT accountsChanged();
    return true;
}

void Scheduler::wire(AccountRunner *r)
{
    const QString id = r->account().id;
    connect(r, &AccountRunner::cycleStarted, this,
            [this, id](Trigger why) { Q_EMIT cycleStarted(id, why); });
    connect(r, &AccountRunner::phaseChanged, this,
            [this, id](Cycle::Phase phase) { Q_EMIT phaseChanged(id, phase); });
    connect(r, &AccountRunner::sendProgress, this,
            [this, id](int done, int total, qint64 bytes, qint64 size) {
                Q_EMIT sendProgress(id, done, total, bytes, size);
            });
    connect(r, &AccountRunner::cycleFinished, this,
            [this, id](const CycleResult &result) { Q_EMIT cycleFinished(id, result); });
    connect(r, &AccountRunner::transcript, this,
            [this, id](const QString &line) { Q_EMIT transcript(id, line); });
    connect(r, &AccountRunner::note, this,
            [this, id](const QString &text) { Q_EMIT note(id, text); });
    connect(r, &AccountRunner::statusChanged, this, [this, id] { Q_EMIT statusChanged(id); });
    connect(r, &AccountRunner::passwordProblem, this,
            [this, id](CredentialStore::Server server, const CredentialResult &result) {
                Q_EMIT passwordProblem(id, server, result);
            });
}

QList<Account> Scheduler::accounts() const
{
    QList<Account> list;
    for (const auto &r : m_accounts)
        list.append(r->account());
    return list;
}

const Account *Scheduler::account(const QString &id) const
{
    const AccountRunner *r = runner(id);
    return r ? &r->account() : nullptr;
}

OutboxStore *Scheduler::outbox(const QString &accountId) const
{
    const AccountRunner *r = runner(accountId);
    return r ? r->outbox() : nullptr;
}

InboxStore *Scheduler::inbox(const QString &accountId) const
{
    const AccountRunner *r = runner(accountId);
    return r ? r->inbox() : nullptr;
}

const AuthWindow *Scheduler::authWindow(const QString &accountId) const
{
    const AccountRunner *r = runner(accountId);
    return r ? &r->window() : nullptr;
}

bool Scheduler::recordMeasuredWindow(const QString &accountId, int openSeconds, int closedSeconds)
{
    AccountRunner *r = runner(accountId);
    if (!r)
        return false;
    r->recordMeasuredWindow(openSeconds, closedSeconds);
    return true;
}

Scheduler::Status Scheduler::status(const QString &accountId) const
{
    const AccountRunner *r = runner(accountId);
    return r ? r->status() : Status{};
}

void Scheduler::start()
{
    if (m_started)
        return;
    m_started = true;
    watchNetwork();
    for (auto &r : m_accounts) {
        r->armTimers();
        if (r->account().checkAtStartup)
            r->trigger(Trigger::Startup);
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
                for (auto &r : m_accounts) {
                    if (r->isPaused() || r->outbox()->countDue(m_clock->now()) > 0)
                        r->trigger(Trigger::NetworkBack);
                }
            });
}

void Scheduler::trigger(const QString &accountId, Trigger why)
{
    if (AccountRunner *r = runner(accountId))
        r->trigger(why);
}

void Scheduler::triggerAll(Trigger why)
{
    for (auto &r : m_accounts)
        r->trigger(why);
}

bool Scheduler::isRunning(const QString &accountId) const
{
    const AccountRunner *r = runner(accountId);
    return r && r->isRunning();
}

bool Scheduler::isBusy() const
{
    return std::any_of(m_accounts.begin(), m_accounts.end(),
                       [](const auto &r) { return r->isRunning(); });
}

void Scheduler::abortAll()
{
    for (auto &r : m_accounts)
        r->abort();
}

} // namespace Outpost
