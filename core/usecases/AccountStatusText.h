#pragma once

#include "schedule/Scheduler.h"
#include "store/Account.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Outpost {

/// The status sentence of one account: what its cycle is doing, why it paused, or what
/// waits and when the next check is ("Relay window open for 1:42 · 2 messages waiting").
class AccountStatusText
{
    Q_DECLARE_TR_FUNCTIONS(AccountStatusText)

public:
    /// What the caller knows beyond the scheduler's status.
    struct Facts
    {
        int waiting = 0;      ///< messages queued or waiting for a retry
        int planned = 0;      ///< of those, the ones to be sent later (send later)
        bool offline = false; ///< the system says there is no network
        QDateTime now;        ///< the session's clock
    };

    static QString describe(const Account &account, const Scheduler::Status &status,
                            const Facts &facts);
};

} // namespace Outpost
