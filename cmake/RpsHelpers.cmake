# Shared compile settings for the project's own targets (never applied to third-party code).
function(rps_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  target_compile_features(${target} PUBLIC cxx_std_20)
endfunction()

# A program that computes maps: linked with link-time optimisation of the engine (RPS_ENGINE_LTO).
function(rps_program_defaults target)
  rps_target_defaults(${target})
  if(RPS_ENGINE_LTO)
    target_link_options(${target} PRIVATE -flto=auto)
  endif()
endfunction()

# One library per core module; sources are every .cpp in the module folder, so adding a file
# needs no CMake edit. CONFIGURE_DEPENDS re-globs on every build.
function(rps_module_library name folder)
  file(GLOB _sources CONFIGURE_DEPENDS ${folder}/*.cpp)
  if(NOT _sources)  # a module being started: keep the target so dependents still configure
    set(_sources ${CMAKE_CURRENT_BINARY_DIR}/${name}_empty.cpp)
    file(WRITE ${_sources} "// placeholder: ${folder} has no sources yet\n")
  endif()
  add_library(${name} STATIC ${_sources})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  rps_target_defaults(${name})
  set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# One GoogleTest executable per tests/<module>/test_*.cpp file.
function(rps_module_tests folder)
  file(GLOB _tests CONFIGURE_DEPENDS ${folder}/test_*.cpp)
  foreach(_src IN LISTS _tests)
    get_filename_component(_name ${_src} NAME_WE)
    get_filename_component(_mod ${folder} NAME)
    set(_target ${_mod}_${_name})
    add_executable(${_target} ${_src})
    target_link_libraries(${_target} PRIVATE ${ARGN} rps_test_support GTest::gtest_main)
    rps_target_defaults(${_target})
    gtest_discover_tests(${_target} DISCOVERY_TIMEOUT 60 TEST_PREFIX "${_target}."
      PROPERTIES ENVIRONMENT "RPS_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
    target_compile_definitions(${_target} PRIVATE RPS_TEST_BINARY_DIR="${PROJECT_BINARY_DIR}")
  endforeach()
endfunction()

# A test's time limit: SECONDS, times 4 in sanitizer and coverage builds (RPS_SANITIZE,
# RPS_COVERAGE) and times 10 under ThreadSanitizer, whose instrumented programs, worker processes
# included, run that much slower.
function(rps_test_timeout seconds out_var)
  if(RPS_SANITIZE MATCHES "thread")
    math(EXPR seconds "${seconds} * 10")
  elseif(RPS_SANITIZE OR RPS_COVERAGE)
    math(EXPR seconds "${seconds} * 4")
  endif()
  set(${out_var} ${seconds} PARENT_SCOPE)
endfunction()
