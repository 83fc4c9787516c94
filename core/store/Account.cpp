#include "Account.h"

#include <QRegularExpression>

namespace Outpost {
namespace {

bool isHostName(const QString &host)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[^\\s/@:]+$|^\\[?[0-9a-fA-F:.]+\\]?$"));
    return !host.isEmpty() && pattern.match(host).hasMatch();
}

bool isPlainAddress(const QString &address)
{
    // A full RFC 5322 check belongs to the address parser; this only rules out what can
    // never work as an envelope sender.
    static const QRegularExpression pattern(QStringLiteral(
        "^[^\\s@<>()\\[\\],;:\"]+@[^\\s@<>()\\[\\],;:\"]+\\.?[^\\s@<>()\\[\\],;:\"]*$"));
    return pattern.match(address).hasMatch();
}

bool hasLineBreak(const QString &text)
{
    return text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n')) ||
           text.contains(QChar(0));
}

} // namespace

QString Account::validate() const
{
    const QString who = name.isEmpty() ? id : name;
    auto bad = [&](const QString &sentence) { return tr("Account \"%1\": %2").arg(who, sentence); };

    if (name.trimmed().isEmpty())
        return tr("An account needs a name.");
    if (hasLineBreak(name))
        return bad(tr("the account name must be on one line."));
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!idPattern.match(id).hasMatch())
        return bad(
            tr("the identifier \"%1\" may only contain letters, digits, '-' and '_'.").arg(id));
    if (hasLineBreak(fullName))
        return bad(tr("your name must be on one line."));
    if (!isPlainAddress(address))
        return bad(
            tr("the e-mail address \"%1\" is not valid (expected name@example.com).").arg(address));
    const QString protocol =
        incoming == IncomingProtocol::Imap ? QStringLiteral("IMAP") : QStringLiteral("POP3");
    if (!isHostName(popHost))
        return bad(
            tr("the incoming (%1) server \"%2\" is not a valid host name.").arg(protocol, popHost));
    if (popPort == 0)
        return bad(tr("the incoming (%1) port must be between 1 and 65535.").arg(protocol));
    if (popUser.isEmpty() || hasLineBreak(popUser) || popUser.contains(QLatin1Char(' ')))
        return bad(tr("the incoming (%1) user name is missing or contains spaces.").arg(protocol));
    if (!isHostName(smtpHost))
        return bad(tr("the outgoing (SMTP) server \"%1\" is not a valid host name.").arg(smtpHost));
    if (smtpPort == 0)
        return bad(tr("the outgoing (SMTP) port must be between 1 and 65535."));
    if (hasLineBreak(smtpUser) || smtpUser.contains(QLatin1Char(' ')))
        return bad(tr("the outgoing (SMTP) user name contains spaces or line breaks."));
    if (authWindowSeconds < 10 || authWindowSeconds > 24 * 3600)
        return bad(tr("the relay window must be between 10 seconds and 24 hours."));
    if (delayAfterPopMs < 0 || delayAfterPopMs > 60000)
        return bad(tr("the delay after the POP login must be between 0 and 60 seconds."));
    if (checkIntervalMinutes < 0 || checkIntervalMinutes > 24 * 60)
        return bad(tr("the check interval must be between 0 (manual only) and 1440 minutes."));
    if (giveUpAfterHours < 1 || giveUpAfterHours > 30 * 24)
        return bad(
            tr("the time before giving up on a message must be between 1 hour and 30 days."));
    if (alertAfterMinutes < 1 || alertAfterMinutes > 7 * 24 * 60)
        return bad(tr("the time before warning about a waiting message must be between 1 "
                      "minute and 7 days."));
    static const QRegularExpression fingerprint(QStringLiteral("^[0-9a-f]{64}$"));
    for (const QString &pin : trustedFingerprints) {
        if (!fingerprint.match(pin).hasMatch())
            return bad(tr("the trusted certificate fingerprint \"%1\" is not a SHA-256 "
                          "fingerprint (64 hexadecimal digits).")
                           .arg(pin));
    }
    return {};
}

