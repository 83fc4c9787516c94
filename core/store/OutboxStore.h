#pragma once

#include "DeliveryHistory.h"
#include "StoreError.h"
#include "message/Envelope.h"
#include "message/MessageError.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <array>
#include <functional>
#include <memory>
#include <optional>

class QFile;
class QLockFile;
class QIODevice;

namespace Outpost {

struct OutgoingMessage;

/// Where a message is in its life. Only Queued and due Deferred messages are sent.
enum class OutboxState
{
    Queued,          ///< waiting for the next cycle
    Sending,         ///< an SMTP transaction for it is under way
    Deferred,        ///< a transient failure; retried at nextAttempt
    Failed,          ///< a permanent failure, with the server's words
    MayHaveBeenSent, ///< the end of its data went out but no reply was recorded
    Sent,            ///< accepted by the server; kept in the Sent folder
};

/// One message of the outbox or the Sent folder, as recorded on disk.
struct OutboxEntry
{
    QString id;
    OutboxState state = OutboxState::Queued;
    Envelope envelope;
    QDateTime queuedAt;             ///< UTC; the sending order
    QDateTime nextAttempt;          ///< UTC; for Deferred
    int attempts = 0;               ///< SMTP transactions started
    QString lastReply;              ///< the server's last words (Deferred, Failed)
    bool dataComplete = false;      ///< journal: the end of data was written, reply pending
    QDateTime sentAt;               ///< UTC; for Sent
    QStringList rejectedRecipients; ///< recipients the server refused while accepting others
    QString messagePath;            ///< the .eml: exactly the bytes to send (filled in copies)
    QDateTime notBefore;            ///< UTC; "send later": not sent before this (invalid: now)
    bool dateAtSend = false;        ///< the Date field is set when the message leaves
    bool held = false;              ///< undo send: held until notBefore, then sent as usual
    DeliveryHistory history;        ///< every attempt at delivering it, oldest first
    // A new field needs a place in OutboxStore::Record and in the journal's lines too.
};

/// How a message is queued (OutboxStore::QueueOptions).
struct OutboxQueueOptions
{
    /// "Send later": the message is not sent before this time (invalid: as soon as
    /// possible), and its Date field is set when it leaves.
    QDateTime notBefore;
    /// Undo send: @p notBefore ends a hold rather than a plan; when it ends the message
    /// goes as any other (at once for an account that sends immediately).
    bool held = false;
};

/// How an attempt at sending a message is made, for its delivery history
/// (OutboxStore::AttemptContext).
struct OutboxAttemptContext
{
    QDateTime loginAt;     ///< the POP login that opened the relay window (invalid: none)
    bool smtpAuth = false; ///< the SMTP session is authenticated
};

/// The outbox of one account: each message is a folder holding its bytes, and every state
/// change is a line appended to one journal file. Queueing is atomic (a temporary folder,
/// flushed to disk, renamed); a state change is one append, flushed at once or, for the
/// changes a cycle makes message after message, together with others by commit(). open()
/// recovers from a crash at any moment: the last record of each message decides, and a
/// message caught while being sent goes back to the queue or, when the end of its data may
/// have gone out, to "may have been sent".
///
/// On disk, under the account folder:
///   outbox/<id>/message.eml   the bytes to send (never rewritten)
///   outbox/<id>/state.json    the message's state when it was queued (never rewritten)
///   sent/<id>/...             the same, moved there by one rename when sent
///   outbox/.tmp-<id>/         a queueing in progress (removed by recovery)
///   outbox.journal            one JSON line per change: the message's whole new state; the
///                             last line of a message wins. Rewritten as one line per
///                             message when it has grown (at open, or past twice the
///                             messages), so reading it stays one quick pass.
class OutboxStore : public QObject
{
    Q_OBJECT

public:
    /// When a state change must be on the disk.
    enum class Flush
    {
        Now,   ///< before the call returns
        Later, ///< at the next commit() (or any change flushed Now)
    };

    /// What open() found after an interrupted run.
    struct RecoveryReport
    {
        QStringList requeued;        ///< were Sending before the end of data: Queued again
        QStringList mayHaveBeenSent; ///< were Sending after the end of data
        QStringList completedMoves;  ///< were Sent but not yet moved to the Sent folder
        int removedTemporary = 0;    ///< unfinished queueings and deletions cleaned up
        QStringList damaged;         ///< folders that could not be read (left untouched)
    };

    /// The store for the account whose folder is @p accountDirectory (Profile::accountDirectory()).
    explicit OutboxStore(const QString &accountDirectory, QObject *parent = nullptr);
    ~OutboxStore() override;

