#include "OutboxStore.h"

#include "DurableIo.h"
#include "message/MailDate.h"
#include "message/MessageWriter.h"
#include "message/RedatedMessage.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QThreadPool>

#include <algorithm>
#include <cerrno>
#include <utility>

namespace Outpost {

namespace {

const QString messageFileName = QStringLiteral("message.eml");
const QString stateFileName = QStringLiteral("state.json");
const QString tmpPrefix = QStringLiteral(".tmp-");
const QString trashPrefix = QStringLiteral(".trash-");

const char *const stateNames[] = {"queued", "sending", "deferred", "failed", "may-have-been-sent",
                                  "sent"};

std::optional<OutboxState> stateFromName(const QString &name)
{
    for (int i = 0; i < 6; ++i)
        if (name == QLatin1String(stateNames[i]))
            return OutboxState(i);
    return std::nullopt;
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

/// The digits of @p s from @p at, @p count of them; -1 when one is not a digit.
int digits(const QString &s, qsizetype at, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = s.at(at + i);
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return -1;
        value = value * 10 + (c.unicode() - '0');
    }
    return value;
}

QDateTime fromIsoTime(const QString &s)
{
    if (s.isEmpty())
        return {};
    // The form isoTime() writes, "2026-12-24T09:00:00.000Z", read directly: opening an
    // outbox reads two or three times for each of 10,000 messages, and Qt's general ISO
    // parser made that a third of the desktop program's start-up.
    if (s.size() == 24 && s.at(4) == QLatin1Char('-') && s.at(7) == QLatin1Char('-') &&
        s.at(10) == QLatin1Char('T') && s.at(13) == QLatin1Char(':') &&
        s.at(16) == QLatin1Char(':') && s.at(19) == QLatin1Char('.') &&
        s.at(23) == QLatin1Char('Z')) {
        const int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        const int hour = digits(s, 11, 2), minute = digits(s, 14, 2), second = digits(s, 17, 2);
        const int ms = digits(s, 20, 3);
        const QDate date(year, month, day);
        const QTime time(hour, minute, second, ms);
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.toUTC();
}

/// Writes JSON by hand: a journal line is written for every state change of every message,
/// and building a QJsonObject for each cost a fifth of a bulk send's processor time.
class JsonLine
{
public:
    void key(const char *name)
    {
        m_out += m_first ? "\"" : ",\"";
        m_out += name;
        m_out += "\":";
        m_first = false;
    }
    void string(const char *name, const QString &value)
    {
        key(name);
        quoted(value);
    }
    void number(const char *name, qint64 value)
    {
        key(name);
        m_out += QByteArray::number(value);
    }
    void boolean(const char *name, bool value)
    {
        key(name);
        m_out += value ? "true" : "false";
    }
    void strings(const char *name, const QStringList &values)
    {
        key(name);
        m_out += '[';
        for (qsizetype i = 0; i < values.size(); ++i) {
            if (i > 0)
                m_out += ',';
            quoted(values.at(i));
        }
        m_out += ']';
    }
    /// @p json as it is (already valid JSON).
    void raw(const char *name, const QByteArray &json)
    {
        key(name);
        m_out += json;
    }
    void open(const char *name)
    {
        key(name);
        m_out += '{';
        m_first = true;
    }
    void close()
    {
        m_out += '}';
        m_first = false;
    }
    QByteArray take() { return std::move(m_out); }

private:
    void quoted(const QString &value)
    {
        static const char hex[] = "0123456789abcdef";
        m_out += '"';
        const QByteArray utf8 = value.toUtf8();
        for (const char c : utf8) {
            const auto u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                m_out += '\\';
                m_out += c;
            } else if (u < 0x20) {
                m_out += "\\u00";
                m_out += hex[u >> 4];
                m_out += hex[u & 15];
            } else {
                m_out += c;
            }
        }
        m_out += '"';
    }

    QByteArray m_out = "{";
    bool m_first = true;
};

/// The message's whole state as one line of compact JSON: a journal line, and the
/// state.json a message is queued with (entryFromJson reads both).
QByteArray journalLine(const OutboxEntry &e)
{
    JsonLine j;
    j.number("version", 1);
    j.string("id", e.id);
    j.string("state", OutboxStore::stateName(e.state));
    j.string("queuedAt", isoTime(e.queuedAt));
    j.number("attempts", e.attempts);
    j.boolean("dataComplete", e.dataComplete);
    if (e.nextAttempt.isValid())
        j.string("nextAttempt", isoTime(e.nextAttempt));
    if (!e.lastReply.isEmpty())
        j.string("lastReply", e.lastReply);
    if (e.sentAt.isValid())
        j.string("sentAt", isoTime(e.sentAt));
    if (!e.rejectedRecipients.isEmpty())
        j.strings("rejectedRecipients", e.rejectedRecipients);
    if (e.notBefore.isValid())
        j.string("notBefore", isoTime(e.notBefore));
    if (e.dateAtSend)
        j.boolean("dateAtSend", true);
    if (e.held)
        j.boolean("held", true);
    if (!e.history.isEmpty())
        j.raw("history", e.history.json());
    const Envelope &v = e.envelope;
    j.open("envelope");
    j.string("sender", v.sender);
    j.strings("recipients", v.recipients);
    j.strings("bcc", v.bcc);
    j.string("messageId", QString::fromLatin1(v.messageId));
    j.number("size", v.size);
    j.boolean("8bitmime", v.needs8BitMime);
    j.boolean("smtputf8", v.needsSmtpUtf8);
    if (!v.origin.isEmpty())
        j.string("origin", v.origin);
    j.close();
    QByteArray line = j.take();
    line += "}\n";
    return line;
}

std::optional<OutboxEntry> entryFromJson(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const auto state = stateFromName(o.value(QStringLiteral("state")).toString());
    if (!state)
        return std::nullopt;
    OutboxEntry e;
    e.id = o.value(QStringLiteral("id")).toString();
    e.state = *state;
    e.queuedAt = fromIsoTime(o.value(QStringLiteral("queuedAt")).toString());
    e.nextAttempt = fromIsoTime(o.value(QStringLiteral("nextAttempt")).toString());
    e.attempts = o.value(QStringLiteral("attempts")).toInt();
    e.lastReply = o.value(QStringLiteral("lastReply")).toString();
    e.dataComplete = o.value(QStringLiteral("dataComplete")).toBool();
    e.sentAt = fromIsoTime(o.value(QStringLiteral("sentAt")).toString());
    e.notBefore = fromIsoTime(o.value(QStringLiteral("notBefore")).toString());
    e.dateAtSend = o.value(QStringLiteral("dateAtSend")).toBool();
    e.held = o.value(QStringLiteral("held")).toBool();
    for (const QJsonValue &v : o.value(QStringLiteral("rejectedRecipients")).toArray())
        e.rejectedRecipients.append(v.toString());
    e.envelope = Envelope::fromJson(o.value(QStringLiteral("envelope")).toObject());
    e.history = DeliveryHistory::fromJson(o.value(QStringLiteral("history")).toObject());
    if (e.id.isEmpty() || e.id.startsWith(QLatin1Char('.')) || e.id.contains(QLatin1Char('/')))
        return std::nullopt;
    return e;
}

/// Oldest first; the id orders messages queued in the same millisecond.
bool olderFirst(const QDateTime &aQueued, const QString &aId, const QDateTime &bQueued,
                const QString &bId)
{
    if (aQueued != bQueued)
        return aQueued < bQueued;
    return aId < bId;
}

bool lessByAge(const OutboxEntry &a, const OutboxEntry &b)
{
    return olderFirst(a.queuedAt, a.id, b.queuedAt, b.id);
}

} // namespace

OutboxStore::OutboxStore(const QString &accountDirectory, QObject *parent)
    : QObject(parent)
    , m_accountDirectory(QDir::cleanPath(accountDirectory))
{}

OutboxStore::~OutboxStore()
{
    close();
}

void OutboxStore::close()
{
    // Best effort: every change that needed the disk said so when it was made.
    (void)commit(nullptr);
    m_journal.reset();
    m_lock.reset();
    m_entries.clear();
    m_attempts.clear();
    m_open = false;
}

QString OutboxStore::stateName(OutboxState state)
{
    return QLatin1String(stateNames[int(state)]);
}

QString OutboxStore::outboxDirectory() const
{
    return m_accountDirectory + QStringLiteral("/outbox");
}

QString OutboxStore::sentDirectory() const
{
    return m_accountDirectory + QStringLiteral("/sent");
}

QString OutboxStore::messageDirectory(const QString &id, bool inSent) const
{
    return (inSent ? sentDirectory() : outboxDirectory()) + QLatin1Char('/') + id;
}

void OutboxStore::setIoError(StoreError *error, const QString &what, const QString &detail,
                             bool diskFull) const
{
    if (!error)
        return;
    error->kind = diskFull ? StoreError::Kind::DiskFull : StoreError::Kind::NotWritable;
    error->message =
        diskFull
            ? tr("%1: the disk is full. Free some space and try again; nothing was lost.").arg(what)
            : tr("%1: the folder %2 cannot be written. Check that it exists and that you may "
                 "write to it; nothing was lost.")
                  .arg(what, QDir::toNativeSeparators(m_accountDirectory));
    error->detail = detail;
}

/// Makes equal addresses (and equal recipient lists) of different messages share one copy:
/// most messages of an account have the same sender and many the same recipients, and
/// 10,000 messages held each their own copies (2 MB of the outbox's memory).
class OutboxStore::AddressPool
{
public:
    void share(Envelope &envelope)
    {
        share(envelope.sender);
        share(envelope.recipients);
        share(envelope.bcc);
    }

private:
    void share(QString &text)
    {
        const auto it = m_strings.constFind(text);
        if (it != m_strings.cend())
            text = *it;
        else
            m_strings.insert(text);
    }
    void share(QStringList &list)
    {
        if (list.isEmpty()) {
            list = QStringList(); // no allocation kept for an empty list
            return;
        }
        const auto it = m_lists.constFind(list);
        if (it != m_lists.cend()) {
            list = *it;
            return;
        }
        for (QString &text : list)
            share(text);
        m_lists.insert(list);
    }

