#include "ReplyForward.h"

#include "message/AddressParser.h"
#include "store/DurableIo.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QUuid>

namespace Outpost {

namespace {

// Prefixes mailers put before a subject, in the languages Outpost's users meet: English,
// German (AW, WG), the Nordic languages (SV, VS), Dutch (Antw, Doorst) and Japanese; with a
// count ("Re[2]:", "Re(2):") and a full-width colon, as Japanese mailers write them.
const QRegularExpression replyPrefix(
    QStringLiteral(R"(^\s*(?:(?:re|aw|sv|vs|antw)\s*(?:\[\d+\]|\(\d+\))?|返信|返)\s*[:：]\s*)"),
    QRegularExpression::CaseInsensitiveOption);
const QRegularExpression forwardPrefix(
    QStringLiteral(R"(^\s*(?:(?:fwd?|wg|doorst)\s*(?:\[\d+\]|\(\d+\))?|転送)\s*[:：]\s*)"),
    QRegularExpression::CaseInsensitiveOption);

QString strip(QString subject, const QRegularExpression &prefix)
{
    for (;;) {
        const QRegularExpressionMatch m = prefix.match(subject);
        if (!m.hasMatch() || m.capturedLength() == 0)
            return subject.trimmed();
        subject.remove(0, m.capturedLength());
    }
}

QString joinAddresses(const QList<MailAddress> &addresses)
{
    QStringList out;
    for (const MailAddress &a : addresses)
        out.append(a.toDisplayString());
    return out.join(QStringLiteral(", "));
}

bool sameAddress(const MailAddress &a, const MailAddress &b)
{
    return a.address().compare(b.address(), Qt::CaseInsensitive) == 0;
}

/// Appends the addresses of @p from that are neither in @p seen nor the account's own.
void addNew(QList<MailAddress> *to, const QList<MailAddress> &from, QList<MailAddress> *seen,
            const QList<MailAddress> &own)
{
    for (const MailAddress &a : from) {
        if (a.isNull())
            continue;
        auto same = [&a](const MailAddress &b) { return sameAddress(a, b); };
        if (std::any_of(seen->cbegin(), seen->cend(), same) ||
            std::any_of(own.cbegin(), own.cend(), same))
            continue;
        seen->append(a);
        to->append(a);
    }
}

QString displayName(const QList<MailAddress> &addresses)
{
    if (addresses.isEmpty())
        return QString();
    const MailAddress &a = addresses.first();
    return a.displayName().isEmpty() ? a.address() : a.displayName();
}

QString formattedDate(const QDateTime &date)
{
    return date.isValid() ? QLocale().toString(date.toLocalTime(), QLocale::LongFormat) : QString();
}

/// The Message-IDs in a References or In-Reply-To field, without "<>".
QList<QByteArray> messageIds(const QByteArray &field)
{
    QList<QByteArray> ids;
    qsizetype from = 0;
    for (;;) {
        const qsizetype open = field.indexOf('<', from);
        if (open < 0)
            break;
        const qsizetype close = field.indexOf('>', open + 1);
        if (close < 0)
            break;
        const QByteArray id = field.mid(open + 1, close - open - 1).trimmed();
        if (!id.isEmpty() && !id.contains(' '))
            ids.append(id);
        from = close + 1;
    }
    return ids;
}

ComposeContent started(const Account &account)
{
    ComposeContent c;
    c.accountId = account.id;
    // The text is written as new mail from the account is (its Japanese-encoding choice).
    c.encoding = ComposeMessage::textEncodingFor(account.japaneseEncoding);
    return c;
}

} // namespace

QString ReplyForward::replySubject(const QString &subject)
{
    return QStringLiteral("Re: ") + strip(subject, replyPrefix);
}

QString ReplyForward::forwardSubject(const QString &subject)
{
    return QStringLiteral("Fwd: ") + strip(subject, forwardPrefix);
}

QString ReplyForward::quote(const QString &text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    while (normalised.endsWith(QLatin1Char('\n')))
        normalised.chop(1);
    QStringList lines = normalised.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line = line.isEmpty() || line.startsWith(QLatin1Char('>')) ? QLatin1Char('>') + line
                                                                   : QStringLiteral("> ") + line;
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString ReplyForward::attribution(const ParsedMessage &original)
{
    const QString name = displayName(original.from());
    const QString date = formattedDate(original.date());
    if (date.isEmpty())
        return tr("%1 wrote:").arg(name);
    //: %1 is the date and time, %2 the sender's name
    return tr("On %1, %2 wrote:").arg(date, name);
}

ComposeContent ReplyForward::reply(const ParsedMessage &original, const Account &account, bool all)
{
    ComposeContent c = started(account);
    QList<MailAddress> own;
    const AddressParseResult self = AddressParser::parseMailbox(account.address);
    if (self.ok())
        own = self.addresses;

    const QList<MailAddress> sender =
        original.replyTo().isEmpty() ? original.from() : original.replyTo();
    const bool fromSelf = !original.from().isEmpty() && !own.isEmpty() &&
                          sameAddress(original.from().first(), own.first());
    QList<MailAddress> to, cc, seen;
    // A reply to one's own message goes to its recipients, as Thunderbird does.
    addNew(&to, fromSelf ? original.to() : sender, &seen, own);
    if (all) {
        addNew(&to, original.to(), &seen, own);
        addNew(&cc, original.cc(), &seen, own);
    }
    c.to = joinAddresses(to);
    c.cc = joinAddresses(cc);
    c.subject = replySubject(original.subject());

    // RFC 5322 section 3.6.4: References is the parent's References (or, without them, its
    // In-Reply-To) followed by the parent's Message-ID.
    const QByteArray parent = original.messageId();
    QList<QByteArray> references = messageIds(original.rawHeader("References"));
    if (references.isEmpty())
        references = messageIds(original.rawHeader("In-Reply-To")).mid(0, 1);
    if (!parent.isEmpty()) {
        c.inReplyTo = parent;
        references.removeAll(parent);
        references.append(parent);
    }
    c.references = references;

    // The cursor goes above the quote: the text starts with an empty line.
    c.body =
        QStringLiteral("\n\n") + attribution(original) + QLatin1Char('\n') + quote(original.text());
    return c;
}

ComposeContent ReplyForward::forward(const ParsedMessage &original, const Account &account)
{
    ComposeContent c = started(account);
    c.subject = forwardSubject(original.subject());
    QString block =
        QStringLiteral("\n\n") + tr("---------- Forwarded message ----------") + QLatin1Char('\n');
    block += tr("From: %1").arg(joinAddresses(original.from())) + QLatin1Char('\n');
    if (original.date().isValid())
        block += tr("Date: %1").arg(formattedDate(original.date())) + QLatin1Char('\n');
    block += tr("Subject: %1").arg(original.subject()) + QLatin1Char('\n');
    block += tr("To: %1").arg(joinAddresses(original.to())) + QLatin1Char('\n');
    if (!original.cc().isEmpty())
        block += tr("Cc: %1").arg(joinAddresses(original.cc())) + QLatin1Char('\n');
    QString text = original.text();
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    c.body = block + QLatin1Char('\n') + text;
    if (!c.body.endsWith(QLatin1Char('\n')))
        c.body += QLatin1Char('\n');
    return c;
}

std::optional<ComposeContent>
ReplyForward::forwardAsAttachment(const QString &originalPath, const ParsedMessage &original,
                                  const Account &account, const QString &folder, StoreError *error)
{
    // A folder of its own, so the copy can carry the name recipients see.
    const QString dir = folder + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::Id128);
    QString name = original.subject().trimmed();
    static const QRegularExpression unsafe(QStringLiteral(R"([\\/:*?"<>|\x00-\x1f])"));
    name.replace(unsafe, QStringLiteral("_"));
    name = name.left(80).trimmed();
    if (name.isEmpty())
        name = tr("Forwarded message");
    const QString copy = dir + QLatin1Char('/') + name + QStringLiteral(".eml");
    QFile in(originalPath);
    QString detail;
    bool diskFull = false;
    if (!in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {StoreError::Kind::NotFound,
                      tr("The message to forward cannot be read: %1").arg(in.errorString()),
                      originalPath};
        return std::nullopt;
    }
    const QByteArray bytes = in.readAll();
    if (!QDir().mkpath(dir) || !DurableIo::writeAtomically(copy, bytes, &detail, &diskFull)) {
        if (error)
            *error = {diskFull ? StoreError::Kind::DiskFull : StoreError::Kind::NotWritable,
                      diskFull ? tr("The message cannot be forwarded: the disk is full.")
                               : tr("The message cannot be forwarded: the folder %1 cannot be "
                                    "written.")
                                     .arg(QDir::toNativeSeparators(folder)),
                      detail};
        return std::nullopt;
    }
    ComposeContent c = started(account);
    c.subject = forwardSubject(original.subject());
    c.messageAttachments = {copy};
    return c;
}

} // namespace Outpost
