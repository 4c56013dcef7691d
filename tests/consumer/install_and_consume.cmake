# ctest install_and_consume: installs the build tree into a fresh prefix, configures and builds
# tests/consumer (a separate project: find_package(robens)) against it, and runs it.
# cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DLIBDIR=lib -DGENERATOR=...
#       -DMAKE_PROGRAM=... -DCXX=... -DBUILD_TYPE=... -DCXX_FLAGS=... -P install_and_consume.cmake
set(prefix ${WORK_DIR}/prefix)
set(consumer_build ${WORK_DIR}/build)
file(REMOVE_RECURSE ${WORK_DIR})

function(run step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "install_and_consume: ${step} failed (${status}): ${ARGN}")
  endif()
endfunction()

run(install ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
set(package ${LIBDIR}/cmake/robens)
foreach(file ${LIBDIR}/librobens.a include/robens/core/rng.hpp ${package}/robensConfig.cmake
             ${package}/robensConfigVersion.cmake ${package}/robensTargets.cmake)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "install_and_consume: ${prefix}/${file} was not installed")
  endif()
endforeach()
if(EXISTS ${prefix}/include/robens/cli)
  message(FATAL_ERROR "install_and_consume: the CLI's private headers were installed")
endif()

set(make_program "")
if(MAKE_PROGRAM)
  set(make_program -DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM})
endif()
run(configure ${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/consumer -B ${consumer_build} -G ${GENERATOR}
    ${make_program} -DCMAKE_CXX_COMPILER=${CXX}
    -DCMAKE_BUILD_TYPE=${BUILD_TYPE} -DCMAKE_CXX_FLAGS=${CXX_FLAGS}
    -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
# It must have found the package just installed, not another robens on the machine.
file(STRINGS ${consumer_build}/CMakeCache.txt robens_dir REGEX "^robens_DIR:")
if(NOT robens_dir STREQUAL "robens_DIR:PATH=${prefix}/${package}")
  message(FATAL_ERROR "install_and_consume: found the wrong robens package (${robens_dir})")
endif()
run(build ${CMAKE_COMMAND} --build ${consumer_build})
run(run ${consumer_build}/robens_consumer)
