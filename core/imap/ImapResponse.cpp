#include "ImapResponse.h"

#include <QCoreApplication>

namespace Outpost {

namespace {

// Stands for a literal in the response text: a line with a real NUL is refused first.
constexpr char literalMarker = '\0';

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool allDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isDigit(c))
            return false;
    }
    return true;
}

// Reads values from a response's text (a cursor over it); every method sets m_error and
// returns false/nothing on a syntax error.
class Tokens
{
public:
    Tokens(QByteArrayView text, const QList<ImapValue> &literals)
        : m_text(text)
        , m_literals(literals)
    {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    qsizetype pos() const { return m_pos; }
    QByteArrayView rest() const { return m_text.sliced(m_pos); }
    QString error() const { return m_error; }

    void advance(qsizetype n) { m_pos = qMin(m_pos + n, m_text.size()); }

    void skipSpaces()
    {
        while (!atEnd() && m_text[m_pos] == ' ')
            ++m_pos;
    }

    /// Characters up to the next space (or the end).
    QByteArray word()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && m_text[m_pos] != ' ')
            ++m_pos;
        return m_text.sliced(start, m_pos - start).toByteArray();
    }

    /// Everything left.
    QByteArray remainder()
    {
        const QByteArray out = rest().toByteArray();
        m_pos = m_text.size();
        return out;
    }

    /// Values until the end, or until @p stop at depth 0 (not consumed).
    bool values(QList<ImapValue> *out, char stop = '\0', int depth = 0)
    {
        if (depth > ImapResponseReader::maxDepth)
            return fail(ImapResponseReader::tr("the server's response nests lists too deeply"));
        for (;;) {
            skipSpaces();
            if (atEnd())
                return stop == '\0' || fail(ImapResponseReader::tr(
                                           "a list in the server's response is not closed"));
            if (stop != '\0' && peek() == stop)
                return true;
            ImapValue v;
            if (!value(&v, depth))
                return false;
            out->append(std::move(v));
        }
    }

    bool value(ImapValue *out, int depth)
    {
        const char c = peek();
        if (c == '(') {
            ++m_pos;
            out->type = ImapValue::Type::List;
            if (!values(&out->items, ')', depth + 1))
                return false;
            ++m_pos; // ')'
            return true;
        }
        if (c == ')')
            return fail(
                ImapResponseReader::tr("the server's response closes a list it did not open"));
        if (c == '"')
            return quoted(out);
        if (c == literalMarker) {
            ++m_pos;
            if (m_nextLiteral >= m_literals.size())
                return fail(ImapResponseReader::tr("the server's response is missing a literal"));
            *out = m_literals[m_nextLiteral++];
            return true;
        }
        return atom(out);
    }

private:
    bool fail(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = message;
        return false;
    }

    bool quoted(ImapValue *out)
    {
        ++m_pos; // '"'
        QByteArray bytes;
        while (!atEnd()) {
            const char c = m_text[m_pos++];
            if (c == '"') {
                out->type = ImapValue::Type::String;
                out->bytes = std::move(bytes);
                return true;
            }
            if (c == '\\') {
                if (atEnd())
                    break;
                bytes.append(m_text[m_pos++]);
                continue;
            }
            if (c == literalMarker)
                return fail(
                    ImapResponseReader::tr("a quoted string in the server's response is broken"));
            bytes.append(c);
        }
        return fail(
            ImapResponseReader::tr("a quoted string in the server's response is not closed"));
    }

    // An atom; brackets (BODY[HEADER.FIELDS (DATE)], BODY[]<0>) belong to it, spaces and
    // parentheses inside them included.
    bool atom(ImapValue *out)
    {
        const qsizetype start = m_pos;
        int brackets = 0;
        while (!atEnd()) {
            const char c = m_text[m_pos];
            if (c == literalMarker || c == '"') {
                if (brackets == 0)
                    break;
                if (c == literalMarker)
                    return fail(ImapResponseReader::tr(
                        "the server's response has a literal inside a section name"));
            }
            if (c == '[') {
                ++brackets;
            } else if (c == ']') {
                if (brackets == 0)
                    break;
                --brackets;
            } else if (brackets == 0 && (c == ' ' || c == '(' || c == ')')) {
                break;
            }
            ++m_pos;
        }
        if (brackets != 0)
            return fail(
                ImapResponseReader::tr("a section name in the server's response is not closed"));
        const QByteArrayView text = m_text.sliced(start, m_pos - start);
        if (text.isEmpty())
            return fail(
                ImapResponseReader::tr("the server's response has an unexpected character"));
        out->bytes = text.toByteArray();
        if (text.compare("NIL", Qt::CaseInsensitive) == 0) {
            out->type = ImapValue::Type::Nil;
            out->bytes.clear();
        } else if (allDigits(text) && text.size() <= 19) {
            out->type = ImapValue::Type::Number;
            out->number = out->bytes.toULongLong();
        } else {
            out->type = ImapValue::Type::Atom;
        }
        return true;
    }

    QByteArrayView m_text;
    const QList<ImapValue> &m_literals;
    qsizetype m_pos = 0;
    qsizetype m_nextLiteral = 0;
    QString m_error;
};

