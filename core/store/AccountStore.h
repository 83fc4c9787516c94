#pragma once

#include "Account.h"

#include <QList>
#include <QString>

namespace Outpost {

/// The accounts of a profile, kept in the profile's INI settings file
/// (outpost.ini). Passwords never go here.
class AccountStore
{
    Q_DECLARE_TR_FUNCTIONS(AccountStore)

public:
    /// The settings schema this build reads and writes.
    static constexpr int schemaVersion = 1;

    explicit AccountStore(const QString &settingsFile);

    /// Reads the file (a missing file means no accounts). On failure returns false,
    /// keeps no partial data and sets @p error to a sentence that names the bad field.
    bool load(QString *error);
    /// Writes every account atomically (the old file stays whole if writing fails).
    bool save(QString *error) const;

    const QList<Account> &accounts() const { return m_accounts; }
    /// The account with this identifier or, failing that, this name (case-insensitive).
    const Account *find(const QString &idOrName) const;

    /// Adds a valid account with a unique identifier and name.
    bool add(const Account &account, QString *error);
    /// Replaces the account with the same identifier.
    bool update(const Account &account, QString *error);
    bool remove(const QString &id, QString *error);

    /// An identifier made from @p name that no account uses yet.
    QString uniqueId(const QString &name) const;

private:
    bool checkUnique(const Account &account, QString *error) const;

    QString m_file;
    QList<Account> m_accounts;
};

} // namespace Outpost