    /// Creates the folders, recovers from an interrupted run and loads the messages. One
    /// program at a time changes an outbox (outbox.lock); while another holds it, the store
    /// opens read-only: it lists the messages as they were last written, recovers nothing,
    /// and every change fails with a clear error.
    bool open(StoreError *error = nullptr);
    /// Flushes what is pending and lets other programs change the outbox (also done when
    /// the store is destroyed).
    void close();
    /// True when another Outpost program has this outbox open for changes.
    bool isReadOnly() const { return m_readOnly; }
    RecoveryReport recoveryReport() const { return m_report; }
    /// Where the times the store records (queued, sent) come from; by default the system's
    /// clock. The scheduler sets its own, so that one clock decides (tests: a manual one).
    void setTimeSource(std::function<QDateTime()> now) { m_now = std::move(now); }
    QString outboxDirectory() const;
    QString sentDirectory() const;

    using QueueOptions = OutboxQueueOptions;

    /// Writes @p message (MessageWriter) into the outbox; returns its id. On failure the
    /// outbox is unchanged and the caller still holds the message.
    [[nodiscard]] std::optional<QString> queue(const OutgoingMessage &message,
                                               StoreError *error = nullptr,
                                               const QueueOptions &options = {});
    /// Queues an existing .eml file (Bcc removed from the bytes, envelope from its headers).
    [[nodiscard]] std::optional<QString> queueFile(const QString &emlPath,
                                                   StoreError *error = nullptr,
                                                   const QueueOptions &options = {});

    /// Queues a message submitted over SMTP (the local relay): @p data as received (CRLF
    /// line ends), @p smtp the envelope the client gave (MessageWriter::submission). On the
    /// disk, flushed, when this returns an id.
    [[nodiscard]] std::optional<QString> queueSubmission(const QByteArray &data,
                                                         const Envelope &smtp,
                                                         StoreError *error = nullptr,
                                                         const QueueOptions &options = {});
    /// What queueSubmissionInBackground() reports: the id once queued, or why not.
    using Queued = std::function<void(const std::optional<QString> &id, const StoreError &error)>;
    /// Like queueSubmission(), but the writing and the flushes to the disk happen on a worker
    /// thread, so that the caller's event loop runs on meanwhile (the relay's clients, the
    /// window). @p done is called later in this store's thread, with the id only once the
    /// message is on the disk and listed; it is not called when the store was destroyed
    /// first (a message that reached the disk is then found when the outbox opens again).
    void queueSubmissionInBackground(const QByteArray &data, const Envelope &smtp, Queued done,
                                     const QueueOptions &options = {});

    /// "Send later" for a message already queued (Queued or Deferred): not sent before
    /// @p notBefore, its Date set when it leaves; an invalid time means "send now" (also for
    /// a deferred message, whose wait ends). One journal line, flushed.
    /// @p hold: the time ends a hold (undo send) rather than a plan.
    bool plan(const QString &id, const QDateTime &notBefore, StoreError *error = nullptr,
              bool hold = false);

    /// Messages not yet sent, oldest first.
    QList<OutboxEntry> messages() const;
    /// How many messages are in each state (the Sent folder's as Sent), without copying them.
    std::array<int, 6> countByState() const;
    /// Messages in the Sent folder, oldest first.
    QList<OutboxEntry> sentMessages() const;
    std::optional<OutboxEntry> message(const QString &id) const;
    /// True when the message is in the Sent folder (false when unknown).
    bool isInSent(const QString &id) const;
    /// Queued messages and Deferred ones whose time has come (and not planned for later),
    /// oldest first.
    QList<OutboxEntry> dueMessages(const QDateTime &now) const;
    /// How many dueMessages() would list (without copying them).
    int countDue(const QDateTime &now) const;
    /// How many Queued or Deferred messages are to be sent later than @p now (send later or
    /// undo send).
    int countPlanned(const QDateTime &now) const;
    /// Calls @p visit for each message not in the Sent folder, in no order and without its
    /// messagePath: cheaper than messages() for a look at thousands.
    void forEachMessage(const std::function<void(const OutboxEntry &)> &visit) const;
    /// Messages not sent yet and not given up on: queued (due or planned), being sent, or
    /// waiting for a retry.
    int countWaiting() const;
    /// The earliest retry time of the Deferred messages (invalid when there is none).
    QDateTime earliestRetry() const;
    /// The earliest "send later" time still to come after @p now (invalid when none); the
    /// ends of holds (undo send) too when @p holds. @p id gets the message's id.
    QDateTime earliestPlanned(const QDateTime &now, bool holds = true, QString *id = nullptr) const;
    /// The time message @p id waits for, as earliestPlanned() counts it; invalid when it
    /// waits for none (unknown, sent, due, or a hold when not @p holds).
    QDateTime plannedTime(const QString &id, const QDateTime &now, bool holds = true) const;
    /// The .eml of a message (outbox or Sent) opened for reading; for a message sent later,
    /// with its Date set to now (RedatedMessage).
    std::unique_ptr<QIODevice> openMessage(const QString &id, StoreError *error = nullptr) const;

