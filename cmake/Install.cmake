# Install rules and the CMake package: `cmake --install build --prefix P` gives
#   P/lib/librobens.a, P/include/robens/<layer>/*.hpp (not cli/, no python/), P/bin/robens,
#   P/lib/cmake/robens/{robensConfig,robensConfigVersion,robensTargets*}.cmake
# so that another project does find_package(robens) and links robens::robens.
# Included at the end of CMakeLists.txt, once every target_link_libraries(robens_lib ...) is done.
include(CMakePackageConfigHelpers)
set(ROBENS_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/robens)

install(TARGETS robens_lib EXPORT robensTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/src/robens/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/robens
        FILES_MATCHING PATTERN "*.hpp"
        REGEX "/src/robens/cli$" EXCLUDE
        REGEX "/python$" EXCLUDE)
# The binary finds libraries outside the default search path (e.g. Open MPI's) once installed.
set_target_properties(robens PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
install(TARGETS robens RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The config's find_dependency() calls, derived from what robens_lib links: a static library's
# PRIVATE links are part of its exported interface too (unless wrapped in $<BUILD_INTERFACE:...>,
# as Boost is), so every imported target it links needs its package found by the consumer.
# Linking a new imported target to robens_lib means adding its package here ("target|arguments").
set(ROBENS_PACKAGE_OF_TARGET
    "fmt::fmt|fmt"
    "nlohmann_json::nlohmann_json|nlohmann_json 3.10"
    "ZLIB::ZLIB|ZLIB"
    "OpenMP::OpenMP_CXX|OpenMP COMPONENTS CXX"
    "tomlplusplus::tomlplusplus|tomlplusplus"
    "CLI11::CLI11|CLI11"
    "MPI::MPI_CXX|MPI COMPONENTS CXX"
    "Boost::headers|Boost"
    "Boost::boost|Boost")
set(ROBENS_CONFIG_DEPENDENCIES "")
get_target_property(robens_links robens_lib LINK_LIBRARIES)
foreach(link IN LISTS robens_links)
  if(link MATCHES "^\\$<BUILD_INTERFACE:" OR NOT link MATCHES "([A-Za-z0-9_]+::[A-Za-z0-9_]+)")
    continue()
  endif()
  set(target ${CMAKE_MATCH_1})
  set(found_package OFF)
  foreach(entry IN LISTS ROBENS_PACKAGE_OF_TARGET)
    string(REPLACE "|" ";" entry "${entry}")
    list(GET entry 0 entry_target)
    list(GET entry 1 entry_arguments)
    if(entry_target STREQUAL target)
      set(line "find_dependency(${entry_arguments})\n")
      string(FIND "${ROBENS_CONFIG_DEPENDENCIES}" "${line}" already)
      if(already EQUAL -1)
        string(APPEND ROBENS_CONFIG_DEPENDENCIES "${line}")
      endif()
      set(found_package ON)
    endif()
  endforeach()
  if(NOT found_package)
    message(FATAL_ERROR "robens_lib links ${target}: add its package to ROBENS_PACKAGE_OF_TARGET "
                        "in cmake/Install.cmake (or link it as $<BUILD_INTERFACE:${target}> if no "
                        "public header needs it and it is header-only)")
  endif()
endforeach()

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/robensConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/package/robensConfig.cmake
                              INSTALL_DESTINATION ${ROBENS_INSTALL_CMAKEDIR})
# 0.x: a minor version may change the API, so only the same MAJOR.MINOR is compatible.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/package/robensConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/package/robensConfig.cmake
              ${PROJECT_BINARY_DIR}/package/robensConfigVersion.cmake
        DESTINATION ${ROBENS_INSTALL_CMAKEDIR})
install(EXPORT robensTargets NAMESPACE robens:: DESTINATION ${ROBENS_INSTALL_CMAKEDIR})
