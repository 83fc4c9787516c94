#pragma once

#include <QByteArray>
#include <QString>

namespace Outpost {

/// Conversions between bytes in a MIME charset and text (Qt6::Core5Compat's QTextCodec
/// behind the scenes, so ISO-2022-JP, Shift_JIS, EUC-JP and friends work on Qt 6.4).
class Charsets
{
public:
    /// Decodes @p data in @p charset. Unknown or missing charsets never drop text: the
    /// bytes are guessed (ISO-2022-JP escapes, UTF-8, Shift_JIS/EUC-JP, else Windows-1252).
    static QString decode(const QByteArray &data, const QByteArray &charset);

    /// Decodes bytes of unknown charset (raw 8-bit headers, unlabelled bodies).
    static QString decodeGuessing(const QByteArray &data, const QByteArray &fallbackCharset = {});

    /// Whether a codec exists for @p charset (aliases such as cp932 and ks_c_5601-1987 count).
    static bool isKnown(const QByteArray &charset);

    /// Encodes @p text as ISO-2022-JP (RFC 1468), ending in ASCII. Returns false when a
    /// character cannot be represented exactly (the caller then falls back to UTF-8).
    static bool toIso2022Jp(const QString &text, QByteArray *out);

    /// Whether @p text contains Japanese script (kana, CJK ideographs, full-width forms).
    static bool containsJapanese(const QString &text);

    /// Whether @p data is valid UTF-8.
    static bool isValidUtf8(const QByteArray &data);
};

} // namespace Outpost