    using AttemptContext = OutboxAttemptContext;
    /// Queued/Deferred -> Sending (counts an attempt, which the change out of Sending adds to
    /// the message's history). Never flushed on its own: after a crash an unflushed Sending
    /// is the Queued or Deferred before it, which recovery would make of a flushed one too.
    [[nodiscard]] bool markSending(const QString &id, StoreError *error = nullptr,
                                   const AttemptContext &context = {});
    /// The server's replies in the attempt under way (kept in its history when it ends):
    /// per recipient, and to the data (empty when the data was not answered).
    void recordReplies(const QString &id, const QList<DeliveryAttempt::Recipient> &recipients,
                       const QString &dataReply);
    /// Journals that the end of data is being written and the reply is awaited. It must be
    /// on the disk before the end of the data leaves: with Flush::Later the caller commits
    /// before the bytes go out (a cycle does so once for the messages it writes together).
    [[nodiscard]] bool markDataComplete(const QString &id, StoreError *error = nullptr,
                                        Flush flush = Flush::Now);
    /// Sending -> Sent, moved to the Sent folder (after the server's 250 for the data). With
    /// Flush::Later a crash before the commit leaves it "may have been sent", never resent.
    [[nodiscard]] bool markSent(const QString &id, const QStringList &rejectedRecipients = {},
                                StoreError *error = nullptr, Flush flush = Flush::Now);
    /// Flushes the changes made with Flush::Later (and markSending) to the disk.
    [[nodiscard]] bool commit(StoreError *error = nullptr);
    /// Sending (or Queued) -> Deferred until @p nextAttempt, with the server's reply.
    [[nodiscard]] bool defer(const QString &id, const QDateTime &nextAttempt, const QString &reply,
                             StoreError *error = nullptr);
    /// -> Failed with the server's words.
    [[nodiscard]] bool fail(const QString &id, const QString &reply, StoreError *error = nullptr);
    /// Sending -> MayHaveBeenSent: the connection broke after the end of the data and before
    /// the server's reply, so the server may have accepted it. Never resent automatically.
    [[nodiscard]] bool markMayHaveBeenSent(const QString &id, const QString &reply,
                                           StoreError *error = nullptr);
    /// Failed, Deferred or MayHaveBeenSent -> Queued (the user's "send again").
    [[nodiscard]] bool requeue(const QString &id, StoreError *error = nullptr);
    /// MayHaveBeenSent (or Failed) -> Sent: the user says it went out.
    [[nodiscard]] bool markAsSent(const QString &id, StoreError *error = nullptr);
    /// Deletes a message that is not being sent (outbox or Sent folder).
    [[nodiscard]] bool remove(const QString &id, StoreError *error = nullptr);
    /// The journal could not record what happened to a message being sent (a full disk):
    /// it takes in memory the state the next start will recover it to from the journal's
    /// last record (MayHaveBeenSent when its end of data was journaled, else Queued), so
    /// memory and disk agree and the user can act on it. Nothing is written.
    void settleUnrecorded(const QString &id);

    /// Keeps message @p id out of every cycle while the user corrects it (Edit): it is not
    /// due and is never marked Sending until the last copy of the returned token is gone.
    /// Kept in memory only: after a crash the message simply waits again as it was.
    [[nodiscard]] std::shared_ptr<void> markBeingEdited(const QString &id);
    /// True while a token of markBeingEdited() for @p id lives.
    bool isBeingEdited(const QString &id) const { return m_editing.contains(id); }

    static QString stateName(OutboxState state);

Q_SIGNALS:
    /// A message was added, changed state, moved to Sent or removed.
    void changed(const QString &id);

private:
    /// What is kept in memory of a message: its OutboxEntry without the id (the key it is
    /// filed under), without the path (built when asked for) and with the server's words,
    /// which most messages do not have, behind one pointer. Kept as whole entries, 10,000
    /// messages took 3.6 MB.
    struct Record
    {
        struct Remarks
        {
            QString lastReply;
            QStringList rejectedRecipients;
            DeliveryHistory history;
        };
        Envelope envelope;
        QDateTime queuedAt;
        QDateTime nextAttempt;
        QDateTime sentAt;
        QDateTime notBefore;
        std::shared_ptr<const Remarks> remarks; ///< null when both are empty
        int attempts = 0;
        OutboxState state = OutboxState::Queued;
        bool dataComplete = false;
        bool inSent = false; ///< the folder is in sent/
        bool dateAtSend = false;
        bool held = false;