    QSet<QString> m_strings;
    QSet<QStringList> m_lists;
};

OutboxStore::Record OutboxStore::Record::from(OutboxEntry &&entry, bool inSent)
{
    Record r;
    r.envelope = std::move(entry.envelope);
    r.queuedAt = entry.queuedAt;
    r.nextAttempt = entry.nextAttempt;
    r.sentAt = entry.sentAt;
    r.notBefore = entry.notBefore;
    r.dateAtSend = entry.dateAtSend;
    r.held = entry.held;
    if (!entry.lastReply.isEmpty() || !entry.rejectedRecipients.isEmpty() ||
        !entry.history.isEmpty())
        r.remarks = std::make_shared<const Remarks>(Remarks{std::move(entry.lastReply),
                                                            std::move(entry.rejectedRecipients),
                                                            std::move(entry.history)});
    r.attempts = entry.attempts;
    r.state = entry.state;
    r.dataComplete = entry.dataComplete;
    r.inSent = inSent;
    return r;
}

OutboxEntry OutboxStore::Record::entry(const QString &id) const
{
    OutboxEntry e;
    e.id = id;
    e.state = state;
    e.envelope = envelope;
    e.queuedAt = queuedAt;
    e.nextAttempt = nextAttempt;
    e.attempts = attempts;
    if (remarks) {
        e.lastReply = remarks->lastReply;
        e.rejectedRecipients = remarks->rejectedRecipients;
        e.history = remarks->history;
    }
    e.dataComplete = dataComplete;
    e.sentAt = sentAt;
    e.notBefore = notBefore;
    e.dateAtSend = dateAtSend;
    e.held = held;
    return e;
}

bool OutboxStore::Record::isDue(const QDateTime &now) const
{
    return !inSent && (!notBefore.isValid() || notBefore <= now) &&
           (state == OutboxState::Queued ||
            (state == OutboxState::Deferred && (!nextAttempt.isValid() || nextAttempt <= now)));
}

OutboxEntry OutboxStore::withPath(const QString &id, const Record &record) const
{
    OutboxEntry e = record.entry(id);
    e.messagePath = messageDirectory(id, record.inSent) + QLatin1Char('/') + messageFileName;
    return e;
}

QString OutboxStore::journalPath() const
{
    return m_accountDirectory + QStringLiteral("/outbox.journal");
}

std::optional<OutboxEntry> OutboxStore::readState(const QString &directory) const
{
    QFile file(directory + QLatin1Char('/') + stateFileName);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    std::optional<OutboxEntry> e = entryFromJson(file.readAll());
    if (!e)
        return std::nullopt;
    e->messagePath = directory + QLatin1Char('/') + messageFileName;
    if (!QFile::exists(e->messagePath))
        return std::nullopt;
    return e;
}

QHash<QString, OutboxEntry> OutboxStore::readJournal(bool *damaged, AddressPool &addresses)
{
    QHash<QString, OutboxEntry> last;
    m_journalRecords = 0;
    *damaged = false;
    QFile file(journalPath());
    if (!file.open(QIODevice::ReadOnly))
        return last;
    const QByteArray data = file.readAll();
    qsizetype from = 0;
    while (from < data.size()) {
        const qsizetype end = data.indexOf('\n', from);
        if (end < 0) {
            *damaged = true; // an append cut short: that change never counted
            break;
        }
        std::optional<OutboxEntry> e = entryFromJson(data.mid(from, end - from));
        from = end + 1;
        ++m_journalRecords;
        if (!e) {
            *damaged = true; // the later lines still hold
            continue;
        }
        addresses.share(e->envelope);
        const QString id = e->id;
        last.insert(id, std::move(*e));
    }
    return last;
}

bool OutboxStore::open(StoreError *error)
{
    m_entries.clear();
    m_attempts.clear();
    m_journal.reset();
    m_uncommitted = false;
    m_report = {};
    for (const QString &dir : {outboxDirectory(), sentDirectory()}) {
        if (!QDir().mkpath(dir)) {
            setIoError(error, tr("The outbox cannot be opened"), dir, false);
            return false;
        }
    }
    // One writer at a time: two programs appending to (and compacting) one journal, or
    // "recovering" each other's messages in flight, could lose a change or send twice.
    m_lock = std::make_unique<QLockFile>(m_accountDirectory + QStringLiteral("/outbox.lock"));
    m_lock->setStaleLockTime(0); // stale only when its process is gone, never by age
    m_readOnly = !m_lock->tryLock(0);
    m_lockHolder = 0;
    if (m_readOnly) {
        QString host, application;
        m_lock->getLockInfo(&m_lockHolder, &host, &application);
    }
    // For loading only (the copies stay shared without it), applied as each message is
    // read, so that the copies given up leave no holes between the ones kept.
    AddressPool addresses;
    bool journalDamaged = false;
    QHash<QString, OutboxEntry> journal = readJournal(&journalDamaged, addresses);
    bool rewrite = journalDamaged;
    const QStringList known = {messageFileName, stateFileName};
    // Both listings first: recovery moves folders from one to the other.
    const QDir bases[] = {QDir(outboxDirectory()), QDir(sentDirectory())};
    const QStringList listings[] = {
        bases[0].entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::NoSort),
        bases[1].entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::NoSort)};
    for (const bool inSent : {false, true}) {
        const QDir &base = bases[inSent];
        for (const QString &name : listings[inSent]) {
            const QString path = base.filePath(name);
            if (name.startsWith(tmpPrefix) || name.startsWith(trashPrefix)) {
                // An unfinished queueing (never reported as queued) or deletion.
                QDir(path).removeRecursively();
                ++m_report.removedTemporary;
                continue;
            }
            std::optional<OutboxEntry> entry;
            if (auto it = journal.find(name); it != journal.end()) {
                entry = std::move(*it);
            } else {
                // Queued, and the crash came before its journal line (or a profile from
                // before the journal): the state it was queued with. A folder of the old
                // layout may hold the temporary file of an interrupted state write.
                const QStringList files = QDir(path).entryList(QDir::Files | QDir::Hidden);
                for (const QString &file : files)
                    if (!known.contains(file))
                        QFile::remove(QDir(path).filePath(file));
                entry = readState(path);
                if (entry)
                    addresses.share(entry->envelope);
                if (entry && inSent)
                    entry->state = OutboxState::Sent; // only a sent message gets there
                rewrite = true;
            }
            if (!entry || entry->id != name) {
                m_report.damaged.append(name);
                continue;
            }
            if (entry->state == OutboxState::Sending && !m_readOnly) {
                // The journal decides: before the end of data nothing was delivered.
                DeliveryAttempt attempt;
                attempt.endedAt = m_now().toUTC();
                if (entry->dataComplete) {
                    entry->state = OutboxState::MayHaveBeenSent;
                    m_report.mayHaveBeenSent.append(name);
                    attempt.outcome = DeliveryAttempt::Outcome::MayHaveBeenSent;
                    attempt.reply = tr("Outpost stopped after the whole message had gone out, "
                                       "before the server confirmed it.");
                } else {
                    entry->state = OutboxState::Queued;
                    m_report.requeued.append(name);
                    attempt.outcome = DeliveryAttempt::Outcome::Interrupted;
                    attempt.reply = tr("Outpost stopped while sending it, before the end of the "
                                       "message; it was not delivered and is sent again.");
                }
                entry->history.add(std::move(attempt));
                rewrite = true;
            }
            const QString id = entry->id; // the key shares the entry's string
            Record record = Record::from(std::move(*entry), inSent);
            const bool wantSent = record.state == OutboxState::Sent;
            if (wantSent != inSent && !m_readOnly) {
                // Recorded as sent but not yet moved (or moved, and the record was lost).
                QString detail;
                if (!move(id, record, wantSent, &detail)) {
                    setIoError(error, tr("The message could not be moved to the Sent folder"),
                               detail, false);
                    return false;
                }
                if (wantSent)
                    m_report.completedMoves.append(name);
            }
            m_entries.insert(id, std::move(record));
        }
    }
    // Lines of messages since deleted, and several lines per message, are left out.
    if (m_readOnly) {
        // Listed as last written; the program holding the outbox does the rest.
    } else if (rewrite || m_journalRecords > 2 * m_entries.size() + 64) {
        if (!compact(error))
            return false;
    } else if (!openJournal(error)) {
        return false;
    }
    m_open = true;
    return true;
}