bool statusFromWord(QByteArrayView word, ImapResponse::Status *status)
{
    static const struct
    {
        const char *word;
        ImapResponse::Status status;
    } words[] = {
        {"OK", ImapResponse::Status::Ok},           {"NO", ImapResponse::Status::No},
        {"BAD", ImapResponse::Status::Bad},         {"BYE", ImapResponse::Status::Bye},
        {"PREAUTH", ImapResponse::Status::PreAuth},
    };
    for (const auto &w : words) {
        if (word.compare(w.word, Qt::CaseInsensitive) == 0) {
            *status = w.status;
            return true;
        }
    }
    return false;
}

// resp-text: ["[" code [SP data] "]" SP] text (RFC 3501 section 9, lenient on spaces).
bool parseRespText(Tokens &t, ImapResponse *r, QString *error)
{
    t.skipSpaces();
    if (t.peek() == '[') {
        const QByteArrayView rest = t.rest();
        const qsizetype close = rest.indexOf(']');
        if (close < 0) {
            *error =
                ImapResponseReader::tr("a response code in the server's response is not closed");
            return false;
        }
        const QByteArrayView inside = rest.sliced(1, close - 1);
        const qsizetype space = inside.indexOf(' ');
        r->code = (space < 0 ? inside : inside.first(space)).toByteArray().toUpper();
        if (r->code.isEmpty() || r->code.contains(literalMarker)) {
            *error = ImapResponseReader::tr("a response code in the server's response is empty");
            return false;
        }
        if (space >= 0) {
            const QByteArrayView args = inside.sliced(space + 1);
            // Codes with structure (CAPABILITY, PERMANENTFLAGS, UIDVALIDITY, ...) parse as
            // values; any other code's text (RFC 3501: any TEXT-CHAR but "]") is one atom.
            QList<ImapValue> none;
            Tokens inner(args, none);
            if (args.contains(literalMarker) || !inner.values(&r->codeData))
                r->codeData = {ImapValue::atom(args.toByteArray())};
        }
        t.advance(close + 1);
        t.skipSpaces();
        r->text = t.remainder();
        return true;
    }
    r->text = t.remainder();
    return true;
}

} // namespace

bool ImapValue::operator==(const ImapValue &other) const
{
    return type == other.type && bytes == other.bytes && number == other.number &&
           streamed == other.streamed && literalSize == other.literalSize && items == other.items;
}

bool ImapValue::isAtom(QByteArrayView name) const
{
    return type == Type::Atom && bytes.compare(name, Qt::CaseInsensitive) == 0;
}

ImapValue ImapValue::atom(const QByteArray &bytes)
{
    ImapValue v;
    v.type = Type::Atom;
    v.bytes = bytes;
    return v;
}

ImapValue ImapValue::string(const QByteArray &bytes)
{
    ImapValue v;
    v.type = Type::String;
    v.bytes = bytes;
    return v;
}

ImapValue ImapValue::num(quint64 number)
{
    ImapValue v;
    v.type = Type::Number;
    v.number = number;
    v.bytes = QByteArray::number(number);
    return v;
}

ImapValue ImapValue::nil()
{
    return {};
}

ImapValue ImapValue::list(const QList<ImapValue> &items)
{
    ImapValue v;
    v.type = Type::List;
    v.items = items;
    return v;
}

const ImapValue *ImapResponse::fetchItem(QByteArrayView item) const
{
    if (name != "FETCH" || data.size() != 1 || !data.front().isList())
        return nullptr;
    const QList<ImapValue> &items = data.front().items;
    for (qsizetype i = 0; i + 1 < items.size(); i += 2) {
        if (items[i].type == ImapValue::Type::Atom &&
            items[i].bytes.compare(item, Qt::CaseInsensitive) == 0)
            return &items[i + 1];
    }
    return nullptr;
}

