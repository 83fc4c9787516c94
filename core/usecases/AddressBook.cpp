#include "AddressBook.h"

#include "message/AddressParser.h"
#include "store/DurableIo.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace Outpost {

namespace {

const QString addressesKey = QStringLiteral("addresses");
const QString nameKey = QStringLiteral("name");
const QString addressKey = QStringLiteral("address");

bool sameAddress(const MailAddress &a, const MailAddress &b)
{
    return a.address().compare(b.address(), Qt::CaseInsensitive) == 0;
}

} // namespace

AddressBook::AddressBook(const QString &profileDirectory, int capacity)
    : m_profileDirectory(profileDirectory)
    , m_file(profileDirectory + QStringLiteral("/addressbook.json"))
    , m_capacity(qMax(1, capacity))
{}

bool AddressBook::load(StoreError *error)
{
    m_entries.clear();
    QFile file(m_file);
    if (!file.exists()) {
        // Before the address book had a file of its own, the compose window kept the
        // display strings in gui.ini.
        const QSettings old(m_profileDirectory + QStringLiteral("/gui.ini"), QSettings::IniFormat);
        for (const QString &text : old.value(QStringLiteral("compose/addresses")).toStringList()) {
            const AddressParseResult parsed = AddressParser::parseMailbox(text);
            if (parsed.ok() && parsed.addresses.size() == 1 && m_entries.size() < m_capacity)
                m_entries.append(parsed.addresses.first());
        }
        return true;
    }
    QJsonParseError parseError;
    const QJsonDocument document = file.open(QIODevice::ReadOnly)
                                       ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                       : QJsonDocument();
    if (!file.isOpen() || parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = {StoreError::Kind::ReadFailed,
                      tr("The address book %1 cannot be read; it was left as it is.")
                          .arg(QDir::toNativeSeparators(m_file)),
                      file.isOpen() ? parseError.errorString() : file.errorString()};
        return false;
    }
    for (const QJsonValue &v : document.object().value(addressesKey).toArray()) {
        const AddressParseResult parsed =
            AddressParser::parseMailbox(v.toObject().value(addressKey).toString());
        if (!parsed.ok() || parsed.addresses.size() != 1 || m_entries.size() >= m_capacity)
            continue;
        MailAddress a = parsed.addresses.first();
        a.setDisplayName(v.toObject().value(nameKey).toString());
        m_entries.append(a);
    }
    return true;
}

bool AddressBook::remember(const QList<MailAddress> &used, StoreError *error)
{
    for (auto it = used.rbegin(); it != used.rend(); ++it) {
        if (it->isNull())
            continue;
        MailAddress entry = *it;
        for (qsizetype i = 0; i < m_entries.size(); ++i) {
            if (sameAddress(m_entries.at(i), entry)) {
                if (entry.displayName().isEmpty())
                    entry.setDisplayName(m_entries.at(i).displayName());
                m_entries.removeAt(i);
                break;
            }
        }
        m_entries.prepend(entry);
    }
    while (m_entries.size() > m_capacity)
        m_entries.removeLast();
    return save(error);
}

bool AddressBook::save(StoreError *error) const
{
    QJsonArray list;
    for (const MailAddress &a : m_entries)
        list.append(QJsonObject{{nameKey, a.displayName()}, {addressKey, a.address()}});
    QString errorString;
    bool diskFull = false;
    if (DurableIo::writeAtomically(m_file,
                                   QJsonDocument(QJsonObject{{addressesKey, list}}).toJson(),
                                   &errorString, &diskFull))
        return true;
    if (error)
        *error = {diskFull ? StoreError::Kind::DiskFull : StoreError::Kind::NotWritable,
                  tr("The address book could not be saved: %1").arg(errorString),
                  m_file + QStringLiteral(": ") + errorString};
    return false;
}

QStringList AddressBook::complete(const QString &prefix) const
{
    const QString wanted = prefix.trimmed();
    QStringList out;
    for (const MailAddress &a : m_entries) {
        bool match = wanted.isEmpty() || a.address().startsWith(wanted, Qt::CaseInsensitive) ||
                     a.displayName().startsWith(wanted, Qt::CaseInsensitive);
        const QStringList words = a.displayName().split(u' ', Qt::SkipEmptyParts);
        for (const QString &word : words)
            match = match || word.startsWith(wanted, Qt::CaseInsensitive);
        if (match)
            out.append(a.toDisplayString());
    }
    return out;
}

QStringList AddressBook::entries() const
{
    return complete({});
}

} // namespace Outpost