bool OutboxStore::openJournal(StoreError *error)
{
    auto file = std::make_unique<QFile>(journalPath());
    // Unbuffered: each line goes to the system in one write, whole or not at all. Not in
    // append mode, where Qt asks the file's size before every write: one writer, at the end.
    if (!file->open(QIODevice::ReadWrite | QIODevice::Unbuffered) || !file->seek(file->size())) {
        setIoError(error, tr("The outbox cannot be opened"),
                   file->fileName() + QStringLiteral(": ") + file->errorString(), false);
        return false;
    }
    m_journalSize = file->size();
    m_journal = std::move(file);
    return true;
}

bool OutboxStore::compact(StoreError *error)
{
    m_journal.reset();
    QList<QHash<QString, Record>::const_iterator> all;
    all.reserve(m_entries.size());
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        all.append(it);
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) {
        return olderFirst(a->queuedAt, a.key(), b->queuedAt, b.key());
    });
    QByteArray data;
    for (const auto &it : std::as_const(all))
        data += journalLine(it->entry(it.key()));
    QString detail;
    bool diskFull = false;
    if (!DurableIo::writeAtomically(journalPath(), data, &detail, &diskFull)) {
        setIoError(error, tr("The message states could not be saved"),
                   journalPath() + QStringLiteral(": ") + detail, diskFull);
        openJournal(nullptr);
        return false;
    }
    m_journalRecords = all.size();
    m_uncommitted = false;
    return openJournal(error);
}

