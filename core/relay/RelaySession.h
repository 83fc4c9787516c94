#pragma once

#include "relay/RelayTarget.h"
#include "smtpd/SmtpAuthExchange.h"
#include "smtpd/SmtpDataDecoder.h"

#include <QObject>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTimer>

namespace Outpost {

/// The limits and timeouts of the local relay's SMTP sessions.
struct RelayLimits
{
    qint64 maxMessageSize = 35 * 1024 * 1024; ///< octets (SIZE, RFC 1870)
    int maxRecipients = 100;                  ///< RCPT TO per message (RFC 5321 4.5.3.1.8)
    int maxCommandLine = 2048; ///< octets with CRLF (512 in RFC 5321; AUTH lines are longer)
    int commandTimeoutMs = 5 * 60 * 1000;      ///< for a whole command line to arrive
    int dataIdleTimeoutMs = 3 * 60 * 1000;     ///< with no data arriving during DATA
    int authFailureDelayMs = 1000;             ///< before answering a wrong password
    int maxAuthFailures = 3;                   ///< then the connection is closed
    qint64 maxHoldSeconds = 366LL * 24 * 3600; ///< FUTURERELEASE: how far ahead (RFC 4865)
    bool requireAuth = true;                   ///< false: the sender's address chooses the account
};

/// One client of the local relay: ESMTP submission (RFC 5321, RFC 6409) with PIPELINING,
/// 8BITMIME, SIZE, ENHANCEDSTATUSCODES (RFC 2034), FUTURERELEASE (RFC 4865: send later) and
/// AUTH PLAIN/LOGIN (RFC 4954). The
/// reply to the end of the data is sent only after the target has written the message to
/// the disk; a session that ends before that leaves nothing behind.
class RelaySession : public QObject
{
    Q_OBJECT

public:
    RelaySession(QTcpSocket *socket, RelayTarget *target, const RelayLimits &limits,
                 QObject *parent = nullptr);
    ~RelaySession() override;

    /// Offers STARTTLS (RFC 3207) with @p configuration; only for a QSslSocket.
    void setTls(const QSslConfiguration &configuration);
    /// False for a client on another computer: it must use STARTTLS and sign in.
    void setLocal(bool local) { m_local = local; }
    /// Sends the greeting and starts reading.
    void start();
    /// Refuses the client (too many connections) and closes.
    void refuse(const QByteArray &reply);

Q_SIGNALS:
    /// A protocol line, "C: …" or "S: …" (passwords masked), for the protocol log.
    void transcript(const QString &line);
    /// A message was queued in an account's outbox.
    void queued(const QString &accountId, const QString &id);
    /// The connection is over; the session deletes itself after this.
    void finished();

private:
    enum class Mode
    {
        Command,
        Data,
        Auth,      ///< AUTH: the client's next line continues the sign-in
        Waiting,   ///< a reply is held back (wrong password): input waits
        Cycling,   ///< XCYCLE: a cycle runs for the client; input waits for its result
        Queuing,   ///< the message is being written to the disk; input waits for the 250
        Handshake, ///< STARTTLS: the TLS handshake runs; input waits for its end
        Closing,
    };

    void onReadyRead();
    void process();
    void handleLine(const QByteArray &line);
    void command(const QByteArray &verb, const QByteArray &argument);
    void ehlo(const QByteArray &argument, bool extended);
    void auth(const QByteArray &argument);
    void authStep(SmtpAuthExchange::Outcome outcome);
    void checkCredentials(const QByteArray &authzid, const QByteArray &user,
                          const QByteArray &password);
    void mail(const QByteArray &argument);
    void rcpt(const QByteArray &argument);
    void data();
    void cycle();
    void startTls(const QByteArray &argument);
    void encrypted();
    /// Why this client may not sign in or send yet (empty: it may): from another computer,
    /// only over TLS.
    QByteArray needsEncryption() const;
    void endOfData();
    void resetTransaction();
    void reply(const QByteArray &text);
    void replyAndClose(const QByteArray &text);
    void close();
    void armCommandTimer();
    void timedOut();

    QTcpSocket *m_socket;
    RelayTarget *m_target;
    RelayLimits m_limits;
    Mode m_mode = Mode::Command;
    QByteArray m_input;
    qsizetype m_inputPos = 0;
    bool m_discardingLine = false; ///< an over-long line is skipped up to its end
    QTimer m_timer;
    SmtpDataDecoder m_decoder;

    QByteArray m_clientName; ///< from EHLO/HELO; empty before
    bool m_extended = false;
    QSslConfiguration m_tls; ///< null: STARTTLS not offered
    bool m_local = true;
    bool m_encrypted = false;
    QString m_accountId; ///< authenticated: the account the user name chose
    SmtpAuthExchange m_auth;
    int m_authFailures = 0;

    bool m_haveMail = false;
    QString m_sender;
    QStringList m_recipients;
    QString m_transactionAccount;  ///< the account this message goes to
    qint64 m_transactionLimit = 0; ///< octets: the relay's limit or the account server's
    bool m_needsSmtpUtf8 = false;
    QDateTime m_notBefore; ///< HOLDUNTIL/HOLDFOR of this message
    bool m_finished = false;
};

} // namespace Outpost