QByteArrayList ImapResponse::capabilities() const
{
    const QList<ImapValue> *values = nullptr;
    if (name == "CAPABILITY")
        values = &data;
    else if (code == "CAPABILITY")
        values = &codeData;
    QByteArrayList out;
    if (values) {
        for (const ImapValue &v : *values) {
            if (v.type == ImapValue::Type::Atom || v.type == ImapValue::Type::Number)
                out.append(v.bytes.toUpper());
        }
    }
    return out;
}

std::optional<ImapResponse>
ImapResponseReader::parse(QByteArrayView text, const QList<ImapValue> &literals, QString *error)
{
    ImapResponse r;
    Tokens t(text, literals);
    if (text.startsWith('+')) {
        r.type = ImapResponse::Type::Continuation;
        t.word(); // "+"
        if (text.size() > 1 && text[1] != ' ') {
            *error = ImapResponseReader::tr("the server's continuation request is malformed");
            return std::nullopt;
        }
        t.skipSpaces();
        r.text = t.remainder();
        return r;
    }
    const QByteArray first = t.word();
    if (first.isEmpty() || t.atEnd()) {
        *error = ImapResponseReader::tr("the server's response has no tag or no content");
        return std::nullopt;
    }
    t.skipSpaces();
    if (first == "*") {
        r.type = ImapResponse::Type::Untagged;
        QByteArray word = t.word();
        if (allDigits(word)) {
            if (word.size() > 19) {
                *error =
                    ImapResponseReader::tr("the server's response has a number that is too large");
                return std::nullopt;
            }
            r.number = word.toULongLong();
            t.skipSpaces();
            word = t.word();
            if (word.isEmpty()) {
                *error = ImapResponseReader::tr("the server's response has a number but no name");
                return std::nullopt;
            }
        }
        if (!r.number && statusFromWord(word, &r.status)) {
            if (!parseRespText(t, &r, error))
                return std::nullopt;
            return r;
        }
        if (word.contains(literalMarker) || word.contains('(') || word.contains('"')) {
            *error = ImapResponseReader::tr("the server's response has no name");
            return std::nullopt;
        }
        r.name = word.toUpper();
        if (!t.values(&r.data)) {
            *error = t.error();
            return std::nullopt;
        }
        return r;
    }
    // A tag: ASTRING-CHAR except "+" (RFC 3501 section 9).
    for (char c : first) {
        if (c == '+' || c == '(' || c == ')' || c == '{' || c == '"' || c == '%' || c == '*' ||
            c == '\\' || c == literalMarker || static_cast<unsigned char>(c) < 0x21 ||
            static_cast<unsigned char>(c) > 0x7e) {
            *error = ImapResponseReader::tr("the server's response has an invalid tag");
            return std::nullopt;
        }
    }
    r.type = ImapResponse::Type::Tagged;
    r.tag = first;
    const QByteArray word = t.word();
    if (!statusFromWord(word, &r.status) || r.status == ImapResponse::Status::Bye ||
        r.status == ImapResponse::Status::PreAuth) {
        *error = ImapResponseReader::tr("the server's tagged response is not OK, NO or BAD");
        return std::nullopt;
    }
    if (!parseRespText(t, &r, error))
        return std::nullopt;
    return r;
}

namespace {

// Status responses and continuations carry human text, never literals.
bool mayHaveLiterals(QByteArrayView text)
{
    if (text.startsWith('+'))
        return false;
    const qsizetype space = text.indexOf(' ');
    if (space < 0)
        return true;
    QByteArrayView second = text.sliced(space + 1);
    const qsizetype end = second.indexOf(' ');
    if (end >= 0)
        second = second.first(end);
    ImapResponse::Status status;
    return !statusFromWord(second, &status);
}

} // namespace

