# Compiler settings shared by every Outpost target.

# ccache when present: rebuilds after a branch switch cost seconds, not minutes.
find_program(OUTPOST_CCACHE ccache)
if(OUTPOST_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${OUTPOST_CCACHE}")
endif()

if(OUTPOST_SANITIZE)
    if(MSVC)
        add_compile_options(/fsanitize=address)
    else()
        # Applied to everything we build (including tests) so instrumented code and the
        # runtime agree; Qt itself is not instrumented, which is fine for ASan and UBSan.
        add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                            -fno-sanitize-recover=undefined)
        add_link_options(-fsanitize=address,undefined)
    endif()
endif()

# outpost_set_warnings(<target>): strict warnings for our own code only.
function(outpost_set_warnings target)
    if(MSVC)
        target_compile_options(${target} PRIVATE /W4 /permissive- /utf-8)
        if(OUTPOST_WERROR)
            target_compile_options(${target} PRIVATE /WX)
        endif()
    else()
        target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
        if(OUTPOST_WERROR)
            target_compile_options(${target} PRIVATE -Werror)
        endif()
    endif()
    target_compile_definitions(${target} PRIVATE
        QT_NO_URL_CAST_FROM_STRING QT_NO_CAST_FROM_BYTEARRAY QT_NO_KEYWORDS
        QT_NO_FOREACH)
endfunction()
