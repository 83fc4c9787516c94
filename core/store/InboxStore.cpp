#include "InboxStore.h"

#include "DurableIo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <algorithm>

namespace Outpost {

namespace {

// RFC 1939 section 7: a UIDL is 1 to 70 characters in the range 0x21 to 0x7E.
uint codeOf(QChar c)
{
    return c.unicode();
}
uint codeOf(char c)
{
    return uchar(c);
}
template<typename Text>
bool validUidl(const Text &uidl)
{
    if (uidl.isEmpty() || uidl.size() > 512)
        return false;
    for (const auto c : uidl)
        if (codeOf(c) < 0x21 || codeOf(c) > 0x7e)
            return false;
    return true;
}

QString hostName()
{
    // Maildir escapes "/" and ":" in the host part.
    QString host = QSysInfo::machineHostName();
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    host.replace(QLatin1Char('/'), QLatin1String("\\057"));
    host.replace(QLatin1Char(':'), QLatin1String("\\072"));
    return host;
}

// Maildir's info part: "<base>:2,<flags>", flags in ASCII order (S = seen). Windows does not
// allow ':' in a file name; there the info starts with ';' as isync and others write it.
#ifdef Q_OS_WIN
constexpr char16_t infoSeparator = u';';
#else
constexpr char16_t infoSeparator = u':';
#endif

qsizetype infoAt(const QString &name)
{
    const qsizetype colon = name.lastIndexOf(QLatin1String(":2,"));
    return colon >= 0 ? colon : name.lastIndexOf(QLatin1String(";2,"));
}

QString baseOf(const QString &name)
{
    const qsizetype at = infoAt(name);
    return at < 0 ? name : name.left(at);
}

QString flagsOf(const QString &name)
{
    const qsizetype at = infoAt(name);
    return at < 0 ? QString() : name.mid(at + 3);
}

QString withFlags(const QString &base, QString flags)
{
    std::sort(flags.begin(), flags.end());
    return base + QChar(infoSeparator) + QStringLiteral("2,") + flags;
}

// The device the POP3 client writes to: a file whose short writes (full disk) are
// remembered, so that commit() refuses a truncated message.
class DeliveryDevice : public QIODevice
{
public:
    explicit DeliveryDevice(QFile *file)
        : m_file(file)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    bool failed() const { return m_failed; }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override
    {
        const qint64 written = m_file->write(data, length);
        if (written != length) {
            m_failed = true;
            setErrorString(m_file->errorString());
            return -1;
        }
        return written;
    }

private:
    QFile *m_file;
    bool m_failed = false;
};

} // namespace

InboxDelivery::InboxDelivery(InboxStore *store, const QString &uidl, std::unique_ptr<QFile> file,
                             const QString &baseName)
    : m_store(store)
    , m_uidl(uidl)
    , m_file(std::move(file))
    , m_device(std::make_unique<DeliveryDevice>(m_file.get()))
    , m_baseName(baseName)
{}

InboxDelivery::~InboxDelivery()
{
    abort();
}

QIODevice *InboxDelivery::device() const
{
    return m_device.get();
}

bool InboxDelivery::commit(StoreError *error)
{
    if (m_done) {
        if (error)
            *error = {StoreError::Kind::InvalidState,
                      QCoreApplication::translate("Outpost::InboxStore",
                                                  "This message was already stored or abandoned."),
                      m_uidl};
        return false;
    }
    const bool ok = m_store->finishDelivery(this, error);
    if (!ok)
        abort();
    m_done = true;
    return ok;
}

void InboxDelivery::abort()
{
    if (m_done)
        return;
    m_done = true;
    const QString path = m_file->fileName();
    m_file->close();
    QFile::remove(path);
}

InboxStore::InboxStore(const QString &accountDirectory, QObject *parent)
    : QObject(parent)
    , m_accountDirectory(QDir::cleanPath(accountDirectory))
{}

InboxStore::~InboxStore() = default;

QString InboxStore::maildirPath() const
{
    return m_accountDirectory + QStringLiteral("/inbox");
}

QString InboxStore::seenFile() const
{
    return m_accountDirectory + QStringLiteral("/seen-uidls.txt");
}

QString InboxStore::imapStateFile() const
{
    return m_accountDirectory + QStringLiteral("/imap-state.txt");
}

void InboxStore::loadImapStates()
{
    // One line per mailbox: its name (percent-encoded), UIDVALIDITY, last UID; tab-separated.
    m_imapStates.clear();
    QFile file(imapStateFile());
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArrayList lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QByteArrayList fields = line.split('\t');
        if (fields.size() != 3)
            continue; // a torn or foreign line: that mailbox starts again (nothing is doubled:
                      // the seen UIDs still name what was received)
        bool ok1 = false, ok2 = false;
        const ImapMailboxState state{fields[1].toULongLong(&ok1), fields[2].toULongLong(&ok2)};
        if (ok1 && ok2)
            m_imapStates.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(fields[0])),
                                state);
    }
}

