# rps_bench_study: the original framework's headline studies on the office example, end to end.
find_package(Qt5 COMPONENTS Core REQUIRED)
add_executable(rps_bench_study study_bench.cpp)
target_link_libraries(rps_bench_study PRIVATE CLI11::CLI11 rps_runtime rps_study rps_store
  nlohmann_json::nlohmann_json fmt::fmt Qt5::Core)
target_compile_definitions(rps_bench_study PRIVATE QT_NO_KEYWORDS
  RPS_SOURCE_DIR="${PROJECT_SOURCE_DIR}" RPS_EXECUTABLE="$<TARGET_FILE:rps>")
add_dependencies(rps_bench_study rps)
rps_target_defaults(rps_bench_study)
