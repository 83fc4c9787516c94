#pragma once

#include "message/MailAddress.h"
#include "store/StoreError.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace Outpost {

/// The addresses someone sent to, for completion while writing: most recently used first,
/// one entry per address (the latest display name wins), at most capacity() entries, kept
/// in the profile's addressbook.json and written atomically after each change.
class AddressBook
{
    Q_DECLARE_TR_FUNCTIONS(AddressBook)

public:
    static constexpr int defaultCapacity = 500;

    /// The address book of the profile in @p profileDirectory.
    explicit AddressBook(const QString &profileDirectory, int capacity = defaultCapacity);

    /// Reads the file (a missing one is an empty book; addresses the desktop program kept in
    /// gui.ini before are taken over). False with @p error when it cannot be read.
    [[nodiscard]] bool load(StoreError *error = nullptr);
    /// Puts @p used first (in their order) and saves. On failure memory keeps them, the
    /// file stays as it was and @p error says why.
    [[nodiscard]] bool remember(const QList<MailAddress> &used, StoreError *error = nullptr);
    /// "Name <address>" of every entry whose address, display name or a word of the display
    /// name starts with @p prefix (case-insensitively), most recent first.
    QStringList complete(const QString &prefix) const;
    /// Every entry as "Name <address>", most recent first.
    QStringList entries() const;
    int capacity() const { return m_capacity; }
    QString file() const { return m_file; }

private:
    bool save(StoreError *error) const;

    QString m_profileDirectory;
    QString m_file;
    int m_capacity;
    QList<MailAddress> m_entries;
};

} // namespace Outpost
