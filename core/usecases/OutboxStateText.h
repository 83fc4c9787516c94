#pragma once

#include "net/NetError.h"
#include "schedule/Scheduler.h"
#include "store/Account.h"
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

    // The account's situation, for the reason a waiting message gives (forAccount()). A
    // context without it says only "Waiting".
    bool accountKnown = false;  ///< the fields below are filled in
    NetError accountError = {}; ///< why the account paused (none: it works)
    bool errorOnSend = false;   ///< the error came from the outgoing server
    QString storeError = {};    ///< why it could not save its work, for people (empty: none)
    QDateTime nextTry = {};     ///< when Outpost tries again by itself (invalid: not planned)
    bool manualOnly = false;    ///< no check interval: it runs only on Send/Receive
    bool commandLine = false;   ///< for outpost-cli: its commands, not the window's buttons

    /// The context of the messages of @p account, from the scheduler's @p status.
    static OutboxStateContext forAccount(const Account &account, const Scheduler::Status &status,
                                         const QDateTime &now, bool commandLine = false);
};

/// What is happening to an outbox message, in people's words: one wording for the desktop
/// program's list and outpost-cli's listings.
class OutboxStateText
{
    Q_DECLARE_TR_FUNCTIONS(OutboxStateText)

public:
    using Context = OutboxStateContext;

    /// A short label: "Waiting", "Will retry at 10:42", "Failed", "Sent 2/12/26 9:05". A
    /// message that waits on its account says why, when the context knows the account:
    /// "Waiting: the server could not be reached — next try at 14:05", "Waiting for you to
    /// press Send/Receive".
    static QString label(const OutboxEntry &entry, const Context &context = {});
    /// Why a message that waits on its account waits, in people's words ("the server refused
    /// the password — enter it again"); empty when the account works or is not known.
    static QString accountReason(const Context &context);
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
    /// The timeline, and for a message that waits on its account what it waits for now:
    /// "Now: Waiting: the server refused the password — enter it again".
    static QStringList timeline(const OutboxEntry &entry, const Context &context);
};

} // namespace Outpost
