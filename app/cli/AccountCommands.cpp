// outpost-cli account add|edit|list|remove|password
#include "Cli.h"
#include "net/CertificateInfo.h"

#include "Profile.h"
#include "schedule/AuthWindow.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>

namespace Outpost {
namespace {

struct OptionSpec
{
    const char *name;
    const char *valueName;
    const char *description;
};

// Every account setting as a command-line option (shared by add and edit).
const OptionSpec accountOptions[] = {
    {"address", "ADDR", QT_TRANSLATE_NOOP("Outpost::Cli", "Your e-mail address.")},
    {"full-name", "NAME", QT_TRANSLATE_NOOP("Outpost::Cli", "Your name, shown in From.")},
    {"incoming", "pop3|imap",
     QT_TRANSLATE_NOOP("Outpost::Cli",
                       "The incoming server's protocol (default pop3). IMAP never changes "
                       "the mailbox on the server.")},
    {"pop-host", "HOST", QT_TRANSLATE_NOOP("Outpost::Cli", "The incoming (POP3 or IMAP) server.")},
    {"pop-port", "N",
     QT_TRANSLATE_NOOP("Outpost::Cli",
                       "Its port (default 110, or 995 with tls; IMAP 143, or 993 with tls).")},
    {"pop-security", "none|starttls|tls",
     QT_TRANSLATE_NOOP("Outpost::Cli", "How the POP3 connection is protected.")},
    {"pop-user", "USER", QT_TRANSLATE_NOOP("Outpost::Cli", "The POP3 user name.")},
    {"pop-login", "auto|apop|user|sasl-plain",
     QT_TRANSLATE_NOOP("Outpost::Cli", "How to log in over POP3.")},
    {"smtp-host", "HOST", QT_TRANSLATE_NOOP("Outpost::Cli", "The outgoing (SMTP) server.")},
    {"smtp-port", "N",
     QT_TRANSLATE_NOOP("Outpost::Cli", "Its port (default 25, 587 with starttls, 465 with tls).")},
    {"smtp-security", "none|starttls|tls",
     QT_TRANSLATE_NOOP("Outpost::Cli", "How the SMTP connection is protected.")},
    {"smtp-auth", "none|auto|plain|login|cram-md5",
     QT_TRANSLATE_NOOP("Outpost::Cli", "SMTP authentication.")},
    {"smtp-user", "USER",
     QT_TRANSLATE_NOOP("Outpost::Cli", "The SMTP user name (default: the POP3 user).")},
    {"smtp-same-password", "on|off",
     QT_TRANSLATE_NOOP("Outpost::Cli", "SMTP AUTH uses the POP3 password (default on).")},
    {"allow-plain-text-auth", "on|off",
     QT_TRANSLATE_NOOP("Outpost::Cli",
                       "Allows sending the password without TLS (off unless you choose it).")},
    {"pop-before-smtp", "on|off",
     QT_TRANSLATE_NOOP("Outpost::Cli", "Logs in over POP before sending (default on).")},
    {"auth-window", "SECONDS",
     QT_TRANSLATE_NOOP("Outpost::Cli", "How long a POP login opens the relay (default 300).")},
    {"delay-after-pop", "MS",
     QT_TRANSLATE_NOOP("Outpost::Cli", "Waits this long after the POP login before sending.")},
    {"interval", "MINUTES",
     QT_TRANSLATE_NOOP("Outpost::Cli", "Checks every MINUTES (0: only when asked).")},
    {"send-immediately", "on|off",
     QT_TRANSLATE_NOOP("Outpost::Cli", "A queued message starts a cycle at once.")},
    {"check-at-startup", "on|off",
     QT_TRANSLATE_NOOP("Outpost::Cli", "Runs a cycle when Outpost starts.")},
    {"receive", "download|auth-only",
     QT_TRANSLATE_NOOP("Outpost::Cli",
                       "Downloads new mail, or only logs in (for mail read elsewhere).")},
    {"leave-on-server", "on|off",
     QT_TRANSLATE_NOOP("Outpost::Cli", "Keeps downloaded mail on the server (default on).")},
    {"give-up-after", "HOURS",
     QT_TRANSLATE_NOOP("Outpost::Cli", "A message that cannot be sent fails after HOURS.")},
    {"alert-after", "MINUTES",
     QT_TRANSLATE_NOOP("Outpost::Cli",
                       "Warns about a message still waiting after MINUTES (default 30).")},
    {"japanese-encoding", "auto|utf-8|iso-2022-jp",
     QT_TRANSLATE_NOOP("Outpost::Cli", "How Japanese text is written.")},
    {"ca-file", "PEM",
     QT_TRANSLATE_NOOP("Outpost::Cli", "Also trusts the CA certificates in this PEM file.")},
    {"trust-fingerprint", "SHA256",
     QT_TRANSLATE_NOOP("Outpost::Cli",
                       "Trusts the server certificate with this SHA-256 fingerprint (repeatable; "
                       "\"none\" removes all).")},
};

void addAccountOptions(QCommandLineParser &parser)
{
    for (const OptionSpec &spec : accountOptions)
        parser.addOption({QLatin1String(spec.name),
                          QCoreApplication::translate("Outpost::Cli", spec.description),
                          QLatin1String(spec.valueName)});
}

QJsonObject toJson(const Account &a)
{
    return QJsonObject{
        {QStringLiteral("id"), a.id},
        {QStringLiteral("name"), a.name},
        {QStringLiteral("fullName"), a.fullName},
        {QStringLiteral("address"), a.address},
        {QStringLiteral("incoming"), AccountWords::toString(a.incoming)},
        {QStringLiteral("popHost"), a.popHost},
        {QStringLiteral("popPort"), a.popPort},
        {QStringLiteral("popSecurity"), AccountWords::toString(a.popSecurity)},
        {QStringLiteral("popUser"), a.popUser},
        {QStringLiteral("popLogin"), AccountWords::toString(a.popLogin)},
        {QStringLiteral("receive"), AccountWords::toString(a.receiveMode)},
        {QStringLiteral("leaveOnServer"), a.leaveOnServer},
        {QStringLiteral("smtpHost"), a.smtpHost},
        {QStringLiteral("smtpPort"), a.smtpPort},
        {QStringLiteral("smtpSecurity"), AccountWords::toString(a.smtpSecurity)},
        {QStringLiteral("smtpAuth"), AccountWords::toString(a.smtpAuth)},
        {QStringLiteral("smtpUser"), a.effectiveSmtpUser()},
        {QStringLiteral("smtpSamePassword"), a.smtpSamePassword},
        {QStringLiteral("popBeforeSmtp"), a.popBeforeSmtp},
        {QStringLiteral("authWindowSeconds"), a.authWindowSeconds},
        {QStringLiteral("delayAfterPopMs"), a.delayAfterPopMs},
        {QStringLiteral("checkIntervalMinutes"), a.checkIntervalMinutes},
        {QStringLiteral("sendImmediately"), a.sendImmediately},
        {QStringLiteral("checkAtStartup"), a.checkAtStartup},
        {QStringLiteral("giveUpAfterHours"), a.giveUpAfterHours},
        {QStringLiteral("alertAfterMinutes"), a.alertAfterMinutes},
        {QStringLiteral("japaneseEncoding"), AccountWords::toString(a.japaneseEncoding)},
        {QStringLiteral("caFile"), a.caFile},
        {QStringLiteral("trustedFingerprints"), QJsonArray::fromStringList(a.trustedFingerprints)},
    };
}

} // namespace

void Cli::runAccount(const QStringList &arguments)
{
    // arguments: program, ..., "account", sub, ...
    QStringList words;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == QLatin1String("--profile")) {
            ++i;
            continue;
        }
        if (!arguments.at(i).startsWith(QLatin1Char('-')))
            words.append(arguments.at(i));
    }
    const QString sub = words.value(1);
    if (sub == QLatin1String("add"))
        return accountAddOrEdit(arguments, true);
    if (sub == QLatin1String("edit"))
        return accountAddOrEdit(arguments, false);
    if (sub == QLatin1String("list"))
        return accountList(arguments);
    if (sub == QLatin1String("remove"))
        return accountRemove(arguments);
    if (sub == QLatin1String("password"))
        return accountPassword(arguments);
    fail(sub.isEmpty()
             ? tr("Say what to do with accounts: add, edit, list, remove or password.")
             : tr("Unknown account command \"%1\": use add, edit, list, remove or password.")
                   .arg(sub));
}

