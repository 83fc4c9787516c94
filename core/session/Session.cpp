#include "Session.h"

#include "EventLoopProbe.h"
#include "relay/RelayService.h"
#include "schedule/Clock.h"
#include "schedule/Scheduler.h"
#include "store/CredentialStore.h"
#include "store/OutboxStore.h"
#include "usecases/StuckMail.h"

#include <QFile>
#include <QSaveFile>

namespace Outpost {

namespace {
// Beside the lock: which program holds it, for the sentence a second program shows.
QString holderFile(const Profile &profile)
{
    return profile.directory() + QStringLiteral("/profile.lock.holder");
}
} // namespace

Session::Session(const QString &profileDirectory, const Options &options, QObject *parent)
    : QObject(parent)
    , m_profile(profileDirectory)
    , m_options(options)
    , m_accounts(m_profile.settingsFile())
{
    if (options.clock) {
        m_clock = options.clock;
    } else {
        m_ownClock = std::make_unique<SystemClock>();
        m_clock = m_ownClock.get();
    }
    m_credentials = std::make_unique<CredentialStore>(options.keychainService);
    m_scheduler = std::make_unique<Scheduler>(m_profile, m_credentials.get(), m_clock);
    m_relay = std::make_unique<RelayService>(m_profile, m_scheduler.get(), m_credentials.get());
    m_stuckMail = std::make_unique<StuckMailWatch>(m_scheduler.get());
    // Benchmarks: how late the event loop runs (scripts/bench.sh).
    const QString lagReport = qEnvironmentVariable(EventLoopProbe::environmentVariable);
    if (!lagReport.isEmpty())
        new EventLoopProbe(lagReport, this);
}

Session::~Session()
{
    // The relay hands messages to the scheduler; the scheduler's cycles use the clock and
    // the credential store.
    m_relay.reset();
    m_stuckMail.reset();
    m_scheduler.reset();
    if (m_lock && m_lock->isLocked()) {
        QFile::remove(holderFile(m_profile));
        m_lock->unlock();
    }
}

QString Session::insecurePasswordFile() const
{
    return m_profile.directory() + QStringLiteral("/insecure-passwords.ini");
}

SessionError Session::open()
{
    QString message;
    if (!m_profile.ensureExists(&message))
        return {SessionError::Storage, message};
    if (m_options.access == Access::Write) {
        const SessionError locked = lockProfile();
        if (locked.isError())
            return locked;
    }
    if (!m_accounts.load(&message))
        return {SessionError::Settings, message};
    if (!m_relay->loadSettings(&message))
        return {SessionError::Settings, message};
    // The user opted in to a plain-text password file only if it exists.
    if (QFile::exists(insecurePasswordFile()))
        m_credentials->setPlainFileFallback(insecurePasswordFile());
    StoreError opened;
    if (!m_scheduler->setAccounts(m_accounts.accounts(), &opened)) {
        SessionError error;
        error.kind = SessionError::Accounts;
        error.message = opened.message;
        error.detail = opened.detail;
        return error;
    }
    return {};
}

SessionError Session::lockProfile()
{
    m_lock = std::make_unique<QLockFile>(m_profile.directory() + QStringLiteral("/profile.lock"));
    m_lock->setStaleLockTime(0); // stale only when its process is gone, never by age
    if (m_lock->tryLock(0)) {
        QSaveFile holder(holderFile(m_profile));
        if (holder.open(QIODevice::WriteOnly)) {
            holder.write(m_options.programName.toUtf8());
            (void)holder.commit(); // only a courtesy to a second program
        }
        return {};
    }
    SessionError error;
    error.kind = SessionError::Locked;
    QString host;
    QString application;
    m_lock->getLockInfo(&error.otherProcess, &host, &application);
    QString who;
    QFile holder(holderFile(m_profile));
    if (holder.open(QIODevice::ReadOnly))
        who = QString::fromUtf8(holder.read(200)).trimmed();
    if (m_lock->error() == QLockFile::PermissionError) {
        error.kind = SessionError::Storage;
        error.message = tr("Outpost cannot write in the profile folder %1. Check that it is yours "
                           "and that the disk is not full.")
                            .arg(m_profile.directory());
    } else if (!who.isEmpty()) {
        error.message = tr("Another Outpost program (%1, process %2) is using this profile. "
                           "Close it, or do this there; nothing was changed.")
                            .arg(who)
                            .arg(error.otherProcess);
    } else {
        error.message = tr("Another Outpost program (process %1) is using this profile. Close "
                           "it, or do this there; nothing was changed.")
                            .arg(error.otherProcess);
    }
    m_lock.reset();
    return error;
}

bool Session::applyAccounts(StoreError *error)
{
    return m_scheduler->setAccounts(m_accounts.accounts(), error);
}

QStringList Session::recoveryReport() const
{
    QStringList sentences;
    for (const Account &account : m_scheduler->accounts()) {
        const OutboxStore *outbox = m_scheduler->outbox(account.id);
        if (!outbox)
            continue;
        const OutboxStore::RecoveryReport r = outbox->recoveryReport();
        if (!r.mayHaveBeenSent.isEmpty())
            sentences << tr("%1: %n message(s) may have been sent before Outpost stopped; check "
                            "with the recipients before sending again.",
                            nullptr, int(r.mayHaveBeenSent.size()))
                             .arg(account.name);
        if (!r.requeued.isEmpty())
            sentences << tr("%1: %n message(s) were interrupted before they went out and will "
                            "be sent again.",
                            nullptr, int(r.requeued.size()))
                             .arg(account.name);
        if (!r.damaged.isEmpty())
            sentences << tr("%1: %n message(s) in the outbox could not be read and were left as "
                            "they are (%2).",
                            nullptr, int(r.damaged.size()))
                             .arg(account.name, r.damaged.join(QStringLiteral(", ")));
    }
    return sentences;
}

} // namespace Outpost
