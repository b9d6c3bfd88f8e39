# Installing gevinst as a tool (docs/cli.md, "Install"): the binary, man pages
# generated from --help, bash/zsh/fish completions and the documentation, all
# in the `runtime` component; the library, headers and CMake package are the
# `development` component. `cpack -G DEB` builds a .deb of the runtime
# component whose Depends dpkg-shlibdeps finds from the binary.

# gevinst(1) and gevinst-COMMAND(1), written by the binary from its own help.
set(GEVINST_MAN_DIR ${CMAKE_BINARY_DIR}/man)
add_custom_command(OUTPUT ${GEVINST_MAN_DIR}/gevinst.1
                   COMMAND ${CMAKE_COMMAND} -E rm -rf ${GEVINST_MAN_DIR}
                   COMMAND gevinst __man ${GEVINST_MAN_DIR}
                   DEPENDS gevinst
                   COMMENT "Writing man pages" VERBATIM)
add_custom_target(gevinst_man ALL DEPENDS ${GEVINST_MAN_DIR}/gevinst.1)

install(TARGETS gevinst RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime)
install(DIRECTORY ${GEVINST_MAN_DIR}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT runtime
        FILES_MATCHING PATTERN "*.1")
install(FILES cli/completion/gevinst.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
        RENAME gevinst COMPONENT runtime)
install(FILES cli/completion/_gevinst DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions
        COMPONENT runtime)
install(FILES cli/completion/gevinst.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d
        COMPONENT runtime)
install(FILES README.md LICENSE docs/cli.md docs/case-format.md DESTINATION ${CMAKE_INSTALL_DOCDIR}
        COMPONENT runtime)
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples COMPONENT runtime)

set(CPACK_PACKAGE_NAME gevinst)
set(CPACK_PACKAGE_VENDOR gevinst)
set(CPACK_PACKAGE_CONTACT "gevinst developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "health-economic evaluation from YAML case files (NPV, capacity release, SROI, rollouts)")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_SOURCE_DIR}/LICENSE)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL runtime)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends from the binary's libraries (dpkg-shlibdeps)
include(CPack)