bool Cli::applyAccountOptions(const QCommandLineParser &parser, Account *a)
{
    auto has = [&](const char *name) { return parser.isSet(QLatin1String(name)); };
    auto value = [&](const char *name) { return parser.value(QLatin1String(name)); };
    auto bad = [&](const char *name) {
        fail(tr("--%1: \"%2\" is not a valid value; expected %3.")
                 .arg(QLatin1String(name), value(name), [&] {
                     for (const OptionSpec &spec : accountOptions)
                         if (qstrcmp(spec.name, name) == 0)
                             return QLatin1String(spec.valueName);
                     return QLatin1String("?");
                 }()));
        return false;
    };
    auto number = [&](const char *name, int *target) {
        if (!has(name))
            return true;
        bool ok = false;
        const int n = value(name).toInt(&ok);
        if (!ok)
            return bad(name);
        *target = n;
        return true;
    };
    auto port = [&](const char *name, quint16 *target) {
        if (!has(name))
            return true;
        bool ok = false;
        const uint n = value(name).toUInt(&ok);
        if (!ok || n == 0 || n > 65535)
            return bad(name);
        *target = quint16(n);
        return true;
    };
    auto flag = [&](const char *name, bool *target) {
        if (!has(name))
            return true;
        const QString v = value(name).toLower();
        if (v == QLatin1String("on") || v == QLatin1String("yes") || v == QLatin1String("true"))
            *target = true;
        else if (v == QLatin1String("off") || v == QLatin1String("no") ||
                 v == QLatin1String("false"))
            *target = false;
        else
            return bad(name);
        return true;
    };
    auto text = [&](const char *name, QString *target) {
        if (has(name))
            *target = value(name).trimmed();
    };
    auto word = [&](const char *name, auto *target) {
        if (!has(name))
            return true;
        return AccountWords::fromString(value(name), target) ? true : bad(name);
    };

    // Protocol and security first: a port not given follows them.
    const IncomingProtocol oldIncoming = a->incoming;
    const Security oldPopSecurity = a->popSecurity;
    const Security oldSmtpSecurity = a->smtpSecurity;
    if (!word("incoming", &a->incoming) || !word("pop-security", &a->popSecurity) ||
        !word("smtp-security", &a->smtpSecurity))
        return false;
    if (!has("pop-port") &&
        (a->popSecurity != oldPopSecurity || a->incoming != oldIncoming || !a->popPort ||
         a->popPort == Account::defaultIncomingPort(oldIncoming, oldPopSecurity)))
        a->popPort = Account::defaultIncomingPort(a->incoming, a->popSecurity);
    if (!has("smtp-port") && a->smtpPort == Account::defaultSmtpPort(oldSmtpSecurity))
        a->smtpPort = Account::defaultSmtpPort(a->smtpSecurity);

    text("address", &a->address);
    text("full-name", &a->fullName);
    text("pop-host", &a->popHost);
    text("pop-user", &a->popUser);
    text("smtp-host", &a->smtpHost);
    text("smtp-user", &a->smtpUser);
    if (!port("pop-port", &a->popPort) || !port("smtp-port", &a->smtpPort) ||
        !word("pop-login", &a->popLogin) || !word("smtp-auth", &a->smtpAuth) ||
        !word("receive", &a->receiveMode) || !word("japanese-encoding", &a->japaneseEncoding) ||
        !flag("smtp-same-password", &a->smtpSamePassword) ||
        !flag("allow-plain-text-auth", &a->allowPlainTextAuth) ||
        !flag("pop-before-smtp", &a->popBeforeSmtp) ||
        !flag("send-immediately", &a->sendImmediately) ||
        !flag("check-at-startup", &a->checkAtStartup) ||
        !flag("leave-on-server", &a->leaveOnServer) ||
        !number("auth-window", &a->authWindowSeconds) ||
        !number("delay-after-pop", &a->delayAfterPopMs) ||
        !number("interval", &a->checkIntervalMinutes) ||
        !number("give-up-after", &a->giveUpAfterHours) ||
        !number("alert-after", &a->alertAfterMinutes))
        return false;
    if (a->popUser.isEmpty() && has("address"))
        a->popUser = a->address.section(QLatin1Char('@'), 0, 0);

    if (has("ca-file")) {
        const QString path = value("ca-file");
        if (path.isEmpty() || path == QLatin1String("none")) {
            a->caFile.clear();
        } else {
            const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path);
            if (certificates.isEmpty()) {
                fail(tr("--ca-file: %1 holds no PEM certificate (or cannot be read).").arg(path));
                return false;
            }
            a->caFile = QFileInfo(path).absoluteFilePath();
        }
    }
    if (has("trust-fingerprint")) {
        QStringList pins;
        for (const QString &pin : parser.values(QStringLiteral("trust-fingerprint"))) {
            if (pin == QLatin1String("none"))
                continue;
            pins.append(QString::fromLatin1(CertificateInfo::normalizeFingerprint(pin.toLatin1())));
        }
        a->trustedFingerprints = pins;
    }
    return true;
}

