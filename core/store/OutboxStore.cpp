#include "OutboxStore.h"

#include "DurableIo.h"
#include "message/MessageWriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

#include <algorithm>
#include <cerrno>

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

QDateTime fromIsoTime(const QString &s)
{
    if (s.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    return t.toUTC();
}

QByteArray stateJson(const OutboxEntry &e)
{
    QJsonObject o{{QStringLiteral("version"), 1},
                  {QStringLiteral("id"), e.id},
                  {QStringLiteral("state"), OutboxStore::stateName(e.state)},
                  {QStringLiteral("queuedAt"), isoTime(e.queuedAt)},
                  {QStringLiteral("attempts"), e.attempts},
                  {QStringLiteral("dataComplete"), e.dataComplete},
                  {QStringLiteral("envelope"), e.envelope.toJson()}};
    if (e.nextAttempt.isValid())
        o.insert(QStringLiteral("nextAttempt"), isoTime(e.nextAttempt));
    if (!e.lastReply.isEmpty())
        o.insert(QStringLiteral("lastReply"), e.lastReply);
    if (e.sentAt.isValid())
        o.insert(QStringLiteral("sentAt"), isoTime(e.sentAt));
    if (!e.rejectedRecipients.isEmpty())
        o.insert(QStringLiteral("rejectedRecipients"),
                 QJsonArray::fromStringList(e.rejectedRecipients));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

bool lessByAge(const OutboxEntry &a, const OutboxEntry &b)
{
    if (a.queuedAt != b.queuedAt)
        return a.queuedAt < b.queuedAt;
    return a.id < b.id;
}

} // namespace

OutboxStore::OutboxStore(const QString &accountDirectory, QObject *parent)
    : QObject(parent)
    , m_accountDirectory(QDir::cleanPath(accountDirectory))
{}

OutboxStore::~OutboxStore() = default;

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

std::optional<OutboxEntry> OutboxStore::readState(const QString &directory) const
{
    QFile file(directory + QLatin1Char('/') + stateFileName);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
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
    for (const QJsonValue &v : o.value(QStringLiteral("rejectedRecipients")).toArray())
        e.rejectedRecipients.append(v.toString());
    e.envelope = Envelope::fromJson(o.value(QStringLiteral("envelope")).toObject());
    e.messagePath = directory + QLatin1Char('/') + messageFileName;
    if (e.id.isEmpty() || !QFile::exists(e.messagePath))
        return std::nullopt;
    return e;
}

bool OutboxStore::open(StoreError *error)
{
    m_entries.clear();
    m_report = {};
    for (const QString &dir : {outboxDirectory(), sentDirectory()}) {
        if (!QDir().mkpath(dir)) {
            setIoError(error, tr("The outbox cannot be opened"), dir, false);
            return false;
        }
    }
    const QStringList known = {messageFileName, stateFileName};
    for (const bool inSent : {false, true}) {
        QDir base(inSent ? sentDirectory() : outboxDirectory());
        const QStringList names =
            base.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
        for (const QString &name : names) {
            const QString path = base.filePath(name);
            if (name.startsWith(tmpPrefix) || name.startsWith(trashPrefix)) {
                // An unfinished queueing (never reported as queued) or deletion.
                QDir(path).removeRecursively();
                ++m_report.removedTemporary;
                continue;
            }
            // Leftover temporary files of an interrupted atomic write.
            const QStringList files = QDir(path).entryList(QDir::Files | QDir::Hidden);
            for (const QString &file : files)
                if (!known.contains(file))
                    QFile::remove(QDir(path).filePath(file));
            std::optional<OutboxEntry> entry = readState(path);
            if (!entry || entry->id != name) {
                m_report.damaged.append(name);
                continue;
            }
            bool changedState = false;
            if (!inSent && entry->state == OutboxState::Sending) {
                // The journal decides: before the end of data nothing was delivered.
                if (entry->dataComplete) {
                    entry->state = OutboxState::MayHaveBeenSent;
                    m_report.mayHaveBeenSent.append(name);
                } else {
                    entry->state = OutboxState::Queued;
                    m_report.requeued.append(name);
                }
                changedState = true;
            }
            if (changedState && !writeState(*entry, false, error))
                return false;
            if (!inSent && entry->state == OutboxState::Sent) {
                m_entries.insert(name, {*entry, false});
                if (!moveToSent(*entry, error))
                    return false;
                m_report.completedMoves.append(name);
                continue;
            }
            if (inSent)
                entry->state = OutboxState::Sent;
            m_entries.insert(name, {*entry, inSent});
        }
    }
    m_open = true;
    return true;
}

bool OutboxStore::writeState(const OutboxEntry &entry, bool inSent, StoreError *error)
{
    QString detail;
    bool diskFull = false;
    const QString path = messageDirectory(entry.id, inSent) + QLatin1Char('/') + stateFileName;
    if (!DurableIo::writeAtomically(path, stateJson(entry), &detail, &diskFull)) {
        setIoError(error, tr("The message state could not be saved"),
                   path + QStringLiteral(": ") + detail, diskFull);
        return false;
    }
    return true;
}

bool OutboxStore::moveToSent(OutboxEntry entry, StoreError *error)
{
    QString detail;
    const QString from = messageDirectory(entry.id, false);
    const QString to = messageDirectory(entry.id, true);
    if (!DurableIo::renameDurably(from, to, &detail)) {
        setIoError(error, tr("The message could not be moved to the Sent folder"), detail, false);
        return false;
    }
    entry.messagePath = to + QLatin1Char('/') + messageFileName;
    m_entries.insert(entry.id, {entry, true});
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
        if (!m_entries.contains(id) && !QFile::exists(messageDirectory(id, false)))
            return id;
    }
}

