#pragma once

#include <QtGlobal>

namespace Outpost {

/// Microsoft's additions to Shift_JIS (CP932), for decoding where Qt has no ICU.
class Cp932Table
{
public:
    /// The character of the two-byte @p code (lead byte << 8 | trail byte) where CP932 differs
    /// from plain Shift_JIS (JIS X 0208), or 0 where it does not.
    static char16_t extension(quint16 code);
};

} // namespace Outpost
