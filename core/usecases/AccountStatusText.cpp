#include "AccountStatusText.h"

#include <QLocale>

namespace Outpost {

QString AccountStatusText::describe(const Account &a, const Scheduler::Status &s,
                                    const Facts &facts)
{
    const bool imap = a.incoming == IncomingProtocol::Imap;
    if (s.running) {
        switch (s.phase) {
        case Cycle::Phase::Receiving:
            return tr("Receiving…");
        case Cycle::Phase::WaitingAfterPop:
            return imap ? tr("Waiting a moment after the IMAP login…")
                        : tr("Waiting a moment after the POP login…");
        case Cycle::Phase::Connecting:
            return tr("Connecting to the outgoing server…");
        case Cycle::Phase::Sending:
            return tr("Sending %1 of %2").arg(qMin(s.done + 1, s.total)).arg(s.total);
        case Cycle::Phase::Reauthenticating:
            return imap ? tr("Logging in over IMAP again to keep the relay window open…")
                        : tr("Logging in over POP again to keep the relay window open…");
        case Cycle::Phase::WaitingForRelay:
            return tr("The server refused to relay; waiting a moment before trying again…");
        case Cycle::Phase::Idle:
        case Cycle::Phase::Done:
            break;
        }
        return tr("Working…");
    }
    if (s.lastError.isError())
        return tr("Paused: %1").arg(s.lastError.message);
    if (s.lastStoreError.isError())
        return tr("Paused: %1").arg(s.lastStoreError.message);

    const int waiting = facts.waiting;
    if (facts.offline)
        return waiting > 0 ? (waiting == 1 ? tr("Offline — 1 message waiting")
                                           : tr("Offline — %1 messages waiting").arg(waiting))
                           : tr("Offline");
    QStringList parts;
    const QDateTime now = facts.now;
    // A countdown only for a window learned from the server or measured: the configured
    // length is a guess, and a countdown of a guess tells the user something untrue.
    if (a.popBeforeSmtp && s.learnedWindowSeconds > 0 && s.windowClosesAt.isValid() &&
        s.windowClosesAt > now) {
        const qint64 left = now.secsTo(s.windowClosesAt);
        parts.append(tr("Relay window open for %1:%2")
                         .arg(left / 60)
                         .arg(left % 60, 2, 10, QLatin1Char('0')));
    }
    const int planned = qBound(0, facts.planned, waiting);
    if (waiting - planned > 0)
        parts.append(waiting - planned == 1 ? tr("1 message waiting")
                                            : tr("%1 messages waiting").arg(waiting - planned));
    if (planned > 0)
        parts.append(planned == 1 ? tr("1 message to be sent later")
                                  : tr("%1 messages to be sent later").arg(planned));
    // Nothing learned: what Outpost does instead (after the counts, which matter more).
    if (a.popBeforeSmtp && s.learnedWindowSeconds <= 0)
        parts.append(imap ? tr("Logs in over IMAP before each send")
                          : tr("Logs in over POP before each send"));
    if (s.nextCheck.isValid())
        parts.append(
            tr("Next check at %1")
                .arg(QLocale().toString(s.nextCheck.toLocalTime().time(), QLocale::ShortFormat)));
    else
        parts.append(tr("Checks only when you press Send/Receive"));
    return parts.join(QStringLiteral(" · "));
}

} // namespace Outpost