void Cli::accountAddOrEdit(const QStringList &arguments, bool add)
{
    QCommandLineParser parser;
    addCommonOptions(parser, false);
    addAccountOptions(parser);
    parser.addPositionalArgument(QStringLiteral("account"), QString());
    parser.addPositionalArgument(add ? QStringLiteral("add") : QStringLiteral("edit"), QString());
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The account's name."));
    if (!parse(parser, arguments))
        return;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3) {
        fail(add ? tr("Usage: outpost-cli account add NAME --address ADDR --pop-host HOST "
                      "--smtp-host HOST [options]")
                 : tr("Usage: outpost-cli account edit NAME [options]"));
        return;
    }
    if (!openProfile(Session::Access::Write))
        return;
    const QString name = positional.at(2);
    QString error;
    Account account;
    if (add) {
        if (m_accounts->find(name)) {
            fail(tr("There is already an account named \"%1\".").arg(name));
            return;
        }
        account.name = name;
        account.id = m_accounts->uniqueId(name);
    } else {
        const Account *existing = accountArgument(name);
        if (!existing)
            return;
        account = *existing;
    }
    if (!applyAccountOptions(parser, &account))
        return;
    if (add ? !m_accounts->add(account, &error) : !m_accounts->update(account, &error)) {
        fail(error);
        return;
    }
    if (!m_accounts->save(&error)) {
        fail(error);
        return;
    }
    print(add ? tr("Added account \"%1\" (%2). Store its password with: outpost-cli account "
                   "password \"%1\" --password-stdin")
                    .arg(account.name, account.id)
              : tr("Updated account \"%1\".").arg(account.name));
    done(Success);
}

