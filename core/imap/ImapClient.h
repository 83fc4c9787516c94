#pragma once

#include "imap/ImapResponse.h"
#include "net/LineTransport.h"

#include <QDateTime>
#include <QHash>
#include <QIODevice>
#include <QList>
#include <QObject>
#include <QPointer>

#include <deque>
#include <memory>

namespace Outpost {

/// How to reach and log in to an IMAP server.
struct ImapSettings
{
    ConnectionSettings connection; ///< host, port, TLS, timeouts, local address
    QString user;                  ///< login name
    QString password;              ///< password (never logged)
    /// Let LOGIN and AUTHENTICATE PLAIN send the password on a connection without TLS. Off
    /// by default: then Outpost does not log in unencrypted at all.
    bool allowPlainTextPassword = false;
    /// Send the commands that may go together without waiting (RFC 3501 section 5.5).
    bool usePipelining = true;
};

/// What EXAMINE said about a mailbox (RFC 3501 section 6.3.2).
struct ImapMailboxStatus
{
    quint64 uidValidity = 0; ///< 0 when the server gave none
    quint64 uidNext = 0;     ///< 0 when the server gave none
    quint64 exists = 0;
    bool readOnly = false;
    bool operator==(const ImapMailboxStatus &other) const = default;
};

/// One message of a listing.
struct ImapMessageInfo
{
    quint64 uid = 0;
    qint64 size = -1; ///< RFC822.SIZE, -1 when not given
    /// Header fields that identify the message across a UIDVALIDITY change (Message-ID,
    /// Date, From, Subject: as the server sent them), when asked for.
    QByteArray identity;
    bool operator==(const ImapMessageInfo &other) const = default;
};

/// An asynchronous IMAP client (RFC 3501 IMAP4rev1; RFC 9051 IMAP4rev2 servers speak the
/// same commands), for the two jobs of Outpost's receive stage: logging in (a POP-or-IMAP
/// before SMTP relay window opens) and downloading new mail without changing the mailbox.
/// It never sends a command that changes the server's mailbox: EXAMINE (read-only) and
/// BODY.PEEK leave \Seen alone; there is no STORE, EXPUNGE, COPY or DELETE.
///
/// Usage: set the settings, connect the signals, call open(), then queue commands
/// (examine(), listMessages(), fetchMessage(), logout()) at any time, even before the login
/// has finished: they are sent once logged in, together with the login when pipelining.
/// loggedIn() marks the moment the server accepted the login. finished() comes exactly
/// once: with no error after LOGOUT, else with the failure.
class ImapClient : public QObject
{
    Q_OBJECT

public:
    /// The connection's state (RFC 3501 section 3).
    enum State
    {
        Disconnected,     ///< not connected (or finished)
        Connecting,       ///< TCP (and implicit TLS) under way
        Greeting,         ///< waiting for the server's greeting
        NotAuthenticated, ///< CAPABILITY, STARTTLS and the login
        Authenticated,    ///< logged in
        Selected,         ///< a mailbox is open (read-only)
        Logout,           ///< LOGOUT sent
    };
    Q_ENUM(State)

    /// A client on a real network Connection.
    explicit ImapClient(QObject *parent = nullptr);
    /// A client on @p transport, which it owns (tests inject a fake transport).
    explicit ImapClient(std::unique_ptr<LineTransport> transport, QObject *parent = nullptr);
    ~ImapClient() override;

    void setSettings(const ImapSettings &settings) { m_settings = settings; }
    /// Connects and logs in; emits loggedIn() or finished() with an error.
    void open();
    /// "Authenticate only": open() and LOGOUT, sent together with the login when the
    /// server's capabilities are known from its greeting.
    void authenticateOnly();
    /// Queues EXAMINE @p mailbox; emits mailboxOpened() or mailboxFailed().
    void examine(const QByteArray &mailbox = QByteArrayLiteral("INBOX"));
    /// Queues UID FETCH firstUid:* for the UID and size (and the identity headers when
    /// @p withIdentity); emits messagesListed() with the messages whose UID >= @p firstUid,
    /// or mailboxFailed().
    void listMessages(quint64 firstUid, bool withIdentity);
    /// Queues UID FETCH @p uid BODY.PEEK[], writing the message to @p sink in chunks as it
    /// arrives; emits messageFetched() or fetchFailed().
    void fetchMessage(quint64 uid, QIODevice *sink);
    /// Queues LOGOUT; emits finished().
    void logout();
    /// Drops the connection at once; emits finished() with a "cancelled" error.
    void abort();

