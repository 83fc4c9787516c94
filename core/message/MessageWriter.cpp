#include "MessageWriter.h"

#include "AddressParser.h"
#include "Charsets.h"
#include "HeaderCodec.h"
#include "MailDate.h"

#include <outpost/Version.h>

#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QStringDecoder>

namespace Outpost {

namespace {

constexpr qsizetype maxLineOctets = 998; // RFC 5322 section 2.1.1
constexpr qsizetype shortLine = 78;

class Output
{
public:
    explicit Output(QIODevice *device)
        : m_device(device)
    {}

    bool put(const QByteArray &bytes)
    {
        if (m_failed)
            return false;
        for (const char c : bytes)
            if (static_cast<unsigned char>(c) >= 0x80)
                m_eightBit = true;
        const qint64 written = m_device->write(bytes);
        if (written != bytes.size()) {
            m_failed = true;
            return false;
        }
        m_size += written;
        return true;
    }

    qint64 size() const { return m_size; }
    bool failed() const { return m_failed; }
    bool eightBit() const { return m_eightBit; }
    QString errorString() const { return m_device->errorString(); }

private:
    QIODevice *m_device;
    qint64 m_size = 0;
    bool m_failed = false;
    bool m_eightBit = false;
};

char hexDigit(int v)
{
    return "0123456789ABCDEF"[v & 0xf];
}

// RFC 2045 section 6.7, rules 1-5: soft line breaks keep lines at 76 characters.
QByteArray quotedPrintable(const QList<QByteArray> &lines)
{
    QByteArray out;
    for (const QByteArray &line : lines) {
        int column = 0;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const unsigned char b = static_cast<unsigned char>(line.at(i));
            const bool last = i + 1 == line.size();
            QByteArray piece;
            // A leading "." is encoded too, so no transport sees a lone dot.
            const bool literal =
                ((b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last)) &&
                !(b == '.' && column == 0);
            if (literal)
                piece = QByteArray(1, char(b));
            else
                piece = QByteArray("=") + hexDigit(b >> 4) + hexDigit(b);
            if (column + piece.size() > 75) {
                out += "=\r\n";
                column = 0;
                if (b == '.') {
                    piece = "=2E";
                }
            }
            out += piece;
            column += int(piece.size());
        }
        out += "\r\n";
    }
    return out;
}

QByteArray base64Lines(const QByteArray &data)
{
    QByteArray out;
    const QByteArray encoded = data.toBase64();
    for (qsizetype i = 0; i < encoded.size(); i += 76)
        out += encoded.mid(i, 76) + "\r\n";
    return out;
}

QList<QString> splitLines(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QList<QString> lines = normalized.split(QLatin1Char('\n'));
    if (lines.size() > 1 && lines.last().isEmpty())
        lines.removeLast(); // the final line end is ours to write
    return lines;
}

struct EncodedBody
{
    QByteArray charset;
    QByteArray transferEncoding;
    QByteArray bytes;
};

EncodedBody encodeBody(const QString &text, bool iso2022jp)
{
    const QList<QString> lines = text.isEmpty() ? QList<QString>() : splitLines(text);
    if (iso2022jp) {
        QByteArray out;
        bool fits = true;
        QList<QByteArray> encodedLines;
        for (const QString &line : lines) {
            // Each line is encoded on its own so it ends in ASCII (RFC 1468).
            QByteArray encoded;
            if (!Charsets::toIso2022Jp(line, &encoded)) {
                fits = false;
                break;
            }
            if (encoded.size() > maxLineOctets || encoded.contains('\0'))
                fits = false;
            encodedLines.append(encoded);
        }
        if (fits) {
            for (const QByteArray &line : encodedLines)
                out += line + "\r\n";
            return {"ISO-2022-JP", "7bit", out};
        }
        QByteArray whole;
        const QString normalized = lines.join(QLatin1String("\r\n")) + QLatin1String("\r\n");
        if (Charsets::toIso2022Jp(normalized, &whole))
            return {"ISO-2022-JP", "base64", base64Lines(whole)};
        // A character ISO-2022-JP cannot hold: UTF-8 rather than a broken message.
    }
    bool plain = true;
    for (const QString &line : lines) {
        if (line.size() > shortLine)
            plain = false;
        for (const QChar c : line) {
            const char16_t u = c.unicode();
            if (u >= 0x7f || (u < 0x20 && u != '\t'))
                plain = false;
        }
    }
    if (plain) {
        QByteArray out;
        for (const QString &line : lines)
            out += line.toLatin1() + "\r\n";
        return {"US-ASCII", "7bit", out};
    }
    QList<QByteArray> utf8Lines;
    QByteArray whole;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        utf8Lines.append(lines.at(i).toUtf8());
        whole += utf8Lines.last() + "\r\n";
    }
    const QByteArray qp = quotedPrintable(utf8Lines);
    const QByteArray b64 = base64Lines(whole);
    if (qp.size() <= b64.size())
        return {"UTF-8", "quoted-printable", qp};
    return {"UTF-8", "base64", b64};
}