namespace {
/// What the scheduler learned about the account's relay window (0 = nothing yet).
int learnedWindow(const Profile &profile, const Account &a)
{
    return AuthWindow::load(profile.accountDirectory(a.id), a.authWindowSeconds).learnedSeconds();
}
} // namespace

void Cli::accountList(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser, true);
    if (!parse(parser, arguments))
        return;
    if (!openProfile(Session::Access::Read))
        return;
    if (m_json) {
        QJsonArray list;
        for (const Account &a : m_accounts->accounts()) {
            QJsonObject o = toJson(a);
            o.insert(QStringLiteral("learnedWindowSeconds"), learnedWindow(*m_profile, a));
            list.append(o);
        }
        printJson(list);
        return done(Success);
    }
    if (m_accounts->accounts().isEmpty())
        print(tr("No accounts. Add one with: outpost-cli account add NAME --address ADDR "
                 "--pop-host HOST --smtp-host HOST"));
    for (const Account &a : m_accounts->accounts()) {
        print(tr("%1 (%2) <%3>\n  receive: %4@%5:%6 (%7)\n  send:    %8:%9 (%10, auth %11)%12")
                  .arg(a.name, a.id, a.address, a.popUser, a.popHost)
                  .arg(a.popPort)
                  .arg(AccountWords::toString(a.incoming) + QStringLiteral(", ") +
                           AccountWords::toString(a.popSecurity),
                       a.smtpHost)
                  .arg(a.smtpPort)
                  .arg(AccountWords::toString(a.smtpSecurity), AccountWords::toString(a.smtpAuth),
                       a.popBeforeSmtp ? tr("\n  POP before SMTP, window %1 s, check every %2 min")
                                             .arg(a.authWindowSeconds)
                                             .arg(a.checkIntervalMinutes)
                                       : QString()));
        if (const int learned = learnedWindow(*m_profile, a))
            print(tr("  learned: the server stops relaying about %1 s after a login").arg(learned));
    }
    done(Success);
}

