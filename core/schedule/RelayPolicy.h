#pragma once

#include <QDateTime>
#include <QList>

namespace Outpost {

class AuthWindow;

/// The POP-before-SMTP decisions of one cycle, without any I/O: when to log in again
/// before sending, whether several messages may go out at once, and what to do when the
/// server refuses to relay. It keeps the account's learned window (AuthWindow) up to date
/// with what the cycle observes. Time comes in as arguments, so tests drive it with a
/// manual clock.
class RelayPolicy
{
public:
    struct Options
    {
        /// Waits before retrying a refusal that came right after a login (servers that read
        /// their logs grant a moment late), before logging in again.
        QList<int> lateGrantDelaysMs = {4000, 2000, 1000};
        /// Log in again when the window would close sooner than this before a message.
        qint64 windowMarginMs = 15000;
    };

    /// What to do about a relay refusal.
    struct Refusal
    {
        enum Action
        {
            WaitThenRetry, ///< a late grant: try the same message again after delayMs
            LogInAgain,    ///< the window closed: log in over POP, then try again
            GiveUp,        ///< refused right after a fresh login: the window is not the cause
        };
        Action action = GiveUp;
        int delayMs = 0;
        /// The refusal taught Outpost a shorter window (say so to the user).
        bool learnedShorterWindow = false;
        /// Seconds between the last login and the refusal.
        int secondsAfterLogin = 0;
    };

    /// @p window must outlive the policy. Without POP before SMTP the policy never asks for
    /// a login and never limits batching.
    RelayPolicy(AuthWindow *window, bool popBeforeSmtp, const Options &options);

    /// A POP login succeeded at @p at: the window opens.
    void loggedIn(const QDateTime &at);
    /// The server took a message at @p at.
    void relayed(const QDateTime &at);
    /// A message was settled (sent, failed, deferred): the next one starts its own recovery.
    void messageSettled();
    /// The server refused to relay at @p at.
    Refusal refused(const QDateTime &at);

    /// Whether a login is needed before the next message goes out at @p now.
    bool needsLogin(const QDateTime &now) const;
    /// Whether one more message may join the @p inFlight ones at @p now when each has taken
    /// up to @p paceMs: only after the relay has worked since this login, and only while all
    /// of them can finish before the window closes.
    bool mayBatch(const QDateTime &now, int inFlight, qint64 paceMs) const;

private:
    AuthWindow *m_window;
    bool m_popBeforeSmtp;
    Options m_options;
    int m_relayedSinceLogin = 0;
    int m_lateGrantStep = 0;
    bool m_loggedInAgain = false;
};

} // namespace Outpost
