#include "StuckMail.h"

#include "schedule/Clock.h"
#include "schedule/Scheduler.h"

#include <algorithm>

namespace Outpost {

namespace {

/// When the latest attempt ended (invalid when there was none).
QDateTime lastAttemptEnd(const OutboxEntry &entry)
{
    if (entry.history.isEmpty())
        return {};
    const QList<DeliveryAttempt> attempts = entry.history.attempts();
    return attempts.isEmpty() ? QDateTime() : attempts.last().endedAt;
}

QDateTime later(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    return std::max(a, b);
}

/// Failures first, then the longest waiting.
bool moreUrgent(const StuckMessage &a, const StuckMessage &b)
{
    const auto failed = [](const StuckMessage &m) {
        return m.state == OutboxState::Failed || m.state == OutboxState::MayHaveBeenSent;
    };
    if (failed(a) != failed(b))
        return failed(a);
    if (a.since != b.since)
        return a.since < b.since;
    return a.id < b.id;
}

} // namespace

QDateTime stuckAt(const OutboxEntry &entry, int alertAfterMinutes, QDateTime *since)
{
    QDateTime start;
    QDateTime at;
    const qint64 threshold = qint64(alertAfterMinutes) * 60;
    switch (entry.state) {
    case OutboxState::Sending:
    case OutboxState::Sent:
        break;
    case OutboxState::Failed:
    case OutboxState::MayHaveBeenSent:
        start = later(entry.queuedAt, lastAttemptEnd(entry));
        at = start;
        break;
    case OutboxState::Deferred:
        start = entry.history.deferredSince();
        if (!start.isValid())
            start = entry.queuedAt;
        // A deferred message planned for later waits for its time first.
        start = later(start, entry.notBefore);
        at = start.addSecs(threshold);
        break;
    case OutboxState::Queued:
        // Waiting since it was queued, became due, or last came back to the queue.
        start = later(later(entry.queuedAt, entry.notBefore), lastAttemptEnd(entry));
        at = start.addSecs(threshold);
        break;
    }
    if (since)
        *since = start;
    return at;
}

StuckMailWatch::StuckMailWatch(Scheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
{
    connect(scheduler, &Scheduler::accountsChanged, this, &StuckMailWatch::refresh);
    refresh();
}

StuckMailWatch::~StuckMailWatch()
{
    if (m_call)
        m_scheduler->clock()->cancel(m_call);
}

void StuckMailWatch::refresh()
{
    std::map<QString, Watched> next;
    QStringList changedAccounts;
    for (const Account &account : m_scheduler->accounts()) {
        OutboxStore *outbox = m_scheduler->outbox(account.id);
        if (!outbox)
            continue;
        auto old = m_watched.find(account.id);
        if (old != m_watched.end() && old->second.outbox == outbox &&
            old->second.alertAfterMinutes == account.alertAfterMinutes) {
            next[account.id] = std::move(old->second);
            continue;
        }
        Watched &watched = next[account.id];
        watched.outbox = outbox;
        watched.alertAfterMinutes = account.alertAfterMinutes;
        const bool hadAlert = old != m_watched.end() && !old->second.stuck.isEmpty();
        if (old != m_watched.end() && old->second.outbox == outbox)
            watched.waitingSince = std::move(old->second.waitingSince); // a new threshold only
        if (old == m_watched.end() || old->second.outbox != outbox) {
            if (old != m_watched.end() && old->second.outbox)
                disconnect(old->second.outbox, nullptr, this, nullptr);
            const QString id = account.id;
            connect(outbox, &OutboxStore::changed, this, [this, id](const QString &messageId) {
                auto it = m_watched.find(id);
                if (it == m_watched.end())
                    return;
                const bool alertChanged =
                    update(it->second, messageId, m_scheduler->clock()->now(), true);
                arm();
                if (alertChanged)
                    Q_EMIT changed(id);
            });
        }
        scan(account.id, watched);
        if (hadAlert || !watched.stuck.isEmpty())
            changedAccounts.append(account.id);
    }
    // Accounts that went away take their alerts with them.
    for (const auto &[id, watched] : m_watched) {
        if (!next.contains(id) && !watched.stuck.isEmpty())
            changedAccounts.append(id);
        if (!next.contains(id) && watched.outbox)
            disconnect(watched.outbox, nullptr, this, nullptr);
    }
    m_watched = std::move(next);
    arm();
    for (const QString &id : std::as_const(changedAccounts))
        Q_EMIT changed(id);
}

QDateTime StuckMailWatch::stuckAtSeen(const OutboxEntry &entry, const Watched &watched,
                                      QDateTime *since)
{
    QDateTime at = stuckAt(entry, watched.alertAfterMinutes, since);
    const auto seen = watched.waitingSince.find(entry.id);
    if (at.isValid() && entry.state == OutboxState::Queued && seen != watched.waitingSince.end() &&
        seen->second > *since) {
        *since = seen->second;
        at = since->addSecs(qint64(watched.alertAfterMinutes) * 60);
    }
    return at;
}

void StuckMailWatch::scan(const QString &accountId, Watched &watched)
{
    Q_UNUSED(accountId)
    watched.stuck.clear();
    watched.pending.clear();
    watched.pendingById.clear();
    const QDateTime now = m_scheduler->clock()->now();
    watched.outbox->forEachMessage([&](const OutboxEntry &entry) {
        QDateTime since;
        const QDateTime at = stuckAtSeen(entry, watched, &since);
        if (!at.isValid())
            return;
        if (at <= now) {
            watched.stuck.insert(entry.id, {entry.id, entry.state, since, entry.lastReply});
        } else {
            watched.pendingById[entry.id] = at.toMSecsSinceEpoch();
            watched.pending.emplace(at.toMSecsSinceEpoch(), entry.id);
        }
    });
}

void StuckMailWatch::forgetPending(Watched &watched, const QString &id)
{
    const auto it = watched.pendingById.find(id);
    if (it == watched.pendingById.end())
        return;
    watched.pending.erase({it->second, id});
    watched.pendingById.erase(it);
}

bool StuckMailWatch::update(Watched &watched, const QString &id, const QDateTime &now, bool changed)
{
    forgetPending(watched, id);
    const std::optional<OutboxEntry> entry = watched.outbox->message(id);
    if (entry && entry->state == OutboxState::Sending)
        return false; // a stuck message being tried again stays in the alert until it ends
    // A message that changed and is queued has just come (back) to the queue: its wait
    // starts now, whatever its history says (a failure of two hours ago sent again).
    if (entry && entry->state == OutboxState::Queued) {
        if (changed)
            watched.waitingSince[id] = now;
    } else {
        watched.waitingSince.erase(id);
    }
    QDateTime since;
    const QDateTime at = entry ? stuckAtSeen(*entry, watched, &since) : QDateTime();
    if (at.isValid() && at <= now) {
        const StuckMessage message{id, entry->state, since, entry->lastReply};
        const auto it = watched.stuck.find(id);
        if (it != watched.stuck.end() && *it == message)
            return false;
        watched.stuck.insert(id, message);
        return true;
    }
    if (at.isValid()) {
        watched.pendingById[id] = at.toMSecsSinceEpoch();
        watched.pending.emplace(at.toMSecsSinceEpoch(), id);
    }
    return watched.stuck.remove(id) > 0;
}

void StuckMailWatch::arm()
{
    std::optional<qint64> soonest;
    for (const auto &[id, watched] : m_watched) {
        if (!watched.pending.empty() && (!soonest || watched.pending.begin()->first < *soonest))
            soonest = watched.pending.begin()->first;
    }
    const QDateTime earliest =
        soonest ? QDateTime::fromMSecsSinceEpoch(*soonest, Qt::UTC) : QDateTime();
    if (earliest == m_armedFor && (m_call || !earliest.isValid()))
        return;
    Clock *clock = m_scheduler->clock();
    if (m_call)
        clock->cancel(m_call);
    m_call = 0;
    m_armedFor = earliest;
    if (earliest.isValid())
        m_call = clock->callAt(earliest, this, [this] {
            m_call = 0;
            m_armedFor = {};
            fire();
        });
}

void StuckMailWatch::fire()
{
    const QDateTime now = m_scheduler->clock()->now();
    QStringList changedAccounts;
    for (auto &[accountId, watched] : m_watched) {
        QStringList due;
        for (const auto &[at, id] : watched.pending) {
            if (at > now.toMSecsSinceEpoch())
                break;
            due.append(id);
        }
        bool alertChanged = false;
        for (const QString &id : std::as_const(due))
            alertChanged = update(watched, id, now, false) || alertChanged;
        if (alertChanged)
            changedAccounts.append(accountId);
    }
    arm();
    for (const QString &id : std::as_const(changedAccounts))
        Q_EMIT changed(id);
}

QList<StuckMessage> StuckMailWatch::messages(const QString &accountId) const
{
    const auto it = m_watched.find(accountId);
    if (it == m_watched.end())
        return {};
    QList<StuckMessage> list = it->second.stuck.values();
    std::sort(list.begin(), list.end(), moreUrgent);
    return list;
}

bool StuckMailWatch::isStuck(const QString &accountId, const QString &id) const
{
    const auto it = m_watched.find(accountId);
    return it != m_watched.end() && it->second.stuck.contains(id);
}

QStringList StuckMailWatch::accounts() const
{
    QStringList list;
    for (const Account &account : m_scheduler->accounts()) {
        const auto it = m_watched.find(account.id);
        if (it != m_watched.end() && !it->second.stuck.isEmpty())
            list.append(account.id);
    }
    return list;
}

QList<StuckMessage> StuckMailNews::takeNew(const QString &accountId,
                                           const QList<StuckMessage> &stuck)
{
    QSet<QString> &told = m_told[accountId];
    QSet<QString> now;
    QList<StuckMessage> fresh;
    for (const StuckMessage &m : stuck) {
        now.insert(m.key());
        if (!told.contains(m.key()))
            fresh.append(m);
    }
    told = now;
    return fresh;
}

} // namespace Outpost
