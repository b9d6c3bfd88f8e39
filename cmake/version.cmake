# Writes OUT, the definition of gevinst::cli::build_commit() (cli/version.h):
# `git describe --tags --always --dirty` of SOURCE_DIR, or "" outside a git
# checkout (a source tarball). Run at configure time and before every build;
# configure_file rewrites OUT only when the text changes, so a new commit
# recompiles this one small file and relinks the binary, nothing else.
# Usage: cmake -DSOURCE_DIR=... -DOUT=... -P cmake/version.cmake
set(GEVINST_COMMIT "")
find_package(Git QUIET)
if(GIT_FOUND)
  # Only SOURCE_DIR's own checkout counts, not one that happens to contain it.
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --show-toplevel
                  WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE top OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  file(REAL_PATH "${SOURCE_DIR}" source_real)
  if(top)
    file(REAL_PATH "${top}" top)
  endif()
endif()
if(GIT_FOUND AND top STREQUAL source_real)
  execute_process(COMMAND ${GIT_EXECUTABLE} describe --tags --always --dirty
                  WORKING_DIRECTORY ${SOURCE_DIR}
                  OUTPUT_VARIABLE described OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE failed ERROR_QUIET)
  if(NOT failed)
    set(GEVINST_COMMIT "${described}")
  endif()
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/build_commit.cpp.in ${OUT} @ONLY)