std::optional<QString> OutboxStore::commitQueued(const QString &id, const QString &tmpDir,
                                                 const Envelope &envelope, StoreError *error)
{
    OutboxEntry entry;
    entry.id = id;
    entry.state = OutboxState::Queued;
    entry.envelope = envelope;
    entry.queuedAt = QDateTime::currentDateTimeUtc();
    QString detail;
    bool diskFull = false;
    if (!DurableIo::writeAtomically(tmpDir + QLatin1Char('/') + stateFileName, stateJson(entry),
                                    &detail, &diskFull)) {
        QDir(tmpDir).removeRecursively();
        setIoError(error, tr("The message could not be queued"), detail, diskFull);
        return std::nullopt;
    }
    // The rename publishes message and state together (both already on disk).
    const QString finalDir = messageDirectory(id, false);
    if (!DurableIo::renameDurably(tmpDir, finalDir, &detail)) {
        QDir(tmpDir).removeRecursively();
        setIoError(error, tr("The message could not be queued"), detail, false);
        return std::nullopt;
    }
    entry.messagePath = finalDir + QLatin1Char('/') + messageFileName;
    m_entries.insert(id, {entry, false});
    Q_EMIT changed(id);
    return id;
}

std::optional<QString> OutboxStore::queueWith(const Producer &produce, StoreError *error)
{
    if (!m_open && !open(error))
        return std::nullopt;
    const QString id = newId();
    const QString tmpDir = outboxDirectory() + QLatin1Char('/') + tmpPrefix + id;
    if (!QDir().mkpath(tmpDir)) {
        setIoError(error, tr("The message could not be queued"), tmpDir, false);
        return std::nullopt;
    }
    QFile file(tmpDir + QLatin1Char('/') + messageFileName);
    MessageError messageError;
    std::optional<Envelope> envelope;
    errno = 0;
    if (file.open(QIODevice::WriteOnly))
        envelope = produce(&file, &messageError);
    else
        messageError = {MessageError::Kind::WriteFailed, {}, file.errorString()};
    const int writeErrno = errno;
    const bool synced = envelope && DurableIo::syncFile(&file);
    // Judged before close(), which forgets the error.
    const bool full = writeErrno == ENOSPC || writeErrno == EFBIG || DurableIo::isDiskFull(file);
    const QString fileError = file.errorString();
    file.close();
    if (!envelope || !synced) {
        // Nothing was published: the outbox is as before and the caller keeps the message.
        QDir(tmpDir).removeRecursively();
        if (envelope || messageError.kind == MessageError::Kind::WriteFailed) {
            setIoError(error, tr("The message could not be queued"),
                       messageError.detail.isEmpty() ? fileError : messageError.detail, full);
        } else if (error) {
            *error = {StoreError::Kind::InvalidMessage, messageError.message, messageError.detail};
        }
        return std::nullopt;
    }
    return commitQueued(id, tmpDir, *envelope, error);
}

std::optional<QString> OutboxStore::queue(const OutgoingMessage &message, StoreError *error)
{
    return queueWith(
        [&](QIODevice *out, MessageError *messageError) {
            return MessageWriter::write(message, out, messageError);
        },
        error);
}

std::optional<QString> OutboxStore::queueFile(const QString &emlPath, StoreError *error)
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
        error);
}