bool OutboxStore::refuseWhenReadOnly(StoreError *error) const
{
    if (!m_readOnly)
        return false;
    if (error)
        *error = {StoreError::Kind::NotWritable,
                  tr("Another Outpost program (process %1) is using this account's outbox. "
                     "Close it, or send and queue from it; nothing was changed.")
                      .arg(m_lockHolder),
                  m_accountDirectory};
    return true;
}

bool OutboxStore::append(const OutboxEntry &entry, Flush flush, StoreError *error)
{
    if (refuseWhenReadOnly(error))
        return false;
    if (!m_journal && !openJournal(error))
        return false;
    const QByteArray line = journalLine(entry);
    errno = 0;
    const bool written = m_journal->write(line) == line.size();
    const int writeErrno = errno;
    m_uncommitted = m_uncommitted || written;
    if (!written || (flush == Flush::Now && !commit(nullptr))) {
        // Taken back, so the journal never holds a change the caller was told failed.
        const bool full = writeErrno == ENOSPC || writeErrno == EFBIG ||
                          DurableIo::isDiskFull(*m_journal) || DurableIo::lastErrorWasDiskFull();
        const QString detail =
            m_journal->fileName() + QStringLiteral(": ") + m_journal->errorString();
        m_journal->resize(m_journalSize);
        m_journal->seek(m_journalSize);
        setIoError(error, tr("The message state could not be saved"), detail, full);
        return false;
    }
    ++m_journalRecords;
    m_journalSize += line.size();
    return true;
}

