// Output files that cannot be written (a full disk) through the binary: every command that writes
// files (map, export, compare, report) exits 2 naming the file and the system's reason, and leaves
// no truncated file behind. A full disk is made two ways without a mount: a link to /dev/full
// (every write says "No space left on device"), and a file size limit (RLIMIT_FSIZE, with
// SIGXFSZ ignored: a write past it says "File too large"), which the child process inherits and
// which, unlike /dev/full, lets the test see what is left in an ordinary folder.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "support/file_size_limit.hpp"
#include "support/test_paths.hpp"

using rps::test::CommandResult;
using rps::test::describe;
using rps::test::read_text;
using rps::test::run_rps;
namespace fs = std::filesystem;

namespace {

// Every output of these commands is larger; their messages are smaller.
constexpr rlim_t kLimit_bytes = 4096;

// `rps args...` with writes past kLimit_bytes failing; the limit is the child's only.
CommandResult run_rps_limited(const std::vector<std::string>& args,
                              const rps::test::EnvChanges& env = {}) {
    // SIGXFSZ stays ignored across exec: the child's writes fail with EFBIG instead.
    const rps::test::FileSizeLimit limit(kLimit_bytes);
    return run_rps(args, {}, env);
}

// What a failed write leaves: no file cut at the limit (the old code's truncated output) and no
// temporary file ('.' + name + ".rps-..."). Returns a description of each offending file.
std::string leftovers(const fs::path& folder) {
    std::string found;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && entry.file_size() >= kLimit_bytes)
            found += entry.path().string() + " (" + std::to_string(entry.file_size()) + " bytes)\n";
        if (name.find(".rps-") != std::string::npos) found += entry.path().string() + "\n";
    }
    return found;
}

void expect_named_failure(const CommandResult& r, const std::string& file,
                          const std::string& cause) {
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find(file), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find("cannot write the file: " + cause), std::string::npos) << describe(r);
    EXPECT_EQ(r.out.find("wrote"), std::string::npos) << describe(r);
}

// One study file (l_hall, one AP) for the suite; it is read, never written.
class CliWriteErrors : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new rps::test::TempDir("rps_write_errors");
        const fs::path study =
            rps::test::source_dir() / "scenes" / "l_hall" / "l_hall_1ap_study.json";
        run_ = run_rps({"run", study.string(), "--out", study_file(), "--workers", "2"});
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    void SetUp() override {
        ASSERT_EQ(run_.exit_code, 0) << describe(run_);
        out_ = dir_->path() / ::testing::UnitTest::GetInstance()->current_test_info()->name();
        fs::create_directories(out_);
    }

    static std::string study_file() { return (dir_->path() / "lh.h5").string(); }
    static std::string scene() {
        return (rps::test::source_dir() / "scenes" / "l_hall" / "l_hall.xml").string();
    }

    fs::path out_;
    static rps::test::TempDir* dir_;
    static CommandResult run_;
};

rps::test::TempDir* CliWriteErrors::dir_ = nullptr;
CommandResult CliWriteErrors::run_;

TEST_F(CliWriteErrors, MapOnAFullDiskLeavesNoFileAndKeepsAnOldOne) {
    for (const std::string name : {"m.png", "m.csv", "m.h5"}) {
        const fs::path file = out_ / name;
        const auto r = run_rps_limited({"map", scene(), "--ap", "5,5,3", "--out", file.string()});
        expect_named_failure(r, file.string() + ": field '--out'", "File too large");
        EXPECT_FALSE(fs::exists(file)) << name;
    }
    EXPECT_EQ(leftovers(out_), "");
    // A file that was there stays as it was.
    const fs::path old = out_ / "old.csv";
    std::ofstream(old) << "old\n";
    const auto r = run_rps_limited({"map", scene(), "--ap", "5,5,3", "--out", old.string()});
    expect_named_failure(r, old.string(), "File too large");
    EXPECT_EQ(read_text(old), "old\n");
    EXPECT_EQ(leftovers(out_), "");
}

TEST_F(CliWriteErrors, MapToAFullDeviceSaysNoSpace) {
    const fs::path link = out_ / "full.png";
    fs::create_symlink("/dev/full", link);
    const auto r = run_rps({"map", scene(), "--ap", "5,5,3", "--out", link.string()});
    expect_named_failure(r, link.string(), "No space left on device");
    EXPECT_TRUE(fs::is_symlink(link));
}

TEST_F(CliWriteErrors, ExportOnAFullDiskLeavesNoTruncatedFile) {
    const fs::path folder = out_ / "ex";
    const auto r = run_rps_limited({"export", study_file(), "--best", "--out", folder.string()});
    expect_named_failure(r, folder.string() + "/", "File too large");
    EXPECT_EQ(leftovers(out_), "");
}

TEST_F(CliWriteErrors, ExportToAFullDeviceSaysNoSpace) {
    const fs::path folder = out_ / "ex";
    fs::create_directories(folder);
    fs::create_symlink("/dev/full", folder / "best_scene.xml");
    const auto r = run_rps({"export", study_file(), "--best", "--out", folder.string()});
    expect_named_failure(r, (folder / "best_scene.xml").string(), "No space left on device");
}

TEST_F(CliWriteErrors, CompareOnAFullDiskNamesTheOption) {
    const fs::path folder = out_ / "cmp";
    const auto r = run_rps_limited({"compare", study_file(), "--out-dir", folder.string()});
    expect_named_failure(r, folder.string() + "/compare_row", "File too large");
    EXPECT_NE(r.err.find("field '--out-dir'"), std::string::npos) << describe(r);
    EXPECT_EQ(leftovers(out_), "");
}

// The report renders with Qt; without the studio the command is unavailable (skipped).
TEST_F(CliWriteErrors, ReportOnAFullDiskLeavesNoFile) {
    const rps::test::EnvChanges no_display{
        {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR"}, {}};
    for (const std::string name : {"r.pdf", "r.html"}) {
        const fs::path file = out_ / name;
        const auto r =
            run_rps_limited({"report", study_file(), "--out", file.string()}, no_display);
        if (r.err.find("unavailable") != std::string::npos) GTEST_SKIP() << r.err;
        EXPECT_EQ(r.exit_code, 2) << describe(r);
        EXPECT_NE(r.err.find("Cannot write " + file.string() + ": File too large"),
                  std::string::npos)
            << describe(r);
        EXPECT_EQ(r.out.find("wrote"), std::string::npos) << describe(r);
        EXPECT_FALSE(fs::exists(file)) << name;
    }
    EXPECT_EQ(leftovers(out_), "");
    const fs::path link = out_ / "full.pdf";
    fs::create_symlink("/dev/full", link);
    const auto r = run_rps({"report", study_file(), "--out", link.string()}, {}, no_display);
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("Cannot write " + link.string() + ": No space left on device"),
              std::string::npos)
        << describe(r);
}

}  // namespace
