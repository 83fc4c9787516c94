#include "AppIcon.h"

#include <QPixmap>

namespace Outpost {

QIcon appIcon()
{
    const QIcon svg(QStringLiteral(":/icons/outpost.svg"));
    if (!svg.pixmap(16, 16).isNull())
        return svg;
    return QIcon(QStringLiteral(":/icons/outpost.ico"));
}

} // namespace Outpost