bool OutboxStore::commit(StoreError *error)
{
    if (!m_uncommitted || !m_journal)
        return true;
    if (!DurableIo::syncFile(m_journal.get())) {
        setIoError(error, tr("The message state could not be saved"),
                   m_journal->fileName() + QStringLiteral(": ") + m_journal->errorString(),
                   DurableIo::lastErrorWasDiskFull());
        return false;
    }
    m_uncommitted = false;
    if (m_journalRecords > 2 * m_entries.size() + 1024)
        compact(nullptr); // the lines are on the disk either way; a failure can wait
    return true;
}

bool OutboxStore::move(const QString &id, Record &record, bool toSent, QString *detail)
{
    // No flush needed: the journal says where the folder belongs, and open() puts it there.
    const QString from = messageDirectory(id, record.inSent);
    const QString to = messageDirectory(id, toSent);
    if (!DurableIo::rename(from, to, detail))
        return false;
    record.inSent = toSent;
    return true;
}

QString OutboxStore::newId() const
{
    while (true) {
        const QString id =
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmsszzz")) +
            QLatin1Char('-') +
            QString::number(QRandomGenerator::global()->bounded(0x10000), 16)
                .rightJustified(4, QLatin1Char('0'));
        if (!m_entries.contains(id) && !m_inFlight.contains(id) &&
            !QFile::exists(messageDirectory(id, false)))
            return id;
    }
}

std::optional<OutboxStore::Pending> OutboxStore::prepareQueued(const QueueOptions &options,
                                                               StoreError *error)
{
    if (!m_open && !open(error))
        return std::nullopt;
    if (refuseWhenReadOnly(error))
        return std::nullopt;
    Pending pending;
    pending.entry.id = newId();
    pending.entry.state = OutboxState::Queued;
    pending.entry.queuedAt = m_now().toUTC();
    if (options.notBefore.isValid()) {
        pending.entry.notBefore = options.notBefore.toUTC();
        pending.entry.dateAtSend = true;
        pending.entry.held = options.held;
    }
    pending.tmpDir = outboxDirectory() + QLatin1Char('/') + tmpPrefix + pending.entry.id;
    pending.finalDir = messageDirectory(pending.entry.id, false);
    return pending;
}

OutboxStore::Written OutboxStore::writeQueued(const Pending &pending, const Producer &produce)
{
    Written out;
    out.entry = pending.entry;
    if (!QDir().mkpath(pending.tmpDir)) {
        out.detail = pending.tmpDir;
        return out;
    }
    QFile file(pending.tmpDir + QLatin1Char('/') + messageFileName);
    std::optional<Envelope> envelope;
    errno = 0;
    if (file.open(QIODevice::WriteOnly))
        envelope = produce(&file, &out.messageError);
    else
        out.messageError = {MessageError::Kind::WriteFailed, {}, file.errorString()};
    const int writeErrno = errno;
    const bool synced = envelope && DurableIo::syncFile(&file);
    // Judged before close(), which forgets the error.
    out.diskFull = writeErrno == ENOSPC || writeErrno == EFBIG || DurableIo::isDiskFull(file);
    const QString fileError = file.errorString();
    file.close();
    if (!envelope || !synced) {
        // Nothing was published: the outbox is as before and the caller keeps the message.
        QDir(pending.tmpDir).removeRecursively();
        out.invalid = !envelope && out.messageError.kind != MessageError::Kind::WriteFailed;
        out.detail = out.messageError.detail.isEmpty() ? fileError : out.messageError.detail;
        return out;
    }
    out.entry.envelope = *envelope;
    bool diskFull = false;
    if (!DurableIo::writeAtomically(pending.tmpDir + QLatin1Char('/') + stateFileName,
                                    journalLine(out.entry), &out.detail, &diskFull)) {
        QDir(pending.tmpDir).removeRecursively();
        out.diskFull = diskFull;
        return out;
    }
    // The rename publishes message and state together (both already on disk).
    out.diskFull = false;
    if (!DurableIo::renameDurably(pending.tmpDir, pending.finalDir, &out.detail)) {
        QDir(pending.tmpDir).removeRecursively();
        return out;
    }
    out.ok = true;
    return out;
}

std::optional<QString> OutboxStore::adoptQueued(const Written &written, StoreError *error)
{
    const QString &id = written.entry.id;
    if (!written.ok) {
        if (written.invalid) {
            if (error)
                *error = {StoreError::Kind::InvalidMessage, written.messageError.message,
                          written.messageError.detail};
        } else {
            setIoError(error, tr("The message could not be queued"), written.detail,
                       written.diskFull);
        }
        return std::nullopt;
    }
    // Closed meanwhile: the folder is on the disk with its state, and opening finds it.
    if (!m_open || m_entries.contains(id))
        return id;
    // Its state.json already says it is queued: the journal line need not be flushed.
    append(written.entry, Flush::Later, nullptr);
    OutboxEntry entry = written.entry;
    m_entries.insert(id, Record::from(std::move(entry), false));
    Q_EMIT changed(id);
    return id;
}

std::optional<QString> OutboxStore::queueWith(const Producer &produce, const QueueOptions &options,
                                              StoreError *error)
{
    const std::optional<Pending> pending = prepareQueued(options, error);
    if (!pending)
        return std::nullopt;
    return adoptQueued(writeQueued(*pending, produce), error);
}

std::optional<QString> OutboxStore::queue(const OutgoingMessage &message, StoreError *error,
                                          const QueueOptions &options)
{
    return queueWith(
        [&](QIODevice *out, MessageError *messageError) {
            return MessageWriter::write(message, out, messageError);
        },
        options, error);
}