// RFC 2231 section 4: attribute-char is ASCII except specials, space, "*", "'" and "%".
bool isAttributeChar(unsigned char b)
{
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9'))
        return true;
    return QByteArrayView("!#$&+-.^_`|~").contains(char(b));
}

QByteArray percentEncode(const QByteArray &bytes)
{
    QByteArray out;
    for (const char c : bytes) {
        const unsigned char b = static_cast<unsigned char>(c);
        if (isAttributeChar(b))
            out += c;
        else
            out += QByteArray("%") + hexDigit(b >> 4) + hexDigit(b);
    }
    return out;
}

QByteArray quoteParameter(const QString &value)
{
    QByteArray out = "\"";
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += '\\';
        out += char(c.unicode());
    }
    return out + '"';
}

bool isSimpleAsciiName(const QString &name)
{
    return HeaderCodec::isPlainAscii(name) && name.size() <= 60 &&
           !name.contains(QLatin1String("=?"));
}

// " filename*0*=UTF-8''%E6...;" segments split between characters, each line short.
QList<QByteArray> rfc2231Segments(const QByteArray &attribute, const QString &value)
{
    QList<QByteArray> segments;
    QByteArray current = "UTF-8''";
    qsizetype i = 0;
    while (i < value.size()) {
        const qsizetype len = (value.at(i).isHighSurrogate() && i + 1 < value.size()) ? 2 : 1;
        const QByteArray piece = percentEncode(value.mid(i, len).toUtf8());
        if (current.size() + piece.size() > 56 && !current.endsWith("''")) {
            segments.append(current);
            current.clear();
        }
        current += piece;
        i += len;
    }
    segments.append(current);
    QList<QByteArray> out;
    for (qsizetype n = 0; n < segments.size(); ++n)
        out.append(attribute + '*' + QByteArray::number(n) + "*=" + segments.at(n));
    return out;
}

QByteArray joinParameters(const QByteArray &name, const QByteArray &value,
                          const QList<QByteArray> &parameters)
{
    QByteArray out = name + ": " + value;
    for (const QByteArray &p : parameters)
        out += ";\r\n " + p;
    return out + "\r\n";
}

// True when the file is text in UTF-8 (ASCII included) without NULs, read in chunks.
bool isUtf8TextFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    QStringDecoder decoder(QStringDecoder::Utf8);
    while (!file.atEnd()) {
        const QByteArray chunk = file.read(64 * 1024);
        if (chunk.isEmpty() || chunk.contains('\0'))
            return false;
        const QString text = decoder.decode(chunk); // decodes only when made a QString
        if (decoder.hasError())
            return false;
    }
    return true;
}

QByteArray attachmentHeaders(const Attachment &attachment, const QString &displayName,
                             const QByteArray &mimeType, HeaderCodec::Charset charset,
                             const QByteArray &transferEncoding = "base64")
{
    const QString name = HeaderCodec::sanitize(displayName);
    QList<QByteArray> typeParameters;
    QList<QByteArray> dispositionParameters;
    // RFC 2046 section 4.1.2: text without a charset means US-ASCII; say what it is, so a
    // Japanese text file is not shown as mojibake.
    if (mimeType.startsWith("text/") && isUtf8TextFile(attachment.filePath))
        typeParameters.append("charset=utf-8");
    if (isSimpleAsciiName(name)) {
        typeParameters.append("name=" + quoteParameter(name));
        dispositionParameters.append("filename=" + quoteParameter(name));
    } else {
        // RFC 2231 for readers that know it, RFC 2047 words in name= for old mailers.
        const QList<QByteArray> words = HeaderCodec::encodeWords(name, charset, 68);
        typeParameters.append("name=\"" + words.join("\r\n ") + '"');
        dispositionParameters = rfc2231Segments("filename", name);
    }
    return joinParameters("Content-Type", mimeType, typeParameters) +
           joinParameters("Content-Disposition", "attachment", dispositionParameters) +
           "Content-Transfer-Encoding: " + transferEncoding + "\r\n";
}

