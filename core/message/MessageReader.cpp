#include "MessageReader.h"

#include "AddressParser.h"
#include "Charsets.h"
#include "HeaderCodec.h"
#include "MailDate.h"

#include <QFile>
#include <QHash>
#include <QMap>
#include <QSaveFile>

namespace Outpost {

namespace {

constexpr int maxDepth = 24;
constexpr int maxParts = 2000;
constexpr int maxHeaderFields = 5000;

QByteArray headerValue(const QList<HeaderField> &headers, const QByteArray &name)
{
    for (const HeaderField &h : headers)
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return h.value;
    return {};
}

struct ContentField
{
    QByteArray value; ///< "text/plain", "attachment", lower case
    QMap<QByteArray, QString> parameters;
    QByteArray rawCharset;
};

QByteArray percentDecode(const QByteArray &text)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == '%' && i + 2 < text.size() &&
            HeaderCodec::hexDigit(text.at(i + 1)) >= 0 &&
            HeaderCodec::hexDigit(text.at(i + 2)) >= 0) {
            out += char(HeaderCodec::hexDigit(text.at(i + 1)) * 16 +
                        HeaderCodec::hexDigit(text.at(i + 2)));
            i += 2;
        } else {
            out += text.at(i);
        }
    }
    return out;
}

// Content-Type / Content-Disposition with RFC 2045 parameters and RFC 2231 extensions.
ContentField parseContentField(const QByteArray &raw, const QByteArray &fallbackCharset)
{
    ContentField field;
    QList<QByteArray> pieces;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '\\' && quoted && i + 1 < raw.size()) {
            current += c;
            current += raw.at(++i);
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        if (c == ';' && !quoted) {
            pieces.append(current);
            current.clear();
            continue;
        }
        current += c;
    }
    pieces.append(current);
    field.value = pieces.first().trimmed().toLower();
    // Drop comments such as "text/plain (body)".
    if (const qsizetype paren = field.value.indexOf('('); paren >= 0)
        field.value = field.value.left(paren).trimmed();

    struct Segment
    {
        QByteArray bytes;
        bool extended;
    };
    QMap<QByteArray, QMap<int, Segment>> continued;
    for (qsizetype p = 1; p < pieces.size(); ++p) {
        const QByteArray piece = pieces.at(p).trimmed();
        const qsizetype eq = piece.indexOf('=');
        if (eq <= 0)
            continue;
        QByteArray attribute = piece.left(eq).trimmed().toLower();
        QByteArray value = piece.mid(eq + 1).trimmed();
        if (value.startsWith('"')) {
            QByteArray unquoted;
            for (qsizetype i = 1; i < value.size(); ++i) {
                const char c = value.at(i);
                if (c == '\\' && i + 1 < value.size()) {
                    unquoted += value.at(++i);
                    continue;
                }
                if (c == '"')
                    break;
                unquoted += c;
            }
            value = unquoted;
        }
        bool extended = false;
        if (attribute.endsWith('*')) {
            extended = true;
            attribute.chop(1);
        }
        int index = 0;
        if (const qsizetype star = attribute.indexOf('*'); star >= 0) {
            bool ok = false;
            index = attribute.mid(star + 1).toInt(&ok);
            if (!ok || index < 0 || index > 999)
                continue;
            attribute.truncate(star);
        }
        if (attribute == "charset")
            field.rawCharset = value;
        continued[attribute].insert(index, {value, extended});
    }
    for (auto it = continued.cbegin(); it != continued.cend(); ++it) {
        const QMap<int, Segment> &segments = it.value();
        const bool anyExtended = std::any_of(segments.cbegin(), segments.cend(),
                                             [](const Segment &s) { return s.extended; });
        if (!anyExtended) {
            QByteArray joined;
            for (const Segment &s : segments)
                joined += s.bytes;
            // RFC 2047 words inside quotes are not standard, but old mailers write them.
            field.parameters.insert(it.key(), HeaderCodec::decode(joined, fallbackCharset));
            continue;
        }
        // RFC 2231 section 4: charset'language'%XX on the first segment.
        QByteArray charset;
        QByteArray bytes;
        bool first = true;
        for (const Segment &s : segments) {
            QByteArray text = s.bytes;
            if (first && s.extended) {
                const qsizetype q1 = text.indexOf('\'');
                const qsizetype q2 = q1 >= 0 ? text.indexOf('\'', q1 + 1) : -1;
                if (q2 >= 0) {
                    charset = text.left(q1);
                    text = text.mid(q2 + 1);
                }
            }
            first = false;
            bytes += s.extended ? percentDecode(text) : text;
        }
        field.parameters.insert(it.key(), charset.isEmpty()
                                              ? Charsets::decodeGuessing(bytes, fallbackCharset)
                                              : Charsets::decode(bytes, charset));
    }
    return field;
}

