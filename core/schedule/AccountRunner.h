#pragma once

#include "Scheduler.h"
#include "store/StoreError.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace Outpost {

class TranscriptLog;

/// One account inside the scheduler: its outbox and inbox, its protocol log, its relay
/// window (kept in window.json beside the stores), its timers and its running cycle. The
/// scheduler routes triggers to it; everything about one account's cycles happens here.
class AccountRunner : public QObject
{
    Q_OBJECT

public:
    using Trigger = Scheduler::Trigger;
    using Status = Scheduler::Status;

    /// Opens the account's stores in @p profile (recovering from an interrupted run). Null,
    /// with @p error set, when they cannot be opened (for example locked by another program).
    static std::unique_ptr<AccountRunner> open(const Account &account, const Profile &profile,
                                               CredentialStore *credentials, Clock *clock,
                                               const CycleOptions *options, StoreError *error);
    ~AccountRunner() override;

    const Account &account() const { return m_account; }
    /// New settings for the same account (its window length may change). A paused account
    /// whose settings changed tries again at once.
    void setAccount(const Account &account);
    /// The account's settings or a password changed: a paused account tries again at once
    /// (the user has just fixed what stopped it, most likely).
    void settingsChanged();

    OutboxStore *outbox() const;
    InboxStore *inbox() const;
    const AuthWindow &window() const;
    /// Keeps a measurement of the relay window (see AuthWindow::recordMeasurement).
    void recordMeasuredWindow(int openSeconds, int closedSeconds);
    Status status() const;
    bool isRunning() const { return m_cycle || m_fetchingPasswords; }
    /// True when the last cycle stopped for an account-level reason (the queue is paused).
    bool isPaused() const { return m_status.lastError.isError(); }

    /// Arms the interval and retry timers (the scheduler calls it once started).
    void armTimers();
    /// Runs a cycle now, or one more after the running one (coalesced).
    void trigger(Trigger why);
    /// Aborts the running cycle and forgets a pending re-run.
    void abort();

Q_SIGNALS:
    void cycleStarted(Outpost::Scheduler::Trigger why);
    void phaseChanged(Outpost::Cycle::Phase phase);
    void sendProgress(int done, int total, qint64 bytes, qint64 size);
    void cycleFinished(const Outpost::CycleResult &result);
    void transcript(const QString &line);
    void note(const QString &text);
    void statusChanged();
    void passwordProblem(Outpost::CredentialStore::Server server,
                         const Outpost::CredentialResult &result);

private:
    struct Stores;
    AccountRunner(const Account &account, std::shared_ptr<Stores> stores,
                  CredentialStore *credentials, Clock *clock, const CycleOptions *options);
    void startCycle(Trigger why, const QString &popPassword, const QString &smtpPassword);
    void cycleDone(const CycleResult &result);
    void saveWindow() const;
    /// True when the last cycle stopped for something only the user can mend (a password,
    /// a certificate decision, the settings): no retry, no planned send until then.
    bool needsUser() const;
    /// Arms the timer for the earliest message sent later (none while a cycle runs: its end
    /// arms it).
    void armPlanned();
    /// Arms the timer for message @p id at @p at (invalid: none).
    void armPlannedAt(const QDateTime &at, const QString &id);

    Account m_account;
    /// Shared with a cycle that is still unwinding when the runner goes away, so that its
    /// stores outlive it (a removed account never leaves a cycle with a freed outbox).
    std::shared_ptr<Stores> m_stores;
    CredentialStore *m_credentials;
    Clock *m_clock;
    const CycleOptions *m_options;
    QPointer<Cycle> m_cycle;
    QPointer<Cycle> m_finishing; ///< the last cycle, finished and waiting for deleteLater
    bool m_fetchingPasswords = false;
    bool m_rerun = false;
    Trigger m_rerunTrigger = Trigger::Manual;
    quint64 m_intervalTimer = 0;
    quint64 m_retryTimer = 0;
    quint64 m_plannedTimer = 0;
    QDateTime m_plannedAt; ///< when the timer fires (invalid: not armed)
    QString m_plannedId;   ///< the message it waits for
    int m_consecutiveFailures = 0;
    Status m_status;
};

} // namespace Outpost