ImapMailboxState InboxStore::imapState(const QString &mailbox) const
{
    return m_imapStates.value(mailbox);
}

bool InboxStore::setImapState(const QString &mailbox, const ImapMailboxState &state,
                              StoreError *error)
{
    QHash<QString, ImapMailboxState> states = m_imapStates;
    states.insert(mailbox, state);
    QByteArray data;
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        data += it.key().toUtf8().toPercentEncoding() + '\t' +
                QByteArray::number(it.value().uidValidity) + '\t' +
                QByteArray::number(it.value().lastUid) + '\n';
    QString why;
    bool diskFull = false;
    if (!DurableIo::writeAtomically(imapStateFile(), data, &why, &diskFull)) {
        setIoError(error, tr("The inbox's IMAP state cannot be saved"), why, diskFull);
        return false;
    }
    m_imapStates = std::move(states);
    return true;
}

void InboxStore::setIoError(StoreError *error, const QString &what, const QString &detail,
                            bool diskFull) const
{
    if (!error)
        return;
    error->kind = diskFull ? StoreError::Kind::DiskFull : StoreError::Kind::NotWritable;
    error->message =
        diskFull ? tr("%1: the disk is full. Free some space; the message stays on the server.")
                       .arg(what)
                 : tr("%1: the folder %2 cannot be written. The message stays on the server.")
                       .arg(what, QDir::toNativeSeparators(maildirPath()));
    error->detail = detail;
}

bool InboxStore::open(StoreError *error)
{
    m_seen.clear();
    for (const char *sub : {"tmp", "new", "cur"}) {
        const QString dir = maildirPath() + QLatin1Char('/') + QLatin1String(sub);
        if (!QDir().mkpath(dir)) {
            setIoError(error, tr("The inbox cannot be opened"), dir, false);
            return false;
        }
    }
    // Anything in tmp/ is a delivery a crash interrupted; the server still has it.
    QDir tmp(maildirPath() + QStringLiteral("/tmp"));
    for (const QString &name : tmp.entryList(QDir::Files | QDir::Hidden))
        tmp.remove(name);

    loadImapStates();
    QFile file(seenFile());
    bool needsRewrite = false;
    if (file.open(QIODevice::ReadOnly)) {
        const QByteArray data = file.readAll();
        // Closed before a rewrite replaces it: Windows cannot replace a file that is open.
        file.close();
        // Read in place: only what is kept is allocated (a list of all the lines, freed
        // afterwards, would leave holes between the kept strings).
        qsizetype from = 0;
        while (from < data.size()) {
            const qsizetype end = data.indexOf('\n', from);
            if (end < 0) {
                needsRewrite = true; // a torn append
                break;
            }
            const QByteArrayView line(data.constData() + from, end - from);
            from = end + 1;
            const qsizetype tab = line.indexOf('\t');
            const QByteArrayView uidl = tab < 0 ? line : line.first(tab);
            if (!validUidl(uidl)) {
                needsRewrite = true;
                continue;
            }
            QByteArray key = uidl.toByteArray();
            if (m_seen.contains(key))
                needsRewrite = true;
            m_seen.insert(std::move(key),
                          tab < 0 ? QByteArray() : line.sliced(tab + 1).toByteArray());
        }
    }
    m_open = true;
    if (needsRewrite && !rewriteSeen(error))
        return false;
    return true;
}

