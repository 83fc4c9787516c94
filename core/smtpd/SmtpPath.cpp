#include "SmtpPath.h"

#include "message/AddressParser.h"

namespace Outpost {

SmtpPath SmtpPath::parse(const QByteArray &argument, QByteArrayView prefix, bool allowNull)
{
    SmtpPath path;
    if (!argument.toUpper().startsWith(prefix)) {
        path.problem = Problem::Syntax;
        return path;
    }
    const QByteArray rest = argument.mid(prefix.size()).trimmed();
    const qsizetype close = rest.indexOf('>');
    if (!rest.startsWith('<') || close < 0) {
        path.problem = Problem::Syntax;
        return path;
    }
    QByteArray mailbox = rest.mid(1, close - 1);
    // An obsolete source route "@a,@b:user@c" (RFC 5321 section 4.1.2): keep the mailbox.
    if (mailbox.startsWith('@')) {
        const qsizetype colon = mailbox.indexOf(':');
        mailbox = colon < 0 ? QByteArray() : mailbox.mid(colon + 1);
    }
    const QByteArrayList words = rest.mid(close + 1).simplified().split(' ');
    for (const QByteArray &word : words) {
        if (word.isEmpty())
            continue;
        const qsizetype eq = word.indexOf('=');
        path.parameters.append({(eq < 0 ? word : word.left(eq)).toUpper(),
                                eq < 0 ? QByteArray("") : word.mid(eq + 1)});
    }
    if (mailbox.isEmpty()) {
        if (!allowNull)
            path.problem = Problem::Address;
        return path;
    }
    // No spaces, controls or brackets inside a path; the parser checks the rest.
    for (const char c : mailbox) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7f || c == '<' || c == '>' || c == ',') {
            path.problem = Problem::Address;
            return path;
        }
    }
    const AddressParseResult parsed = AddressParser::parseMailbox(QString::fromUtf8(mailbox));
    if (!parsed.ok() || parsed.addresses.size() != 1 ||
        parsed.addresses.first().domain().isEmpty()) {
        path.problem = Problem::Address;
        return path;
    }
    const MailAddress &address = parsed.addresses.first();
    path.address = address.address();
    path.needsSmtpUtf8 = address.needsSmtpUtf8();
    return path;
}

QByteArray SmtpPath::parameter(QByteArrayView keyword) const
{
    for (const auto &p : parameters)
        if (p.first == keyword)
            return p.second;
    return {};
}

bool SmtpPath::hasParameter(QByteArrayView keyword) const
{
    for (const auto &p : parameters)
        if (p.first == keyword)
            return true;
    return false;
}

} // namespace Outpost
