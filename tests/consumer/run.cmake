# The `consumer` test: installs the library from BUILD_DIR into a fresh prefix
# under WORK_DIR, builds tests/consumer (SOURCE_DIR) against that prefix only,
# runs it and checks the NPV it prints.
#   cmake -DBUILD_DIR=build -DWORK_DIR=build/consumer-test -DSOURCE_DIR=tests/consumer \
#         -DCXX=c++ [-DLAUNCHER=ccache] [-DGENERATOR=Ninja] -P tests/consumer/run.cmake
foreach(v BUILD_DIR WORK_DIR SOURCE_DIR CXX)
  if(NOT ${v})
    message(FATAL_ERROR "run.cmake needs -D${v}=...")
  endif()
endforeach()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "consumer: failed (${rc}): ${cmd}\n${out}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${WORK_DIR}/prefix)
set(args -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
if(GENERATOR)
  list(APPEND args -G ${GENERATOR})
endif()
if(LAUNCHER)
  list(APPEND args -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()
run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/build ${args})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/build)

# -1000 + 600 / 1.04 + 600 / 1.04^2 (end-of-year discounting, 2026 undiscounted)
set(expected "NPV 131.66\n")
execute_process(COMMAND ${WORK_DIR}/build/consumer RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out STREQUAL expected)
  message(FATAL_ERROR "consumer: exit ${rc}, printed '${out}', expected '${expected}'\n${err}")
endif()
message(STATUS "consumer: ${out}")
