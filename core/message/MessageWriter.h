#pragma once

#include "Envelope.h"
#include "MailAddress.h"
#include "MessageError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QIODevice;

namespace Outpost {

/// How the text of a message is written.
enum class TextEncoding
{
    Automatic, ///< ISO-2022-JP when the text is Japanese and fits it, else UTF-8
    Utf8,      ///< UTF-8 (7bit when plain ASCII)
    Iso2022Jp, ///< traditional Japanese (RFC 1468); UTF-8 when a character does not fit
};

/// A file to attach.
struct Attachment
{
    QString filePath;    ///< read when the message is written, in chunks
    QString fileName;    ///< the name recipients see; the file's own name when empty
    QByteArray mimeType; ///< from QMimeDatabase when empty
};

/// A message as the compose window or the console fills it in.
struct OutgoingMessage
{
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    QList<MailAddress> bcc; ///< envelope only, never written into the bytes
    QList<MailAddress> replyTo;
    QString subject;
    QString body; ///< plain text; any line endings
    QList<Attachment> attachments;
    QDateTime date;               ///< now when invalid
    QByteArray messageId;         ///< without "<>"; made when empty
    QByteArray inReplyTo;         ///< Message-ID of the message replied to, without "<>"
    QList<QByteArray> references; ///< without "<>"
    TextEncoding encoding = TextEncoding::Utf8;
};

/// Writes RFC 5322 / MIME messages (RFC 2045-2047, 2231) ready for SMTP: CRLF line ends,
/// no line over 998 octets, no control characters from fields in the header block.
class MessageWriter
{
    Q_DECLARE_TR_FUNCTIONS(MessageWriter)

public:
    /// Writes @p message to @p out (attachments streamed from their files) and returns the
    /// envelope, or nothing with @p error set.
    static std::optional<Envelope> write(const OutgoingMessage &message, QIODevice *out,
                                         MessageError *error);

    /// Copies an existing message from @p in to @p out for sending: CRLF line ends, Bcc
    /// fields removed, Date and Message-ID added when missing; the envelope comes from
    /// From, To, Cc and Bcc. Fails for lines over 998 octets or no recipients.
    static std::optional<Envelope> import(QIODevice *in, QIODevice *out, MessageError *error);

    /// Copies a message submitted over SMTP (RFC 6409) from @p in to @p out as import()
    /// does, except that the SMTP envelope @p smtp is authoritative: sender and recipients
    /// come from it (the header's addresses need not be readable, or present), and Bcc
    /// fields are still removed (section 8 of RFC 6409 lets the submission server add Date
    /// and Message-ID; nothing else changes). The returned envelope is @p smtp completed.
    static std::optional<Envelope> submission(QIODevice *in, QIODevice *out, const Envelope &smtp,
                                              MessageError *error);

private:
    static std::optional<Envelope> copyForSending(QIODevice *in, QIODevice *out,
                                                  const Envelope *smtp, MessageError *error);

public:
    /// A new globally unique Message-ID (without "<>") under @p domain.
    static QByteArray makeMessageId(const QString &domain);

    /// "Outpost/<version>".
    static QByteArray userAgent();
};

} // namespace Outpost
