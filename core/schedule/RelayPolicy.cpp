#include "RelayPolicy.h"

#include "AuthWindow.h"

namespace Outpost {

RelayPolicy::RelayPolicy(AuthWindow *window, bool popBeforeSmtp, const Options &options)
    : m_window(window)
    , m_popBeforeSmtp(popBeforeSmtp)
    , m_options(options)
{}

void RelayPolicy::loggedIn(const QDateTime &at)
{
    m_window->recordLogin(at);
    m_relayedSinceLogin = 0;
}

void RelayPolicy::relayed(const QDateTime &at)
{
    if (m_popBeforeSmtp)
        m_window->recordRelayAccepted(at);
    ++m_relayedSinceLogin;
}

void RelayPolicy::messageSettled()
{
    m_lateGrantStep = 0;
    m_loggedInAgain = false;
}

RelayPolicy::Refusal RelayPolicy::refused(const QDateTime &at)
{
    Refusal r;
    r.learnedShorterWindow = m_window->recordRelayRefused(at);
    r.secondsAfterLogin = m_window->hasLogin() ? int(m_window->lastLogin().secsTo(at)) : 0;

    // A grant that comes late looks like a refusal right after the login; a refusal after
    // this login already relayed mail means the window has closed.
    const bool justLoggedIn = m_window->hasLogin() && m_relayedSinceLogin == 0 &&
                              m_window->lastLogin().msecsTo(at) < AuthWindow::lagToleranceMs;
    if (justLoggedIn && m_lateGrantStep < m_options.lateGrantDelaysMs.size()) {
        r.action = Refusal::WaitThenRetry;
        r.delayMs = m_options.lateGrantDelaysMs.at(m_lateGrantStep++);
        return r;
    }
    if (!m_loggedInAgain) {
        m_loggedInAgain = true;
        // After the new login, one retry only: the late-grant waits are used up.
        m_lateGrantStep = int(m_options.lateGrantDelaysMs.size());
        r.action = Refusal::LogInAgain;
        return r;
    }
    r.action = Refusal::GiveUp;
    return r;
}

bool RelayPolicy::needsLogin(const QDateTime &now) const
{
    return m_popBeforeSmtp && !m_window->isOpen(now, m_options.windowMarginMs);
}

bool RelayPolicy::mayBatch(const QDateTime &now, int inFlight, qint64 paceMs) const
{
    if (!m_popBeforeSmtp || inFlight == 0)
        return true;
    if (m_relayedSinceLogin == 0)
        return false;
    const qint64 left = m_window->remainingMs(now) - m_options.windowMarginMs;
    return paceMs * qint64(inFlight + 1) <= left;
}

} // namespace Outpost
