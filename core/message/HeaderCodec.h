#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace Outpost {

/// RFC 2047 encoded words and RFC 5322 folding for header fields.
class HeaderCodec
{
public:
    /// Which charset encoded words use when a header needs them.
    enum class Charset
    {
        Utf8,
        Iso2022Jp, ///< ISO-2022-JP B words; falls back to UTF-8 for what it cannot represent
    };

    /// Decodes an unfolded header value: RFC 2047 words (B and Q, adjacent words joined,
    /// whitespace between them dropped) and raw 8-bit or ISO-2022-JP bytes (guessed,
    /// @p fallbackCharset first).
    static QString decode(const QByteArray &value, const QByteArray &fallbackCharset = {});

    /// Unfolds a header value (RFC 5322 section 2.2.3): CRLF followed by WSP becomes the WSP.
    static QByteArray unfold(const QByteArray &value);

    /// Replaces CR, LF, NUL and other control characters with spaces so that no field can
    /// add lines to the header block (header injection).
    static QString sanitize(const QString &text);

    /// A complete unstructured header line ("Subject: ...\r\n", folded at 78 columns),
    /// encoding words where needed and never splitting a character.
    static QByteArray unstructuredField(const QByteArray &name, const QString &value,
                                        Charset charset);

    /// Encoded words for @p text, the first at most @p firstLimit octets long and the
    /// others at most 75 (RFC 2047 section 2).
    static QList<QByteArray> encodeWords(const QString &text, Charset charset, int firstLimit = 75);

    /// Tokens for a display name: atoms, a quoted string, or encoded words (RFC 2047 section 5
    /// (3)).
    static QList<QByteArray> encodePhrase(const QString &text, Charset charset);

    /// Joins @p tokens with single spaces after "name: ", folding before a token that would
    /// cross column 78. Ends with CRLF.
    static QByteArray fold(const QByteArray &name, const QList<QByteArray> &tokens);

    /// Whether @p text is printable US-ASCII (spaces and tabs allowed).
    static bool isPlainAscii(const QString &text);
    /// The value of a hexadecimal digit (either case), or -1: for "=XX" and "%XX" escapes.
    static int hexDigit(char c);
};

} // namespace Outpost
