# Cross-compiling for 64-bit Windows with Debian's MinGW-w64 compilers (the -posix thread
# model, which the Qt for Windows in the toolchain archive was built with).
# OUTPOST_WINDOWS_QT names that Qt's prefix (see scripts/build-windows.sh); moc, rcc, uic
# and lrelease come from the host's Qt through QT_HOST_PATH.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)

if(NOT OUTPOST_WINDOWS_QT AND DEFINED ENV{OUTPOST_WINDOWS_QT})
    set(OUTPOST_WINDOWS_QT "$ENV{OUTPOST_WINDOWS_QT}")
endif()
if(NOT OUTPOST_WINDOWS_QT OR NOT EXISTS "${OUTPOST_WINDOWS_QT}/lib/cmake/Qt6")
    message(FATAL_ERROR "OUTPOST_WINDOWS_QT must name the Qt for Windows prefix "
                        "(scripts/build-windows.sh unpacks it), not '${OUTPOST_WINDOWS_QT}'")
endif()
# Passed on to try_compile projects, which read this file again.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES OUTPOST_WINDOWS_QT)

set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32 "${OUTPOST_WINDOWS_QT}")
set(CMAKE_PREFIX_PATH "${OUTPOST_WINDOWS_QT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

set(QT_HOST_PATH /usr CACHE PATH "the host's Qt, for moc, rcc, uic and lrelease")
set(QT_HOST_PATH_CMAKE_DIR /usr/lib/x86_64-linux-gnu/cmake CACHE PATH "")
# Tests run under Wine (scripts/test-windows.sh sets its prefix and paths).
set(CMAKE_CROSSCOMPILING_EMULATOR wine CACHE STRING "runs the cross-built tests")
