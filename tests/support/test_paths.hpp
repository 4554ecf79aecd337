#pragma once
// Where test inputs live: the project's sources (RPS_SOURCE_DIR) and the read-only shared scenes
// (RPS_SHARED_DIR), both set by CTest; fall back to paths relative to the build tree.
#include <cstdlib>
#include <filesystem>
#include <string>

namespace rps::test {

inline std::filesystem::path env_dir(const char* name, const char* fallback) {
    const char* value = std::getenv(name);
    return std::filesystem::path(value && *value ? value : fallback);
}
inline std::filesystem::path source_dir() { return env_dir("RPS_SOURCE_DIR", "."); }
// ../shared beside the checkout (CI lays a copy there), unless RPS_SHARED_DIR says otherwise.
inline std::filesystem::path shared_dir() {
    const char* value = std::getenv("RPS_SHARED_DIR");
    if (value && *value) return value;
    return source_dir() / ".." / "shared";
}
#ifdef RPS_TEST_BINARY_DIR
inline std::filesystem::path binary_dir() { return RPS_TEST_BINARY_DIR; }
#endif

}  // namespace rps::test
