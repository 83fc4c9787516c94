#include "AccountStore.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace Outpost {
namespace {

const QString groupPrefix = QStringLiteral("account_");

// Reads typed values and remembers the first problem, naming the key.
class Reader
{
public:
    Reader(QSettings &settings, const QString &accountName)
        : m_settings(settings)
        , m_account(accountName)
    {}

    QString text(const char *key, const QString &fallback = {})
    {
        return m_settings.value(QLatin1String(key), fallback).toString();
    }

    QStringList list(const char *key)
    {
        // Space-separated (a QStringList value would read back as @Invalid() when empty).
        return m_settings.value(QLatin1String(key))
            .toString()
            .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }

    int number(const char *key, int fallback, int minimum, int maximum)
    {
        const QVariant value = m_settings.value(QLatin1String(key));
        if (!value.isValid())
            return fallback;
        bool ok = false;
        const int n = value.toString().trimmed().toInt(&ok);
        if (!ok || n < minimum || n > maximum) {
            fail(AccountStore::tr("the value \"%1\" of %2 is not a number between %3 and %4.")
                     .arg(value.toString(), QLatin1String(key))
                     .arg(minimum)
                     .arg(maximum));
            return fallback;
        }
        return n;
    }

    bool flag(const char *key, bool fallback)
    {
        const QVariant value = m_settings.value(QLatin1String(key));
        if (!value.isValid())
            return fallback;
        const QString word = value.toString().trimmed().toLower();
        if (word == QLatin1String("true") || word == QLatin1String("1") ||
            word == QLatin1String("on"))
            return true;
        if (word == QLatin1String("false") || word == QLatin1String("0") ||
            word == QLatin1String("off"))
            return false;
        fail(AccountStore::tr("the value \"%1\" of %2 is not true or false.")
                 .arg(value.toString(), QLatin1String(key)));
        return fallback;
    }

    template<typename Enum>
    Enum word(const char *key, Enum fallback)
    {
        const QVariant value = m_settings.value(QLatin1String(key));
        if (!value.isValid())
            return fallback;
        Enum result = fallback;
        if (!AccountWords::fromString(value.toString().trimmed(), &result))
            fail(AccountStore::tr("the value \"%1\" of %2 is not one of the known choices.")
                     .arg(value.toString(), QLatin1String(key)));
        return result;
    }

    QString error() const { return m_error; }

private:
    void fail(const QString &sentence)
    {
        if (m_error.isEmpty())
            m_error = AccountStore::tr("Account \"%1\": %2").arg(m_account, sentence);
    }

    QSettings &m_settings;
    QString m_account;
    QString m_error;
};

QString statusText(QSettings::Status status, const QString &file)
{
    switch (status) {
    case QSettings::NoError:
        return {};
    case QSettings::AccessError:
        return AccountStore::tr("Could not read or write the settings file %1. Check that you "
                                "may write to the profile folder and that the disk is not full.")
            .arg(QDir::toNativeSeparators(file));
    case QSettings::FormatError:
        return AccountStore::tr("The settings file %1 is damaged and cannot be read.")
            .arg(QDir::toNativeSeparators(file));
    }
    return {};
}

} // namespace

AccountStore::AccountStore(const QString &settingsFile)
    : m_file(settingsFile)
{}