QByteArray decodeTransfer(const QByteArray &data, const QByteArray &encoding)
{
    const QByteArray e = encoding.trimmed().toLower();
    if (e == "base64")
        return QByteArray::fromBase64(data);
    if (e == "quoted-printable")
        return MessageReader::decodeQuotedPrintable(data);
    return data;
}

QString normalizeNewlines(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return text;
}

// RFC 3676 section 4: joins soft-broken lines of format=flowed text.
QString unflow(const QString &text, bool delSp)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString out;
    QString paragraph;
    int paragraphDepth = -1;
    auto flush = [&] {
        if (paragraphDepth < 0)
            return;
        out += QString(paragraphDepth, QLatin1Char('>'));
        if (paragraphDepth > 0)
            out += QLatin1Char(' ');
        out += paragraph + QLatin1Char('\n');
        paragraph.clear();
        paragraphDepth = -1;
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (i + 1 == lines.size() && line.isEmpty())
            break;
        int depth = 0;
        while (depth < line.size() && line.at(depth) == QLatin1Char('>'))
            ++depth;
        line.remove(0, depth);
        if (line.startsWith(QLatin1Char(' ')))
            line.remove(0, 1); // space-stuffing (section 4.4)
        if (paragraphDepth >= 0 && depth != paragraphDepth)
            flush();
        const bool signature = line == QLatin1String("-- ");
        const bool flowed = !signature && line.endsWith(QLatin1Char(' '));
        if (flowed && delSp)
            line.chop(1);
        paragraph += line;
        paragraphDepth = depth;
        if (!flowed)
            flush();
    }
    flush();
    return out;
}

struct TextCandidate
{
    QString text;
    bool html = false;
    bool inAlternative = false;
};

class Walker
{
public:
    Walker(const QByteArray &raw, QList<TextCandidate> *texts, QByteArray fallbackCharset)
        : m_raw(raw)
        , m_texts(texts)
        , m_fallback(std::move(fallbackCharset))
    {}

    struct Out
    {
        QList<AttachmentInfo> *infos;
        QList<QByteArray> *encodings;
        QList<std::pair<qsizetype, qsizetype>> *ranges;
    };