QString InboxStore::uniqueName()
{
    // Maildir: time.M<usec>P<pid>Q<counter>.host (unique within this host).
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    return QStringLiteral("%1.M%2P%3Q%4.%5")
        .arg(ms / 1000)
        .arg((ms % 1000) * 1000)
        .arg(QCoreApplication::applicationPid())
        .arg(++m_counter)
        .arg(hostName());
}

std::unique_ptr<InboxDelivery> InboxStore::beginDelivery(const QString &uidl, StoreError *error)
{
    if (!m_open && !open(error))
        return nullptr;
    if (!validUidl(uidl)) {
        if (error)
            *error = {StoreError::Kind::InvalidMessage,
                      tr("The server gave an invalid message id."), uidl.left(80)};
        return nullptr;
    }
    QString base;
    do {
        base = uniqueName();
    } while (QFile::exists(maildirPath() + QStringLiteral("/tmp/") + base) ||
             QFile::exists(maildirPath() + QStringLiteral("/new/") + base));
    auto file = std::make_unique<QFile>(maildirPath() + QStringLiteral("/tmp/") + base);
    if (!file->open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
        setIoError(error, tr("A message could not be received"), file->errorString(),
                   file->error() == QFileDevice::ResourceError);
        return nullptr;
    }
    return std::unique_ptr<InboxDelivery>(new InboxDelivery(this, uidl, std::move(file), base));
}

bool InboxStore::finishDelivery(InboxDelivery *delivery, StoreError *error)
{
    QFile *file = delivery->m_file.get();
    const bool shortWrite = static_cast<DeliveryDevice *>(delivery->m_device.get())->failed();
    if (shortWrite || file->error() != QFileDevice::NoError || !DurableIo::syncFile(file)) {
        // A short write to a regular file means the space ran out (ENOSPC, EFBIG, quota).
        setIoError(error, tr("A message could not be received"),
                   shortWrite ? QStringLiteral("short write") : file->errorString(),
                   shortWrite || DurableIo::isDiskFull(*file));
        return false;
    }
    const qint64 size = file->size();
    file->close();
    const QString name = delivery->m_baseName + QStringLiteral(",S=") + QString::number(size);
    const QString target = maildirPath() + QStringLiteral("/new/") + name;
    QString detail;
    if (!DurableIo::renameDurably(file->fileName(), target, &detail)) {
        setIoError(error, tr("A message could not be received"), detail, false);
        return false;
    }
    // Only now is the UIDL seen: a crash before this downloads the message again, never loses it.
    if (!appendSeen(delivery->m_uidl, name, error)) {
        QFile::remove(target);
        return false;
    }
    m_listing.valid = false;
    Q_EMIT delivered(target, delivery->m_uidl);
    return true;
}

bool InboxStore::appendSeen(const QString &uidl, const QString &fileName, StoreError *error)
{
    QFile file(seenFile());
    // One line per append, flushed to disk: a torn last line is ignored and rewritten on open.
    const QByteArray line = uidl.toLatin1() + '\t' + fileName.toUtf8() + '\n';
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(line) != line.size() ||
        !DurableIo::syncFile(&file)) {
        setIoError(error, tr("The list of received messages could not be saved"),
                   file.errorString(), DurableIo::lastErrorWasDiskFull());
        return false;
    }
    m_seen.insert(uidl.toLatin1(), fileName.toUtf8());
    return true;
}

bool InboxStore::rewriteSeen(StoreError *error)
{
    QByteArray data;
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
        data += it.key() + '\t' + it.value() + '\n';
    QString detail;
    bool diskFull = false;
    if (!DurableIo::writeAtomically(seenFile(), data, &detail, &diskFull)) {
        setIoError(error, tr("The list of received messages could not be saved"), detail, diskFull);
        return false;
    }
    return true;
}

bool InboxStore::isSeen(const QString &uidl) const
{
    // Checked first: toLatin1() would turn characters it cannot hold into '?'.
    return validUidl(uidl) && m_seen.contains(uidl.toLatin1());
}

