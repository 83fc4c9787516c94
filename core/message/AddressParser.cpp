#include "AddressParser.h"

#include "Charsets.h"
#include "HeaderCodec.h"

#include <QUrl>

namespace Outpost {

namespace {

enum class TokenKind
{
    Atom,          ///< atext and dots (RFC 5322 section 3.2.3, obs-phrase dots included)
    Quoted,        ///< quoted-string, unescaped
    DomainLiteral, ///< [ ... ], brackets included
    Special,       ///< one of < > @ : ; ,
    End,
};

struct Token
{
    TokenKind kind = TokenKind::End;
    QString text;
    int position = 0;
    bool spaceBefore = false;
    QString comment; ///< text of comments seen just before this token
};

struct Failure
{
    int position;
    QString message;
};

bool isSpecial(QChar c)
{
    return QStringView(u"()<>[]:;@\\,\"").contains(c);
}

// RFC 5322 section 3.2.1: a quoted-pair escapes VCHAR or WSP, never a control character.
bool isQuotable(QChar c)
{
    return c.unicode() >= 0x20 ? c.unicode() != 0x7f : c == QLatin1Char('\t');
}

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
           c == QLatin1Char('\n');
}

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {}

    bool tokenize(Failure *failure)
    {
        int i = 0;
        const int n = int(m_text.size());
        bool space = false;
        QString comment;
        while (i < n) {
            const QChar c = m_text.at(i);
            if (isSpace(c)) {
                space = true;
                ++i;
                continue;
            }
            if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
                *failure = {i, AddressParser::tr("It contains a control character.")};
                return false;
            }
            if (c == QLatin1Char('(')) {
                // RFC 5322 section 3.2.2: comments nest and may hold quoted pairs.
                const int start = i;
                int depth = 0;
                QString body;
                while (i < n) {
                    const QChar d = m_text.at(i);
                    if (d == QLatin1Char('\\') && i + 1 < n && isQuotable(m_text.at(i + 1))) {
                        body += m_text.at(i + 1);
                        i += 2;
                        continue;
                    }
                    if ((d.unicode() < 0x20 && !isSpace(d)) || d.unicode() == 0x7f) {
                        *failure = {i, AddressParser::tr("It contains a control character.")};
                        return false;
                    }
                    if (d == QLatin1Char('('))
                        ++depth;
                    else if (d == QLatin1Char(')'))
                        --depth;
                    if (depth > 0 && !(d == QLatin1Char('(') && depth == 1))
                        body += d;
                    ++i;
                    if (depth == 0)
                        break;
                }
                if (depth != 0) {
                    *failure = {start, AddressParser::tr("A \"(\" is not closed with \")\".")};
                    return false;
                }
                comment = body.trimmed();
                space = true;
                continue;
            }
            Token token;
            token.position = i;
            token.spaceBefore = space;
            token.comment = comment;
            comment.clear();
            space = false;
            if (c == QLatin1Char('"')) {
                ++i;
                bool closed = false;
                while (i < n) {
                    const QChar d = m_text.at(i);
                    if (d == QLatin1Char('\\') && i + 1 < n && isQuotable(m_text.at(i + 1))) {
                        token.text += m_text.at(i + 1);
                        i += 2;
                        continue;
                    }
                    ++i;
                    if (d == QLatin1Char('"')) {
                        closed = true;
                        break;
                    }
                    if (!isQuotable(d)) {
                        *failure = {i - 1, AddressParser::tr("It contains a control character.")};
                        return false;
                    }
                    token.text += d;
                }
                if (!closed) {
                    *failure = {token.position,
                                AddressParser::tr("A quotation mark is not closed.")};
                    return false;
                }
                token.kind = TokenKind::Quoted;
            } else if (c == QLatin1Char('[')) {
                const int close = int(m_text.indexOf(QLatin1Char(']'), i));
                if (close < 0) {
                    *failure = {i, AddressParser::tr("A \"[\" is not closed with \"]\".")};
                    return false;
                }
                token.kind = TokenKind::DomainLiteral;
                token.text = m_text.mid(i, close - i + 1);
                i = close + 1;
            } else if (QStringView(u"<>@:;,").contains(c)) {
                token.kind = TokenKind::Special;
                token.text = c;
                ++i;
            } else if (isSpecial(c)) {
                *failure = {i,
                            AddressParser::tr("The character \"%1\" cannot be used here.").arg(c)};
                return false;
            } else {
                token.kind = TokenKind::Atom;
                while (i < n && !isSpace(m_text.at(i)) && !isSpecial(m_text.at(i)) &&
                       m_text.at(i).unicode() >= 0x20 && m_text.at(i).unicode() != 0x7f) {
                    // Encoded words may contain "?", "=" and "_", all atext.
                    token.text += m_text.at(i);
                    ++i;
                }
            }
            m_tokens.append(token);
        }
        Token end;
        end.position = n;
        end.comment = comment;
        m_tokens.append(end);
        return true;
    }

    bool parseList(QList<MailAddress> *out, Failure *failure, bool single)
    {
        while (peek().kind != TokenKind::End) {
            if (isSpecialToken(peek(), ',')) {
                ++m_pos;
                continue;
            }
            if (!parseAddress(out, failure, {}, false))
                return false;
            if (single)
                break;
            if (peek().kind != TokenKind::End && !isSpecialToken(peek(), ',')) {
                *failure = {peek().position,
                            AddressParser::tr("A comma is missing between two addresses.")};
                return false;
            }
        }
        if (single && (out->size() != 1 || peek().kind != TokenKind::End)) {
            const int at = peek().kind == TokenKind::End ? int(m_text.size()) : peek().position;
            *failure = {at, out->isEmpty()
                                ? AddressParser::tr("An address is required.")
                                : AddressParser::tr("Only one address is allowed here.")};
            return false;
        }
        return true;
    }