std::optional<QString> OutboxStore::queueFile(const QString &emlPath, StoreError *error,
                                              const QueueOptions &options)
{
    QFile in(emlPath);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {StoreError::Kind::ReadFailed,
                      tr("The file %1 cannot be read.").arg(QDir::toNativeSeparators(emlPath)),
                      in.errorString()};
        return std::nullopt;
    }
    return queueWith(
        [&](QIODevice *out, MessageError *messageError) {
            return MessageWriter::import(&in, out, messageError);
        },
        options, error);
}

namespace {

std::function<std::optional<Envelope>(QIODevice *, MessageError *)>
submissionProducer(const QByteArray &data, const Envelope &smtp)
{
    return [data, smtp](QIODevice *out, MessageError *messageError) {
        QBuffer in;
        in.setData(data);
        in.open(QIODevice::ReadOnly);
        return MessageWriter::submission(&in, out, smtp, messageError);
    };
}

} // namespace

std::optional<QString> OutboxStore::queueSubmission(const QByteArray &data, const Envelope &smtp,
                                                    StoreError *error, const QueueOptions &options)
{
    return queueWith(submissionProducer(data, smtp), options, error);
}

void OutboxStore::queueSubmissionInBackground(const QByteArray &data, const Envelope &smtp,
                                              Queued done, const QueueOptions &options)
{
    StoreError error;
    const std::optional<Pending> pending = prepareQueued(options, &error);
    QCoreApplication *app = QCoreApplication::instance();
    if (!pending || !app || app->thread() != thread()) {
        // Refused at once, or no event loop to come back to: in this thread.
        const std::optional<QString> id =
            pending ? adoptQueued(writeQueued(*pending, submissionProducer(data, smtp)), &error)
                    : std::nullopt;
        done(id, error);
        return;
    }
    const QString id = pending->entry.id;
    m_inFlight.insert(id);
    QPointer<OutboxStore> self(this);
    QThreadPool::globalInstance()->start([self, app, pending = *pending,
                                          produce = submissionProducer(data, smtp),
                                          done = std::move(done)]() mutable {
        Written written = writeQueued(pending, produce);
        // Back to the store's thread (the application's, checked above), where self is
        // read: the store may be gone by then.
        QMetaObject::invokeMethod(
            app,
            [self, written = std::move(written), done = std::move(done)] {
                if (!self)
                    return;
                self->m_inFlight.remove(written.entry.id);
                StoreError error;
                const std::optional<QString> id = self->adoptQueued(written, &error);
                done(id, error);
            },
            Qt::QueuedConnection);
    });
}

QList<OutboxEntry> OutboxStore::messages() const
{
    QList<OutboxEntry> out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (!it->inSent)
            out.append(withPath(it.key(), *it));
    std::sort(out.begin(), out.end(), lessByAge);
    return out;
}

void OutboxStore::forEachMessage(const std::function<void(const OutboxEntry &)> &visit) const
{
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (!it->inSent)
            visit(it->entry(it.key()));
}

std::array<int, 6> OutboxStore::countByState() const
{
    std::array<int, 6> counts{};
    for (const Record &r : m_entries)
        ++counts[size_t(r.inSent ? OutboxState::Sent : r.state)];
    return counts;
}

QList<OutboxEntry> OutboxStore::sentMessages() const
{
    QList<OutboxEntry> out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it->inSent)
            out.append(withPath(it.key(), *it));
    std::sort(out.begin(), out.end(), lessByAge);
    return out;
}

std::optional<OutboxEntry> OutboxStore::message(const QString &id) const
{
    const auto it = m_entries.constFind(id);
    if (it == m_entries.cend())
        return std::nullopt;
    return withPath(it.key(), *it);
}

bool OutboxStore::isInSent(const QString &id) const
{
    const auto it = m_entries.constFind(id);
    return it != m_entries.cend() && it->inSent;
}

QList<OutboxEntry> OutboxStore::dueMessages(const QDateTime &now) const
{
    QList<OutboxEntry> out;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it->isDue(now) && !m_editing.contains(it.key()))
            out.append(withPath(it.key(), *it));
    std::sort(out.begin(), out.end(), lessByAge);
    return out;
}

int OutboxStore::countDue(const QDateTime &now) const
{
    int due = 0;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        due += it->isDue(now) && !m_editing.contains(it.key()) ? 1 : 0;
    return due;
}

std::shared_ptr<void> OutboxStore::markBeingEdited(const QString &id)
{
    ++m_editing[id];
    // The token may outlive the store (a compose window open while the account goes).
    return std::shared_ptr<void>(nullptr, [store = QPointer<OutboxStore>(this), id](void *) {
        if (!store)
            return;
        const auto it = store->m_editing.find(id);
        if (it != store->m_editing.end() && --*it <= 0)
            store->m_editing.erase(it); // due again (its state never changed)
    });
}

bool OutboxStore::Record::isPlanned(const QDateTime &now, bool holds) const
{
    return !inSent && notBefore.isValid() && notBefore > now && (holds || !held) &&
           (state == OutboxState::Queued || state == OutboxState::Deferred);
}

int OutboxStore::countPlanned(const QDateTime &now) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [&](const Record &r) { return r.isPlanned(now, true); }));
}

int OutboxStore::countWaiting() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [](const Record &r) {
        return !r.inSent && (r.state == OutboxState::Queued || r.state == OutboxState::Deferred ||
                             r.state == OutboxState::Sending);
    }));
}

