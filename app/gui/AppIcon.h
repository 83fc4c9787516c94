#pragma once

#include <QIcon>

namespace Outpost {

/// Outpost's icon: the SVG where Qt can draw SVG (Linux, with Qt's SVG plugin), else the ICO
/// with its sizes from 16 to 256 pixels (the Windows build ships no SVG plugin).
QIcon appIcon();

} // namespace Outpost
