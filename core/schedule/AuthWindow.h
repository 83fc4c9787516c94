#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

namespace Outpost {

/// One account's POP-before-SMTP relay window: when the last POP login opened it, how long
/// the user says it lasts, and what Outpost has observed. Each relay that works after a
/// login is a lower bound on the real window; the first refusal after a login is an upper
/// bound. The window Outpost plans with is the configured length, shortened to what it learned.
class AuthWindow
{
public:
    explicit AuthWindow(int configuredSeconds = 300);

    void setConfiguredSeconds(int seconds) { m_configuredMs = qint64(seconds) * 1000; }
    int configuredSeconds() const { return int(m_configuredMs / 1000); }

    /// A POP login succeeded at @p at: the window opens.
    void recordLogin(const QDateTime &at);
    /// The server relayed a message at @p at.
    void recordRelayAccepted(const QDateTime &at);
    /// The server refused to relay at @p at. Returns true when this taught Outpost something
    /// (the first refusal since the login, late enough not to be a server's grant lag).
    bool recordRelayRefused(const QDateTime &at);

    bool hasLogin() const { return m_lastLogin.isValid(); }
    QDateTime lastLogin() const { return m_lastLogin; }
    /// The window length Outpost plans with, in milliseconds.
    qint64 effectiveMs() const;
    /// When the window closes (invalid when there was no login).
    QDateTime closesAt() const;
    /// Milliseconds left at @p now (0 when closed or never opened).
    qint64 remainingMs(const QDateTime &now) const;
    /// True when the window stays open at least @p marginMs past @p now.
    bool isOpen(const QDateTime &now, qint64 marginMs = 0) const;

    /// "Test settings" measured the window: a relay worked @p openSeconds after a login and
    /// was refused @p closedSeconds after it (0: it never closed while measuring).
    void recordMeasurement(int openSeconds, int closedSeconds);

    /// What Outpost learned about the real window, in seconds; 0 when nothing yet.
    int learnedSeconds() const;
    /// The longest time after a login at which a relay worked, in seconds.
    int longestAcceptedSeconds() const { return int(m_longestAcceptedMs / 1000); }

    QJsonObject toJson() const;
    static AuthWindow fromJson(const QJsonObject &object, int configuredSeconds);
    /// What was learned for the account whose folder is @p accountDirectory (window.json);
    /// a fresh window when nothing was kept or the file is unreadable.
    static AuthWindow load(const QString &accountDirectory, int configuredSeconds);
    /// Keeps the window in @p accountDirectory (atomically); false when it cannot be written.
    [[nodiscard]] bool save(const QString &accountDirectory) const;

    /// Refusals sooner than this after a login are a server's lag, not the window's end.
    static constexpr qint64 lagToleranceMs = 15 * 1000;

private:
    qint64 m_configuredMs;
    QDateTime m_lastLogin;
    qint64 m_longestAcceptedMs = 0;
    qint64 m_shortestRefusedMs = 0; ///< 0: no refusal observed
    bool m_refusedSinceLogin = false;
};

} // namespace Outpost
