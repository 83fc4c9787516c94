#pragma once

#include "store/OutboxStore.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <map>
#include <set>

namespace Outpost {

class Scheduler;

/// A message that needs the user: it failed, may have been sent, or has waited (queued or
/// deferred) longer than its account's alert threshold.
struct StuckMessage
{
    QString id;
    OutboxState state = OutboxState::Queued; ///< as it was when it became stuck
    QDateTime since;                         ///< UTC; when it began to wait, or failed
    QString reply;                           ///< the server's last words (may be empty)
    /// The message and its state ("id/failed"): what has been told, or dismissed, already.
    QString key() const { return id + QLatin1Char('/') + OutboxStore::stateName(state); }
    bool operator==(const StuckMessage &) const = default;
};

/// The rule: when @p entry counts as stuck with an alert after @p alertAfterMinutes. Returns
/// an invalid time for a message that cannot become stuck as it is (being sent, sent);
/// a time in the future for one that will be unless something happens first. @p since gets
/// the moment its wait (or failure) began.
QDateTime stuckAt(const OutboxEntry &entry, int alertAfterMinutes, QDateTime *since = nullptr);

/// Watches every account's outbox for stuck mail, on the scheduler's clock: one account-level
/// alert, computed once for both programs. It follows each change of a message (one lookup,
/// no scan of the outbox) and arms one clock call for the next message to cross its
/// threshold, so a quiet outbox costs nothing and 10,000 planned messages cost no polling.
class StuckMailWatch : public QObject
{
    Q_OBJECT

public:
    /// @p scheduler must outlive the watch.
    explicit StuckMailWatch(Scheduler *scheduler, QObject *parent = nullptr);
    ~StuckMailWatch() override;

    /// Reads the scheduler's accounts and outboxes again (after the accounts changed).
    void refresh();

    /// The account's stuck messages: failed and "may have been sent" first, then the longest
    /// waiting.
    QList<StuckMessage> messages(const QString &accountId) const;
    bool isStuck(const QString &accountId, const QString &id) const;
    /// The accounts with an alert, in the scheduler's order.
    QStringList accounts() const;

Q_SIGNALS:
    /// The account's alert began, ended, or its messages changed.
    void changed(const QString &accountId);

private:
    struct Watched
    {
        QPointer<OutboxStore> outbox;
        int alertAfterMinutes = 30;
        QHash<QString, StuckMessage> stuck;
        /// Not yet stuck: when they will be (ms since the epoch, cheap to compare).
        std::map<QString, qint64> pendingById;
        std::set<std::pair<qint64, QString>> pending; ///< the same, earliest first
        /// Messages seen coming back to the queue (queued again, sent now, replanned): their
        /// wait starts then, not at their last attempt.
        std::map<QString, QDateTime> waitingSince;
    };

    void scan(const QString &accountId, Watched &watched);
    /// stuckAt(), with the wait of a message seen coming back to the queue starting then.
    static QDateTime stuckAtSeen(const OutboxEntry &entry, const Watched &watched,
                                 QDateTime *since);
    /// Follows one message; true when the account's alert changed. @p changed: the message
    /// itself changed just now (not only the time).
    bool update(Watched &watched, const QString &id, const QDateTime &now, bool changed);
    void forgetPending(Watched &watched, const QString &id);
    void arm();
    void fire();

    Scheduler *m_scheduler;
    std::map<QString, Watched> m_watched;
    quint64 m_call = 0;
    QDateTime m_armedFor;
};

/// What a program has already told the user: each stuck message once per state (deferred too
/// long, then failed, is told twice); a message dealt with is told about again if it gets
/// stuck again. For the tray notification and `outpost-cli run`'s log.
class StuckMailNews
{
public:
    /// The messages of @p stuck (an account's, as StuckMailWatch::messages() gives them) not
    /// told about yet; they count as told from now on.
    QList<StuckMessage> takeNew(const QString &accountId, const QList<StuckMessage> &stuck);

private:
    QHash<QString, QSet<QString>> m_told; ///< per account: "id/state"
};

} // namespace Outpost