QDateTime OutboxStore::earliestRetry() const
{
    QDateTime earliest;
    for (const Record &r : m_entries)
        if (!r.inSent && r.state == OutboxState::Deferred && r.nextAttempt.isValid() &&
            (!earliest.isValid() || r.nextAttempt < earliest))
            earliest = r.nextAttempt;
    return earliest;
}

QDateTime OutboxStore::earliestPlanned(const QDateTime &now, bool holds, QString *id) const
{
    QDateTime earliest;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it)
        if (it->isPlanned(now, holds) && (!earliest.isValid() || it->notBefore < earliest)) {
            earliest = it->notBefore;
            if (id)
                *id = it.key();
        }
    return earliest;
}

QDateTime OutboxStore::plannedTime(const QString &id, const QDateTime &now, bool holds) const
{
    const auto it = m_entries.constFind(id);
    return it != m_entries.cend() && it->isPlanned(now, holds) ? it->notBefore : QDateTime();
}

std::unique_ptr<QIODevice> OutboxStore::openMessage(const QString &id, StoreError *error) const
{
    const auto it = m_entries.constFind(id);
    if (it == m_entries.cend()) {
        if (error)
            *error = {StoreError::Kind::NotFound, tr("The message is no longer in the outbox."),
                      id};
        return nullptr;
    }
    const QString path = messageDirectory(id, it->inSent) + QLatin1Char('/') + messageFileName;
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::ReadOnly)) {
        if (error)
            *error = {StoreError::Kind::ReadFailed, tr("The message file cannot be read."),
                      path + QStringLiteral(": ") + file->errorString()};
        return nullptr;
    }
    if (it->dateAtSend && !it->inSent) {
        // Sent later: the Date says when it leaves (the stored bytes stay as they are).
        const QByteArray date = "Date: " + MailDate::format(m_now().toLocalTime()) + "\r\n";
        return std::make_unique<RedatedMessage>(std::move(file), date);
    }
    return file;
}

OutboxStore::Record *OutboxStore::find(const QString &id, StoreError *error)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end()) {
        if (error)
            *error = {StoreError::Kind::NotFound, tr("The message is no longer in the outbox."),
                      id};
        return nullptr;
    }
    return &it.value();
}

bool OutboxStore::transition(const QString &id, std::initializer_list<OutboxState> allowed,
                             const std::function<void(OutboxEntry &)> &change, StoreError *error,
                             Flush flush)
{
    Record *record = find(id, error);
    if (!record)
        return false;
    if (record->inSent ||
        std::find(allowed.begin(), allowed.end(), record->state) == allowed.end()) {
        if (error)
            *error = {StoreError::Kind::InvalidState,
                      tr("This cannot be done to a message that is %1.")
                          .arg(stateName(record->inSent ? OutboxState::Sent : record->state)),
                      id};
        return false;
    }
    OutboxEntry updated = record->entry(id);
    const OutboxState before = record->state;
    change(updated);
    recordAttempt(id, before, updated);
    // The journal first: memory changes only when the file has the new state.
    if (!append(updated, flush, error))
        return false;
    if (updated.state != OutboxState::Sending)
        m_attempts.remove(id);
    *record = Record::from(std::move(updated), false);
    if (record->state == OutboxState::Sent) {
        QString detail;
        if (!move(id, *record, true, &detail)) {
            // Sent all the same (the journal says so); the next start moves it.
            setIoError(error, tr("The message could not be moved to the Sent folder"), detail,
                       false);
            Q_EMIT changed(id);
            return false;
        }
    }
    Q_EMIT changed(id);
    return true;
}

void OutboxStore::recordAttempt(const QString &id, OutboxState before, OutboxEntry &updated)
{
    const OutboxState after = updated.state;
    const bool endsTransaction = before == OutboxState::Sending && after != OutboxState::Sending;
    // A message Outpost fails without a transaction (it gave up, the server cannot take it).
    const bool decided = before != OutboxState::Sending && after == OutboxState::Failed;
    if (!endsTransaction && !decided)
        return;
    DeliveryAttempt attempt;
    attempt.endedAt = m_now().toUTC();
    if (endsTransaction) {
        // Still kept when the journal refuses the change: the attempt has not ended then.
        const AttemptInProgress progress = m_attempts.value(id);
        attempt.startedAt = progress.startedAt;
        attempt.loginAt = progress.context.loginAt;
        attempt.smtpAuth = progress.context.smtpAuth;
        attempt.recipients = progress.recipients;
        attempt.reply = after == OutboxState::Sent ? progress.dataReply : updated.lastReply;
    } else {
        attempt.reply = updated.lastReply;
    }
    switch (after) {
    case OutboxState::Sent:
        attempt.outcome = DeliveryAttempt::Outcome::Sent;
        break;
    case OutboxState::Deferred:
        attempt.outcome = DeliveryAttempt::Outcome::Deferred;
        break;
    case OutboxState::Failed:
        attempt.outcome = DeliveryAttempt::Outcome::Failed;
        break;
    case OutboxState::MayHaveBeenSent:
        attempt.outcome = DeliveryAttempt::Outcome::MayHaveBeenSent;
        break;
    case OutboxState::Queued:
    case OutboxState::Sending:
        attempt.outcome = DeliveryAttempt::Outcome::Interrupted;
        break;
    }
    updated.history.add(std::move(attempt));
}

void OutboxStore::settleUnrecorded(const QString &id)
{
    const auto it = m_entries.find(id);
    if (it == m_entries.end() || it->inSent || it->state != OutboxState::Sending)
        return;
    // What open() makes of the journal's last record for this message.
    it->state = it->dataComplete ? OutboxState::MayHaveBeenSent : OutboxState::Queued;
    m_attempts.remove(id);
    Q_EMIT changed(id);
}

