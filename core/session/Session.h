#pragma once

#include "Profile.h"
#include "store/AccountStore.h"
#include "store/StoreError.h"

#include <QLockFile>
#include <QObject>
#include <QStringList>

#include <memory>

namespace Outpost {

class Clock;
class CredentialStore;
class RelayService;
class Scheduler;
class StuckMailWatch;

/// Why a session could not open its profile: a value with a sentence for people.
struct SessionError
{
    enum Kind
    {
        None,     ///< opened
        Locked,   ///< another Outpost program writes this profile
        Storage,  ///< the profile folder cannot be made or written
        Settings, ///< the settings file cannot be read
        Accounts, ///< an account's mail folders cannot be opened
    };
    Kind kind = None;
    QString message;         ///< for people (translated)
    QString detail = {};     ///< paths and system errors, for logs
    qint64 otherProcess = 0; ///< Locked: the other program's process id
    bool isError() const { return kind != None; }
};

/// One program's application core: the profile (and its lock), the account store, the
/// credential store, the clock and the scheduler. The desktop program and outpost-cli each
/// construct one; it is the one place that decides which program writes the profile.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class Access
    {
        Write, ///< sends, receives, queues, changes settings: one program at a time
        Read,  ///< lists what is there; the stores open read-only when another program writes
    };

    struct Options
    {
        Access access = Access::Write;
        /// The keychain service the passwords are kept under (tests use their own).
        QString keychainService = QStringLiteral("Outpost");
        /// Time for the scheduler; null: the system clock (owned by the session).
        Clock *clock = nullptr;
        /// How a second program names this one when it finds the profile taken, e.g.
        /// "the Outpost window" or "outpost-cli run" (translated).
        QString programName;
    };

    Session(const QString &profileDirectory, const Options &options, QObject *parent = nullptr);
    ~Session() override;

    /// Creates the profile folder when missing, takes the profile's lock (Access::Write),
    /// loads the accounts and opens their stores. Call once.
    [[nodiscard]] SessionError open();

    const Profile &profile() const { return m_profile; }
    AccountStore *accounts() { return &m_accounts; }
    CredentialStore *credentials() const { return m_credentials.get(); }
    Clock *clock() const { return m_clock; }
    Scheduler *scheduler() const { return m_scheduler.get(); }
    /// The local relay (listens only once a program calls its start()).
    RelayService *relay() const { return m_relay.get(); }
    /// Each account's stuck mail (failed, or waiting past its alert threshold).
    StuckMailWatch *stuckMail() const { return m_stuckMail.get(); }
    bool isReadOnly() const { return m_options.access == Access::Read; }

    /// Hands the account store's accounts to the scheduler (after a change). False with a
    /// sentence for people when a new account's folders cannot be opened; nothing changes.
    [[nodiscard]] bool applyAccounts(StoreError *error);

    /// What the outboxes found after an interrupted run, a sentence per account and kind
    /// ("2 messages may have been sent before Outpost stopped; check them before sending
    /// them again."); empty when there was nothing to say.
    QStringList recoveryReport() const;

    /// The plain-text password file a user opted into (exists only then).
    QString insecurePasswordFile() const;

private:
    SessionError lockProfile();

    Profile m_profile;
    Options m_options;
    AccountStore m_accounts;
    std::unique_ptr<Clock> m_ownClock;
    Clock *m_clock = nullptr;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<QLockFile> m_lock;
    // Last: it uses the clock and the credential store until it is gone.
    std::unique_ptr<Scheduler> m_scheduler;
    // Before the scheduler goes: it hands messages to the scheduler's outboxes.
    std::unique_ptr<RelayService> m_relay;
    // Before the scheduler goes: it follows the scheduler's outboxes and clock.
    std::unique_ptr<StuckMailWatch> m_stuckMail;
};

} // namespace Outpost
