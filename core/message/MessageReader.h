#pragma once

#include "MailAddress.h"
#include "MessageError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QIODevice;

namespace Outpost {

/// One header field, unfolded, still in its raw bytes.
struct HeaderField
{
    QByteArray name;
    QByteArray value;
};

/// An attachment as the preview lists it.
struct AttachmentInfo
{
    QString fileName;    ///< decoded (RFC 2231 / RFC 2047 / raw 8-bit guessed); never empty
    QByteArray mimeType; ///< lower case, e.g. "application/pdf"
    qint64 size = 0;     ///< decoded octets
};

/// What a message list needs: read from the header block only.
struct MessageSummary
{
    QString from; ///< the first sender's name, or address when unnamed
    QString fromAddress;
    QString subject;
    QDateTime date; ///< invalid when missing or unreadable
    QByteArray messageId;
    qint64 size = 0;
    bool valid = false; ///< false when the file could not be read at all
};

/// A message read for display: decoded headers, the text to show, the attachments.
class ParsedMessage
{
public:
    QList<HeaderField> headers() const { return m_headers; }
    /// The raw (unfolded) value of the first field called @p name, case-insensitively.
    QByteArray rawHeader(const QByteArray &name) const;
    QString subject() const { return m_subject; }
    QList<MailAddress> from() const { return m_from; }
    QList<MailAddress> to() const { return m_to; }
    QList<MailAddress> cc() const { return m_cc; }
    QList<MailAddress> replyTo() const { return m_replyTo; }
    QDateTime date() const { return m_date; }
    QByteArray messageId() const { return m_messageId; }
    /// The text to show: text/plain preferred, else text/html turned into plain text.
    QString text() const { return m_text; }
    bool textIsFromHtml() const { return m_textFromHtml; }
    QList<AttachmentInfo> attachments() const { return m_attachments; }
    /// The decoded bytes of attachment @p index.
    QByteArray attachmentData(int index) const;
    /// Writes attachment @p index to @p path (atomically). False with @p error on failure.
    bool saveAttachment(int index, const QString &path, MessageError *error) const;

private:
    friend class MessageReader;
    struct Range
    {
        qsizetype begin = 0;
        qsizetype end = 0;
        QByteArray transferEncoding;
    };
    QByteArray m_raw;
    QList<HeaderField> m_headers;
    QString m_subject;
    QList<MailAddress> m_from, m_to, m_cc, m_replyTo;
    QDateTime m_date;
    QByteArray m_messageId;
    QString m_text;
    bool m_textFromHtml = false;
    QList<AttachmentInfo> m_attachments;
    QList<Range> m_attachmentRanges;
};

/// Reads RFC 5322 / MIME messages as they arrive from real mailers. Never crashes or hangs
/// on malformed input; whatever cannot be decoded is shown as readably as possible.
class MessageReader
{
    Q_DECLARE_TR_FUNCTIONS(MessageReader)

public:
    /// Parses a whole message.
    static ParsedMessage parse(const QByteArray &bytes);
    /// Reads and parses the file at @p path.
    static std::optional<ParsedMessage> parseFile(const QString &path, MessageError *error);
    /// Reads only the header block of @p device (cheap; for lists of thousands).
    static MessageSummary readSummary(QIODevice *device);
    /// Reads only the header block of the file at @p path.
    static MessageSummary readSummary(const QString &path);
    /// Splits a header block starting at @p from into fields; @p bodyOffset receives where
    /// the body starts (after the empty line), or the end when there is none.
    static QList<HeaderField> parseHeaderBlock(const QByteArray &bytes, qsizetype from,
                                               qsizetype *bodyOffset);
    /// The same, looking no further than @p end.
    static QList<HeaderField> parseHeaderBlock(const QByteArray &bytes, qsizetype from,
                                               qsizetype end, qsizetype *bodyOffset);
    /// Decodes quoted-printable (RFC 2045 section 6.7); invalid sequences are kept as is.
    static QByteArray decodeQuotedPrintable(const QByteArray &data);
    /// Turns HTML into readable plain text (blocks to lines, entities decoded, scripts dropped).
    static QString htmlToText(const QString &html);
};

} // namespace Outpost
