#pragma once

#include "AccountTypes.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Outpost {

/// The Japanese encoding choice for outgoing text (see the message writer).
enum class JapaneseEncoding
{
    Automatic, ///< ISO-2022-JP when the text is Japanese and fits it, else UTF-8
    Utf8,      ///< always UTF-8
    Iso2022Jp, ///< traditional ISO-2022-JP where every character fits, else UTF-8
};

/// One mail account: identity, incoming POP3, outgoing SMTP and the send policy.
/// Passwords are not here: they live in the system keychain (CredentialStore).
struct Account
{
    Q_DECLARE_TR_FUNCTIONS(Account)

public:
    QString id;   ///< stable identifier and folder name (letters, digits, '-', '_')
    QString name; ///< the name people see, e.g. "Home (nifty)"

    // Identity
    QString fullName; ///< the sender's name in From
    QString address;  ///< the sender's address in From and MAIL FROM

    // Incoming (POP3 or IMAP: the pop* fields are the incoming server's, whatever it speaks)
    IncomingProtocol incoming = IncomingProtocol::Pop3;
    QString popHost;
    quint16 popPort = 110;
    Security popSecurity = Security::None;
    QString popUser;
    PopLogin popLogin = PopLogin::Auto;
    ReceiveMode receiveMode = ReceiveMode::Download;
    bool leaveOnServer = true;

    // Outgoing (SMTP)
    QString smtpHost;
    quint16 smtpPort = 25;
    Security smtpSecurity = Security::None;
    SmtpAuth smtpAuth = SmtpAuth::None;
    QString smtpUser;                ///< empty: the POP user
    bool smtpSamePassword = true;    ///< SMTP AUTH uses the POP password
    bool allowPlainTextAuth = false; ///< PLAIN/LOGIN/USER-PASS without TLS, only when chosen

    // Certificates
    QString caFile;                  ///< extra CA certificates (PEM) trusted for this account
    QStringList trustedFingerprints; ///< SHA-256 fingerprints (hex) the user pinned

    // Send policy
    bool popBeforeSmtp = true;     ///< log in over POP before sending
    int authWindowSeconds = 300;   ///< how long a POP login opens the relay
    int delayAfterPopMs = 0;       ///< wait between the POP login and the first RCPT
    int checkIntervalMinutes = 10; ///< 0 = manual only
    bool sendImmediately = true;   ///< a queued message starts a cycle at once
    bool checkAtStartup = true;
    int giveUpAfterHours = 72; ///< a deferred message fails after this age
    /// A message waiting (or deferred) longer than this raises the stuck-mail alert.
    int alertAfterMinutes = 30;
    JapaneseEncoding japaneseEncoding = JapaneseEncoding::Automatic;

    /// The user name for SMTP AUTH (falls back to the POP user).
    QString effectiveSmtpUser() const { return smtpUser.isEmpty() ? popUser : smtpUser; }

    /// Checks every field. Returns an empty string when valid, else one sentence for
    /// people that names the account and the bad field.
    QString validate() const;

    /// A folder-safe identifier made from @p name (ASCII letters and digits, '-').
    static QString makeId(const QString &name);

    /// The default port for a protocol and security choice (110/995, 143/993, 25/587/465).
    static quint16 defaultPopPort(Security security);
    static quint16 defaultIncomingPort(IncomingProtocol protocol, Security security);
    static quint16 defaultSmtpPort(Security security);

    friend bool operator==(const Account &, const Account &) = default;
};

/// Conversions between the enums and the words used in settings files and on the command line.
namespace AccountWords {
QString toString(IncomingProtocol value);
QString toString(Security value);
QString toString(PopLogin value);
QString toString(SmtpAuth value);
QString toString(ReceiveMode value);
QString toString(JapaneseEncoding value);
bool fromString(const QString &word, IncomingProtocol *value);
bool fromString(const QString &word, Security *value);
bool fromString(const QString &word, PopLogin *value);
bool fromString(const QString &word, SmtpAuth *value);
bool fromString(const QString &word, ReceiveMode *value);
bool fromString(const QString &word, JapaneseEncoding *value);
} // namespace AccountWords

} // namespace Outpost
