#pragma once

#include "AuthWindow.h"
#include "Cycle.h"
#include "store/Account.h"
#include "store/CredentialStore.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace Outpost {

class AccountRunner;
class Clock;
class InboxStore;
class OutboxStore;
class Profile;

/// Runs every account's cycles: by its check interval, on "send/receive now", when a message
/// is queued on an account that sends immediately, when the network comes back, at start-up
/// and when a deferred message's retry time comes. One cycle per account at a time; a trigger
/// during a running cycle is coalesced into one more run. Headless: the GUI and outpost-cli
/// both drive it.
class Scheduler : public QObject
{
    Q_OBJECT

public:
    /// Why a cycle runs.
    enum class Trigger
    {
        Interval,    ///< the account's check interval
        Manual,      ///< "Send/Receive now"
        Queued,      ///< a message was queued on an account that sends immediately
        NetworkBack, ///< the network came back
        Startup,     ///< Outpost started ("check at start-up")
        Retry,       ///< a deferred message is due again (sends; logs in only when needed)
        Changed,     ///< a paused account's settings or password changed: try again at once
    };
    Q_ENUM(Trigger)

    /// What the GUI shows for an account.
    struct Status
    {
        bool running = false;
        Cycle::Phase phase = Cycle::Phase::Idle;
        int done = 0;             ///< messages finished in the running cycle
        int total = 0;            ///< messages due in the running cycle
        QDateTime nextCheck;      ///< invalid when only manual
        QDateTime windowClosesAt; ///< invalid when no POP login yet
        int learnedWindowSeconds = 0;
        NetError lastError;           ///< the last cycle's account-level error (queue paused)
        bool lastErrorOnSend = false; ///< it came from the outgoing server, not the POP login
        /// When Outpost tries again by itself (a deferred message, or a paused account with
        /// mail waiting); invalid when no retry is armed.
        QDateTime nextRetry;
        StoreError lastStoreError; ///< the last cycle's store failure (none when it saved)
        QDateTime lastCycleEnd;
        /// The SMTP server's size limit as last seen (0: none announced, -1: not seen yet).
        qint64 serverMaxSize = -1;
        /// Whether it takes 8-bit mail (8BITMIME) as last seen; empty: not seen yet.
        std::optional<bool> serverAccepts8Bit;
    };

    /// @p clock and @p credentials must outlive the scheduler.
    Scheduler(const Profile &profile, CredentialStore *credentials, Clock *clock,
              QObject *parent = nullptr);
    ~Scheduler() override;

    /// Opens the stores of @p accounts (recovering from an interrupted run) and replaces the
    /// account list; running cycles of removed accounts are aborted. Every new account's
    /// stores are opened first: when one cannot be opened (for example, another program holds
    /// its outbox) nothing changes, and false comes with @p error (for people).
    [[nodiscard]] bool setAccounts(const QList<Account> &accounts, StoreError *error);
    QList<Account> accounts() const;
    const Account *account(const QString &id) const;

    OutboxStore *outbox(const QString &accountId) const;
    /// The clock the scheduler and its stores keep time by.
    Clock *clock() const { return m_clock; }
    InboxStore *inbox(const QString &accountId) const;
    const AuthWindow *authWindow(const QString &accountId) const;
    Status status(const QString &accountId) const;
    /// Keeps what "Test settings" measured of an account's relay window, so that the status
    /// tells the real window and cycles plan with it; false for an unknown account.
    bool recordMeasuredWindow(const QString &accountId, int openSeconds, int closedSeconds);

    /// Arms the interval timers and runs the start-up cycles; call once.
    void start();
    /// Starts a cycle of one account (or schedules one more after the running one).
    void trigger(const QString &accountId, Trigger why);
    /// Every account.
    void triggerAll(Trigger why);
    /// True while a cycle of @p accountId runs.
    bool isRunning(const QString &accountId) const;
    /// True while any cycle runs.
    bool isBusy() const;
    /// Aborts every running cycle (before quitting).
    void abortAll();

    /// Options used for every cycle (timeouts, relay retry waits).
    void setCycleOptions(const CycleOptions &options) { m_options = options; }

Q_SIGNALS:
    void cycleStarted(const QString &accountId, Outpost::Scheduler::Trigger why);
    void phaseChanged(const QString &accountId, Outpost::Cycle::Phase phase);
    void sendProgress(const QString &accountId, int done, int total, qint64 bytes, qint64 size);
    void cycleFinished(const QString &accountId, const Outpost::CycleResult &result);
    void transcript(const QString &accountId, const QString &line);
    void note(const QString &accountId, const QString &text);
    /// The account's status changed (next check, window, error).
    void statusChanged(const QString &accountId);
    /// setAccounts() changed the accounts (their settings, outboxes or order).
    void accountsChanged();
    /// No password could be read for the account (not stored, no keychain, locked).
    void passwordProblem(const QString &accountId, Outpost::CredentialStore::Server server,
                         const Outpost::CredentialResult &result);

private:
    AccountRunner *runner(const QString &accountId) const;
    void wire(AccountRunner *runner);
    void watchNetwork();

    QString m_profileDirectory;
    CredentialStore *m_credentials;
    Clock *m_clock;
    CycleOptions m_options;
    std::vector<std::unique_ptr<AccountRunner>> m_accounts;
    bool m_started = false;
};

} // namespace Outpost
