#pragma once
// How many times slower the instrumented builds (RPS_SANITIZE, scripts/sanitize; RPS_COVERAGE,
// scripts/coverage) run: the factor
// rps_test_timeout (cmake/RpsHelpers.cmake) applies to the tests' own time limits, for deadlines
// that a test keeps itself.
namespace rps::test {

#if defined(__SANITIZE_THREAD__)
inline constexpr int kSanitizerSlowdown = 10;
#elif defined(__SANITIZE_ADDRESS__) || defined(RPS_COVERAGE)
inline constexpr int kSanitizerSlowdown = 4;
#else
inline constexpr int kSanitizerSlowdown = 1;
#endif

}  // namespace rps::test