    void walk(const QList<HeaderField> &headers, qsizetype begin, qsizetype end, int depth,
              bool inAlternative, const QByteArray &defaultType, Out out)
    {
        if (++m_parts > maxParts)
            return;
        const QByteArray rawType = headerValue(headers, "Content-Type");
        ContentField type =
            parseContentField(rawType.isEmpty() ? defaultType : rawType, m_fallback);
        if (type.value.isEmpty() || !type.value.contains('/'))
            type.value = "text/plain";
        const ContentField disposition =
            parseContentField(headerValue(headers, "Content-Disposition"), m_fallback);
        const QByteArray encoding = headerValue(headers, "Content-Transfer-Encoding");

        if (type.value.startsWith("multipart/") && depth < maxDepth) {
            const QByteArray boundary = type.parameters.value("boundary").toLatin1();
            if (!boundary.isEmpty()) {
                splitMultipart(begin, end, boundary, depth,
                               inAlternative || type.value == "multipart/alternative",
                               type.value == "multipart/digest" ? QByteArray("message/rfc822")
                                                                : QByteArray("text/plain"),
                               out);
                return;
            }
        }
        QString name = disposition.parameters.value("filename");
        if (name.isEmpty())
            name = type.parameters.value("name");
        const bool isText = type.value == "text/plain" || type.value == "text/html";
        const bool attachment = disposition.value == "attachment" || !name.isEmpty() || !isText;
        if (!attachment) {
            const QByteArray decoded = decodeTransfer(m_raw.mid(begin, end - begin), encoding);
            QByteArray charset = type.rawCharset;
            if (type.value == "text/html" && charset.isEmpty()) {
                const QByteArray head = decoded.left(4096).toLower();
                const qsizetype at = head.indexOf("charset=");
                if (at >= 0) {
                    qsizetype i = at + 8;
                    while (i < head.size() && (head.at(i) == '"' || head.at(i) == '\''))
                        ++i;
                    qsizetype j = i;
                    while (j < head.size() && head.at(j) != '"' && head.at(j) != '\'' &&
                           head.at(j) != ';' && head.at(j) != '>' && head.at(j) != ' ')
                        ++j;
                    charset = head.mid(i, j - i);
                }
            }
            QString text = normalizeNewlines(Charsets::decode(decoded, charset));
            const bool html = type.value == "text/html";
            if (html)
                text = MessageReader::htmlToText(text);
            else if (type.parameters.value("format").compare(QLatin1String("flowed"),
                                                             Qt::CaseInsensitive) == 0)
                text = unflow(text, type.parameters.value("delsp").compare(
                                        QLatin1String("yes"), Qt::CaseInsensitive) == 0);
            m_texts->append({text, html, inAlternative});
            return;
        }
        if (name.isEmpty()) {
            if (type.value == "message/rfc822") {
                // A forwarded message: name it after its subject.
                qsizetype bodyAt = 0;
                const QList<HeaderField> inner =
                    MessageReader::parseHeaderBlock(m_raw, begin, end, &bodyAt);
                const QString subject =
                    HeaderCodec::decode(headerValue(inner, "Subject"), m_fallback).simplified();
                name = (subject.isEmpty() ? QStringLiteral("message") : subject) +
                       QStringLiteral(".eml");
            } else {
                name = MessageReader::tr("attachment %1").arg(out.infos->size() + 1);
            }
        }
        name = HeaderCodec::sanitize(name).trimmed();
        const qint64 size = decodeTransfer(m_raw.mid(begin, end - begin), encoding).size();
        out.infos->append({name, type.value, size});
        out.encodings->append(encoding);
        out.ranges->append({begin, end});
    }

private:
    // RFC 2046 section 5.1.1: a delimiter is CRLF "--" boundary, at the start of a line.
    void splitMultipart(qsizetype begin, qsizetype end, const QByteArray &boundary, int depth,
                        bool inAlternative, const QByteArray &defaultType, Out out)
    {
        const QByteArray delimiter = "--" + boundary;
        qsizetype partStart = -1;
        qsizetype pos = begin;
        while (pos < end) {
            qsizetype lineEnd = m_raw.indexOf('\n', pos);
            if (lineEnd < 0 || lineEnd >= end)
                lineEnd = end;
            const QByteArrayView line(m_raw.constData() + pos, lineEnd - pos);
            if (line.startsWith(delimiter)) {
                QByteArrayView rest = line.sliced(delimiter.size());
                const bool closing = rest.startsWith("--");
                if (closing)
                    rest = rest.sliced(2);
                if (rest.trimmed().isEmpty()) {
                    if (partStart >= 0) {
                        // The line break before the delimiter belongs to it.
                        qsizetype partEnd = pos;
                        if (partEnd > partStart && m_raw.at(partEnd - 1) == '\n')
                            --partEnd;
                        if (partEnd > partStart && m_raw.at(partEnd - 1) == '\r')
                            --partEnd;
                        emitPart(partStart, partEnd, depth, inAlternative, defaultType, out);
                    }
                    partStart = closing ? -1 : qMin(lineEnd + 1, end);
                    if (closing)
                        return;
                }
            }
            pos = lineEnd + 1;
        }
        if (partStart >= 0 && partStart < end)
            emitPart(partStart, end, depth, inAlternative, defaultType, out); // unterminated
    }

    void emitPart(qsizetype begin, qsizetype end, int depth, bool inAlternative,
                  const QByteArray &defaultType, Out out)
    {
        qsizetype bodyAt = end;
        const QList<HeaderField> headers =
            MessageReader::parseHeaderBlock(m_raw, begin, end, &bodyAt);
        walk(headers, bodyAt, end, depth + 1, inAlternative, defaultType, out);
    }

    const QByteArray &m_raw;
    QList<TextCandidate> *m_texts;
    QByteArray m_fallback;
    int m_parts = 0;
};

QByteArray guessFallbackCharset(const QByteArray &raw)
{
    // Raw 8-bit header text usually shares the body's charset.
    const qsizetype at = raw.indexOf("charset=");
    if (at < 0)
        return {};
    qsizetype i = at + 8;
    while (i < raw.size() && raw.at(i) == '"')
        ++i;
    qsizetype j = i;
    while (j < raw.size() && j - i < 40 && raw.at(j) != '"' && raw.at(j) != ';' &&
           raw.at(j) != '\r' && raw.at(j) != '\n' && raw.at(j) != ' ')
        ++j;
    return raw.mid(i, j - i);
}

