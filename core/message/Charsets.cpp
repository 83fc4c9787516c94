#include "Charsets.h"

#include "Cp932Table.h"

#include <QStringDecoder>
#include <QTextCodec>

namespace Outpost {

namespace {

// Names seen in real mail that ICU does not know under that spelling.
QByteArray canonicalName(const QByteArray &charset)
{
    QByteArray name = charset.trimmed().toLower();
    // RFC 2231 section 5: a language may follow the charset after '*'.
    const qsizetype star = name.indexOf('*');
    if (star >= 0)
        name.truncate(star);
    if (name.startsWith('"') && name.endsWith('"') && name.size() >= 2)
        name = name.mid(1, name.size() - 2);
    if (name == "x-sjis" || name == "sjis" || name == "shift-jis" || name == "ms_kanji" ||
        name == "cp932" || name == "windows-31j" || name == "x-ms-cp932")
        return "windows-31j";
    if (name == "iso-2022-jp-ms" || name == "cp50220" || name == "cp50221" || name == "cp50222")
        return "iso-2022-jp";
    if (name == "x-euc-jp" || name == "eucjp" || name == "euc_jp" || name == "x-eucjp")
        return "euc-jp";
    if (name == "gb2312" || name == "gbk" || name == "x-gbk" || name == "cp936")
        return "gb18030"; // a superset; mailers label GBK text as gb2312
    if (name == "ks_c_5601-1987" || name == "cp949" || name == "x-windows-949")
        return "euc-kr";
    if (name == "utf8")
        return "utf-8";
    if (name == "ascii" || name == "us-ascii" || name == "ansi_x3.4-1968")
        return "us-ascii";
    return name;
}

QTextCodec *codecFor(const QByteArray &charset)
{
    if (charset.isEmpty())
        return nullptr;
    const QByteArray name = canonicalName(charset);
    if (QTextCodec *codec = QTextCodec::codecForName(name))
        return codec;
    // Without ICU (Qt5Compat's own codecs, as on Windows) Microsoft's Shift_JIS variant is
    // known only as Shift_JIS; decodeWith() adds what CP932 has beyond it.
    if (name == "windows-31j")
        return QTextCodec::codecForName("Shift_JIS");
    return nullptr;
}

bool isSjisLead(uchar c)
{
    return (c >= 0x81 && c <= 0x9f) || (c >= 0xe0 && c <= 0xfc);
}

bool isSjisTrail(uchar c)
{
    return c >= 0x40 && c <= 0xfc && c != 0x7f;
}

/// Microsoft's Shift_JIS where Qt knows only plain Shift_JIS (no ICU, as on Windows): the
/// characters CP932 adds or maps differently (①, Ⅰ, ㈱, 髙, 﨑, ～, ...) from its table, the runs
/// between them through @p sjis.
QString decodeCp932(QTextCodec *sjis, const QByteArray &data)
{
    QString out;
    out.reserve(data.size());
    qsizetype runStart = 0;
    const auto flush = [&](qsizetype end) {
        if (end > runStart)
            out += sjis->toUnicode(data.constData() + runStart, int(end - runStart));
    };
    for (qsizetype at = 0; at < data.size();) {
        const uchar lead = uchar(data.at(at));
        if (!isSjisLead(lead) || at + 1 >= data.size() || !isSjisTrail(uchar(data.at(at + 1)))) {
            ++at;
            continue;
        }
        const char16_t mapped = Cp932Table::extension(quint16(lead << 8 | uchar(data.at(at + 1))));
        if (mapped) {
            flush(at);
            out += QChar(mapped);
            runStart = at + 2;
        }
        at += 2;
    }
    flush(data.size());
    return out;
}

/// Decodes with @p charset, or as Latin-1 when this Qt has no such codec.
QString decodeWith(const QByteArray &charset, const QByteArray &data)
{
    // Mail labelled Shift_JIS is mostly written on Windows or phones, with CP932's characters;
    // ICU's Shift_JIS (IBM-943) reads them, so without ICU both labels read as CP932.
    const QByteArray name = canonicalName(charset);
    if ((name == "windows-31j" || name == "shift_jis") &&
        !QTextCodec::codecForName("windows-31j")) {
        if (QTextCodec *sjis = QTextCodec::codecForName("Shift_JIS"))
            return decodeCp932(sjis, data);
    }
    if (QTextCodec *codec = codecFor(charset))
        return codec->toUnicode(data);
    return QString::fromLatin1(data);
}

int countReplacements(const QString &text)
{
    return int(text.count(QChar(QChar::ReplacementCharacter)));
}

} // namespace

bool Charsets::isValidUtf8(const QByteArray &data)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(data);
    return !decoder.hasError();
}

