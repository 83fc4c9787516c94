#pragma once

namespace Outpost {

/// Gives the memory freed after loading large folders back to the system. The C library
/// keeps freed memory for reuse; after reading 20,000 messages' states that is several MiB
/// a program sitting in the tray all day would hold for nothing. Cheap (microseconds when
/// there is little to give back); a no-op where the C library offers no way to do it.
void releaseFreedMemory();

} // namespace Outpost
