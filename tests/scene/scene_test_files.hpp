#pragma once
// Helpers for the scene tests: a private temporary folder that test fixtures write files into,
// and a check that an InputError says where the problem is.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <string>
#include <string_view>

#include "core/common/error.hpp"
#include "support/test_paths.hpp"

namespace rps::test {

// The read-only reference scenes (../shared/scenes). Falls back from RPS_SHARED_DIR to the
// folder beside the sources, so the tests also find them when only RPS_SOURCE_DIR is set.
inline std::filesystem::path shared_scenes_dir() {
    std::error_code ec;
    const auto primary = shared_dir() / "scenes";
    if (std::filesystem::is_directory(primary, ec)) return primary;
    return source_dir() / ".." / "shared" / "scenes";
}

// A fresh folder per test, removed afterwards.
class TempFolder {
public:
    TempFolder() {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() /
                ("rps_scene_" + std::string(info ? info->name() : "test") + "_" +
                 std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const std::filesystem::path& path() const { return path_; }

    std::filesystem::path write(const std::string& name, std::string_view bytes) const {
        const auto file = path_ / name;
        std::filesystem::create_directories(file.parent_path());
        std::ofstream out(file, std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        return file;
    }

private:
    std::filesystem::path path_;
};

// Runs `action`, expects an InputError whose message names `file` (its file name), `line` (when
// > 0) and `field` (when not empty), and contains `text`. Returns the full message.
inline std::string expect_input_error(const std::function<void()>& action,
                                      const std::filesystem::path& file, int line,
                                      const std::string& field, const std::string& text = {}) {
    try {
        action();
    } catch (const InputError& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find(file.filename().string()), std::string::npos) << message;
        EXPECT_EQ(error.where().file, file.string()) << message;
        if (line > 0) {
            EXPECT_EQ(error.where().line, line) << message;
            // Appended, not `":" + ...`: GCC 12 warns (-Wrestrict, a false positive) there.
            std::string at(1, ':');
            at.append(std::to_string(line)).push_back(':');
            EXPECT_NE(message.find(at), std::string::npos) << message;
        }
        if (!field.empty()) {
            EXPECT_EQ(error.where().field, field) << message;
            EXPECT_NE(message.find("'" + field + "'"), std::string::npos) << message;
        }
        if (!text.empty()) {
            EXPECT_NE(message.find(text), std::string::npos) << message;
        }
        return message;
    } catch (const std::exception& other) {
        ADD_FAILURE() << "expected rps::InputError, got: " << other.what();
        return {};
    }
    ADD_FAILURE() << "expected rps::InputError, nothing was thrown";
    return {};
}

}  // namespace rps::test
