#pragma once

#include "usecases/ComposeMessage.h"

class QUrl;

namespace Outpost {

/// A mailto: link (RFC 6068) as compose content: the path and "to" give the recipients,
/// "cc", "bcc", "subject" and "body" their fields; other fields are ignored.
class MailtoLink
{
public:
    /// Fills the fields @p url names into @p content (the others stay as they are).
    static void apply(const QUrl &url, ComposeContent *content);
};

} // namespace Outpost