// A message attached whole (message/rfc822) as it is, CRLF line ends: RFC 2046 section
// 5.2.1 allows no encoding but 7bit, 8bit or binary for it. Nothing when it cannot go that
// way (a NUL, a line over 998 octets): it is then attached in base64, its bytes kept.
std::optional<QByteArray> messageAsIs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray raw = file.readAll();
    if (raw.contains('\0'))
        return std::nullopt;
    QByteArray out;
    out.reserve(raw.size() + raw.size() / 40 + 2);
    qsizetype lineLength = 0;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < raw.size() && raw.at(i + 1) == '\n')
                ++i;
            out += "\r\n";
            lineLength = 0;
            continue;
        }
        if (++lineLength > 998)
            return std::nullopt;
        out += c;
    }
    if (!out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

// RFC 2045 section 5.1: type "/" subtype, both tokens.
bool isMimeType(const QByteArray &type)
{
    const qsizetype slash = type.indexOf('/');
    if (slash <= 0 || slash + 1 >= type.size() || type.size() > 127)
        return false;
    for (qsizetype i = 0; i < type.size(); ++i) {
        const char c = type.at(i);
        if (i == slash)
            continue;
        const bool token = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                           QByteArrayView("!#$&-^_.+").contains(c);
        if (!token)
            return false;
    }
    return true;
}

bool validMessageId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > 250 || !id.contains('@'))
        return false;
    for (const char c : id) {
        const unsigned char b = static_cast<unsigned char>(c);
        if (b <= 32 || b >= 127 || c == '<' || c == '>' || c == '"' || c == '\\' || c == ',')
            return false;
    }
    return true;
}

QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(QRandomGenerator::system()->bounded(256));
    return raw.toHex();
}

void setError(MessageError *error, MessageError::Kind kind, const QString &message,
              const QString &detail = {})
{
    if (error)
        *error = {kind, message, detail};
}

QList<QByteArray> addressTokens(const QList<MailAddress> &list, HeaderCodec::Charset charset,
                                bool utf8Headers)
{
    QList<QByteArray> tokens;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const MailAddress &address = list.at(i);
        QList<QByteArray> part = HeaderCodec::encodePhrase(address.displayName(), charset);
        QByteArray spec = address.encoded(utf8Headers);
        if (!part.isEmpty())
            spec = '<' + spec + '>';
        part.append(spec);
        if (i + 1 < list.size())
            part.last() += ',';
        tokens += part;
    }
    return tokens;
}

} // namespace

QByteArray MessageWriter::userAgent()
{
    return QByteArray("Outpost/") + versionString;
}

QByteArray MessageWriter::makeMessageId(const QString &domain)
{
    QByteArray host = MailAddress({}, QStringLiteral("x"), domain).asciiDomain();
    if (host.isEmpty() || !validMessageId("x@" + host))
        host = "outpost.invalid";
    return QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 36) + '.' + randomHex(10) + '@' +
           host;
}

