#include "DraftStore.h"

#include "store/DurableIo.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace Outpost {

namespace {

const QString account = QStringLiteral("account");
const QString to = QStringLiteral("to");
const QString cc = QStringLiteral("cc");
const QString bcc = QStringLiteral("bcc");
const QString subject = QStringLiteral("subject");
const QString body = QStringLiteral("body");
const QString attachments = QStringLiteral("attachments");
const QString encoding = QStringLiteral("encoding");
const QString messageAttachments = QStringLiteral("messageAttachments");
const QString inReplyTo = QStringLiteral("inReplyTo");
const QString references = QStringLiteral("references");

/// The draft's JSON object, or nothing with @p error.
std::optional<QJsonObject> readObject(const QString &path, StoreError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {StoreError::Kind::ReadFailed,
                      DraftStore::tr("The draft %1 could not be opened: %2")
                          .arg(QDir::toNativeSeparators(path), file.errorString()),
                      path + QStringLiteral(": ") + file.errorString()};
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = {StoreError::Kind::ReadFailed,
                      DraftStore::tr("The draft %1 is damaged and cannot be opened. It was left "
                                     "as it is.")
                          .arg(QDir::toNativeSeparators(path)),
                      path + QStringLiteral(": ") +
                          (document.isObject() ? parseError.errorString()
                                               : QStringLiteral("not a JSON object"))};
        return std::nullopt;
    }
    return document.object();
}

} // namespace

DraftStore::DraftStore(const QString &profileDirectory)
    : m_directory(profileDirectory + QStringLiteral("/drafts"))
{}

QList<DraftStore::Entry> DraftStore::list() const
{
    QList<Entry> entries;
    const QDir dir(m_directory);
    for (const QFileInfo &info :
         dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Time)) {
        Entry entry;
        entry.path = info.absoluteFilePath();
        entry.modified = info.lastModified();
        if (const std::optional<QJsonObject> o = readObject(entry.path, &entry.error))
            entry.subject = o->value(subject).toString();
        entries.append(entry);
    }
    return entries;
}

std::optional<ComposeContent> DraftStore::load(const QString &path, StoreError *error) const
{
    const std::optional<QJsonObject> o = readObject(path, error);
    if (!o)
        return std::nullopt;
    ComposeContent c;
    c.accountId = o->value(account).toString();
    c.to = o->value(to).toString();
    c.cc = o->value(cc).toString();
    c.bcc = o->value(bcc).toString();
    c.subject = o->value(subject).toString();
    c.body = o->value(body).toString();
    for (const QJsonValue &v : o->value(attachments).toArray())
        c.attachments.append(v.toString());
    for (const QJsonValue &v : o->value(messageAttachments).toArray())
        c.messageAttachments.append(v.toString());
    c.inReplyTo = o->value(inReplyTo).toString().toLatin1();
    for (const QJsonValue &v : o->value(references).toArray())
        c.references.append(v.toString().toLatin1());
    const int e = o->value(encoding).toInt(-1);
    if (e >= int(TextEncoding::Automatic) && e <= int(TextEncoding::Iso2022Jp))
        c.encoding = TextEncoding(e);
    return c;
}

std::optional<QString> DraftStore::save(const ComposeContent &c, const QString &path,
                                        StoreError *error)
{
    auto failed = [&](StoreError::Kind kind, const QString &detail) {
        if (error)
            *error = {kind, tr("The draft could not be saved: %1").arg(detail), detail};
        return std::nullopt;
    };
    if (!QDir().mkpath(m_directory))
        return failed(
            StoreError::Kind::NotWritable,
            tr("the folder %1 cannot be created.").arg(QDir::toNativeSeparators(m_directory)));
    const QString target = path.isEmpty() ? m_directory + u'/' +
                                                QUuid::createUuid().toString(QUuid::WithoutBraces) +
                                                QStringLiteral(".json")
                                          : path;
    QJsonObject o{
        {account, c.accountId},
        {to, c.to},
        {cc, c.cc},
        {bcc, c.bcc},
        {subject, c.subject},
        {body, c.body},
        {attachments, QJsonArray::fromStringList(c.attachments)},
    };
    if (c.encoding)
        o.insert(encoding, int(*c.encoding));
    // A reply or forward keeps its thread and the message it attaches.
    if (!c.messageAttachments.isEmpty())
        o.insert(messageAttachments, QJsonArray::fromStringList(c.messageAttachments));
    if (!c.inReplyTo.isEmpty())
        o.insert(inReplyTo, QString::fromLatin1(c.inReplyTo));
    if (!c.references.isEmpty()) {
        QJsonArray ids;
        for (const QByteArray &id : c.references)
            ids.append(QString::fromLatin1(id));
        o.insert(references, ids);
    }
    QString errorString;
    bool diskFull = false;
    if (!DurableIo::writeAtomically(target, QJsonDocument(o).toJson(), &errorString, &diskFull))
        return failed(diskFull ? StoreError::Kind::DiskFull : StoreError::Kind::NotWritable,
                      errorString);
    return target;
}

bool DraftStore::remove(const QString &path, StoreError *error)
{
    QFile file(path);
    if (!file.exists() || file.remove())
        return true;
    if (error)
        *error = {StoreError::Kind::NotWritable,
                  tr("The draft %1 could not be removed: %2")
                      .arg(QDir::toNativeSeparators(path), file.errorString()),
                  path + QStringLiteral(": ") + file.errorString()};
    return false;
}

} // namespace Outpost
