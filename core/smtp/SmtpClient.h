#pragma once

#include "SmtpCapabilities.h"
#include "SmtpDataEncoder.h"
#include "SmtpReply.h"
#include "SmtpReplyClassifier.h"
#include "net/LineTransport.h"

#include <QDateTime>
#include <QIODevice>
#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>

namespace Outpost {

/// How to reach and log in to an SMTP server.
struct SmtpSettings
{
    ConnectionSettings connection;  ///< host, port, TLS, timeouts, local address
    SmtpAuth auth = SmtpAuth::None; ///< SMTP AUTH mechanism, or none
    QString user;                   ///< SMTP AUTH user name
    QString password;               ///< SMTP AUTH password (never logged)
    /// Allow PLAIN and LOGIN over an unencrypted connection (only when the user chose it).
    bool allowPlainTextPassword = false;
    /// The EHLO name; empty means the local address as a literal ("[192.0.2.1]").
    QByteArray heloName;
    /// Pipeline MAIL/RCPT/DATA when the server offers PIPELINING (RFC 2920).
    bool usePipelining = true;
    /// Send message data with BDAT (RFC 3030) when the server offers CHUNKING and PIPELINING:
    /// then no message waits for a reply (a session costs the same round trips for any
    /// number of messages). Each message after the first starts with RSET, so a failed
    /// transaction never spills into the next.
    bool useChunking = true;
};

/// One message to send: the envelope and the exact bytes.
struct SmtpMessage
{
    QByteArray sender;         ///< reverse path, without angle brackets (may be empty)
    QByteArrayList recipients; ///< forward paths, without angle brackets
    /// The message (RFC 5322 bytes), open for reading, positioned at its start. Not owned:
    /// it must stay alive until messageFinished() for this message.
    QPointer<QIODevice> body;
    bool eightBit = false; ///< needs BODY=8BITMIME
    bool smtpUtf8 = false; ///< needs SMTPUTF8 (non-ASCII addresses)
    /// Sent later: HOLDUNTIL (RFC 4865), given only to a server that offers FUTURERELEASE.
    QDateTime holdUntil;
};

/// The server's answer to one recipient.
struct SmtpRecipientResult
{
    QByteArray address;    ///< the recipient
    bool accepted = false; ///< RCPT got 250/251
    SmtpReply reply;       ///< the server's reply to RCPT
    NetError error;        ///< why it was refused (kind RelayDenied for relay refusals)
};

/// What happened to one message.
struct SmtpResult
{
    int id = 0;        ///< the id send() returned
    bool sent = false; ///< the server accepted the data (250 after the data)
    /// The end of the data was written: with an error, the message may have been delivered.
    bool dataWritten = false;
    NetError error;      ///< why it was not sent (or why it failed for some recipients)
    SmtpReply dataReply; ///< the reply after the data (the queue id is in it)
    QList<SmtpRecipientResult> recipients; ///< per recipient, in the order given

    /// True when the server took at least one recipient.
    bool anyRecipientAccepted() const;
    /// The first recipient's refusal, in the order given; no error when none was refused.
    NetError firstRecipientError() const;
    /// Why the envelope failed: the sender's refusal, else the first recipient's refusal.
    NetError envelopeError() const { return error.isError() ? error : firstRecipientError(); }
};

/// The outcome of a relay probe (MAIL, RCPT, RSET; no mail is sent).
struct SmtpProbeResult
{
    int id = 0;                ///< the id probeRelay() returned
    bool relayAllowed = false; ///< RCPT was accepted
    SmtpReply mailReply;       ///< reply to MAIL FROM
    SmtpReply rcptReply;       ///< reply to RCPT TO
    NetError error;            ///< the refusal (kind RelayDenied when relaying is refused)
};

/// An asynchronous SMTP client (RFC 5321) for one session.
///
/// Usage: set the settings, connect the signals, call open(). Queue messages with send() at
/// any time (before or after ready()); they go out one after another in one session, each
/// reported by messageFinished(). Call quit() once everything is queued: the client sends
/// QUIT after the last message and emits sessionFinished() with no error. Any session failure
/// (network, timeout, TLS, refused login, greeting refusal) finishes every message not yet
/// finished with that error and then emits sessionFinished() with it. sessionFinished() comes
/// exactly once per open(); do not delete the client inside a slot (use deleteLater()).
class SmtpClient : public QObject
{
    Q_OBJECT

public:
    /// The session's state, named after the protocol phases.
    enum State
    {
        Disconnected,   ///< not connected (or finished)
        Connecting,     ///< TCP (and implicit TLS) under way
        Greeting,       ///< waiting for the server's 220
        Handshake,      ///< EHLO/HELO, STARTTLS and EHLO again
        Authenticating, ///< SMTP AUTH exchange
        Ready,          ///< ready for transactions; sending queued messages
        Quitting,       ///< QUIT sent
    };
    Q_ENUM(State)

    /// A client on a real network Connection.
    explicit SmtpClient(QObject *parent = nullptr);
    /// A client on @p transport, which it owns (tests inject a fake transport).
    explicit SmtpClient(std::unique_ptr<LineTransport> transport, QObject *parent = nullptr);
    ~SmtpClient() override;