QList<MailAddress> addresses(const QList<HeaderField> &headers, const QByteArray &name)
{
    const QByteArray value = headerValue(headers, name);
    if (value.isEmpty())
        return {};
    return AddressParser::parseHeader(value).addresses;
}

} // namespace

QByteArray ParsedMessage::rawHeader(const QByteArray &name) const
{
    return headerValue(m_headers, name);
}

QByteArray ParsedMessage::attachmentData(int index) const
{
    if (index < 0 || index >= m_attachmentRanges.size())
        return {};
    const Range &r = m_attachmentRanges.at(index);
    return decodeTransfer(m_raw.mid(r.begin, r.end - r.begin), r.transferEncoding);
}

bool ParsedMessage::saveAttachment(int index, const QString &path, MessageError *error) const
{
    if (index < 0 || index >= m_attachmentRanges.size()) {
        if (error)
            *error = {MessageError::Kind::ReadFailed,
                      MessageReader::tr("The message has no such attachment."),
                      {}};
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(attachmentData(index)) < 0 ||
        !file.commit()) {
        if (error)
            *error = {MessageError::Kind::WriteFailed,
                      MessageReader::tr("The attachment could not be saved to %1.").arg(path),
                      file.errorString()};
        return false;
    }
    return true;
}

QList<HeaderField> MessageReader::parseHeaderBlock(const QByteArray &bytes, qsizetype from,
                                                   qsizetype *bodyOffset)
{
    return parseHeaderBlock(bytes, from, bytes.size(), bodyOffset);
}

QList<HeaderField> MessageReader::parseHeaderBlock(const QByteArray &bytes, qsizetype from,
                                                   qsizetype end, qsizetype *bodyOffset)
{
    QList<HeaderField> fields;
    qsizetype pos = from;
    const qsizetype size = qMin(end, bytes.size());
    bool first = true;
    while (pos < size) {
        qsizetype lineEnd = bytes.indexOf('\n', pos);
        if (lineEnd >= size)
            lineEnd = -1;
        const qsizetype next = lineEnd < 0 ? size : lineEnd + 1;
        if (lineEnd < 0)
            lineEnd = size;
        qsizetype contentEnd = lineEnd;
        if (contentEnd > pos && bytes.at(contentEnd - 1) == '\r')
            --contentEnd;
        const QByteArrayView line(bytes.constData() + pos, contentEnd - pos);
        if (line.isEmpty()) {
            *bodyOffset = next;
            return fields;
        }
        if ((line.front() == ' ' || line.front() == '\t')) {
            if (!fields.isEmpty() && fields.last().value.size() < 64 * 1024)
                fields.last().value += line.toByteArray(); // RFC 5322 section 2.2.3 unfolding
        } else if (first && line.startsWith("From ")) {
            // an mbox separator line
        } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
            if (fields.size() < maxHeaderFields)
                fields.append({line.first(colon).trimmed().toByteArray(),
                               line.sliced(colon + 1).trimmed().toByteArray()});
        }
        first = false;
        pos = next;
    }
    *bodyOffset = size;
    return fields;
}

QByteArray MessageReader::decodeQuotedPrintable(const QByteArray &data)
{
    QByteArray out;
    out.reserve(data.size());
    const qsizetype n = data.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char c = data.at(i);
        if (c != '=') {
            out += c;
            continue;
        }
        if (i + 2 < n + 0 && HeaderCodec::hexDigit(data.at(i + 1)) >= 0 &&
            HeaderCodec::hexDigit(data.at(i + 2)) >= 0) {
            out += char(HeaderCodec::hexDigit(data.at(i + 1)) * 16 +
                        HeaderCodec::hexDigit(data.at(i + 2)));
            i += 2;
            continue;
        }
        // A soft line break: "=" then optional trailing blanks, then the line end.
        qsizetype j = i + 1;
        while (j < n && (data.at(j) == ' ' || data.at(j) == '\t'))
            ++j;
        if (j < n && data.at(j) == '\r')
            ++j;
        if (j < n && data.at(j) == '\n') {
            i = j;
            continue;
        }
        if (j >= n)
            break; // "=" at the very end
        out += c;
    }
    return out;
}

