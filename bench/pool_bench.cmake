# rps_bench_pool: worker-pool throughput (2 workers vs 1) and per-task overhead with `rps worker`.
find_package(Qt5 COMPONENTS Core REQUIRED)
add_executable(rps_bench_pool pool_bench.cpp)
target_link_libraries(rps_bench_pool PRIVATE CLI11::CLI11 rps_runtime rps_study nlohmann_json::nlohmann_json
  fmt::fmt Qt5::Core)
target_compile_definitions(rps_bench_pool PRIVATE QT_NO_KEYWORDS
  RPS_SOURCE_DIR="${PROJECT_SOURCE_DIR}" RPS_EXECUTABLE="$<TARGET_FILE:rps>")
add_dependencies(rps_bench_pool rps)
rps_target_defaults(rps_bench_pool)
