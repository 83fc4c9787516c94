#pragma once

#include "store/OutboxStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Outpost {

/// What the caller of OutboxStateText knows beyond the entry.
struct OutboxStateContext
{
    QDateTime now;                ///< for "today" and "tomorrow"; the system clock when invalid
    bool waitingForLogin = false; ///< queued behind a POP login (POP before SMTP)
    int percent = -1;             ///< how much of a message being sent went out
};

/// What is happening to an outbox message, in people's words: one wording for the desktop
/// program's list and outpost-cli's listings.
class OutboxStateText
{
    Q_DECLARE_TR_FUNCTIONS(OutboxStateText)

public:
    using Context = OutboxStateContext;

    /// A short label: "Waiting", "Will retry at 10:42", "Failed", "Sent 2/12/26 9:05".
    static QString label(const OutboxEntry &entry, const Context &context = {});
    /// The label with the reason where the entry has one: "Will retry at 10:42 because: 451
    /// Try again later", "Failed because: 550 User unknown".
    static QString describe(const OutboxEntry &entry, const Context &context = {});
    /// A moment as people say it, next to @p now: "at 10:42" today, "tomorrow at 10:42",
    /// else "on" the date and the time.
    static QString when(const QDateTime &moment, const QDateTime &now);
    /// Where a message handed over by another program came from ("Handed over by
    /// thunderbird.local through the local relay"); empty for mail written in Outpost.
    static QString origin(const OutboxEntry &entry);
    /// The message's delivery history as a timeline, oldest first, one event per item:
    /// "Queued at 10:02", "Tried at 10:14 after the POP login at 10:14: will be tried again
    /// (451 4.7.1 Try again later)", with what the server said to each recipient indented
    /// ("  a@example.jp: 250 2.1.5 Ok"). Empty before the first attempt.
    static QStringList timeline(const OutboxEntry &entry, const QDateTime &now);
};

} // namespace Outpost
