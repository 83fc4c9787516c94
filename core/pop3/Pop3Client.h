#pragma once

#include "net/CapabilityCache.h"
#include "net/LineTransport.h"
#include "pop3/Pop3MultiLineReader.h"
#include "pop3/Pop3Response.h"

#include <QDateTime>
#include <QIODevice>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>

namespace Outpost {

/// How to reach and log in to a POP3 server.
struct Pop3Settings
{
    ConnectionSettings connection;   ///< host, port, TLS, timeouts, local address
    PopLogin login = PopLogin::Auto; ///< APOP, USER/PASS, SASL PLAIN or automatic
    QString user;                    ///< mailbox user name
    QString password;                ///< password (never logged)
    /// Let USER/PASS and SASL PLAIN send the password on a connection without TLS. Off by
    /// default: then only APOP (which sends a digest, never the password) logs in unencrypted.
    bool allowPlainTextPassword = false;
    /// Send commands in groups when the server announces PIPELINING (RFC 2449 section 6.6).
    bool usePipelining = true;
    /// The capabilities remembered from earlier sessions (may be null: always ask). When the
    /// greeting is the one remembered, CAPA is skipped; at any sign of change (an -ERR or a
    /// failure after skipping it) the entry is forgotten and, before the login, the client
    /// connects once more and asks. TLS and the plain-text rule never depend on it.
    std::shared_ptr<CapabilityCache> capabilityCache;
};

/// One entry of a UIDL listing.
struct Pop3Uid
{
    int number = 0; ///< message number in this session
    QByteArray uid; ///< the server's unique id (RFC 1939 section 7)
    bool operator==(const Pop3Uid &other) const = default;
};

/// An asynchronous POP3 client (RFC 1939, 2449, 2595, 5034).
///
/// Usage: set the settings, connect the signals, call open(), then queue commands (stat(),
/// listUids(), listSizes(), retrieve(), remove(), quit()) at any time, even before the login
/// has finished: they are sent once logged in, in groups when the server pipelines. loggedIn()
/// marks the moment the server accepted the login (this opens a POP-before-SMTP relay window).
/// finished() comes exactly once: with no error after QUIT's +OK (and deletionsCommitted()
/// just before it), else with the failure. Deletions count only after QUIT's +OK (RFC 1939
/// section 6); when the session fails before that, the server keeps every message.
///
/// Servers without UIDL: uidsReceived() comes with supported == false and an empty list.
/// Message numbers are then the only handle, and they are not stable across sessions; the
/// caller should identify messages by content (e.g. a digest of the downloaded message or
/// its Message-ID) and, with "leave on server", expect to download each message once per
/// session unless it recognises it.
class Pop3Client : public QObject
{
    Q_OBJECT

public:
    /// The session's state (RFC 1939 section 3: AUTHORIZATION, TRANSACTION, UPDATE).
    enum State
    {
        Disconnected,  ///< not connected (or finished)
        Connecting,    ///< TCP (and implicit TLS) under way
        Greeting,      ///< waiting for the server's +OK
        Authorization, ///< CAPA, STLS and login
        Transaction,   ///< logged in: commands run
        Update,        ///< QUIT sent
    };
    Q_ENUM(State)

    /// A client on a real network Connection.
    explicit Pop3Client(QObject *parent = nullptr);
    /// A client on @p transport, which it owns (tests inject a fake transport).
    explicit Pop3Client(std::unique_ptr<LineTransport> transport, QObject *parent = nullptr);
    ~Pop3Client() override;

    /// Settings for the next open().
    void setSettings(const Pop3Settings &settings) { m_settings = settings; }
    /// Connects and logs in; emits loggedIn() or finished() with an error.
    void open();
    /// "Authenticate only": open(), STAT and QUIT (pipelined when the server allows it).
    /// Used to open a POP-before-SMTP relay window without downloading anything.
    void authenticateOnly();
    /// Queues STAT; emits statReceived().
    void stat();
    /// Queues UIDL; emits uidsReceived().
    void listUids();
    /// Queues LIST; emits sizesReceived().
    void listSizes();
    /// Queues RETR @p number, writing the message (unstuffed, CRLF line ends, without the
    /// terminator) to @p sink in chunks; emits messageRetrieved() or requestFailed().
    void retrieve(int number, QIODevice *sink);
    /// Queues DELE @p number; emits markedForDeletion() or requestFailed().
    void remove(int number);
    /// Queues QUIT; emits deletionsCommitted() (when any) and finished().
    void quit();
    /// Drops the connection at once (nothing is deleted on the server); emits finished().
    void abort();