QString MessageReader::htmlToText(const QString &html)
{
    static const QHash<QString, QString> entities = {
        {QStringLiteral("amp"), QStringLiteral("&")},
        {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},
        {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},
        {QStringLiteral("nbsp"), QStringLiteral(" ")},
        {QStringLiteral("copy"), QStringLiteral("©")},
        {QStringLiteral("reg"), QStringLiteral("®")},
        {QStringLiteral("yen"), QStringLiteral("¥")},
        {QStringLiteral("hellip"), QStringLiteral("…")},
        {QStringLiteral("mdash"), QStringLiteral("—")},
        {QStringLiteral("ndash"), QStringLiteral("–")},
    };
    static const QStringList blocks = {
        QStringLiteral("br"),  QStringLiteral("p"),  QStringLiteral("div"),
        QStringLiteral("tr"),  QStringLiteral("li"), QStringLiteral("h1"),
        QStringLiteral("h2"),  QStringLiteral("h3"), QStringLiteral("h4"),
        QStringLiteral("h5"),  QStringLiteral("h6"), QStringLiteral("table"),
        QStringLiteral("ul"),  QStringLiteral("ol"), QStringLiteral("blockquote"),
        QStringLiteral("pre"), QStringLiteral("hr"), QStringLiteral("title"),
    };
    QString out;
    const qsizetype n = html.size();
    qsizetype i = 0;
    bool pendingSpace = false;
    auto newline = [&] {
        pendingSpace = false;
        if (!out.endsWith(QLatin1String("\n\n")) && !out.isEmpty())
            out += QLatin1Char('\n');
    };
    while (i < n) {
        const QChar c = html.at(i);
        if (c == QLatin1Char('<')) {
            if (html.mid(i, 4) == QLatin1String("<!--")) {
                const qsizetype close = html.indexOf(QLatin1String("-->"), i + 4);
                i = close < 0 ? n : close + 3;
                continue;
            }
            const qsizetype close = html.indexOf(QLatin1Char('>'), i);
            if (close < 0)
                break;
            QString tag = html.mid(i + 1, close - i - 1).trimmed().toLower();
            const bool closing = tag.startsWith(QLatin1Char('/'));
            if (closing)
                tag.remove(0, 1);
            qsizetype nameEnd = 0;
            while (nameEnd < tag.size() && tag.at(nameEnd).isLetterOrNumber())
                ++nameEnd;
            const QString name = tag.left(nameEnd);
            i = close + 1;
            if (!closing && (name == QLatin1String("script") || name == QLatin1String("style") ||
                             name == QLatin1String("head"))) {
                const qsizetype end =
                    html.indexOf(QLatin1String("</") + name, i, Qt::CaseInsensitive);
                if (end < 0) {
                    i = n;
                } else {
                    const qsizetype endClose = html.indexOf(QLatin1Char('>'), end);
                    i = endClose < 0 ? n : endClose + 1;
                }
                continue;
            }
            if (blocks.contains(name))
                newline();
            continue;
        }
        if (c == QLatin1Char('&')) {
            qsizetype semi = -1;
            for (qsizetype k = i + 1; k < n && k <= i + 10; ++k) {
                if (html.at(k) == QLatin1Char(';')) {
                    semi = k;
                    break;
                }
            }
            if (semi > i && semi - i <= 10) {
                const QString entity = html.mid(i + 1, semi - i - 1);
                QString replacement;
                if (entity.startsWith(QLatin1Char('#'))) {
                    bool ok = false;
                    const uint code = entity.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
                                          ? entity.mid(2).toUInt(&ok, 16)
                                          : entity.mid(1).toUInt(&ok, 10);
                    if (ok && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff))
                        replacement =
                            QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
                } else {
                    replacement = entities.value(entity.toLower());
                }
                if (!replacement.isEmpty()) {
                    if (pendingSpace && !out.isEmpty() && !out.endsWith(QLatin1Char('\n')))
                        out += QLatin1Char(' ');
                    pendingSpace = false;
                    out += replacement;
                    i = semi + 1;
                    continue;
                }
            }
        }
        if (c.isSpace()) {
            pendingSpace = true;
            ++i;
            continue;
        }
        if (pendingSpace && !out.isEmpty() && !out.endsWith(QLatin1Char('\n')))
            out += QLatin1Char(' ');
        pendingSpace = false;
        out += c;
        ++i;
    }
    return out.trimmed();
}

