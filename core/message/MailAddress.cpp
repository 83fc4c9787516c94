#include "MailAddress.h"

#include "HeaderCodec.h"

#include <QUrl>

namespace Outpost {

namespace {

bool isDotAtomText(const QString &s)
{
    if (s.isEmpty() || s.startsWith(QLatin1Char('.')) || s.endsWith(QLatin1Char('.')) ||
        s.contains(QLatin1String("..")))
        return false;
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u >= 0x80)
            continue; // RFC 6532 allows UTF-8 here
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9'))
            continue;
        if (QByteArrayView("!#$%&'*+-/=?^_`{|}~.").contains(char(u)))
            continue;
        return false;
    }
    return true;
}

} // namespace

MailAddress::MailAddress(const QString &displayName, const QString &localPart,
                         const QString &domain, const QString &group)
    : m_displayName(displayName)
    , m_localPart(localPart)
    , m_domain(domain)
    , m_group(group)
{}

QString MailAddress::address() const
{
    QString local = m_localPart;
    if (!isDotAtomText(local)) {
        // RFC 5322 section 3.4.1: a local part that is not a dot-atom is a quoted string.
        QString quoted = QStringLiteral("\"");
        for (const QChar c : local) {
            if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
                quoted += QLatin1Char('\\');
            quoted += c;
        }
        local = quoted + QLatin1Char('"');
    }
    return local + QLatin1Char('@') + m_domain;
}

QString MailAddress::toDisplayString() const
{
    if (m_displayName.isEmpty())
        return address();
    QString name = m_displayName;
    bool needsQuotes = false;
    for (const QChar c : name)
        if (QStringView(u"()<>[]:;@\\,.\"").contains(c))
            needsQuotes = true;
    if (needsQuotes) {
        name.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        name.replace(QLatin1Char('"'), QLatin1String("\\\""));
        name = QLatin1Char('"') + name + QLatin1Char('"');
    }
    return name + QLatin1String(" <") + address() + QLatin1Char('>');
}

bool MailAddress::needsSmtpUtf8() const
{
    return !HeaderCodec::isPlainAscii(m_localPart);
}

QByteArray MailAddress::asciiDomain() const
{
    if (m_domain.startsWith(QLatin1Char('[')))
        return m_domain.toLatin1(); // a domain literal is ASCII already
    if (HeaderCodec::isPlainAscii(m_domain))
        return m_domain.toLatin1();
    return QUrl::toAce(m_domain);
}

QByteArray MailAddress::encoded(bool smtpUtf8) const
{
    const QString local = address().left(address().size() - m_domain.size() - 1);
    if (smtpUtf8)
        return address().toUtf8();
    const QByteArray domain = asciiDomain();
    if (domain.isEmpty() || !HeaderCodec::isPlainAscii(local))
        return {};
    return local.toLatin1() + '@' + domain;
}

} // namespace Outpost