    State state() const { return m_state; }
    QDateTime loginTime() const { return m_loginTime; }
    QHostAddress localAddress() const { return m_transport->localAddress(); }
    /// The server's capabilities (upper case), empty before they are known.
    QByteArrayList capabilities() const { return m_capabilities; }
    /// The login method used ("LOGIN", "AUTHENTICATE PLAIN", "PREAUTH"), empty before.
    QByteArray loginMethod() const { return m_loginMethod; }
    bool isEncrypted() const { return m_transport->isEncrypted(); }

Q_SIGNALS:
    /// The server accepted the login at @p when (UTC).
    void loggedIn(const QDateTime &when);
    void mailboxOpened(const Outpost::ImapMailboxStatus &status);
    /// EXAMINE or a listing failed; the session goes on (LOGOUT is still due).
    void mailboxFailed(const Outpost::NetError &error);
    void messagesListed(const QList<Outpost::ImapMessageInfo> &messages);
    /// Progress of a fetch: @p bytes written to the sink so far.
    void fetchProgress(quint64 uid, qint64 bytes);
    /// The message @p uid was written whole to its sink (@p bytes octets).
    void messageFetched(quint64 uid, qint64 bytes);
    void fetchFailed(quint64 uid, const Outpost::NetError &error);
    /// The server's [ALERT] text, which RFC 3501 says must be shown to the user.
    void alert(const QString &text);
    /// The session is over: no error after LOGOUT, else why. Exactly once.
    void finished(const Outpost::NetError &error);
    /// One transcript line ("C: ...", "S: ...", "*: ..."), credentials masked.
    void transcript(const QString &line);

private:
    enum class Kind
    {
        Capability,
        StartTls,
        Login,
        Authenticate,
        Examine,
        List,
        Fetch,
        Logout,
    };
    struct Command
    {
        Command(Kind k, QByteArrayList p, QByteArray shown = {})
            : kind(k)
            , parts(std::move(p))
            , shownAs(std::move(shown))
        {}
        Kind kind;
        QByteArrayList parts; ///< the command's lines; each after the first waits for "+"
        QByteArray shownAs;   ///< the transcript's version of the first line (masked)
        quint64 uid = 0;      ///< List: the first UID; Fetch: the message
        QPointer<QIODevice> sink;
        QByteArray tag;
        qsizetype nextPart = 1; ///< the next part to send on a continuation request
        // Fetch: what arrived
        bool bodySeen = false;
        qint64 bodyBytes = 0;
        bool sinkFailed = false;
    };

    void onReady();
    void onLine(const QByteArray &line);
    void onFailed(const NetError &error);
    void onClosed();
    void handle(ImapResponse response);
    void handleUntagged(const ImapResponse &response);
    void handleTagged(Command command, const ImapResponse &response);
    void handleContinuation(const ImapResponse &response);
    void handleFetch(const ImapResponse &response);
    void takeLiteral();
    qsizetype receiveLiteral(QByteArrayView bytes);
    void literalDone();
    void send(Command command);
    void enqueue(Command command);
    void flush();
    void nextLoginStep();
    void sendLogin();
    void loginSucceeded(const QByteArray &method);
    void finish(const NetError &error);
    void updateIdle();
    /// The outstanding UID FETCH of @p uid, or nullptr.
    Command *fetchOf(quint64 uid);
    NetError refusal(const ImapResponse &response, const QString &message,
                     NetError::Kind kind) const;

    ImapSettings m_settings;
    std::unique_ptr<LineTransport> m_transport; ///< owned: a Connection unless injected
    ImapResponseReader m_reader;
    State m_state = Disconnected;
    std::deque<Command> m_queued; ///< user commands not sent yet
    std::deque<Command> m_sent;   ///< commands awaiting their tagged response, oldest first
    int m_tagCounter = 0;
    QByteArrayList m_capabilities;
    bool m_capabilitiesKnown = false;
    bool m_tlsDone = false;
    bool m_loginSent = false;
    bool m_logoutSent = false;
    QByteArray m_loginMethod;
    QDateTime m_loginTime;
    ImapMailboxStatus m_mailbox;
    QList<ImapMessageInfo> m_listing;   ///< listed so far by the outstanding listings
    QHash<quint64, quint64> m_seqToUid; ///< sequence number -> UID, from FETCH responses
    QByteArray m_literalTag;            ///< the command a streamed literal belongs to
    NetError m_byeError;                ///< an untagged BYE that was not the answer to LOGOUT
    bool m_finished = false;
    // A literal being received
    qint64 m_literalLeft = -1;
    bool m_literalStreamed = false;
    QByteArray m_literal; ///< kept literal, or streamed bytes not yet written to the sink
};

} // namespace Outpost

Q_DECLARE_METATYPE(Outpost::ImapMailboxStatus)
Q_DECLARE_METATYPE(Outpost::ImapMessageInfo)