std::optional<Envelope> MessageWriter::write(const OutgoingMessage &message, QIODevice *out,
                                             MessageError *error)
{
    if (message.from.isNull()) {
        setError(error, MessageError::Kind::InvalidAddress, tr("The message has no sender."));
        return std::nullopt;
    }
    Envelope envelope;
    QList<MailAddress> everyone = message.to + message.cc + message.bcc;
    for (const MailAddress &a : everyone + QList<MailAddress>{message.from} + message.replyTo) {
        if (a.needsSmtpUtf8())
            envelope.needsSmtpUtf8 = true;
        if (a.localPart().isEmpty() || a.domain().isEmpty() || a.asciiDomain().isEmpty() ||
            a.address().contains(QLatin1Char('\r')) || a.address().contains(QLatin1Char('\n')) ||
            a.address().contains(QChar(0))) {
            setError(
                error, MessageError::Kind::InvalidAddress,
                tr("The address \"%1\" cannot be used.").arg(HeaderCodec::sanitize(a.address())));
            return std::nullopt;
        }
    }
    for (const MailAddress &a : everyone)
        if (!envelope.recipients.contains(a.address()))
            envelope.recipients.append(a.address());
    for (const MailAddress &a : message.bcc)
        if (!envelope.bcc.contains(a.address()))
            envelope.bcc.append(a.address());
    if (envelope.recipients.isEmpty()) {
        setError(error, MessageError::Kind::NoRecipients, tr("The message has no recipients."));
        return std::nullopt;
    }
    envelope.sender = message.from.address();
    const bool utf8Headers = envelope.needsSmtpUtf8;

    // Attachments are checked before the first byte is written.
    QMimeDatabase mimeDatabase;
    QList<QByteArray> mimeTypes;
    QList<QString> names;
    for (const Attachment &a : message.attachments) {
        const QFileInfo info(a.filePath);
        if (!info.isFile() || !info.isReadable()) {
            setError(error, MessageError::Kind::AttachmentUnreadable,
                     tr("The attachment %1 cannot be read.").arg(info.fileName()), a.filePath);
            return std::nullopt;
        }
        const QString name = a.fileName.isEmpty() ? info.fileName() : a.fileName;
        QByteArray type = a.mimeType.trimmed().toLower();
        if (!isMimeType(type)) {
            // The name recipients see decides, with the content as a tie-breaker.
            QFile probe(a.filePath);
            probe.open(QIODevice::ReadOnly);
            type = mimeDatabase.mimeTypeForFileNameAndData(name, &probe).name().toLatin1();
            if (!isMimeType(type))
                type = "application/octet-stream";
        }
        mimeTypes.append(type);
        names.append(name);
    }

    bool japanese = message.encoding == TextEncoding::Iso2022Jp;
    if (message.encoding == TextEncoding::Automatic) {
        const QString all = message.subject + message.body + names.join(QString());
        japanese = Charsets::containsJapanese(all) && Charsets::toIso2022Jp(all, nullptr);
    }
    const HeaderCodec::Charset charset =
        japanese ? HeaderCodec::Charset::Iso2022Jp : HeaderCodec::Charset::Utf8;

    envelope.messageId = message.messageId;
    if (!validMessageId(envelope.messageId))
        envelope.messageId = makeMessageId(message.from.domain());

    QByteArray header;
    header +=
        "Date: " +
        MailDate::format(message.date.isValid() ? message.date : QDateTime::currentDateTime()) +
        "\r\n";
    header += HeaderCodec::fold("From", addressTokens({message.from}, charset, utf8Headers));
    if (!message.replyTo.isEmpty())
        header +=
            HeaderCodec::fold("Reply-To", addressTokens(message.replyTo, charset, utf8Headers));
    if (!message.to.isEmpty())
        header += HeaderCodec::fold("To", addressTokens(message.to, charset, utf8Headers));
    if (!message.cc.isEmpty())
        header += HeaderCodec::fold("Cc", addressTokens(message.cc, charset, utf8Headers));
    if (message.to.isEmpty() && message.cc.isEmpty())
        header += "To: undisclosed-recipients:;\r\n"; // RFC 5322 section 3.6.3 for Bcc-only mail
    header += HeaderCodec::unstructuredField("Subject", message.subject, charset);
    header += "Message-ID: <" + envelope.messageId + ">\r\n";
    if (validMessageId(message.inReplyTo))
        header += "In-Reply-To: <" + message.inReplyTo + ">\r\n";
    QList<QByteArray> references;
    for (const QByteArray &id : message.references)
        if (validMessageId(id))
            references.append('<' + id + '>');
    if (!references.isEmpty())
        header += HeaderCodec::fold("References", references);
    header += "MIME-Version: 1.0\r\n";
    header += "User-Agent: " + userAgent() + "\r\n";

    const EncodedBody body = encodeBody(message.body, japanese);
    Output output(out);
    const QByteArray textHeaders = "Content-Type: text/plain; charset=" + body.charset +
                                   "\r\nContent-Transfer-Encoding: " + body.transferEncoding +
                                   "\r\n";

    if (message.attachments.isEmpty()) {
        output.put(header + textHeaders + "\r\n" + body.bytes);
    } else {
        // The boundary cannot occur in base64 or quoted-printable ("=_" is never produced).
        // Messages attached whole go as they are (and must not hold the boundary either).
        QList<std::optional<QByteArray>> asIs;
        for (qsizetype i = 0; i < message.attachments.size(); ++i)
            asIs.append(mimeTypes.at(i) == "message/rfc822"
                            ? messageAsIs(message.attachments.at(i).filePath)
                            : std::nullopt);
        QByteArray boundary;
        do {
            boundary = "=_Outpost_" + randomHex(12);
        } while (body.bytes.contains(boundary) ||
                 std::any_of(asIs.cbegin(), asIs.cend(), [&](const auto &bytes) {
                     return bytes && bytes->contains(boundary);
                 }));
        output.put(header + "Content-Type: multipart/mixed;\r\n boundary=\"" + boundary +
                   "\"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n--" + boundary +
                   "\r\n" + textHeaders + "\r\n" + body.bytes);
        for (qsizetype i = 0; i < message.attachments.size(); ++i) {
            const Attachment &attachment = message.attachments.at(i);
            if (asIs.at(i)) {
                const bool eightBit = std::any_of(asIs.at(i)->cbegin(), asIs.at(i)->cend(),
                                                  [](char c) { return uchar(c) >= 0x80; });
                output.put("\r\n--" + boundary + "\r\n" +
                           attachmentHeaders(attachment, names.at(i), mimeTypes.at(i), charset,
                                             eightBit ? "8bit" : "7bit") +
                           "\r\n" + *asIs.at(i));
                continue;
            }
            output.put("\r\n--" + boundary + "\r\n" +
                       attachmentHeaders(attachment, names.at(i), mimeTypes.at(i), charset) +
                       "\r\n");
            QFile file(attachment.filePath);
            if (!file.open(QIODevice::ReadOnly)) {
                setError(error, MessageError::Kind::AttachmentUnreadable,
                         tr("The attachment %1 cannot be read.").arg(names.at(i)),
                         file.errorString());
                return std::nullopt;
            }
            // 57 input octets make one 76-character base64 line (RFC 2045 section 6.8).
            constexpr qint64 chunk = 57 * 256;
            while (!file.atEnd() && !output.failed()) {
                const QByteArray data = file.read(chunk);
                if (data.isEmpty() && file.error() != QFileDevice::NoError) {
                    setError(error, MessageError::Kind::AttachmentUnreadable,
                             tr("The attachment %1 cannot be read.").arg(names.at(i)),
                             file.errorString());
                    return std::nullopt;
                }
                if (data.isEmpty())
                    break;
                output.put(base64Lines(data));
            }
        }
        output.put("\r\n--" + boundary + "--\r\n");
    }
    if (output.failed()) {
        setError(error, MessageError::Kind::WriteFailed,
                 tr("The message could not be written. The disk may be full."),
                 output.errorString());
        return std::nullopt;
    }
    envelope.size = output.size();
    envelope.needs8BitMime = output.eightBit();
    return envelope;
}

