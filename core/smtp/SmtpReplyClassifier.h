#pragma once

#include "SmtpReply.h"
#include "net/NetError.h"

namespace Outpost {

/// Where in the SMTP conversation a reply came.
enum class SmtpStage
{
    Greeting,
    Ehlo,
    StartTls,
    Auth,
    MailFrom,
    RcptTo,
    Data,    ///< the reply to the DATA command (354 expected)
    DataEnd, ///< the reply after the message data
    Rset,
    Quit,
};

/// What a reply means for the message or session.
enum class SmtpReplyClass
{
    Success,      ///< 2xx, or 3xx where an intermediate reply is expected
    Transient,    ///< 4xx: try again later
    Permanent,    ///< 5xx: do not retry unchanged
    RelayDenied,  ///< the server will not relay for this client (POP before SMTP window)
    AuthRequired, ///< the server wants SMTP AUTH first
};

/// Classifies @p reply received at @p stage, by code, enhanced code and text, from one table.
SmtpReplyClass classifySmtpReply(const SmtpReply &reply, SmtpStage stage);

/// The error kind a reply class maps to (None for success).
NetError::Kind errorKindFor(SmtpReplyClass replyClass);

} // namespace Outpost