bool InboxStore::isStored(const QString &uidl) const
{
    if (!validUidl(uidl))
        return false;
    const auto it = m_seen.constFind(uidl.toLatin1());
    if (it == m_seen.cend() || it->isEmpty())
        return false;
    const QString name = QString::fromUtf8(*it);
    // In the inbox or in Deleted Items (moving it there keeps the local copy: the server's
    // copy is deleted as the account says, as before).
    for (const QString &root : {maildirPath(), deletedPath()}) {
        if (QFile::exists(root + QStringLiteral("/new/") + name) ||
            !QDir(root + QStringLiteral("/cur"))
                 .entryList({name + QStringLiteral("*")}, QDir::Files)
                 .isEmpty())
            return true;
    }
    return false;
}

QStringList InboxStore::seenUidls() const
{
    QStringList out;
    out.reserve(m_seen.size());
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
        out.append(QString::fromLatin1(it.key()));
    return out;
}

bool InboxStore::retainOnly(const QStringList &serverUidls, StoreError *error)
{
    QSet<QByteArray> keep;
    keep.reserve(serverUidls.size());
    for (const QString &uidl : serverUidls)
        keep.insert(uidl.toLatin1());
    bool removed = false;
    for (auto it = m_seen.begin(); it != m_seen.end();) {
        if (!keep.contains(it.key())) {
            it = m_seen.erase(it);
            removed = true;
        } else {
            ++it;
        }
    }
    return !removed || rewriteSeen(error);
}

bool InboxStore::markSeen(const QString &uidl, StoreError *error)
{
    if (!validUidl(uidl)) {
        if (error)
            *error = {StoreError::Kind::InvalidMessage,
                      tr("The server gave an invalid message id."), uidl.left(80)};
        return false;
    }
    if (m_seen.contains(uidl.toLatin1()))
        return true;
    return appendSeen(uidl, QString(), error);
}

namespace {

// The messages in new/ and cur/ of the Maildir at @p root, by name.
QList<InboxMessage> listMaildir(const QString &root, const QHash<QString, QString> &uidlByName)
{
    QList<InboxMessage> out;
    for (const bool isNew : {true, false}) {
        const QString dirPath = root + (isNew ? QStringLiteral("/new") : QStringLiteral("/cur"));
        // Names only, one at a time (a sorted entryList would hold a file information
        // object for each of 10,000 files at once).
        QStringList names;
        QDirIterator it(dirPath, QDir::Files);
        while (it.hasNext()) {
            it.next();
            names.append(it.fileName());
        }
        names.sort();
        out.reserve(out.size() + names.size());
        for (const QString &name : names) {
            InboxMessage m;
            m.directory = dirPath;
            m.name = name;
            // In cur/ a Maildir reader appends ":2,FLAGS" to the name.
            const QString base = baseOf(name);
            m.uidl = uidlByName.value(base);
            m.isNew = isNew;
            m.seen = !isNew && flagsOf(name).contains(QLatin1Char('S'));
            // Maildir names start with the delivery time; Dovecot, Courier and Outpost add
            // ",S=<size>" (others: ask the file system).
            // (A name that does not start with a plausible time: the file's time.)
            bool ok = false;
            const qint64 seconds = base.section(QLatin1Char('.'), 0, 0).toLongLong(&ok);
            constexpr qint64 year2000 = 946684800;
            ok = ok && seconds >= year2000 &&
                 seconds <= QDateTime::currentSecsSinceEpoch() + 24 * 3600;
            m.received = ok ? QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
                            : QFileInfo(m.path()).lastModified().toUTC();
            const qsizetype sizeAt = base.indexOf(QLatin1String(",S="));
            m.size = sizeAt < 0
                         ? -1
                         : base.mid(sizeAt + 3).section(QLatin1Char(','), 0, 0).toLongLong(&ok);
            if (sizeAt < 0 || !ok)
                m.size = QFileInfo(m.path()).size();
            out.append(std::move(m));
        }
    }
    return out;
}

} // namespace