    /// Settings for the next open().
    void setSettings(const SmtpSettings &settings) { m_settings = settings; }
    /// Connects and logs in; emits ready() or sessionFinished() with an error.
    void open();
    /// Queues a message; returns its id (reported in messageDataSent/messageFinished).
    int send(const SmtpMessage &message);
    /// The id the next send() or probeRelay() will return (its signals may come before
    /// send() returns).
    int nextId() const { return m_nextId; }
    /// Queues a relay probe: MAIL FROM @p sender, RCPT TO @p recipient, RSET. Sends no mail.
    int probeRelay(const QByteArray &sender, const QByteArray &recipient);
    /// Sends QUIT once every queued message is done; emits sessionFinished().
    void quit();
    /// Drops the connection at once; unfinished messages fail; emits sessionFinished().
    void abort();

    State state() const { return m_state; }
    /// The capabilities from the last EHLO (after STARTTLS, only those announced over TLS).
    const SmtpCapabilities &capabilities() const { return m_caps; }
    /// The local address of the connection (valid after ready()).
    QHostAddress localAddress() const { return m_transport->localAddress(); }
    /// True when the session is protected by TLS.
    bool isEncrypted() const { return m_transport->isEncrypted(); }
    /// True when messages go with BDAT (CHUNKING and PIPELINING offered and allowed).
    bool usesChunking() const { return chunking(); }
    /// The mechanism AUTH used, empty when none.
    QByteArray authMechanism() const { return m_mechanism; }

Q_SIGNALS:
    /// Connected, greeted, TLS and AUTH done: messages can go.
    void ready();
    /// @p sent bytes of message @p id's body were read and handed to the connection.
    void messageProgress(int id, qint64 sent, qint64 total);
    /// The end of message @p id's data is written; its outcome is still to come.
    /// (Journal "data sent, awaiting reply" here: a failure from now on may mean delivered.)
    void messageDataSent(int id);
    /// Message @p id is finished: sent, refused, or failed with the session.
    void messageFinished(const Outpost::SmtpResult &result);
    /// A relay probe is finished.
    void relayProbeFinished(const Outpost::SmtpProbeResult &result);
    /// The session is over: no error after a clean QUIT, else why it failed. Exactly once.
    void sessionFinished(const Outpost::NetError &error);
    /// One transcript line ("C: ...", "S: ...", "*: ..."), credentials masked.
    void transcript(const QString &line);

private:
    enum class Step
    {
        Greeting,
        Ehlo,
        Helo,
        StartTls,
        Auth,
        Mail,
        Rcpt,
        Data,
        DataEnd,
        Bdat,
        Rset,
        Quit,
    };
    struct Expect
    {
        Step step;
        int job = 0;
        int index = 0;
    };
    enum class JobPhase
    {
        Queued,
        Envelope, ///< MAIL/RCPT/DATA under way
        Streaming,
        AwaitingDataReply,
        Done,
    };
    struct Job
    {
        int id = 0;
        bool probe = false;
        SmtpMessage message;
        JobPhase phase = JobPhase::Queued;
        SmtpReply mailReply;
        bool mailAccepted = false;
        bool abandonData = false; ///< 354 came although nothing can be sent: end it empty
        SmtpResult result;
        SmtpProbeResult probeResult;
        qint64 total = 0;
        qint64 read = 0;
    };

    void onReady();
    void onLine(const QByteArray &line);
    void onFailed(const NetError &error);
    void onClosed();
    void handleReply(const SmtpReply &reply);
    void handleHandshake(const Expect &expect, const SmtpReply &reply);
    void handleAuth(const SmtpReply &reply);
    void handleTransaction(const Expect &expect, const SmtpReply &reply);
    void sendCommand(const QByteArray &command, Step step, int job = 0, int index = 0,
                     const QByteArray &shownAs = {});
    void sendEhlo();
    void afterEhlo();
    void startAuth();
    void becomeReady();
    void startNext();
    void sendEnvelope(Job &job);
    void continueEnvelope(Job &job, int rcptDone);
    void pump();
    void finishJob(Job &job);
    void failJob(Job &job, const NetError &error);
    void maybeQuit();
    void finishSession(const NetError &error);
    void updateIdle();
    void dataWritten(Job &job);
    void failEnvelope(Job &job);
    bool pipelining() const { return m_caps.pipelining && m_settings.usePipelining; }
    bool chunking() const { return pipelining() && m_caps.chunking && m_settings.useChunking; }
    Job *job(int id);
    NetError replyError(const SmtpReply &reply, SmtpStage stage, const QString &message) const;

    SmtpSettings m_settings;
    std::unique_ptr<LineTransport> m_transport; ///< owned: a Connection unless injected
    SmtpReplyParser m_parser;
    SmtpCapabilities m_caps;
    SmtpDataEncoder m_encoder;
    State m_state = Disconnected;
    std::deque<Expect> m_expects;
    std::deque<Job> m_jobs;
    int m_nextId = 1;
    int m_streaming = 0;    ///< id of the job whose data is being written, 0 when none
    int m_transactions = 0; ///< envelopes sent in this session
    QByteArray m_mechanism;
    int m_authStep = 0;
    bool m_quitRequested = false;
    bool m_quitSent = false;
    bool m_finished = false;
    bool m_startTlsDone = false;
};

} // namespace Outpost

Q_DECLARE_METATYPE(Outpost::SmtpResult)
Q_DECLARE_METATYPE(Outpost::SmtpProbeResult)
