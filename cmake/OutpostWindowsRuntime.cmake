# The runtime a cross-built Outpost for Windows loads, installed beside outpost.exe and
# outpost-cli.exe (there is no windeployqt on Linux). Each file is named: a missing one is a
# configure error here, and scripts/check-windows-installer.sh fails when the installed
# tree lacks a DLL that a program or plugin imports.
#
# OUTPOST_WINDOWS_QT is the Qt for Windows prefix (cmake/mingw-w64-x86_64.cmake).

set(outpost_qt "${OUTPOST_WINDOWS_QT}")

# Qt and QtKeychain, and the MinGW-w64 runtime they and the programs were built with.
set(outpost_runtime_dlls
    "${outpost_qt}/bin/Qt6Core.dll"
    "${outpost_qt}/bin/Qt6Gui.dll"
    "${outpost_qt}/bin/Qt6Widgets.dll"
    "${outpost_qt}/bin/Qt6Network.dll"
    "${outpost_qt}/bin/Qt6Core5Compat.dll"
    "${outpost_qt}/bin/libqt6keychain.dll"
    "${outpost_qt}/mingw-runtime/libstdc++-6.dll"
    "${outpost_qt}/mingw-runtime/libgcc_s_seh-1.dll"
    "${outpost_qt}/mingw-runtime/libwinpthread-1.dll")

# Plugins, in the folders beside the programs where Qt looks for them (as windeployqt does):
# the Windows platform, the Schannel TLS backend (and the certificate-only fallback), the
# native style, and the ICO reader for the window icon.
set(outpost_runtime_plugins
    "platforms/qwindows.dll"
    "tls/qschannelbackend.dll"
    "tls/qcertonlybackend.dll"
    "styles/qwindowsvistastyle.dll"
    "imageformats/qico.dll")

foreach(file IN LISTS outpost_runtime_dlls)
    if(NOT EXISTS "${file}")
        message(FATAL_ERROR "The Windows runtime file ${file} is missing")
    endif()
endforeach()
install(FILES ${outpost_runtime_dlls} DESTINATION ${CMAKE_INSTALL_BINDIR})

foreach(plugin IN LISTS outpost_runtime_plugins)
    if(NOT EXISTS "${outpost_qt}/plugins/${plugin}")
        message(FATAL_ERROR "The Qt plugin ${outpost_qt}/plugins/${plugin} is missing")
    endif()
    get_filename_component(folder "${plugin}" DIRECTORY)
    install(FILES "${outpost_qt}/plugins/${plugin}" DESTINATION "${CMAKE_INSTALL_BINDIR}/${folder}")
endforeach()

# Qt's own Japanese strings (dialog buttons and the like); Outpost's are compiled in. Qt looks
# for them in <prefix>/translations, the prefix being the folder above Qt6Core.dll.
find_file(OUTPOST_QTBASE_JA qtbase_ja.qm PATHS /usr/share/qt6/translations NO_DEFAULT_PATH
          NO_CMAKE_FIND_ROOT_PATH)
if(OUTPOST_QTBASE_JA)
    install(FILES "${OUTPOST_QTBASE_JA}" DESTINATION translations)
else()
    message(WARNING "qtbase_ja.qm not found (Debian: qt6-translations-l10n); not installed")
endif()