void Cli::accountRemove(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser, false);
    if (!parse(parser, arguments))
        return;
    if (!openProfile(Session::Access::Write))
        return;
    const Account *account = accountArgument(parser.positionalArguments().value(2));
    if (!account)
        return;
    const Account removed = *account;
    QString error;
    if (!m_accounts->remove(removed.id, &error) || !m_accounts->save(&error)) {
        fail(error);
        return;
    }
    // The passwords go too; the account's mail folders stay (nothing is deleted silently).
    auto *pop = m_credentials->remove(removed.id, CredentialStore::Server::Incoming);
    connect(pop, &CredentialJob::finished, this, [this, removed] {
        auto *smtp = m_credentials->remove(removed.id, CredentialStore::Server::Outgoing);
        connect(smtp, &CredentialJob::finished, this, [this, removed] {
            print(tr("Removed account \"%1\". Its mail stays in %2.")
                      .arg(removed.name, m_profile->accountDirectory(removed.id)));
            done(Success);
        });
    });
}

void Cli::accountPassword(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser, false);
    parser.addOption({QStringLiteral("smtp"),
                      tr("Sets the SMTP password (when it differs from the POP3 password).")});
    parser.addOption({QStringLiteral("password-stdin"),
                      tr("Reads the password from standard input (required: a password on the "
                         "command line would end up in the shell history).")});
    parser.addOption(
        {QStringLiteral("insecure-password-file"),
         tr("When there is no keychain, keeps passwords in a plain-text file in the profile. "
            "Anyone who can read your files can read them.")});
    if (!parse(parser, arguments))
        return;
    if (!parser.isSet(QStringLiteral("password-stdin"))) {
        fail(tr("Give the password on standard input with --password-stdin."));
        return;
    }
    if (!openProfile(Session::Access::Read))
        return;
    const Account *account = accountArgument(parser.positionalArguments().value(2));
    if (!account)
        return;
    const std::optional<QString> typed = readPasswordInput();
    if (!typed)
        return;
    const QString password = *typed;
    if (password.isEmpty()) {
        fail(tr("The password on standard input is empty."));
        return;
    }
    if (parser.isSet(QStringLiteral("insecure-password-file"))) {
        m_credentials->setPlainFileFallback(insecurePasswordFile());
        m_err << tr("Warning: if there is no keychain, the password will be kept in plain text "
                    "in %1.")
                     .arg(insecurePasswordFile())
              << Qt::endl;
    }
    const bool smtp = parser.isSet(QStringLiteral("smtp"));
    const QString accountName = account->name;
    auto *job = m_credentials->write(
        account->id, smtp ? CredentialStore::Server::Outgoing : CredentialStore::Server::Incoming,
        password);
    connect(job, &CredentialJob::finished, this,
            [this, accountName, smtp](const CredentialResult &result) {
                if (!result.ok()) {
                    fail(tr("The password was not stored: %1").arg(result.message));
                    return;
                }
                print(smtp ? tr("Stored the SMTP password of \"%1\".").arg(accountName)
                           : tr("Stored the password of \"%1\".").arg(accountName));
                done(Success);
            });
}

} // namespace Outpost
