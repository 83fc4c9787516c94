#include "RetryPolicy.h"

namespace Outpost::RetryPolicy {

qint64 backoffMs(int attempts)
{
    constexpr qint64 minute = 60 * 1000;
    if (attempts <= 1)
        return minute;
    if (attempts >= 7) // 2^6 = 64 > 60
        return 60 * minute;
    return qMin<qint64>(60, qint64(1) << (attempts - 1)) * minute;
}

bool shouldGiveUp(const QDateTime &queuedAt, const QDateTime &now, int giveUpAfterHours)
{
    return queuedAt.isValid() && queuedAt.secsTo(now) >= qint64(giveUpAfterHours) * 3600;
}

} // namespace Outpost::RetryPolicy