QList<OutboxEntry> OutboxStore::messages() const
{
    QList<OutboxEntry> out;
    for (const Located &l : m_entries)
        if (!l.inSent)
            out.append(l.entry);
    std::sort(out.begin(), out.end(), lessByAge);
    return out;
}

QList<OutboxEntry> OutboxStore::sentMessages() const
{
    QList<OutboxEntry> out;
    for (const Located &l : m_entries)
        if (l.inSent)
            out.append(l.entry);
    std::sort(out.begin(), out.end(), lessByAge);
    return out;
}

std::optional<OutboxEntry> OutboxStore::message(const QString &id) const
{
    const auto it = m_entries.constFind(id);
    if (it == m_entries.cend())
        return std::nullopt;
    return it->entry;
}

QList<OutboxEntry> OutboxStore::dueMessages(const QDateTime &now) const
{
    QList<OutboxEntry> out;
    for (const Located &l : m_entries) {
        if (l.inSent)
            continue;
        if (l.entry.state == OutboxState::Queued ||
            (l.entry.state == OutboxState::Deferred &&
             (!l.entry.nextAttempt.isValid() || l.entry.nextAttempt <= now)))
            out.append(l.entry);
    }
    std::sort(out.begin(), out.end(), lessByAge);
    return out;
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
    auto file = std::make_unique<QFile>(it->entry.messagePath);
    if (!file->open(QIODevice::ReadOnly)) {
        if (error)
            *error = {StoreError::Kind::ReadFailed, tr("The message file cannot be read."),
                      it->entry.messagePath + QStringLiteral(": ") + file->errorString()};
        return nullptr;
    }
    return file;
}

OutboxStore::Located *OutboxStore::find(const QString &id, StoreError *error)
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
                             const std::function<void(OutboxEntry &)> &change, StoreError *error)
{
    Located *located = find(id, error);
    if (!located)
        return false;
    if (located->inSent ||
        std::find(allowed.begin(), allowed.end(), located->entry.state) == allowed.end()) {
        if (error)
            *error = {
                StoreError::Kind::InvalidState,
                tr("This cannot be done to a message that is %1.")
                    .arg(stateName(located->inSent ? OutboxState::Sent : located->entry.state)),
                id};
        return false;
    }
    OutboxEntry updated = located->entry;
    change(updated);
    // The file first: memory changes only when the disk has the new state.
    if (!writeState(updated, false, error))
        return false;
    located->entry = updated;
    if (updated.state == OutboxState::Sent && !moveToSent(updated, error))
        return false;
    Q_EMIT changed(id);
    return true;
}

bool OutboxStore::markSending(const QString &id, StoreError *error)
{
    return transition(
        id, {OutboxState::Queued, OutboxState::Deferred},
        [](OutboxEntry &e) {
            e.state = OutboxState::Sending;
            e.dataComplete = false;
            ++e.attempts;
        },
        error);
}

bool OutboxStore::markDataComplete(const QString &id, StoreError *error)
{
    return transition(
        id, {OutboxState::Sending}, [](OutboxEntry &e) { e.dataComplete = true; }, error);
}

bool OutboxStore::markSent(const QString &id, const QStringList &rejectedRecipients,
                           StoreError *error)
{
    return transition(
        id, {OutboxState::Sending},
        [&](OutboxEntry &e) {
            e.state = OutboxState::Sent;
            e.sentAt = QDateTime::currentDateTimeUtc();
            e.rejectedRecipients = rejectedRecipients;
            e.nextAttempt = {};
        },
        error);
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
        [](OutboxEntry &e) {
            e.state = OutboxState::Sent;
            e.dataComplete = false;
            e.sentAt = QDateTime::currentDateTimeUtc();
        },
        error);
}

bool OutboxStore::remove(const QString &id, StoreError *error)
{
    Located *located = find(id, error);
    if (!located)
        return false;
    if (!located->inSent && located->entry.state == OutboxState::Sending) {
        if (error)
            *error = {StoreError::Kind::InvalidState,
                      tr("The message is being sent and cannot be deleted now."), id};
        return false;
    }
    // Renamed away first, so a crash leaves either the whole message or a trash folder.
    const QString dir = messageDirectory(id, located->inSent);
    const QString trash = QFileInfo(dir).absolutePath() + QLatin1Char('/') + trashPrefix + id;
    QString detail;
    if (!DurableIo::renameDurably(dir, trash, &detail)) {
        setIoError(error, tr("The message could not be deleted"), detail, false);
        return false;
    }
    QDir(trash).removeRecursively();
    m_entries.remove(id);
    Q_EMIT changed(id);
    return true;
}

} // namespace Outpost
