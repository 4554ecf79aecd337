add_executable(rps_bench_plate ${CMAKE_CURRENT_SOURCE_DIR}/plate_bench.cpp)
target_link_libraries(rps_bench_plate PRIVATE rps_study CLI11::CLI11 nlohmann_json::nlohmann_json fmt::fmt)
rps_program_defaults(rps_bench_plate)
target_compile_definitions(rps_bench_plate PRIVATE RPS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
