#pragma once

#include "AccountTypes.h"

#include <QByteArrayList>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>

#include <functional>
#include <memory>

namespace Outpost {

class SandboxSession;

/// A fault to inject at a chosen command (for tests and demonstrations).
struct SandboxFault
{
    /// Which protocol the fault applies to.
    enum Protocol
    {
        Pop3,
        Smtp,
        Imap,
    };
    /// What happens instead of the normal answer.
    enum Action
    {
        Reply,             ///< send `reply` (one or more CRLF-separated lines) instead
        Disconnect,        ///< close the connection without answering
        Delay,             ///< answer normally after `delayMs`
        Silence,           ///< hang: never answer this or anything after it on the
                           ///< connection (the client's inactivity timeout fires)
        DisconnectMidData, ///< SMTP DATA: drop after `afterBytes` of data; POP3 RETR: after
                           ///< sending `afterBytes` of the message
    };

    Protocol protocol = Smtp;
    /// The command verb, upper case ("EHLO", "MAIL", "RCPT", "DATA", "RETR", "PASS", ...),
    /// "GREETING" for the greeting, "DATAEND" for the reply after the message data (DATA or
    /// BDAT LAST). DisconnectMidData applies to "DATA" and "BDAT"; at "BDAT" only Delay and
    /// DisconnectMidData are meaningful (a chunk's data must still be read).
    QByteArray command;
    int occurrence = 1; ///< the n-th time the server sees the command (1-based), 0 = every time
    Action action = Reply;
    QByteArray reply;      ///< for Reply
    int delayMs = 0;       ///< for Delay
    qint64 afterBytes = 0; ///< for DisconnectMidData
};

/// A message the sandbox's SMTP side accepted: the envelope and the exact bytes.
struct SandboxDelivery
{
    QByteArray sender;            ///< MAIL FROM address
    QByteArrayList recipients;    ///< accepted RCPT TO addresses
    QByteArray data;              ///< the message, unstuffed, without the terminator (in memory)
    QString filePath;             ///< where the message is, when a delivery folder is set
    qint64 size = 0;              ///< size of the message in octets
    QHostAddress client;          ///< the client's address
    QByteArray authenticatedUser; ///< SMTP AUTH user, empty when none
};

/// Everything that shapes the sandbox's behaviour. Change it before or between sessions.
struct SandboxSettings
{
    Security smtpSecurity = Security::None; ///< None, StartTls (offered) or Tls (implicit)
    /// None, StartTls (STLS / STARTTLS offered) or Tls (POP3S / IMAPS): POP3 and IMAP alike
    Security popSecurity = Security::None;
    quint64 imapUidValidity = 1;      ///< IMAP's UIDVALIDITY (change it to renumber the mailbox)
    bool offerStartTls = true;        ///< false: STARTTLS/STLS is not offered even when configured
    bool popBeforeSmtp = true;        ///< relay only for client addresses that logged in over POP
    qint64 windowMs = 10 * 60 * 1000; ///< how long a POP login allows relaying
    qint64 grantLagMs = 0;            ///< relaying starts only this long after the POP login
    bool smtpAuth = false;            ///< offer SMTP AUTH (PLAIN, LOGIN, CRAM-MD5); it allows relay
    bool smtpAuthRequired = false;    ///< refuse MAIL before SMTP AUTH (a submission port)
    bool pipelining = true;           ///< advertise PIPELINING (SMTP and POP3)
    bool chunking = true;             ///< advertise CHUNKING (SMTP BDAT, RFC 3030)
    bool eightBitMime = true;         ///< advertise 8BITMIME (RFC 6152)
    bool apop = true;                 ///< put an APOP timestamp in the POP3 greeting
    bool uidl = true;                 ///< support UIDL
    bool saslPlain = true;            ///< offer POP3 AUTH PLAIN
    bool ehlo = true;                 ///< false: answer EHLO with 502 (an old HELO-only server)
    qint64 maxSize = 100 * 1024 * 1024; ///< SMTP SIZE limit
    int replyDelayMs = 0;               ///< every reply waits this long ("very slow replies")
    QString deliveryFolder;      ///< when set, deliveries are written here, not kept in memory
    QSslCertificate certificate; ///< server certificate for TLS
    QSslKey privateKey;          ///< its key
    /// The policy's clock in milliseconds (default: the wall clock); tests inject their own.
    std::function<qint64()> clock;
};

/// An in-process POP3 and SMTP server on loopback that behaves like an ISP's POP-before-SMTP
/// setup: SMTP relaying is refused with Postfix's words ("554 5.7.1 <rcpt>: Relay access
/// denied") until the client's address has logged in over POP3 within the window. Used by the
/// tests, the app's "try the sandbox" mode and `outpost-cli sandbox`.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    /// The behaviour; change fields directly.
    SandboxSettings &settings() { return m_settings; }
    const SandboxSettings &settings() const { return m_settings; }