        static Record from(OutboxEntry &&entry, bool inSent);
        /// The entry, without its messagePath.
        OutboxEntry entry(const QString &id) const;
        bool isDue(const QDateTime &now) const;
        /// Waits for a "send later" time after @p now (or a hold's end, when @p holds).
        bool isPlanned(const QDateTime &now, bool holds) const;
    };
    QString messageDirectory(const QString &id, bool inSent) const;
    /// The entry with its messagePath (not kept in memory: 10,000 full paths).
    OutboxEntry withPath(const QString &id, const Record &record) const;
    QString journalPath() const;
    bool append(const OutboxEntry &entry, Flush flush, StoreError *error);
    bool compact(StoreError *error);
    bool openJournal(StoreError *error);
    class AddressPool;
    QHash<QString, OutboxEntry> readJournal(bool *damaged, AddressPool &addresses);
    /// Moves the message's folder to sent/ (or back to outbox/).
    bool move(const QString &id, Record &record, bool toSent, QString *detail);
    std::optional<OutboxEntry> readState(const QString &directory) const;
    using Producer = std::function<std::optional<Envelope>(QIODevice *, MessageError *)>;
    /// A message on its way into the outbox: where it is written and what is known of it.
    struct Pending
    {
        QString tmpDir;    ///< written here first
        QString finalDir;  ///< then renamed to here, which publishes it
        OutboxEntry entry; ///< id, state and time; the envelope comes from the producer
    };
    /// What writing a pending message came to.
    struct Written
    {
        bool ok = false;
        bool invalid = false; ///< the producer refused the message (messageError says why)
        bool diskFull = false;
        QString detail;
        MessageError messageError;
        OutboxEntry entry; ///< with its envelope when ok
    };
    /// Checks that a message may be queued and chooses its id and folders.
    std::optional<Pending> prepareQueued(const QueueOptions &options, StoreError *error);
    /// Writes, flushes and publishes the message's folder. Touches no member: safe on a
    /// worker thread.
    static Written writeQueued(const Pending &pending, const Producer &produce);
    /// Lists a published message (its journal line) or turns a failure into @p error.
    std::optional<QString> adoptQueued(const Written &written, StoreError *error);
    std::optional<QString> queueWith(const Producer &produce, const QueueOptions &options,
                                     StoreError *error);
    QString newId() const;
    Record *find(const QString &id, StoreError *error);
    bool refuseWhenReadOnly(StoreError *error) const;
    bool transition(const QString &id, std::initializer_list<OutboxState> allowed,
                    const std::function<void(OutboxEntry &)> &change, StoreError *error,
                    Flush flush = Flush::Now);
    void setIoError(StoreError *error, const QString &what, const QString &detail,
                    bool diskFull) const;

    QString m_accountDirectory;
    QHash<QString, Record> m_entries;
    std::unique_ptr<QFile> m_journal;  ///< open for appending while the store is open
    qint64 m_journalRecords = 0;       ///< lines in the journal file
    qint64 m_journalSize = 0;          ///< its length (an append that fails is taken back)
    bool m_uncommitted = false;        ///< lines appended but not yet flushed
    std::unique_ptr<QLockFile> m_lock; ///< held while open: one writer per outbox
    bool m_readOnly = false;
    qint64 m_lockHolder = 0; ///< the other program's process id when read-only
    RecoveryReport m_report;
    std::function<QDateTime()> m_now = [] { return QDateTime::currentDateTimeUtc(); };
    bool m_open = false;
    QSet<QString> m_inFlight; ///< ids being written on a worker thread (not yet listed)
    /// The attempts under way (messages Sending): what their history entry will say.
    struct AttemptInProgress
    {
        QDateTime startedAt;
        AttemptContext context;
        QList<DeliveryAttempt::Recipient> recipients;
        QString dataReply;
    };
    QHash<QString, AttemptInProgress> m_attempts;
    /// Adds to @p updated's history the attempt that its change from @p before ends.
    void recordAttempt(const QString &id, OutboxState before, OutboxEntry &updated);
    QHash<QString, int> m_editing; ///< messages being corrected, with their tokens' count
};

} // namespace Outpost