    State state() const { return m_state; }
    /// When the server accepted the login (UTC), invalid before.
    QDateTime loginTime() const { return m_loginTime; }
    /// The local address of the connection (use it for the SMTP connection).
    QHostAddress localAddress() const { return m_transport->localAddress(); }
    /// The capabilities from CAPA (upper-case lines), empty when CAPA is not supported.
    QByteArrayList capabilities() const { return m_capabilities; }
    /// The login method used ("APOP", "USER", "SASL PLAIN"), empty before.
    QByteArray loginMethod() const { return m_loginMethod; }
    /// True when the session is protected by TLS.
    bool isEncrypted() const { return m_transport->isEncrypted(); }

Q_SIGNALS:
    /// The server accepted the login at @p when (UTC).
    void loggedIn(const QDateTime &when);
    /// STAT: @p count messages, @p size octets.
    void statReceived(int count, qint64 size);
    /// UIDL listing; @p supported is false when the server has no UIDL.
    void uidsReceived(const QList<Outpost::Pop3Uid> &uids, bool supported);
    /// LIST: message number to size in octets.
    void sizesReceived(const QMap<int, qint64> &sizes);
    /// RETR progress: @p bytes written to the sink so far.
    void retrieveProgress(int number, qint64 bytes);
    /// Message @p number was written whole to its sink (@p bytes octets).
    void messageRetrieved(int number, qint64 bytes);
    /// DELE @p number was accepted (the deletion happens only at QUIT).
    void markedForDeletion(int number);
    /// QUIT's +OK: these messages are now deleted on the server.
    void deletionsCommitted(const QList<int> &numbers);
    /// RETR or DELE of @p number failed; the session goes on.
    void requestFailed(int number, const Outpost::NetError &error);
    /// The session is over: no error after QUIT's +OK, else why. Exactly once.
    void finished(const Outpost::NetError &error);
    /// One transcript line ("C: ...", "S: ...", "*: ..."), credentials masked.
    void transcript(const QString &line);

private:
    enum class Kind
    {
        Greeting,
        Capa,
        Stls,
        User,
        Pass,
        Apop,
        AuthPlain,
        Stat,
        Uidl,
        List,
        Retr,
        Dele,
        Quit,
    };
    struct Command
    {
        Command(Kind k, const QByteArray &l = {}, const QByteArray &shown = {}, int n = 0,
                QIODevice *s = nullptr)
            : kind(k)
            , line(l)
            , shownAs(shown)
            , number(n)
            , sink(s)
        {}
        Kind kind;
        QByteArray line;
        QByteArray shownAs;
        int number = 0;
        QPointer<QIODevice> sink;
    };

    void onReady();
    void onLine(const QByteArray &line);
    void onFailed(const NetError &error);
    void onClosed();
    void handleStatus(const Command &command, const Pop3Response &response, const QByteArray &line);
    void handleData(const QByteArray &line);
    qsizetype receiveMessageData(QByteArrayView bytes);
    void endData();
    void send(const Command &command);
    void enqueue(const Command &command);
    void flush();
    void startLogin();
    NetError insecureLoginError() const;
    void loginSucceeded();
    void finish(const NetError &error);
    void updateIdle();
    bool pipelining() const;
    void connectToServer();
    QString cacheKey() const;
    bool useKnownCapabilities();
    void loginWithKnownCapabilities();
    void rememberCapabilities();
    bool askAgain(const NetError &error);
    NetError errError(const Pop3Response &response, const QByteArray &line, const QString &message,
                      NetError::Kind fallback) const;

    Pop3Settings m_settings;
    std::unique_ptr<LineTransport> m_transport; ///< owned: a Connection unless injected
    Pop3MultiLineReader m_reader;
    State m_state = Disconnected;
    std::deque<Command> m_queued; ///< user commands not sent yet
    std::deque<Command> m_sent;   ///< commands awaiting their response, oldest first
    bool m_inData = false;        ///< reading the multi-line body of m_sent.front()
    QByteArray m_buffer;          ///< RETR data not yet written to the sink
    qint64 m_bytes = 0;
    bool m_sinkFailed = false;
    QList<Pop3Uid> m_uids;
    QMap<int, qint64> m_sizes;
    QByteArrayList m_capabilities;
    QByteArray m_timestamp;
    QByteArray m_loginMethod;
    QList<int> m_marked;
    QDateTime m_loginTime;
    bool m_capaDone = false;
    bool m_stlsDone = false;
    bool m_loginSent = false;
    bool m_finished = false;
    QByteArray m_greeting;             ///< the greeting line without its APOP timestamp
    KnownServer m_known;               ///< what the cache held when this session used it
    bool m_fromCache = false;          ///< CAPA was skipped: m_known stands for the server's answer
    bool m_askedAgain = false;         ///< this session already reconnected to ask CAPA
    bool m_credentialsRefused = false; ///< an -ERR [AUTH] (RFC 3206) after skipping CAPA
};

} // namespace Outpost

Q_DECLARE_METATYPE(Outpost::Pop3Uid)
