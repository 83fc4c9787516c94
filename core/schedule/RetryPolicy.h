#pragma once

#include <QDateTime>

namespace Outpost {

/// When to try a message again after a transient failure, and when to give up.
namespace RetryPolicy {

/// The wait before attempt @p attempts + 1: 1, 2, 4, 8 … minutes, at most 60.
qint64 backoffMs(int attempts);

/// True when a message queued at @p queuedAt has waited longer than @p giveUpAfterHours.
bool shouldGiveUp(const QDateTime &queuedAt, const QDateTime &now, int giveUpAfterHours);

} // namespace RetryPolicy
} // namespace Outpost