std::optional<Envelope> MessageWriter::import(QIODevice *in, QIODevice *out, MessageError *error)
{
    return copyForSending(in, out, nullptr, error);
}

std::optional<Envelope> MessageWriter::submission(QIODevice *in, QIODevice *out,
                                                  const Envelope &smtp, MessageError *error)
{
    return copyForSending(in, out, &smtp, error);
}

std::optional<Envelope> MessageWriter::copyForSending(QIODevice *in, QIODevice *out,
                                                      const Envelope *smtp, MessageError *error)
{
    auto tooLong = [&](qint64 lineNumber) {
        setError(error, MessageError::Kind::InvalidMessage,
                 tr("Line %1 of the message is longer than 998 octets, which mail servers "
                    "refuse.")
                     .arg(lineNumber));
        return std::nullopt;
    };
    auto readLine = [&](QByteArray *line, bool *overflow) {
        *line = in->readLine(maxLineOctets + 3);
        *overflow = false;
        if (line->endsWith('\n'))
            line->chop(1);
        else if (line->size() > maxLineOctets + 1)
            *overflow = true;
        if (line->endsWith('\r'))
            line->chop(1);
        if (line->size() > maxLineOctets)
            *overflow = true;
    };

    // The header block: fields with their folded lines.
    QList<QList<QByteArray>> fields;
    qint64 lineNumber = 0;
    bool sawBody = false;
    while (!in->atEnd()) {
        QByteArray line;
        bool overflow = false;
        readLine(&line, &overflow);
        ++lineNumber;
        if (overflow)
            return tooLong(lineNumber);
        if (line.isEmpty()) {
            sawBody = true;
            break;
        }
        if ((line.startsWith(' ') || line.startsWith('\t')) && !fields.isEmpty())
            fields.last().append(line);
        else if (line.contains(':'))
            fields.append({line});
        else if (fields.isEmpty() && line.startsWith("From "))
            continue; // an mbox separator line
        else {
            setError(error, MessageError::Kind::InvalidMessage,
                     tr("Line %1 of the message header is not a header field.").arg(lineNumber));
            return std::nullopt;
        }
        if (fields.size() > 10000) {
            setError(error, MessageError::Kind::InvalidMessage,
                     tr("The message header is too large."));
            return std::nullopt;
        }
    }

    Envelope envelope;
    bool hasDate = false;
    QList<MailAddress> recipients;
    QList<QList<QByteArray>> kept;
    for (const QList<QByteArray> &field : fields) {
        const QByteArray first = field.first();
        const QByteArray name = first.left(first.indexOf(':')).trimmed().toLower();
        QByteArray value = first.mid(first.indexOf(':') + 1);
        for (qsizetype i = 1; i < field.size(); ++i)
            value += field.at(i);
        if (name == "from" || name == "to" || name == "cc" || name == "bcc") {
            const AddressParseResult parsed = AddressParser::parseHeader(value);
            if (!parsed.ok() && smtp) {
                if (name != "bcc")
                    kept.append(field); // the envelope decides; the header stays as written
                continue;
            }
            if (!parsed.ok()) {
                setError(error, MessageError::Kind::InvalidAddress,
                         tr("The %1 field cannot be read: %2")
                             .arg(QString::fromLatin1(first.left(first.indexOf(':'))),
                                  parsed.errorMessage));
                return std::nullopt;
            }
            if (name == "from") {
                if (!parsed.addresses.isEmpty() && envelope.sender.isEmpty())
                    envelope.sender = parsed.addresses.first().address();
            } else {
                recipients += parsed.addresses;
                if (name == "bcc")
                    for (const MailAddress &a : parsed.addresses)
                        if (!envelope.bcc.contains(a.address()))
                            envelope.bcc.append(a.address());
            }
            for (const MailAddress &a : parsed.addresses)
                if (a.needsSmtpUtf8())
                    envelope.needsSmtpUtf8 = true;
        }
        if (name == "date")
            hasDate = true;
        if (name == "message-id") {
            const QByteArray id = HeaderCodec::unfold(value).trimmed();
            if (id.startsWith('<') && id.endsWith('>'))
                envelope.messageId = id.mid(1, id.size() - 2);
        }
        if (name == "bcc")
            continue; // envelope only (RFC 5322 section 3.6.3)
        kept.append(field);
    }
    if (smtp) {
        const QStringList bcc = envelope.bcc;
        const QByteArray messageId = envelope.messageId;
        const bool headerNeedsSmtpUtf8 = envelope.needsSmtpUtf8;
        envelope = *smtp;
        envelope.needsSmtpUtf8 = envelope.needsSmtpUtf8 || headerNeedsSmtpUtf8;
        envelope.bcc.clear();
        for (const QString &address : bcc)
            if (envelope.recipients.contains(address))
                envelope.bcc.append(address);
        envelope.messageId = messageId;
        recipients.clear();
    } else if (envelope.sender.isEmpty()) {
        setError(error, MessageError::Kind::InvalidAddress,
                 tr("The message has no sender (no From field)."));
        return std::nullopt;
    }
    for (const MailAddress &a : recipients)
        if (!envelope.recipients.contains(a.address()))
            envelope.recipients.append(a.address());
    if (envelope.recipients.isEmpty()) {
        setError(error, MessageError::Kind::NoRecipients, tr("The message has no recipients."));
        return std::nullopt;
    }

    Output output(out);
    if (!hasDate)
        output.put("Date: " + MailDate::format(QDateTime::currentDateTime()) + "\r\n");
    if (envelope.messageId.isEmpty()) {
        const qsizetype at = envelope.sender.lastIndexOf(QLatin1Char('@'));
        envelope.messageId = makeMessageId(at < 0 ? QStringLiteral("outpost.localhost")
                                                  : envelope.sender.mid(at + 1));
        output.put("Message-ID: <" + envelope.messageId + ">\r\n");
    }
    for (const QList<QByteArray> &field : kept)
        for (const QByteArray &line : field)
            output.put(line + "\r\n");
    output.put("\r\n");
    if (sawBody) {
        while (!in->atEnd() && !output.failed()) {
            QByteArray line;
            bool overflow = false;
            readLine(&line, &overflow);
            ++lineNumber;
            if (overflow)
                return tooLong(lineNumber);
            output.put(line + "\r\n");
        }
    }
    if (output.failed()) {
        setError(error, MessageError::Kind::WriteFailed,
                 tr("The message could not be written. The disk may be full."),
                 output.errorString());
        return std::nullopt;
    }
    envelope.size = output.size();
    envelope.needs8BitMime = output.eightBit();
    return envelope;
}

} // namespace Outpost