    /// Starts listening for SMTP, POP3 and IMAP on @p address (ports 0: chosen by the system).
    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 smtpPort = 0,
                quint16 popPort = 0, quint16 imapPort = 0);
    /// Stops listening and drops every session.
    void close();
    quint16 smtpPort() const;
    quint16 popPort() const;
    quint16 imapPort() const;
    /// Whether IMAP fetched @p user's message @p index with BODY[] (not PEEK): its \Seen.
    bool imapSeen(const QByteArray &user, int index) const;
    /// Why listen() failed.
    QString errorString() const { return m_error; }

    /// Adds a user (POP3 mailbox and SMTP AUTH account).
    void addUser(const QByteArray &user, const QByteArray &password);
    /// Adds a message to @p user's mailbox (CRLF line ends); returns its UIDL.
    QByteArray addMessage(const QByteArray &user, const QByteArray &message);
    /// Adds a message stored in a file (for large messages); returns its UIDL.
    QByteArray addMessageFile(const QByteArray &user, const QString &path);
    /// The number of messages in @p user's mailbox.
    int mailboxSize(const QByteArray &user) const;

    /// Injects a fault; faults stay until clearFaults().
    void addFault(const SandboxFault &fault);
    void clearFaults();

    /// Every message accepted so far, oldest first.
    QList<SandboxDelivery> deliveries() const { return m_deliveries; }
    /// Forget the POP logins (closes every relay window).
    void clearGrants() { m_grants.clear(); }
    /// True when @p client may relay now under the POP-before-SMTP policy.
    bool relayAllowed(const QHostAddress &client) const;
    /// The policy clock's current time.
    qint64 now() const;

Q_SIGNALS:
    /// @p client logged in over POP3 as @p user (the relay window opens).
    void popLoggedIn(const QHostAddress &client, const QByteArray &user);
    /// A message was accepted.
    void delivered(const Outpost::SandboxDelivery &delivery);
    /// Relaying to @p recipient was refused for @p client.
    void relayRefused(const QHostAddress &client, const QByteArray &recipient);

private:
    friend class SandboxSession;
    friend class SandboxSmtpSession;
    friend class SandboxPop3Session;
    friend class SandboxImapSession;

    struct MailboxMessage
    {
        QByteArray uid;
        QByteArray data;
        QString path;
        qint64 size = 0;
        quint64 imapUid = 0;
        bool imapSeen = false;
    };
    struct User
    {
        QByteArray password;
        QList<MailboxMessage> mailbox;
    };

    /// The fault for @p command now, counting this occurrence; nullptr when none.
    const SandboxFault *takeFault(SandboxFault::Protocol protocol, const QByteArray &command);
    void recordPopLogin(const QHostAddress &client, const QByteArray &user);
    void recordDelivery(const SandboxDelivery &delivery);
    void startSession(SandboxSession *session, qintptr descriptor, bool implicitTls);

    SandboxSettings m_settings;
    std::unique_ptr<QTcpServer> m_smtpListener;
    std::unique_ptr<QTcpServer> m_popListener;
    std::unique_ptr<QTcpServer> m_imapListener;
    QHash<QByteArray, User> m_users;
    QHash<QString, qint64> m_grants;
    QList<SandboxFault> m_faults;
    QHash<QByteArray, int> m_seen;
    QList<SandboxDelivery> m_deliveries;
    QString m_error;
    int m_nextUid = 1;
    quint64 m_nextImapUid = 1;
};

} // namespace Outpost

Q_DECLARE_METATYPE(Outpost::SandboxDelivery)
