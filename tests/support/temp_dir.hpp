#pragma once
// A per-test temporary folder, removed at the end of the test.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace rps::test {

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "rps") {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        const std::string name = info ? std::string(info->test_suite_name()) + "_" + info->name()
                                      : std::string("test");
        path_ = std::filesystem::temp_directory_path() /
                (prefix + "_" + name + "_" + std::to_string(::getpid()));
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    // Kept when the test failed, for a look at what it wrote.
    ~TempDir() {
        std::error_code ignored;
        if (!::testing::Test::HasFailure()) std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path file(const std::string& name) const { return path_ / name; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace rps::test