QString Charsets::decodeGuessing(const QByteArray &data, const QByteArray &fallbackCharset)
{
    bool eightBit = false;
    bool escape = false;
    for (const char c : data) {
        if (static_cast<unsigned char>(c) >= 0x80)
            eightBit = true;
        else if (c == '\x1b')
            escape = true;
    }
    if (!eightBit && escape)
        return decodeWith("iso-2022-jp", data);
    if (!eightBit)
        return QString::fromLatin1(data);
    if (isValidUtf8(data))
        return QString::fromUtf8(data);
    if (QTextCodec *codec = codecFor(fallbackCharset);
        codec && canonicalName(fallbackCharset) != "us-ascii" &&
        canonicalName(fallbackCharset) != "utf-8") {
        return decodeWith(fallbackCharset, data);
    }
    // Japanese mail without a label is Shift_JIS or EUC-JP; keep the one that decodes cleanest.
    const QString sjis = decodeWith("windows-31j", data);
    const QString euc = decodeWith("euc-jp", data);
    const int sjisBad = countReplacements(sjis);
    const int eucBad = countReplacements(euc);
    if (sjisBad == 0 && (eucBad > 0 || sjis.size() <= euc.size()))
        return sjis;
    if (eucBad == 0)
        return euc;
    return decodeWith("windows-1252", data);
}

QString Charsets::decode(const QByteArray &data, const QByteArray &charset)
{
    const QByteArray name = canonicalName(charset);
    if (name == "utf-8")
        return QString::fromUtf8(data);
    if (name.isEmpty() || name == "us-ascii")
        return decodeGuessing(data);
    if (QTextCodec *codec = codecFor(charset)) {
        if (name.startsWith("iso-2022")) {
            // Joined encoded words leave "ESC ( B ESC $ B"; ICU reports the empty ASCII run
            // as an error, so the redundant switch is dropped first.
            QByteArray cleaned = data;
            qsizetype at = 0;
            while ((at = cleaned.indexOf("\x1b(B\x1b", at)) >= 0)
                cleaned.remove(at, 3);
            return codec->toUnicode(cleaned);
        }
        return decodeWith(charset, data);
    }
    return decodeGuessing(data);
}

bool Charsets::isKnown(const QByteArray &charset)
{
    return codecFor(charset) != nullptr;
}

bool Charsets::toIso2022Jp(const QString &text, QByteArray *out)
{
    QTextCodec *codec = QTextCodec::codecForName("ISO-2022-JP");
    if (!codec)
        return false;
    QByteArray encoded = codec->fromUnicode(text);
    // ICU does not always switch back at the end; RFC 1468 requires text to end in ASCII.
    const qsizetype lastEscape = encoded.lastIndexOf('\x1b');
    if (lastEscape >= 0 && encoded.mid(lastEscape, 3) != "\x1b(B")
        encoded += "\x1b(B";
    // ICU maps some characters to look-alikes (half-width kana to full-width); only an
    // exact round trip counts as representable.
    if (codec->toUnicode(encoded) != text)
        return false;
    // RFC 1468 allows only ASCII, JIS X 0201-Roman and JIS X 0208 (ESC ( B, ESC ( J,
    // ESC $ @, ESC $ B). Qt's own codec (no ICU, as on Windows) writes half-width kana as
    // JIS X 0201 Katakana (ESC ( I), which Japanese mail programs need not read.
    for (qsizetype at = encoded.indexOf('\x1b'); at >= 0; at = encoded.indexOf('\x1b', at + 1)) {
        const QByteArray escape = encoded.mid(at, 3);
        if (escape != "\x1b(B" && escape != "\x1b(J" && escape != "\x1b$@" && escape != "\x1b$B")
            return false;
    }
    if (out)
        *out = encoded;
    return true;
}

bool Charsets::containsJapanese(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if ((u >= 0x3040 && u <= 0x30ff) || (u >= 0x4e00 && u <= 0x9fff) ||
            (u >= 0xff00 && u <= 0xffef) || (u >= 0x3000 && u <= 0x303f))
            return true;
    }
    return false;
}

} // namespace Outpost
