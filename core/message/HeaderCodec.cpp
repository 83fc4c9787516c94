#include "HeaderCodec.h"

#include "Charsets.h"

namespace Outpost {

namespace {

constexpr int maxLine = 78;
constexpr int maxWord = 75;

QByteArray decodeQ(const QByteArray &text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '_') {
            out += ' ';
        } else if (c == '=' && i + 2 < text.size() + 0 &&
                   HeaderCodec::hexDigit(text.at(i + 1)) >= 0 &&
                   HeaderCodec::hexDigit(text.at(i + 2)) >= 0) {
            out += char(HeaderCodec::hexDigit(text.at(i + 1)) * 16 +
                        HeaderCodec::hexDigit(text.at(i + 2)));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

struct EncodedWord
{
    QByteArray charset;
    QByteArray bytes;
    qsizetype end = 0; // index after "?="
};

// Parses "=?charset?e?text?=" at @p pos (RFC 2047 section 2).
bool parseEncodedWord(const QByteArray &s, qsizetype pos, EncodedWord *word)
{
    if (!s.mid(pos, 2).startsWith("=?"))
        return false;
    // Words are short (75 octets by RFC 2047 section 2; some mailers write longer ones);
    // looking no further keeps hostile input linear.
    constexpr qsizetype window = 2000;
    qsizetype q1 =
        QByteArrayView(s).sliced(pos + 2, qMin<qsizetype>(80, s.size() - pos - 2)).indexOf('?');
    if (q1 >= 0)
        q1 += pos + 2;
    if (q1 < 0 || q1 == pos + 2 || q1 + 2 >= s.size() || s.at(q1 + 2) != '?')
        return false;
    const char enc = s.at(q1 + 1);
    const qsizetype textStart = q1 + 3;
    qsizetype close =
        QByteArrayView(s).sliced(textStart, qMin(window, s.size() - textStart)).indexOf("?=");
    if (close < 0)
        return false;
    close += textStart;
    for (qsizetype i = pos + 2; i < close; ++i) {
        const char c = s.at(i);
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            return false;
    }
    const QByteArray text = s.mid(textStart, close - textStart);
    if (enc == 'B' || enc == 'b')
        word->bytes = QByteArray::fromBase64(text);
    else if (enc == 'Q' || enc == 'q')
        word->bytes = decodeQ(text);
    else
        return false;
    word->charset = s.mid(pos + 2, q1 - pos - 2);
    word->end = close + 2;
    return true;
}

bool isAtext(char16_t c)
{
    if (c >= 0x80)
        return false;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-/=?^_`{|}~").contains(char(c));
}

qsizetype base64Length(qsizetype bytes)
{
    return 4 * ((bytes + 2) / 3);
}

QByteArray charsetBytes(const QString &text, HeaderCodec::Charset charset, bool *ok)
{
    if (charset == HeaderCodec::Charset::Iso2022Jp) {
        QByteArray out;
        *ok = Charsets::toIso2022Jp(text, &out);
        return out;
    }
    *ok = true;
    return text.toUtf8();
}

} // namespace

QByteArray HeaderCodec::unfold(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const char c = value.at(i);
        if (c == '\r' || c == '\n')
            continue;
        out += c;
    }
    return out;
}

int HeaderCodec::hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

QString HeaderCodec::decode(const QByteArray &value, const QByteArray &fallbackCharset)
{
    QString out;
    QByteArray pendingCharset;
    QByteArray pendingBytes;
    QByteArray pendingSpace; // whitespace after an encoded word, dropped if another follows
    QByteArray plain;
    auto flushEncoded = [&] {
        if (!pendingBytes.isEmpty() || !pendingCharset.isEmpty())
            out += Charsets::decode(pendingBytes, pendingCharset);
        pendingBytes.clear();
        pendingCharset.clear();
    };
    auto flushPlain = [&] {
        if (!plain.isEmpty())
            out += Charsets::decodeGuessing(plain, fallbackCharset);
        plain.clear();
    };
    bool lastWasEncoded = false;
    qsizetype i = 0;
    while (i < value.size()) {
        EncodedWord word;
        if (value.at(i) == '=' && parseEncodedWord(value, i, &word)) {
            flushPlain();
            if (lastWasEncoded && word.charset.compare(pendingCharset, Qt::CaseInsensitive) == 0) {
                // Adjacent words in one charset: join the bytes first, since a character may
                // be split across words by careless encoders.
                pendingBytes += word.bytes;
            } else {
                flushEncoded();
                pendingCharset = word.charset;
                pendingBytes = word.bytes;
            }
            pendingSpace.clear();
            lastWasEncoded = true;
            i = word.end;
            continue;
        }
        const char c = value.at(i);
        if (lastWasEncoded && (c == ' ' || c == '\t')) {
            pendingSpace += c;
            ++i;
            continue;
        }
        if (lastWasEncoded) {
            flushEncoded();
            plain += pendingSpace;
            pendingSpace.clear();
            lastWasEncoded = false;
        }
        plain += c;
        ++i;
    }
    flushEncoded();
    plain += pendingSpace;
    flushPlain();
    return out;
}

QString HeaderCodec::sanitize(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || u == 0x2028 || u == 0x2029 || (u >= 0x80 && u < 0xa0))
            c = QLatin1Char(' ');
    }
    return out;
}

bool HeaderCodec::isPlainAscii(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0x7f || (u < 0x20 && u != '\t'))
            return false;
    }
    return true;
}

QList<QByteArray> HeaderCodec::encodeWords(const QString &text, Charset charset, int firstLimit)
{
    bool ok = true;
    charsetBytes(text, charset, &ok);
    if (!ok)
        charset = Charset::Utf8;
    const QByteArray prefix =
        charset == Charset::Iso2022Jp ? QByteArray("=?ISO-2022-JP?B?") : QByteArray("=?UTF-8?B?");
    const qsizetype overhead = prefix.size() + 2;
    QList<QByteArray> words;
    int limit = qBound(overhead + 4 + 8, qsizetype(firstLimit), qsizetype(maxWord));
    QString chunk;
    auto emit = [&](const QString &piece) {
        bool pieceOk = true;
        words.append(prefix + charsetBytes(piece, charset, &pieceOk).toBase64() + "?=");
        limit = maxWord;
    };
    qsizetype i = 0;
    while (i < text.size()) {
        // One code point at a time, so a surrogate pair is never split.
        const qsizetype len = (text.at(i).isHighSurrogate() && i + 1 < text.size()) ? 2 : 1;
        const QString candidate = chunk + text.mid(i, len);
        bool candidateOk = true;
        const qsizetype bytes = charsetBytes(candidate, charset, &candidateOk).size();
        if (!chunk.isEmpty() && overhead + base64Length(bytes) > limit) {
            emit(chunk);
            chunk.clear();
            continue;
        }
        chunk = candidate;
        i += len;
    }
    if (!chunk.isEmpty() || words.isEmpty())
        emit(chunk);
    return words;
}

QList<QByteArray> HeaderCodec::encodePhrase(const QString &rawText, Charset charset)
{
    const QString text = sanitize(rawText).simplified();
    if (text.isEmpty())
        return {};
    if (!isPlainAscii(text) || text.size() > 900)
        return encodeWords(text, charset);
    // Looks like an encoded word by accident: encode it so readers do not decode it.
    if (text.contains(QLatin1String("=?")))
        return encodeWords(text, charset);
    bool allAtoms = true;
    for (const QChar c : text)
        if (c != QLatin1Char(' ') && !isAtext(c.unicode()))
            allAtoms = false;
    if (allAtoms)
        return text.toLatin1().split(' ');
    QByteArray quoted = "\"";
    for (const QChar c : text) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            quoted += '\\';
        quoted += char(c.unicode());
    }
    quoted += '"';
    return {quoted};
}

QByteArray HeaderCodec::fold(const QByteArray &name, const QList<QByteArray> &tokens)
{
    QByteArray out;
    QByteArray line = name + ":";
    bool first = true;
    for (const QByteArray &token : tokens) {
        if (!first && line.size() + 1 + token.size() > maxLine) {
            out += line + "\r\n";
            line = " " + token;
        } else {
            line += " " + token;
        }
        first = false;
    }
    out += line + "\r\n";
    return out;
}

QByteArray HeaderCodec::unstructuredField(const QByteArray &name, const QString &value,
                                          Charset charset)
{
    const QString text = sanitize(value);
    bool longWord = false;
    for (const QStringView word : QStringView(text).split(QLatin1Char(' ')))
        if (word.size() > 900)
            longWord = true;
    if (isPlainAscii(text) && !longWord && !text.contains(QLatin1String("=?"))) {
        // Fold only at existing spaces (RFC 5322 section 2.2.3), keeping runs of spaces.
        QByteArray out;
        QByteArray line = name + ":";
        const QList<QByteArray> words = text.toLatin1().split(' ');
        for (qsizetype i = 0; i < words.size(); ++i) {
            const QByteArray &word = words.at(i);
            if (line.size() + 1 + word.size() > maxLine && line.size() > name.size() + 1 &&
                !word.isEmpty()) {
                out += line + "\r\n";
                line.clear();
            }
            line += " " + word;
        }
        return out + line + "\r\n";
    }
    const int firstLimit = maxLine - int(name.size()) - 2;
    QList<QByteArray> words;
    if (firstLimit < 30) {
        words = encodeWords(text, charset);
    } else {
        words = encodeWords(text, charset, firstLimit);
    }
    return fold(name, words);
}

} // namespace Outpost