QList<InboxMessage> InboxStore::messages() const
{
    const QString newDir = maildirPath() + QStringLiteral("/new");
    const QString curDir = maildirPath() + QStringLiteral("/cur");
    const QDateTime newChanged = QFileInfo(newDir).lastModified().toUTC();
    const QDateTime curChanged = QFileInfo(curDir).lastModified().toUTC();
    if (m_listing.valid && m_listing.newChanged == newChanged && m_listing.curChanged == curChanged)
        return m_listing.messages;

    const QList<InboxMessage> out = listMaildir(maildirPath(), uidlByName());
    // Kept only when the folders were not changed in the last two seconds: a change within
    // the clock's resolution of the listing would otherwise go unseen.
    const QDateTime racy = QDateTime::currentDateTimeUtc().addSecs(-2);
    m_listing = {newChanged, curChanged, out,
                 newChanged.isValid() && curChanged.isValid() && newChanged < racy &&
                     curChanged < racy};
    return out;
}

QString InboxMessage::base() const
{
    return baseOf(name);
}

QString InboxStore::currentPath(const QString &path) const
{
    if (QFileInfo::exists(path))
        return path;
    const QString base = baseOf(QFileInfo(path).fileName());
    if (base.isEmpty())
        return QString();
    for (const QString &root : {maildirPath(), deletedPath()}) {
        if (QFileInfo::exists(root + QStringLiteral("/new/") + base))
            return root + QStringLiteral("/new/") + base;
        const QDir cur(root + QStringLiteral("/cur"));
        for (const QString &name : cur.entryList({base + QStringLiteral("*")}, QDir::Files))
            if (baseOf(name) == base)
                return cur.filePath(name);
    }
    return QString();
}

int InboxStore::unreadCount() const
{
    const QList<InboxMessage> all = messages();
    return int(
        std::count_if(all.cbegin(), all.cend(), [](const InboxMessage &m) { return !m.seen; }));
}

QString InboxStore::deletedPath() const
{
    return maildirPath() + QStringLiteral("/.Trash");
}

QList<InboxMessage> InboxStore::deletedMessages() const
{
    return listMaildir(deletedPath(), uidlByName());
}

QHash<QString, QString> InboxStore::uidlByName() const
{
    QHash<QString, QString> byName;
    for (auto it = m_seen.cbegin(); it != m_seen.cend(); ++it)
        if (!it.value().isEmpty())
            byName.insert(QString::fromUtf8(it.value()), QString::fromLatin1(it.key()));
    return byName;
}

bool InboxStore::locate(const QString &path, QString *root, QString *sub, StoreError *error) const
{
    const QFileInfo info(path);
    const QString folder = QDir::cleanPath(info.absolutePath());
    const QString subName = QFileInfo(folder).fileName();
    const QString rootPath = QDir::cleanPath(QFileInfo(folder).absolutePath());
    const bool known =
        (subName == QLatin1String("new") || subName == QLatin1String("cur")) &&
        (rootPath == QDir::cleanPath(maildirPath()) || rootPath == QDir::cleanPath(deletedPath()));
    if (!known) {
        if (error)
            *error = {StoreError::Kind::NotFound,
                      tr("This message is not in the inbox or in Deleted Items."), path};
        return false;
    }
    if (!info.isFile()) {
        if (error)
            *error = {StoreError::Kind::NotFound,
                      tr("This message is no longer there: another program moved or deleted "
                         "it. Nothing was changed."),
                      path};
        return false;
    }
    *root = rootPath;
    *sub = subName;
    return true;
}

bool InboxStore::ensureDeletedFolder(StoreError *error)
{
    for (const char *sub : {"tmp", "new", "cur"}) {
        const QString dir = deletedPath() + QLatin1Char('/') + QLatin1String(sub);
        if (!QDir().mkpath(dir)) {
            if (error)
                *error = {StoreError::Kind::NotWritable,
                          tr("The folder %1 cannot be created. The message stays where it was.")
                              .arg(QDir::toNativeSeparators(deletedPath())),
                          dir};
            return false;
        }
    }
    // Maildir++: a subfolder says it is one with an empty file "maildirfolder".
    QFile marker(deletedPath() + QStringLiteral("/maildirfolder"));
    if (!marker.exists() && marker.open(QIODevice::WriteOnly))
        marker.close();
    return true;
}