QString Account::makeId(const QString &name)
{
    QString id;
    for (const QChar c : name) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            id += c;
        else if (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            id += c.toLower();
        else if (!id.isEmpty() && !id.endsWith(QLatin1Char('-')))
            id += QLatin1Char('-');
    }
    while (id.endsWith(QLatin1Char('-')))
        id.chop(1);
    if (id.isEmpty())
        id = QStringLiteral("account");
    return id.left(48);
}

quint16 Account::defaultPopPort(Security security)
{
    return security == Security::Tls ? 995 : 110;
}

quint16 Account::defaultIncomingPort(IncomingProtocol protocol, Security security)
{
    if (protocol == IncomingProtocol::Imap)
        return security == Security::Tls ? 993 : 143;
    return defaultPopPort(security);
}

quint16 Account::defaultSmtpPort(Security security)
{
    switch (security) {
    case Security::None:
        return 25;
    case Security::StartTls:
        return 587; // submission, RFC 6409
    case Security::Tls:
        return 465; // submissions, RFC 8314
    }
    return 25;
}

namespace AccountWords {
namespace {

template<typename Enum, size_t N>
bool lookup(const std::pair<Enum, const char *> (&table)[N], const QString &word, Enum *value)
{
    for (const auto &[candidate, text] : table) {
        if (word.compare(QLatin1String(text), Qt::CaseInsensitive) == 0) {
            *value = candidate;
            return true;
        }
    }
    return false;
}

template<typename Enum, size_t N>
QString name(const std::pair<Enum, const char *> (&table)[N], Enum value)
{
    for (const auto &[candidate, text] : table) {
        if (candidate == value)
            return QLatin1String(text);
    }
    return {};
}

const std::pair<IncomingProtocol, const char *> incomingWords[] = {
    {IncomingProtocol::Pop3, "pop3"}, {IncomingProtocol::Imap, "imap"}};
const std::pair<Security, const char *> securityWords[] = {
    {Security::None, "none"}, {Security::StartTls, "starttls"}, {Security::Tls, "tls"}};
const std::pair<PopLogin, const char *> popLoginWords[] = {{PopLogin::Auto, "auto"},
                                                           {PopLogin::Apop, "apop"},
                                                           {PopLogin::UserPass, "user"},
                                                           {PopLogin::SaslPlain, "sasl-plain"}};
const std::pair<SmtpAuth, const char *> smtpAuthWords[] = {{SmtpAuth::None, "none"},
                                                           {SmtpAuth::Auto, "auto"},
                                                           {SmtpAuth::Plain, "plain"},
                                                           {SmtpAuth::Login, "login"},
                                                           {SmtpAuth::CramMd5, "cram-md5"}};
const std::pair<ReceiveMode, const char *> receiveWords[] = {{ReceiveMode::Download, "download"},
                                                             {ReceiveMode::AuthOnly, "auth-only"}};
const std::pair<JapaneseEncoding, const char *> encodingWords[] = {
    {JapaneseEncoding::Automatic, "auto"},
    {JapaneseEncoding::Utf8, "utf-8"},
    {JapaneseEncoding::Iso2022Jp, "iso-2022-jp"}};

} // namespace

QString toString(IncomingProtocol value)
{
    return name(incomingWords, value);
}
QString toString(Security value)
{
    return name(securityWords, value);
}
QString toString(PopLogin value)
{
    return name(popLoginWords, value);
}
QString toString(SmtpAuth value)
{
    return name(smtpAuthWords, value);
}
QString toString(ReceiveMode value)
{
    return name(receiveWords, value);
}
QString toString(JapaneseEncoding value)
{
    return name(encodingWords, value);
}
bool fromString(const QString &word, IncomingProtocol *value)
{
    return lookup(incomingWords, word, value);
}
bool fromString(const QString &word, Security *value)
{
    return lookup(securityWords, word, value);
}
bool fromString(const QString &word, PopLogin *value)
{
    return lookup(popLoginWords, word, value);
}
bool fromString(const QString &word, SmtpAuth *value)
{
    return lookup(smtpAuthWords, word, value);
}
bool fromString(const QString &word, ReceiveMode *value)
{
    return lookup(receiveWords, word, value);
}
bool fromString(const QString &word, JapaneseEncoding *value)
{
    return lookup(encodingWords, word, value);
}

} // namespace AccountWords
} // namespace Outpost
