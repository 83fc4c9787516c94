#pragma once

#include "message/MessageWriter.h"
#include "store/Account.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace Outpost {

/// What someone wrote, as the compose window or the command line gathered it.
struct ComposeInput
{
    QString to; ///< addresses as typed, comma-separated (RFC 5322 address lists)
    QString cc;
    QString bcc;
    QString subject;
    QString body;
    QStringList attachments; ///< paths of files to attach
    /// Paths of messages attached whole, as message/rfc822 (forward as attachment).
    QStringList messageAttachments;
    QByteArray inReplyTo;         ///< the Message-ID replied to, without "<>"
    QList<QByteArray> references; ///< the thread's Message-IDs, oldest first, without "<>"
    /// How to write the text; unset: as the account says.
    std::optional<TextEncoding> encoding;
};

/// A message being written, as the compose window holds it and a draft keeps it: the
/// account to send from and what was typed.
struct ComposeContent : ComposeInput
{
    QString accountId;
};

/// Why a message could not be built, with where to take the user.
struct ComposeProblem
{
    enum class Field
    {
        None,
        From, ///< the account's own address
        To,
        Cc,
        Bcc,
        Recipients, ///< no recipient at all
        Attachment,
    };
    Field field = Field::None;
    int position = 0; ///< where in the field's text the problem is (addresses)
    QString message;  ///< for people (translated)
};

/// Builds the outgoing message from an account and compose input: one place for both
/// programs (sender and display name, address lists, attachments, the encoding choice).
class ComposeMessage
{
    Q_DECLARE_TR_FUNCTIONS(ComposeMessage)

public:
    struct Result
    {
        std::optional<OutgoingMessage> message;
        ComposeProblem problem;
        bool ok() const { return message.has_value(); }
    };

    static Result build(const Account &account, const ComposeInput &input);
    /// The text encoding for an account's Japanese-encoding choice.
    static TextEncoding textEncodingFor(JapaneseEncoding choice);
};

} // namespace Outpost
