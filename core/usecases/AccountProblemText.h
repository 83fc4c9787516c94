#pragma once

#include "schedule/Scheduler.h"
#include "store/Account.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Outpost {

/// An account that stopped working, in people's words, with what the user can do about it:
/// one wording for the desktop program's banner and its notification.
struct AccountProblem
{
    /// What the banner offers first.
    enum class Action
    {
        EnterPassword, ///< the password was refused or could not be read
        Settings,      ///< only a change of the settings mends it (TLS, plain text, relay)
        TryAgain,      ///< it may pass by itself (server down, network)
    };

    QString title; ///< "Outpost could not log in to “Home”" (empty: no problem)
    QString text;  ///< what happened and what Outpost does meanwhile
    Action action = Action::TryAgain;
    bool offersSettings = true; ///< "Account settings…" beside the first action
    bool offersTryAgain = true; ///< "Try again" beside it
    /// Which server wants the password (EnterPassword): the outgoing one when SMTP AUTH uses
    /// its own password and sending was refused.
    bool outgoingPassword = false;
    /// Names this failure: a retry that fails the same way keeps it, so it is told once.
    QString key;

    bool isEmpty() const { return title.isEmpty(); }
};

class AccountProblemText
{
    Q_DECLARE_TR_FUNCTIONS(AccountProblemText)

public:
    /// The problem of @p account as its @p status tells it (the last cycle's: it stays while
    /// a cycle that may mend it runs); empty while the account works.
    static AccountProblem describe(const Account &account, const Scheduler::Status &status,
                                   const QDateTime &now);

private:
    static AccountProblem describeSentences(const Account &account, const Scheduler::Status &status,
                                            const QDateTime &now);
};

} // namespace Outpost
