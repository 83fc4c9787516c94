#include "ServerSettings.h"

#include <QSslCertificate>

namespace Outpost {
namespace {

ConnectionSettings connectionFor(const Account &account, const QString &host, quint16 port,
                                 Security security, const Timeouts &timeouts)
{
    ConnectionSettings c;
    c.host = host;
    c.port = port;
    c.security = security;
    if (!account.caFile.isEmpty())
        c.extraCaCertificates = QSslCertificate::fromPath(account.caFile);
    // Every certificate the user accepted for this account: POP and SMTP may be on other
    // hosts, each with its own.
    for (const QString &fingerprint : account.trustedFingerprints)
        c.pinnedSha256.append(fingerprint.toLatin1());
    c.connectTimeoutMs = timeouts.connectMs;
    c.commandTimeoutMs = timeouts.commandMs;
    return c;
}

} // namespace

Pop3Settings pop3SettingsFor(const Account &account, const QString &password,
                             const Timeouts &timeouts)
{
    Pop3Settings s;
    s.connection =
        connectionFor(account, account.popHost, account.popPort, account.popSecurity, timeouts);
    s.login = account.popLogin;
    s.user = account.popUser;
    s.password = password;
    s.allowPlainTextPassword = account.allowPlainTextAuth;
    return s;
}

ImapSettings imapSettingsFrom(const Pop3Settings &pop)
{
    ImapSettings s;
    s.connection = pop.connection;
    s.user = pop.user;
    s.password = pop.password;
    s.allowPlainTextPassword = pop.allowPlainTextPassword;
    s.usePipelining = pop.usePipelining;
    return s;
}

SmtpSettings smtpSettingsFor(const Account &account, const QString &password,
                             const QHostAddress &localAddress, const Timeouts &timeouts)
{
    SmtpSettings s;
    s.connection =
        connectionFor(account, account.smtpHost, account.smtpPort, account.smtpSecurity, timeouts);
    s.connection.localAddress = localAddress;
    s.auth = account.smtpAuth;
    s.user = account.effectiveSmtpUser();
    s.password = password;
    s.allowPlainTextPassword = account.allowPlainTextAuth;
    return s;
}

} // namespace Outpost
