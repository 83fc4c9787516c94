#pragma once

#include "imap/ImapClient.h"
#include "pop3/Pop3Client.h"
#include "smtp/SmtpClient.h"
#include "store/Account.h"

namespace Outpost {

/// Timeouts for every connection Outpost makes (the defaults suit slow links).
struct Timeouts
{
    int connectMs = 30000;
    int commandMs = 60000;
};

/// The POP3 client settings for @p account.
Pop3Settings pop3SettingsFor(const Account &account, const QString &password,
                             const Timeouts &timeouts = {});
/// The IMAP client settings for the same incoming server (@p pop carries its connection,
/// user, password and plain-text choice, whatever protocol it speaks).
ImapSettings imapSettingsFrom(const Pop3Settings &pop);
/// The SMTP client settings for @p account; @p localAddress binds the connection to the
/// address the POP login came from (POP before SMTP authorises that exact address).
SmtpSettings smtpSettingsFor(const Account &account, const QString &password,
                             const QHostAddress &localAddress = {}, const Timeouts &timeouts = {});

} // namespace Outpost
