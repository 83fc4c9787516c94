#include "MailtoLink.h"

#include <QUrl>
#include <QUrlQuery>

namespace Outpost {

void MailtoLink::apply(const QUrl &url, ComposeContent *c)
{
    c->to = QUrl::fromPercentEncoding(url.path(QUrl::FullyEncoded).toUtf8());
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        const QString k = key.toLower();
        if (k == QLatin1String("to"))
            c->to += (c->to.isEmpty() ? QString() : QStringLiteral(", ")) + value;
        else if (k == QLatin1String("cc"))
            c->cc = value;
        else if (k == QLatin1String("bcc"))
            c->bcc = value;
        else if (k == QLatin1String("subject"))
            c->subject = value;
        else if (k == QLatin1String("body"))
            c->body = value;
    }
}

} // namespace Outpost
