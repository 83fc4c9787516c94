#pragma once

#include "message/MessageReader.h"
#include "store/Account.h"
#include "store/StoreError.h"
#include "usecases/ComposeMessage.h"

#include <QCoreApplication>

#include <optional>

namespace Outpost {

/// Reply, Reply all, Forward and Forward as attachment: the compose content that answers or
/// passes on a received message, for the compose window to show (no widgets here).
class ReplyForward
{
    Q_DECLARE_TR_FUNCTIONS(ReplyForward)

public:
    /// A reply to @p original from @p account: to its Reply-To (else its sender); with
    /// @p all also to its other recipients (To stays To, Cc stays Cc), never to the account's
    /// own address, each address once. "Re: " once before the subject, In-Reply-To and
    /// References (RFC 5322 section 3.6.4), the text quoted under an attribution line.
    static ComposeContent reply(const ParsedMessage &original, const Account &account, bool all);
    /// The text of @p original under a "Forwarded message" block (From, Date, Subject, To),
    /// with "Fwd: " before its subject; no recipient yet.
    static ComposeContent forward(const ParsedMessage &original, const Account &account);
    /// @p original attached whole (message/rfc822): its file @p originalPath is copied into
    /// @p folder (the inbox may rename or move its file while the message is being written)
    /// and the copy attached. Nothing, with @p error, when the copy cannot be made.
    static std::optional<ComposeContent>
    forwardAsAttachment(const QString &originalPath, const ParsedMessage &original,
                        const Account &account, const QString &folder, StoreError *error = nullptr);

    /// "Re: " and the subject without the reply prefixes it had (Re:, RE:, Re[2]:, AW:,
    /// 返信:, …), so replies do not stack them.
    static QString replySubject(const QString &subject);
    /// "Fwd: " and the subject without the forward prefixes it had (Fw:, FW:, Fwd:, 転送:).
    static QString forwardSubject(const QString &subject);
    /// @p text with "> " before each line (">" before an empty or quoted line).
    static QString quote(const QString &text);
    /// "On <date>, <name> wrote:" for @p original.
    static QString attribution(const ParsedMessage &original);
};

} // namespace Outpost