bool AccountStore::load(QString *error)
{
    m_accounts.clear();
    if (!QFileInfo::exists(m_file))
        return true;
    QSettings settings(m_file, QSettings::IniFormat);
    if (const QString problem = statusText(settings.status(), m_file); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    const int version = settings.value(QStringLiteral("General/schema_version"), 1).toInt();
    if (version > schemaVersion) {
        *error = tr("The settings file %1 was written by a newer version of Outpost "
                    "(settings version %2; this version reads up to %3). Update Outpost.")
                     .arg(QDir::toNativeSeparators(m_file))
                     .arg(version)
                     .arg(schemaVersion);
        return false;
    }

    QList<Account> loaded;
    const QStringList groups = settings.childGroups();
    for (const QString &group : groups) {
        if (!group.startsWith(groupPrefix))
            continue;
        settings.beginGroup(group);
        Account a;
        a.id = group.mid(groupPrefix.size());
        a.name = settings.value(QStringLiteral("name"), a.id).toString();
        Reader r(settings, a.name);
        a.fullName = r.text("full_name");
        a.address = r.text("address");
        a.popHost = r.text("pop_host");
        a.incoming = r.word("incoming", a.incoming);
        a.popSecurity = r.word("pop_security", a.popSecurity);
        a.popPort = quint16(r.number(
            "pop_port", Account::defaultIncomingPort(a.incoming, a.popSecurity), 1, 65535));
        a.popUser = r.text("pop_user");
        a.popLogin = r.word("pop_login", a.popLogin);
        a.receiveMode = r.word("receive", a.receiveMode);
        a.leaveOnServer = r.flag("leave_on_server", a.leaveOnServer);
        a.smtpHost = r.text("smtp_host");
        a.smtpSecurity = r.word("smtp_security", a.smtpSecurity);
        a.smtpPort =
            quint16(r.number("smtp_port", Account::defaultSmtpPort(a.smtpSecurity), 1, 65535));
        a.smtpAuth = r.word("smtp_auth", a.smtpAuth);
        a.smtpUser = r.text("smtp_user");
        a.smtpSamePassword = r.flag("smtp_same_password", a.smtpSamePassword);
        a.allowPlainTextAuth = r.flag("allow_plain_text_auth", a.allowPlainTextAuth);
        a.caFile = r.text("ca_file");
        a.trustedFingerprints = r.list("trusted_fingerprints");
        a.popBeforeSmtp = r.flag("pop_before_smtp", a.popBeforeSmtp);
        a.authWindowSeconds = r.number("auth_window_seconds", a.authWindowSeconds, 10, 86400);
        a.delayAfterPopMs = r.number("delay_after_pop_ms", a.delayAfterPopMs, 0, 60000);
        a.checkIntervalMinutes =
            r.number("check_interval_minutes", a.checkIntervalMinutes, 0, 1440);
        a.sendImmediately = r.flag("send_immediately", a.sendImmediately);
        a.checkAtStartup = r.flag("check_at_startup", a.checkAtStartup);
        a.giveUpAfterHours = r.number("give_up_after_hours", a.giveUpAfterHours, 1, 720);
        a.alertAfterMinutes = r.number("alert_after_minutes", a.alertAfterMinutes, 1, 7 * 24 * 60);
        a.japaneseEncoding = r.word("japanese_encoding", a.japaneseEncoding);
        settings.endGroup();
        if (!r.error().isEmpty()) {
            *error = r.error();
            return false;
        }
        if (const QString problem = a.validate(); !problem.isEmpty()) {
            *error = problem;
            return false;
        }
        loaded.append(a);
    }
    m_accounts = loaded;
    return true;
}

bool AccountStore::save(QString *error) const
{
    const QFileInfo info(m_file);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = statusText(QSettings::AccessError, m_file);
        return false;
    }
    QSettings settings(m_file, QSettings::IniFormat);
    if (settings.status() == QSettings::NoError) {
        const int version = settings.value(QStringLiteral("General/schema_version"), 1).toInt();
        if (version > schemaVersion) {
            *error = tr("The settings file %1 was written by a newer version of Outpost; "
                        "this version will not overwrite it.")
                         .arg(QDir::toNativeSeparators(m_file));
            return false;
        }
    }
    // Rewrite our groups; keep whatever else the file holds (other sections of the app).
    const QStringList groups = settings.childGroups();
    for (const QString &group : groups) {
        if (group.startsWith(groupPrefix))
            settings.remove(group);
    }
    settings.setValue(QStringLiteral("General/schema_version"), schemaVersion);
    for (const Account &a : m_accounts) {
        settings.beginGroup(groupPrefix + a.id);
        settings.setValue(QStringLiteral("name"), a.name);
        settings.setValue(QStringLiteral("full_name"), a.fullName);
        settings.setValue(QStringLiteral("address"), a.address);
        settings.setValue(QStringLiteral("incoming"), AccountWords::toString(a.incoming));
        settings.setValue(QStringLiteral("pop_host"), a.popHost);
        settings.setValue(QStringLiteral("pop_port"), a.popPort);
        settings.setValue(QStringLiteral("pop_security"), AccountWords::toString(a.popSecurity));
        settings.setValue(QStringLiteral("pop_user"), a.popUser);
        settings.setValue(QStringLiteral("pop_login"), AccountWords::toString(a.popLogin));
        settings.setValue(QStringLiteral("receive"), AccountWords::toString(a.receiveMode));
        settings.setValue(QStringLiteral("leave_on_server"), a.leaveOnServer);
        settings.setValue(QStringLiteral("smtp_host"), a.smtpHost);
        settings.setValue(QStringLiteral("smtp_port"), a.smtpPort);
        settings.setValue(QStringLiteral("smtp_security"), AccountWords::toString(a.smtpSecurity));
        settings.setValue(QStringLiteral("smtp_auth"), AccountWords::toString(a.smtpAuth));
        settings.setValue(QStringLiteral("smtp_user"), a.smtpUser);
        settings.setValue(QStringLiteral("smtp_same_password"), a.smtpSamePassword);
        settings.setValue(QStringLiteral("allow_plain_text_auth"), a.allowPlainTextAuth);
        settings.setValue(QStringLiteral("ca_file"), a.caFile);
        settings.setValue(QStringLiteral("trusted_fingerprints"),
                          a.trustedFingerprints.join(QLatin1Char(' ')));
        settings.setValue(QStringLiteral("pop_before_smtp"), a.popBeforeSmtp);
        settings.setValue(QStringLiteral("auth_window_seconds"), a.authWindowSeconds);
        settings.setValue(QStringLiteral("delay_after_pop_ms"), a.delayAfterPopMs);
        settings.setValue(QStringLiteral("check_interval_minutes"), a.checkIntervalMinutes);
        settings.setValue(QStringLiteral("send_immediately"), a.sendImmediately);
        settings.setValue(QStringLiteral("check_at_startup"), a.checkAtStartup);
        settings.setValue(QStringLiteral("give_up_after_hours"), a.giveUpAfterHours);
        settings.setValue(QStringLiteral("alert_after_minutes"), a.alertAfterMinutes);
        settings.setValue(QStringLiteral("japanese_encoding"),
                          AccountWords::toString(a.japaneseEncoding));
        settings.endGroup();
    }
    settings.sync();
    if (const QString problem = statusText(settings.status(), m_file); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    return true;
}

const Account *AccountStore::find(const QString &idOrName) const
{
    for (const Account &a : m_accounts) {
        if (a.id == idOrName)
            return &a;
    }
    for (const Account &a : m_accounts) {
        if (a.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return &a;
    }
    return nullptr;
}

bool AccountStore::checkUnique(const Account &account, QString *error) const
{
    for (const Account &other : m_accounts) {
        if (other.id == account.id)
            continue;
        if (other.name.compare(account.name, Qt::CaseInsensitive) == 0) {
            *error = tr("There is already an account named \"%1\".").arg(account.name);
            return false;
        }
    }
    return true;
}

bool AccountStore::add(const Account &account, QString *error)
{
    if (const QString problem = account.validate(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    for (const Account &other : std::as_const(m_accounts)) {
        if (other.id == account.id) {
            *error = tr("There is already an account with the identifier \"%1\".").arg(account.id);
            return false;
        }
    }
    if (!checkUnique(account, error))
        return false;
    m_accounts.append(account);
    return true;
}

bool AccountStore::update(const Account &account, QString *error)
{
    if (const QString problem = account.validate(); !problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (!checkUnique(account, error))
        return false;
    for (Account &existing : m_accounts) {
        if (existing.id == account.id) {
            existing = account;
            return true;
        }
    }
    *error = tr("There is no account \"%1\".").arg(account.name);
    return false;
}

bool AccountStore::remove(const QString &id, QString *error)
{
    for (qsizetype i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts.at(i).id == id) {
            m_accounts.removeAt(i);
            return true;
        }
    }
    *error = tr("There is no account \"%1\".").arg(id);
    return false;
}

QString AccountStore::uniqueId(const QString &name) const
{
    const QString base = Account::makeId(name);
    QString id = base;
    for (int n = 2; find(id) && find(id)->id == id; ++n)
        id = base + QLatin1Char('-') + QString::number(n);
    return id;
}

} // namespace Outpost
