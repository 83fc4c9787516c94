#pragma once

#include "StuckMail.h"
#include "schedule/Scheduler.h"
#include "store/Account.h"
#include "store/OutboxStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Outpost {

/// An account's stuck-mail alert in people's words: one wording for the desktop program's
/// banner and notification and for outpost-cli.
struct StuckMailAlert
{
    QString title;     ///< "A message could not be sent"
    QString text;      ///< which message, how long it waited, the server's words
    QString advice;    ///< what to do about it
    QString messageId; ///< the message it is about first (empty: no alert)
    int count = 0;     ///< stuck messages in the account
    bool isEmpty() const { return messageId.isEmpty(); }
};

/// What the caller knows about the account beyond its stuck messages.
struct StuckMailFacts
{
    Account account;
    Scheduler::Status status; ///< for a paused account's reason and the next check
    QDateTime now;            ///< the session's clock
    bool commandLine = false; ///< for outpost-cli: its commands, not the window's buttons
};

class StuckMailText
{
    Q_DECLARE_TR_FUNCTIONS(StuckMailText)

public:
    using Facts = StuckMailFacts;

    /// Why a message is stuck, read from its state, the server's reply (its code and
    /// enhanced status code, RFC 3463) and the account.
    enum class Reason
    {
        Unreachable,     ///< no reply: the network, the name, the port or TLS
        Recipient,       ///< an address the server does not know (5.1.x)
        Relay,           ///< the server would not relay (5.7.1, POP before SMTP)
        Login,           ///< the SMTP login was refused or is needed (535, 530)
        Sender,          ///< the sender address was refused (5.1.7, 5.1.8, "not owned")
        Security,        ///< the server wants STARTTLS first
        TooLarge,        ///< larger than the server takes (552, 5.3.4)
        MailboxFull,     ///< the recipient's mailbox is full (4.2.2, 5.2.2)
        TryLater,        ///< the server asks to try later (421, 450, 451)
        GaveUp,          ///< it asked to try later for longer than the account waits
        MayHaveBeenSent, ///< the data went out, no reply came
        Paused,          ///< waiting: the account stopped on an error of its own
        NotChecked,      ///< waiting: the account sends only when asked to
        Waiting,         ///< waiting: the next check will try
        Other,
    };

    static Reason reason(const StuckMessage &message, const Facts &facts);
    /// What to do, a sentence or two.
    static QString advice(Reason reason, const Facts &facts);
    /// The account's alert; empty when @p stuck is empty. @p outbox is the account's.
    static StuckMailAlert alert(const QList<StuckMessage> &stuck, const OutboxStore &outbox,
                                const Facts &facts);
    /// One line about one stuck message, for listings and logs: "“Minutes” to a@example.jp
    /// failed 10 minutes ago: 550 User unknown".
    static QString line(const StuckMessage &message, const OutboxEntry &entry,
                        const QDateTime &now);
    /// How long, in people's words: "5 minutes", "2 hours", "3 days".
    static QString duration(qint64 seconds);
    /// A message as people name it: "“Subject” to a@example.jp and 2 others".
    static QString name(const OutboxEntry &entry);
};

} // namespace Outpost
