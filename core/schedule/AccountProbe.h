#pragma once

#include "ServerSettings.h"
#include "net/NetError.h"
#include "store/Account.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

namespace Outpost {

class Clock;

/// What "Test settings" found out about an account's servers.
struct ProbeReport
{
    /// The answer of a relay probe (MAIL FROM, RCPT TO postmaster@example.com, RSET).
    enum class Relay
    {
        NotTried,
        Allowed,
        Refused, ///< refused as relaying (a closed POP-before-SMTP window looks like this)
        Failed,  ///< the probe itself failed (connection, other refusal)
    };

    /// The incoming server's protocol (the pop* fields below are about it, either way).
    IncomingProtocol incoming = IncomingProtocol::Pop3;
    bool popOk = false;
    NetError popError;
    /// "APOP", "USER", "SASL PLAIN"; for IMAP "LOGIN", "AUTHENTICATE PLAIN", "PREAUTH"
    QByteArray popLoginMethod;
    bool popEncrypted = false;
    QByteArrayList popCapabilities;

    bool smtpOk = false;
    NetError smtpError;
    bool smtpEncrypted = false;
    QByteArray smtpAuthMechanism; ///< empty when SMTP AUTH was not used
    QByteArrayList smtpAuthOffered;
    bool smtpStartTlsOffered = false;
    bool pipelining = false;
    bool smtpUtf8 = false;
    qint64 sizeLimit = 0; ///< 0 when the server announced none

    /// The account connects to this server without security ("None") although the server
    /// offers STLS / STARTTLS: switching protects the password and the mail.
    bool popStartTlsAvailable = false;
    bool smtpStartTlsAvailable = false;
    /// The account connects without security and the server offers no encryption at all
    /// (known once the server's capabilities were read).
    bool popNoEncryption = false;
    bool smtpNoEncryption = false;
    /// The password went out readable (USER/PASS, SASL PLAIN, AUTH PLAIN/LOGIN without TLS),
    /// because the user allowed it.
    bool popPasswordInClear = false;
    bool smtpPasswordInClear = false;
    bool smtpUsesPassword = false; ///< the account logs in to the outgoing server (SMTP AUTH)

    Relay relayBeforeLogin = Relay::NotTried;
    Relay relayAfterLogin = Relay::NotTried;
    QByteArray relayReply; ///< the server's words at RCPT when it refused
    /// Relaying worked before the probe's own POP login, but an earlier login may still
    /// have held the window open: the "before" answer proves nothing then.
    bool earlierLoginMayCount = false;

    /// Window measurement (when asked): the longest time after the login at which relaying
    /// still worked, and the first time it was refused (0 when never refused in the limit).
    int windowOpenSeconds = 0;
    int windowClosedSeconds = 0;
    bool windowMeasured = false;

    /// True when relaying is refused without a POP login and allowed right after one.
    bool needsPopBeforeSmtp() const
    {
        return relayBeforeLogin == Relay::Refused && relayAfterLogin == Relay::Allowed;
    }
    /// Sentences for people, the most important first.
    QStringList verdict() const;
};

/// Runs the account probe ("Test settings"): SMTP connect, TLS, EHLO, AUTH and a relay probe
/// that sends no mail; a POP login; the relay probe again; and, when asked, repeated probes
/// to measure how long the window lasts (bounded). Emits finished() exactly once.
class AccountProbe : public QObject
{
    Q_OBJECT

public:
    AccountProbe(const Account &account, const QString &popPassword, const QString &smtpPassword,
                 Clock *clock, QObject *parent = nullptr);

    /// Measure the window too: probe every @p intervalSeconds for at most @p limitSeconds.
    void setMeasureWindow(bool on, int intervalSeconds = 30, int limitSeconds = 1800);
    void setTimeouts(const Timeouts &timeouts) { m_timeouts = timeouts; }
    void start();
    void abort();

Q_SIGNALS:
    /// One step for the live log ("Connecting to the SMTP server…").
    void step(const QString &text);
    void transcript(const QString &line);
    void finished(const Outpost::ProbeReport &report);

private:
    void smtpPhase();
    void noteSmtpSecurity(const SmtpClient *smtp);
    void popPhase();
    void imapPhase();
    /// The incoming login is over (@p capabilities as the server offered them, @p startTls
    /// the capability that offers encryption, @p method the login sent, if any).
    void incomingFinished(const NetError &error, const QByteArrayList &capabilities,
                          const QByteArray &startTls, const QByteArray &method);
    void relayAfterLogin();
    void measureNext();
    void done();
    SmtpClient *newSmtp();

    Account m_account;
    QString m_popPassword;
    QString m_smtpPassword;
    Clock *m_clock;
    Timeouts m_timeouts;
    ProbeReport m_report;
    QPointer<SmtpClient> m_smtp;
    QPointer<Pop3Client> m_pop;
    QPointer<ImapClient> m_imap;
    QDateTime m_loginAt;
    QHostAddress m_localAddress;
    bool m_measure = false;
    int m_intervalSeconds = 30;
    int m_limitSeconds = 1800;
    quint64 m_timer = 0;
    bool m_finished = false;
};

} // namespace Outpost

Q_DECLARE_METATYPE(Outpost::ProbeReport)
