#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/common/atomic_file.hpp"
#include "support/file_size_limit.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

size_t entries(const fs::path& folder) {
    return static_cast<size_t>(std::distance(fs::directory_iterator(folder), {}));
}

TEST(AtomicFile, WritesAndReplacesKeepingThePermissions) {
    const rps::test::TempDir dir;
    const fs::path file = dir.path() / "out.csv";
    rps::write_file_atomically(file, "first\n");
    EXPECT_EQ(read_text(file), "first\n");
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    rps::write_file_atomically(file, "second\n");
    EXPECT_EQ(read_text(file), "second\n");
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    EXPECT_EQ(entries(dir.path()), 1u) << "a temporary file was left";
}

TEST(AtomicFile, AFullDeviceIsAnErrorNamingTheFileAndTheCause) {
    try {
        rps::write_file_atomically("/dev/full", "bytes", "--out");
        FAIL() << "writing /dev/full succeeded";
    } catch (const rps::FileWriteError& error) {
        EXPECT_STREQ(error.what(),
                     "/dev/full: field '--out': cannot write the file: No space left on device");
        EXPECT_EQ(error.cause(), "No space left on device");
    }
}

TEST(AtomicFile, ALinkIsFollowedAndKept) {
    const rps::test::TempDir dir;
    const fs::path link = dir.path() / "full.png";
    fs::create_symlink("/dev/full", link);
    EXPECT_THROW(rps::write_file_atomically(link, "bytes"), rps::FileWriteError);
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_TRUE(fs::is_character_file("/dev/full"));
}

TEST(AtomicFile, AFailedWriteLeavesTheOldFileAndNoTemporary) {
    const rps::test::TempDir dir;
    const fs::path file = dir.path() / "map.csv";
    rps::write_file_atomically(file, "old\n");
    {
        const rps::test::FileSizeLimit limit(1000);
        try {
            rps::write_file_atomically(file, std::string(5000, 'x'), "--out");
            FAIL() << "a write over the file size limit succeeded";
        } catch (const rps::FileWriteError& error) {
            EXPECT_EQ(error.cause(), "File too large");
            EXPECT_EQ(std::string(error.what()),
                      file.string() + ": field '--out': cannot write the file: File too large");
        }
    }
    EXPECT_EQ(read_text(file), "old\n");
    EXPECT_EQ(entries(dir.path()), 1u) << "a temporary file was left";
}

TEST(AtomicFile, AMissingFolderIsNamed) {
    const rps::test::TempDir dir;
    const fs::path file = dir.path() / "no" / "r.html";
    try {
        rps::write_file_atomically(file, "x");
        FAIL();
    } catch (const rps::FileWriteError& error) {
        EXPECT_EQ(std::string(error.what()),
                  file.string() + ": cannot write the file: No such file or directory");
    }
}

}  // namespace