ParsedMessage MessageReader::parse(const QByteArray &bytes)
{
    ParsedMessage message;
    message.m_raw = bytes;
    qsizetype bodyAt = bytes.size();
    message.m_headers = parseHeaderBlock(bytes, 0, &bodyAt);
    const QByteArray fallback =
        guessFallbackCharset(bytes.left(qMin<qsizetype>(bytes.size(), 64 * 1024)));
    message.m_subject = HeaderCodec::decode(message.rawHeader("Subject"), fallback).simplified();
    message.m_from = addresses(message.m_headers, "From");
    message.m_to = addresses(message.m_headers, "To");
    message.m_cc = addresses(message.m_headers, "Cc");
    message.m_replyTo = addresses(message.m_headers, "Reply-To");
    message.m_date = MailDate::parse(message.rawHeader("Date"));
    QByteArray id = message.rawHeader("Message-ID").trimmed();
    if (id.startsWith('<') && id.contains('>'))
        id = id.mid(1, id.indexOf('>') - 1);
    message.m_messageId = id;

    QList<TextCandidate> texts;
    QList<QByteArray> encodings;
    QList<std::pair<qsizetype, qsizetype>> ranges;
    Walker walker(message.m_raw, &texts, fallback);
    walker.walk(message.m_headers, bodyAt, bytes.size(), 0, false, "text/plain",
                {&message.m_attachments, &encodings, &ranges});
    for (qsizetype i = 0; i < ranges.size(); ++i)
        message.m_attachmentRanges.append(
            {ranges.at(i).first, ranges.at(i).second, encodings.at(i)});

    // text/plain preferred; in multipart/mixed, further inline plain parts are appended.
    qsizetype chosen = -1;
    for (qsizetype i = 0; i < texts.size() && chosen < 0; ++i)
        if (!texts.at(i).html)
            chosen = i;
    if (chosen < 0 && !texts.isEmpty()) {
        chosen = 0;
        message.m_textFromHtml = true;
    }
    if (chosen >= 0) {
        message.m_text = texts.at(chosen).text;
        for (qsizetype i = chosen + 1; i < texts.size(); ++i)
            if (!texts.at(i).html && !texts.at(i).inAlternative)
                message.m_text += QLatin1Char('\n') + texts.at(i).text;
    }
    return message;
}

std::optional<ParsedMessage> MessageReader::parseFile(const QString &path, MessageError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = {MessageError::Kind::ReadFailed,
                      tr("The message file %1 cannot be read.").arg(path), file.errorString()};
        return std::nullopt;
    }
    return parse(file.readAll());
}

MessageSummary MessageReader::readSummary(QIODevice *device)
{
    MessageSummary summary;
    if (!device || !device->isReadable())
        return summary;
    summary.size = device->size();
    QByteArray head;
    constexpr qsizetype limit = 256 * 1024;
    while (head.size() < limit && !device->atEnd()) {
        const QByteArray chunk = device->read(16 * 1024);
        if (chunk.isEmpty())
            break;
        const qsizetype scanFrom = qMax<qsizetype>(0, head.size() - 3);
        head += chunk;
        if (head.indexOf("\n\n", scanFrom) >= 0 || head.indexOf("\n\r\n", scanFrom) >= 0)
            break;
    }
    qsizetype bodyAt = 0;
    const QList<HeaderField> headers = parseHeaderBlock(head, 0, &bodyAt);
    const QByteArray fallback = guessFallbackCharset(head.left(bodyAt));
    summary.subject = HeaderCodec::decode(headerValue(headers, "Subject"), fallback).simplified();
    const QByteArray fromRaw = headerValue(headers, "From");
    const AddressParseResult from = AddressParser::parseHeader(fromRaw);
    if (!from.addresses.isEmpty()) {
        const MailAddress &first = from.addresses.first();
        summary.fromAddress = first.address();
        summary.from = first.displayName().isEmpty() ? first.address() : first.displayName();
    } else {
        summary.from = HeaderCodec::decode(fromRaw, fallback).simplified();
    }
    summary.date = MailDate::parse(headerValue(headers, "Date"));
    QByteArray id = headerValue(headers, "Message-ID").trimmed();
    if (id.startsWith('<') && id.contains('>'))
        id = id.mid(1, id.indexOf('>') - 1);
    summary.messageId = id;
    summary.valid = true;
    return summary;
}

MessageSummary MessageReader::readSummary(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return readSummary(&file);
}

} // namespace Outpost