private:
    const Token &peek() const { return m_tokens.at(m_pos); }

    static bool isSpecialToken(const Token &t, char c)
    {
        return t.kind == TokenKind::Special && t.text == QLatin1Char(c);
    }

    static QString decodePhrase(const QList<Token> &words)
    {
        // Atoms may be RFC 2047 words (section 5 (3)); quoted strings are literal, but many
        // mailers put encoded words in them, so those are decoded as well.
        QByteArray raw;
        for (qsizetype i = 0; i < words.size(); ++i) {
            if (i > 0)
                raw += ' ';
            raw += words.at(i).text.toUtf8();
        }
        return HeaderCodec::sanitize(HeaderCodec::decode(raw)).simplified();
    }

    bool parseAddrSpecAfterLocal(const QString &local, int localPosition, MailAddress *out,
                                 const QString &displayName, const QString &group, Failure *failure)
    {
        // The "@" was consumed by the caller.
        const Token &domainToken = peek();
        if (domainToken.kind != TokenKind::Atom && domainToken.kind != TokenKind::DomainLiteral) {
            *failure = {
                domainToken.position,
                AddressParser::tr("The part after \"@\" is missing (for example example.com).")};
            return false;
        }
        ++m_pos;
        QString domain = domainToken.text;
        if (domainToken.kind == TokenKind::Atom) {
            if (domain.endsWith(QLatin1Char('.')))
                domain.chop(1); // a trailing root dot is harmless
            const QStringList labels = domain.split(QLatin1Char('.'));
            for (const QString &label : labels) {
                bool valid = !label.isEmpty() && label.size() <= 63;
                for (const QChar c : label)
                    if (c.unicode() < 0x80 && !c.isLetterOrNumber() && c != QLatin1Char('-'))
                        valid = false;
                if (!valid) {
                    *failure = {
                        domainToken.position,
                        AddressParser::tr("The part after \"@\", \"%1\", is not a valid domain.")
                            .arg(domainToken.text)};
                    return false;
                }
            }
            if (!HeaderCodec::isPlainAscii(domain) && QUrl::toAce(domain).isEmpty()) {
                *failure = {domainToken.position,
                            AddressParser::tr(
                                "The international domain \"%1\" cannot be converted for sending.")
                                .arg(domainToken.text)};
                return false;
            }
        }
        if (local.isEmpty() || local.size() > 64 * 4) {
            *failure = {localPosition,
                        AddressParser::tr("The part before \"@\" is empty or too long.")};
            return false;
        }
        *out = MailAddress(displayName, local, domain, group);
        return true;
    }

    bool parseAddress(QList<MailAddress> *out, Failure *failure, const QString &group, bool inGroup)
    {
        QList<Token> phrase;
        while (peek().kind == TokenKind::Atom || peek().kind == TokenKind::Quoted)
            phrase.append(m_tokens.at(m_pos++));
        const Token &next = peek();
        const int start = phrase.isEmpty() ? next.position : phrase.first().position;

        if (isSpecialToken(next, '<')) {
            ++m_pos;
            // RFC 5322 section 4.4 obs-route: "<@a,@b:user@host>" — skip the route.
            if (isSpecialToken(peek(), '@')) {
                while (peek().kind != TokenKind::End && !isSpecialToken(peek(), ':'))
                    ++m_pos;
                if (isSpecialToken(peek(), ':'))
                    ++m_pos;
            }
            const Token localToken = peek();
            if (localToken.kind != TokenKind::Atom && localToken.kind != TokenKind::Quoted) {
                *failure = {localToken.position,
                            AddressParser::tr("The address inside \"<>\" is missing.")};
                return false;
            }
            ++m_pos;
            if (!isSpecialToken(peek(), '@')) {
                *failure = {peek().position,
                            AddressParser::tr(
                                "It has no \"@\" and domain (for example name@example.com).")};
                return false;
            }
            ++m_pos;
            MailAddress address;
            if (!parseAddrSpecAfterLocal(localToken.text, localToken.position, &address,
                                         decodePhrase(phrase), group, failure))
                return false;
            if (!isSpecialToken(peek(), '>')) {
                *failure = {peek().position,
                            AddressParser::tr("A \"<\" is not closed with \">\".")};
                return false;
            }
            ++m_pos;
            out->append(address);
            return true;
        }

        if (isSpecialToken(next, ':')) {
            if (inGroup) {
                *failure = {next.position,
                            AddressParser::tr("A group cannot contain another group.")};
                return false;
            }
            if (phrase.isEmpty()) {
                *failure = {next.position, AddressParser::tr("A group needs a name before \":\".")};
                return false;
            }
            ++m_pos;
            const QString name = decodePhrase(phrase);
            while (true) {
                if (isSpecialToken(peek(), ';')) {
                    ++m_pos;
                    return true;
                }
                if (peek().kind == TokenKind::End)
                    return true; // tolerate a missing ";" at the very end
                if (isSpecialToken(peek(), ',')) {
                    ++m_pos;
                    continue;
                }
                if (!parseAddress(out, failure, name, true))
                    return false;
                if (!isSpecialToken(peek(), ',') && !isSpecialToken(peek(), ';') &&
                    peek().kind != TokenKind::End) {
                    *failure = {peek().position,
                                AddressParser::tr(
                                    "A comma or \";\" is missing after an address in the group.")};
                    return false;
                }
            }
        }

        if (isSpecialToken(next, '@')) {
            if (phrase.isEmpty()) {
                *failure = {next.position,
                            AddressParser::tr("The part before \"@\" is empty or too long.")};
                return false;
            }
            QString local;
            for (qsizetype i = 0; i < phrase.size(); ++i) {
                if (i > 0 && phrase.at(i).spaceBefore) {
                    *failure = {phrase.at(i).position - 1,
                                AddressParser::tr("It contains a space: put a name in quotes, or "
                                                  "the address in \"<>\".")};
                    return false;
                }
                local += phrase.at(i).text;
            }
            if (phrase.size() == 1 && phrase.first().kind == TokenKind::Atom &&
                (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) ||
                 local.contains(QLatin1String("..")))) {
                *failure = {phrase.first().position,
                            AddressParser::tr("A dot cannot be at the start or end of the part "
                                              "before \"@\", or follow another dot.")};
                return false;
            }
            ++m_pos;
            MailAddress address;
            if (!parseAddrSpecAfterLocal(local, start, &address, {}, group, failure))
                return false;
            // Old style "addr (Name)": the comment names the mailbox.
            const QString trailingComment = peek().comment;
            if (!trailingComment.isEmpty())
                address.setDisplayName(
                    HeaderCodec::sanitize(HeaderCodec::decode(trailingComment.toUtf8()))
                        .simplified());
            out->append(address);
            return true;
        }

        if (phrase.isEmpty()) {
            *failure = {next.position,
                        AddressParser::tr("\"%1\" cannot be used here.").arg(next.text)};
            return false;
        }
        *failure = {start, AddressParser::tr("It is not a complete address: it needs \"@\" and a "
                                             "domain (for example name@example.com).")};
        return false;
    }

    const QString &m_text;
    QList<Token> m_tokens;
    qsizetype m_pos = 0;
};

AddressParseResult run(const QString &text, bool single)
{
    AddressParseResult result;
    Parser parser(text);
    Failure failure{-1, {}};
    if (!parser.tokenize(&failure) || !parser.parseList(&result.addresses, &failure, single)) {
        result.addresses.clear();
        result.errorPosition = qMax(0, failure.position);
        result.errorMessage = failure.message;
    }
    return result;
}

} // namespace

AddressParseResult AddressParser::parseList(const QString &text)
{
    return run(text, false);
}

AddressParseResult AddressParser::parseMailbox(const QString &text)
{
    return run(text, true);
}

AddressParseResult AddressParser::parseHeader(const QByteArray &value)
{
    // Raw 8-bit bytes in received headers are guessed; RFC 2047 words stay for the parser.
    const QByteArray unfolded = HeaderCodec::unfold(value);
    bool eightBit = false;
    for (const char c : unfolded)
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\x1b')
            eightBit = true;
    QString text = eightBit ? Charsets::decodeGuessing(unfolded) : QString::fromLatin1(unfolded);
    for (QChar &c : text)
        if (c.unicode() == '\t')
            c = QLatin1Char(' ');
    return run(text, false);
}

} // namespace Outpost