std::optional<QString> InboxStore::move(const QString &from, const QString &to, StoreError *error)
{
    if (from == to)
        return to;
    if (QFileInfo::exists(to)) {
        if (error)
            *error = {StoreError::Kind::InvalidState,
                      tr("A message of the same name is already there. Nothing was changed."), to};
        return std::nullopt;
    }
    QString detail;
    if (!DurableIo::renameDurably(from, to, &detail)) {
        if (error) {
            const bool diskFull = DurableIo::lastErrorWasDiskFull();
            error->kind = diskFull ? StoreError::Kind::DiskFull : StoreError::Kind::NotWritable;
            error->message = diskFull
                                 ? tr("The disk is full. Free some space; the message stays "
                                      "where it was.")
                                 : tr("The folder %1 cannot be written. The message stays "
                                      "where it was.")
                                       .arg(QDir::toNativeSeparators(QFileInfo(to).absolutePath()));
            error->detail = detail;
        }
        // A rename that failed after the file moved (the folder's sync): it is at the target.
        if (QFileInfo::exists(to) && !QFileInfo::exists(from)) {
            m_listing.valid = false;
            Q_EMIT changed();
            return to;
        }
        return std::nullopt;
    }
    m_listing.valid = false;
    Q_EMIT changed();
    return to;
}

std::optional<QString> InboxStore::setRead(const QString &path, bool read, StoreError *error)
{
    QString root, sub;
    if (!locate(path, &root, &sub, error))
        return std::nullopt;
    const QString name = QFileInfo(path).fileName();
    QString flags = flagsOf(name);
    flags.remove(QLatin1Char('S'));
    if (read)
        flags += QLatin1Char('S');
    return move(path, root + QStringLiteral("/cur/") + withFlags(baseOf(name), flags), error);
}

std::optional<QString> InboxStore::moveToDeleted(const QString &path, StoreError *error)
{
    QString root, sub;
    if (!locate(path, &root, &sub, error))
        return std::nullopt;
    if (root != QDir::cleanPath(maildirPath())) {
        if (error)
            *error = {StoreError::Kind::InvalidState,
                      tr("This message is in Deleted Items already."), path};
        return std::nullopt;
    }
    if (!ensureDeletedFolder(error))
        return std::nullopt;
    return move(path,
                deletedPath() + QLatin1Char('/') + sub + QLatin1Char('/') +
                    QFileInfo(path).fileName(),
                error);
}

std::optional<QString> InboxStore::restore(const QString &path, StoreError *error)
{
    QString root, sub;
    if (!locate(path, &root, &sub, error))
        return std::nullopt;
    if (root != QDir::cleanPath(deletedPath())) {
        if (error)
            *error = {StoreError::Kind::InvalidState, tr("This message is not in Deleted Items."),
                      path};
        return std::nullopt;
    }
    return move(path,
                maildirPath() + QLatin1Char('/') + sub + QLatin1Char('/') +
                    QFileInfo(path).fileName(),
                error);
}

bool InboxStore::removeDeleted(const QString &path, StoreError *error)
{
    QString root, sub;
    if (!locate(path, &root, &sub, error))
        return false;
    if (root != QDir::cleanPath(deletedPath())) {
        if (error)
            *error = {StoreError::Kind::InvalidState,
                      tr("Only messages in Deleted Items are deleted for good."), path};
        return false;
    }
    QFile file(path);
    if (!file.remove()) {
        if (error)
            *error = {StoreError::Kind::NotWritable,
                      tr("The message could not be deleted: %1").arg(file.errorString()), path};
        return false;
    }
    DurableIo::syncDirectory(QFileInfo(path).absolutePath());
    Q_EMIT changed();
    return true;
}

bool InboxStore::emptyDeleted(StoreError *error)
{
    const QList<InboxMessage> all = deletedMessages();
    bool removed = false;
    bool ok = true;
    for (const InboxMessage &m : all) {
        QFile file(m.path());
        if (!file.remove()) {
            if (error)
                *error = {StoreError::Kind::NotWritable,
                          tr("The message could not be deleted: %1").arg(file.errorString()),
                          m.path()};
            ok = false;
            break;
        }
        removed = true;
    }
    if (removed) {
        DurableIo::syncDirectory(deletedPath() + QStringLiteral("/new"));
        DurableIo::syncDirectory(deletedPath() + QStringLiteral("/cur"));
        Q_EMIT changed();
    }
    return ok;
}

} // namespace Outpost