bool OutboxStore::markSending(const QString &id, StoreError *error, const AttemptContext &context)
{
    if (m_editing.contains(id)) {
        // The user is correcting it: the corrected message replaces it, so this one never
        // goes (sent twice otherwise).
        if (error)
            *error = {StoreError::Kind::InvalidState,
                      tr("The message is being corrected and is not sent meanwhile."), id};
        return false;
    }
    const bool ok = transition(
        id, {OutboxState::Queued, OutboxState::Deferred},
        [](OutboxEntry &e) {
            e.state = OutboxState::Sending;
            e.dataComplete = false;
            ++e.attempts;
        },
        error, Flush::Later);
    if (ok)
        m_attempts.insert(id, AttemptInProgress{m_now().toUTC(), context, {}, {}});
    return ok;
}

void OutboxStore::recordReplies(const QString &id,
                                const QList<DeliveryAttempt::Recipient> &recipients,
                                const QString &dataReply)
{
    const auto it = m_attempts.find(id);
    if (it == m_attempts.end())
        return;
    it->recipients = recipients;
    it->dataReply = dataReply;
}

bool OutboxStore::markDataComplete(const QString &id, StoreError *error, Flush flush)
{
    return transition(
        id, {OutboxState::Sending}, [](OutboxEntry &e) { e.dataComplete = true; }, error, flush);
}

bool OutboxStore::markSent(const QString &id, const QStringList &rejectedRecipients,
                           StoreError *error, Flush flush)
{
    return transition(
        id, {OutboxState::Sending},
        [&](OutboxEntry &e) {
            e.state = OutboxState::Sent;
            e.sentAt = m_now().toUTC();
            e.rejectedRecipients = rejectedRecipients;
            e.nextAttempt = {};
        },
        error, flush);
}

bool OutboxStore::defer(const QString &id, const QDateTime &nextAttempt, const QString &reply,
                        StoreError *error)
{
    return transition(
        id, {OutboxState::Sending, OutboxState::Queued, OutboxState::Deferred},
        [&](OutboxEntry &e) {
            e.state = OutboxState::Deferred;
            e.dataComplete = false;
            e.nextAttempt = nextAttempt.toUTC();
            e.lastReply = reply;
        },
        error);
}

bool OutboxStore::fail(const QString &id, const QString &reply, StoreError *error)
{
    return transition(
        id, {OutboxState::Sending, OutboxState::Queued, OutboxState::Deferred},
        [&](OutboxEntry &e) {
            e.state = OutboxState::Failed;
            e.dataComplete = false;
            e.nextAttempt = {};
            e.lastReply = reply;
        },
        error);
}

bool OutboxStore::markMayHaveBeenSent(const QString &id, const QString &reply, StoreError *error)
{
    return transition(
        id, {OutboxState::Sending},
        [&](OutboxEntry &e) {
            e.state = OutboxState::MayHaveBeenSent;
            e.nextAttempt = {};
            e.lastReply = reply;
        },
        error);
}

bool OutboxStore::plan(const QString &id, const QDateTime &notBefore, StoreError *error, bool hold)
{
    return transition(
        id, {OutboxState::Queued, OutboxState::Deferred},
        [&](OutboxEntry &e) {
            // A deferred message planned (or sent now) waits for the plan, not the retry.
            e.state = OutboxState::Queued;
            e.nextAttempt = {};
            e.notBefore = notBefore.isValid() ? notBefore.toUTC() : QDateTime();
            e.dateAtSend = e.dateAtSend || notBefore.isValid();
            e.held = hold && notBefore.isValid(); // a time chosen, or sent now: no hold
        },
        error);
}

bool OutboxStore::requeue(const QString &id, StoreError *error)
{
    return transition(
        id, {OutboxState::Failed, OutboxState::Deferred, OutboxState::MayHaveBeenSent},
        [](OutboxEntry &e) {
            e.state = OutboxState::Queued;
            e.dataComplete = false;
            e.nextAttempt = {};
        },
        error);
}

bool OutboxStore::markAsSent(const QString &id, StoreError *error)
{
    return transition(
        id, {OutboxState::MayHaveBeenSent, OutboxState::Failed},
        [this](OutboxEntry &e) {
            e.state = OutboxState::Sent;
            e.dataComplete = false;
            e.sentAt = m_now().toUTC();
        },
        error);
}

bool OutboxStore::remove(const QString &id, StoreError *error)
{
    const Record *record = find(id, error);
    if (!record)
        return false;
    if (!record->inSent && record->state == OutboxState::Sending) {
        if (error)
            *error = {StoreError::Kind::InvalidState,
                      tr("The message is being sent and cannot be deleted now."), id};
        return false;
    }
    if (refuseWhenReadOnly(error))
        return false;
    // Renamed away first, so a crash leaves either the whole message or a trash folder.
    const QString dir = messageDirectory(id, record->inSent);
    const QString trash = QFileInfo(dir).absolutePath() + QLatin1Char('/') + trashPrefix + id;
    QString detail;
    if (!DurableIo::renameDurably(dir, trash, &detail)) {
        setIoError(error, tr("The message could not be deleted"), detail, false);
        return false;
    }
    QDir(trash).removeRecursively();
    m_entries.remove(id);
    m_attempts.remove(id);
    Q_EMIT changed(id);
    return true;
}

} // namespace Outpost