ImapResponseReader::Result ImapResponseReader::addLine(QByteArrayView line)
{
    if (m_literalSize >= 0) {
        m_error = ImapResponseReader::tr("the server sent a line where a literal was expected");
        return Result::Error;
    }
    if (line.contains(literalMarker)) {
        m_error = ImapResponseReader::tr("the server sent a NUL byte in a response line");
        return Result::Error;
    }
    m_bytes += line.size();
    if (m_bytes > maxResponseBytes) {
        m_error = ImapResponseReader::tr("the server's response is too long");
        return Result::Error;
    }
    // A literal announcement "{n}" or "{n+}" ends the line.
    if (line.endsWith('}') && mayHaveLiterals(m_text.isEmpty() ? line : QByteArrayView(m_text))) {
        const qsizetype open = line.lastIndexOf('{');
        if (open >= 0) {
            QByteArrayView digits = line.sliced(open + 1, line.size() - open - 2);
            if (digits.endsWith('+'))
                digits.chop(1);
            if (allDigits(digits)) {
                if (digits.size() > 15) {
                    m_error =
                        ImapResponseReader::tr("the server announced a literal that is too large");
                    return Result::Error;
                }
                m_text.append(line.first(open).data(), open);
                m_text.append(literalMarker);
                m_literalSize = QByteArray(digits.data(), digits.size()).toLongLong();
                return Result::NeedLiteral;
            }
        }
    }
    m_text.append(line.data(), line.size());
    return finishLine();
}

ImapResponseReader::Result ImapResponseReader::addLiteral(QByteArrayView bytes)
{
    if (m_literalSize < 0 || bytes.size() != m_literalSize) {
        m_error = ImapResponseReader::tr("the server's literal has the wrong size");
        return Result::Error;
    }
    m_bytes += bytes.size();
    if (m_bytes > maxResponseBytes) {
        m_error = ImapResponseReader::tr("the server's response is too long");
        return Result::Error;
    }
    ImapValue v = ImapValue::string(bytes.toByteArray());
    v.literalSize = m_literalSize;
    m_literals.append(std::move(v));
    m_literalSize = -1;
    return Result::Incomplete;
}

ImapResponseReader::Result ImapResponseReader::addStreamedLiteral(qint64 size)
{
    if (m_literalSize < 0 || size != m_literalSize) {
        m_error = ImapResponseReader::tr("the server's literal has the wrong size");
        return Result::Error;
    }
    ImapValue v = ImapValue::string({});
    v.streamed = true;
    v.literalSize = size;
    m_literals.append(std::move(v));
    m_literalSize = -1;
    return Result::Incomplete;
}

ImapResponseReader::Result ImapResponseReader::finishLine()
{
    std::optional<ImapResponse> parsed = parse(m_text, m_literals, &m_error);
    m_text.clear();
    m_literals.clear();
    m_bytes = 0;
    if (!parsed)
        return Result::Error;
    m_response = std::move(*parsed);
    return Result::Complete;
}

bool ImapResponseReader::literalIsMessageBody() const
{
    if (m_literalSize < 0 || !m_text.startsWith("* "))
        return false;
    QByteArrayView before(m_text);
    before.chop(1); // the marker
    while (before.endsWith(' '))
        before.chop(1);
    for (const char *name : {"BODY[]", "BODY[]<0>", "RFC822", "BINARY[]"}) {
        const qsizetype n = qsizetype(qstrlen(name));
        if (before.size() > n && before.last(n).compare(name, Qt::CaseInsensitive) == 0) {
            const char c = before[before.size() - n - 1];
            if (c == ' ' || c == '(')
                return true;
        }
    }
    return false;
}

std::optional<quint64> ImapResponseReader::pendingNumber() const
{
    if (!m_text.startsWith("* "))
        return std::nullopt;
    const QByteArrayView rest = QByteArrayView(m_text).sliced(2);
    qsizetype n = 0;
    while (n < rest.size() && n < 19 && isDigit(rest[n]))
        ++n;
    if (n == 0 || n >= rest.size() || rest[n] != ' ')
        return std::nullopt;
    return rest.first(n).toByteArray().toULongLong();
}

std::optional<quint64> ImapResponseReader::pendingUid() const
{
    // " UID n" or "(UID n" at the top level of the attribute list so far.
    const QByteArrayView text(m_text);
    for (qsizetype at = text.indexOf("UID "); at >= 0; at = text.indexOf("UID ", at + 1)) {
        if (at == 0 || (text[at - 1] != ' ' && text[at - 1] != '('))
            continue;
        qsizetype end = at + 4;
        while (end < text.size() && end - at - 4 < 19 && text[end] >= '0' && text[end] <= '9')
            ++end;
        if (end > at + 4 && (end == text.size() || text[end] == ' ' || text[end] == ')'))
            return text.sliced(at + 4, end - at - 4).toByteArray().toULongLong();
    }
    return std::nullopt;
}

ImapResponse ImapResponseReader::take()
{
    return std::exchange(m_response, {});
}

void ImapResponseReader::reset()
{
    m_bytes = 0;
    m_text.clear();
    m_literals.clear();
    m_literalSize = -1;
    m_response = {};
    m_error.clear();
}

} // namespace Outpost
