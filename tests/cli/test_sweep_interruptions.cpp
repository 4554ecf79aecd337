// SIGINT and SIGTERM to rps sweep, between its trials and during one: the sweep starts no
// further trial, stops the running one (resumable), records the trials that ran in summary.json,
// summary.csv and on stdout as a normal end does, says how to go on and exits with 130 / 143;
// run again, it reuses the finished trials and resumes the interrupted one.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/background_rps.hpp"
#include "cli/cli_runner.hpp"
#include "cli/tiny_study.hpp"
#include "core/store/study_store.hpp"

using nlohmann::json;
using rps::test::describe;
using rps::test::read_store;
using rps::test::run_rps;
using rps::test::wait_exit;
using rps::test::wait_until;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// A sweep of two trials of `study` (grid key `key` over `values`), files in `dir`.
fs::path write_sweep(const rps::test::TempDir& dir, const json& study, const std::string& key,
                     const json& values) {
    std::ofstream(dir / "study.json") << study.dump();
    std::ofstream(dir / "sweep.json")
        << json{{"name_prefix", "t"}, {"study", "study.json"}, {"grid", {{key, values}}}}.dump();
    return dir / "sweep.json";
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// summary.json, summary.csv and the folder as a finished write leaves them: both files whole
// (the JSON parses, every CSV row has the header's fields and ends in a newline), one row per
// trial that ran, and no temporary file of an atomic write left behind. Returns summary.json.
json complete_summary(const fs::path& out, std::size_t rows) {
    const json summary = json::parse(rps::test::read_text(out / "summary.json"));
    EXPECT_EQ(summary["trials"].size(), rows) << summary.dump(2);
    EXPECT_EQ(summary["count"], rows);
    const std::string csv = rps::test::read_text(out / "summary.csv");
    EXPECT_TRUE(!csv.empty() && csv.back() == '\n') << csv;
    const std::vector<std::string> lines = lines_of(csv);
    EXPECT_EQ(lines.size(), rows + 1) << csv;
    const auto fields = [](const std::string& line) {
        return std::count(line.begin(), line.end(), ',');
    };
    for (const std::string& line : lines) EXPECT_EQ(fields(line), fields(lines[0])) << csv;
    for (const auto& entry : fs::directory_iterator(out))
        EXPECT_NE(entry.path().filename().string()[0], '.') << entry.path();
    return summary;
}

// The finished trial's row: ok, its best objective and its finished study file.
void expect_finished_row(const json& row, const std::string& name) {
    EXPECT_EQ(row["trial"], name) << row.dump();
    EXPECT_EQ(row["status"], "ok") << row.dump();
    EXPECT_TRUE(row["best_objective"].is_number()) << row.dump();
    ASSERT_TRUE(row["file"].is_string()) << row.dump();
    const auto stored = read_store(row["file"].get<std::string>());
    EXPECT_TRUE(stored && stored->finished) << row.dump();
}

// What the stopped sweep says: how to go on, with the same folder.
void expect_resume_hint(const std::string& err, const fs::path& sweep, const fs::path& out) {
    EXPECT_TRUE(contains(err, "rps sweep " + sweep.string() + " --out-dir " + out.string())) << err;
    EXPECT_TRUE(contains(err, "reuses the finished trials and resumes the rest")) << err;
}

// Everything readable from `fd` until its write ends are all closed.
std::string read_to_end(int fd) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    std::string text;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) != 0;) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        text.append(buffer, static_cast<size_t>(n));
    }
    return text;
}

// Reads `fd` until `text` has come (or 60 s passed); what was read.
std::string read_until(int fd, const std::string& text) {
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    std::string got;
    wait_until([&] {
        char buffer[4096];
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n > 0) got.append(buffer, static_cast<size_t>(n));
        return contains(got, text);
    });
    return got;
}

// Fills the pipe whose write end is `fd` up to its capacity, through a description of its own
// (O_NONBLOCK there would make the sweep's writes fail rather than wait); bytes written.
size_t fill_pipe(int fd) {
    const int filler =
        ::open(("/proc/self/fd/" + std::to_string(fd)).c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
    if (filler < 0) return 0;
    const std::string block(4096, '#');  // a character rps sweep never prints
    size_t written = 0;
    for (ssize_t n; (n = ::write(filler, block.data(), block.size())) > 0;)
        written += static_cast<size_t>(n);
    ::close(filler);
    return written;
}

class SweepSignals : public ::testing::Test {
protected:
    void SetUp() override {
        if (!rps::test::rps_has_command("sweep")) GTEST_SKIP() << "this rps has no `sweep`";
    }
};

}  // namespace

// A signal between two trials ended rps sweep by its default action: no summary.json, no
// summary.csv, no table of the trial that had finished. Here the sweep is held between its trials
// for certain: its stdout is a pipe left full as the first trial ends, so it waits, with no child,
// to write that trial's progress line; the signal comes then, and the pipe is read afterwards.
TEST_F(SweepSignals, ASignalBetweenTrialsRecordsTheFinishedTrialAndStartsNoOther) {
    for (const int sig : {SIGTERM, SIGINT}) {
        SCOPED_TRACE(sig);
        rps::test::TempDir dir;
        const fs::path tmp = dir / "tmp";
        fs::create_directories(tmp);
        const json study =
            rps::test::tiny_1ap_study({{{"type", "ga"}, {"population", 4}, {"generations", 1}}});
        const fs::path sweep = write_sweep(dir, study, "objective.metric", {"p5", "mean"});
        const fs::path out = dir / "out";
        int pipe[2];
        ASSERT_EQ(::pipe2(pipe, O_CLOEXEC), 0);
        const pid_t pid = rps::test::spawn_rps(
            {"sweep", sweep.string(), "--out-dir", out.string(), "--workers", "1"}, dir / "sweep",
            tmp, pipe[1]);
        // "[1/2] t_000 (objective.metric=p5) ... " comes before the trial starts.
        std::string out_text = read_until(pipe[0], "t_000 (objective.metric=p5) ... ");
        ASSERT_TRUE(contains(out_text, " ... ")) << out_text;
        const size_t filler = fill_pipe(pipe[1]);
        ASSERT_GT(filler, 0u);
        ::close(pipe[1]);
        // The first trial has ended and been waited for: its study file is finished and the
        // sweep has no child (the second trial cannot start before the full pipe is read).
        ASSERT_TRUE(wait_until([&] {
            const auto stored = read_store(out / "t_000.h5");
            return stored && stored->finished && rps::test::children_of(pid).empty();
        }));
        ::kill(pid, sig);
        std::string rest = read_to_end(pipe[0]);
        std::erase(rest, '#');  // the filler
        out_text += rest;
        ::close(pipe[0]);
        const int code = wait_exit(pid);
        const std::string err = rps::test::read_text(dir / "sweep.err");
        ASSERT_EQ(code, 128 + sig) << err << out_text;
        ASSERT_TRUE(fs::is_regular_file(out / "summary.json")) << err << out_text;

        const json summary = complete_summary(out, 1);
        EXPECT_TRUE(summary["interrupted"].get<bool>());
        EXPECT_EQ(summary["planned"], 2);
        expect_finished_row(summary["trials"][0], "t_000");
        EXPECT_FALSE(fs::exists(out / "t_001.h5")) << "a trial started after the signal";
        EXPECT_FALSE(fs::exists(out / "t_001.log")) << "a trial started after the signal";
        // On stdout as at a normal end: the trial's line, the table, the count.
        EXPECT_TRUE(contains(out_text, "ok, best ")) << out_text;
        EXPECT_TRUE(contains(out_text, "\nt_000 ")) << out_text;
        EXPECT_TRUE(contains(out_text, "1 trial(s), 0 failed; summary in")) << out_text;
        expect_resume_hint(err, sweep, out);
        EXPECT_TRUE(fs::is_empty(tmp));

        // Run again, it reuses the finished trial and runs the other.
        const auto again = run_rps({"sweep", sweep.string(), "--out-dir", out.string(), "--json"});
        ASSERT_EQ(again.exit_code, 0) << describe(again);
        const json finished = json::parse(again.out);
        EXPECT_FALSE(finished["interrupted"].get<bool>());
        ASSERT_EQ(finished["trials"].size(), 2u);
        EXPECT_EQ(finished["trials"][0]["status"], "reused");
        EXPECT_EQ(finished["trials"][0]["best_objective"], summary["trials"][0]["best_objective"]);
        EXPECT_EQ(finished["trials"][1]["status"], "ok");
    }
}

// A signal while a trial runs: SIGTERM was passed on (the trial used to be left orphaned and
// still writing) but the sweep said only "run it again to resume"; a SIGINT sent to the sweep
// alone (kill -INT, not the terminal's Ctrl-C) was ignored and the sweep ran on to its end.
// Both now stop the running trial (resumable), record the finished one and the interrupted one,
// and say how to go on; the sweep run again resumes the trial.
TEST_F(SweepSignals, ASignalDuringATrialStopsItAndRecordsBothTrials) {
    for (const int sig : {SIGTERM, SIGINT}) {
        SCOPED_TRACE(sig);
        rps::test::TempDir dir;
        const fs::path tmp = dir / "tmp";
        fs::create_directories(tmp);
        // A quick first trial (4 m grid), then the long one (1 m) that is stopped.
        const fs::path sweep =
            write_sweep(dir, rps::test::long_study(), "methods.grid.resolution_m", {4.0, 1.0});
        const fs::path out = dir / "out";
        const pid_t pid = rps::test::spawn_rps({"sweep", sweep.string(), "--out-dir", out.string()},
                                               dir / "sweep", tmp);
        ASSERT_TRUE(rps::test::wait_for_rows(out / "t_001.h5", 5));
        ::kill(pid, sig);
        const int code = wait_exit(pid);
        const std::string err = rps::test::read_text(dir / "sweep.err");
        const std::string out_text = rps::test::read_text(dir / "sweep.out");
        ASSERT_EQ(code, 128 + sig) << err << out_text;
        // Nothing writes the trial's file any more: its size stays put.
        const auto size = fs::file_size(out / "t_001.h5");
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        EXPECT_EQ(fs::file_size(out / "t_001.h5"), size);
        EXPECT_TRUE(fs::is_empty(tmp)) << "the trial's workers' folder was left behind";
        ASSERT_TRUE(fs::is_regular_file(out / "summary.json")) << err << out_text;

        const json summary = complete_summary(out, 2);
        EXPECT_TRUE(summary["interrupted"].get<bool>());
        EXPECT_EQ(summary["planned"], 2);
        expect_finished_row(summary["trials"][0], "t_000");
        const json& stopped = summary["trials"][1];
        EXPECT_EQ(stopped["status"], "interrupted") << stopped.dump();
        EXPECT_EQ(stopped["file"], (out / "t_001.h5").string()) << stopped.dump();
        const auto stored = read_store(out / "t_001.h5");
        ASSERT_TRUE(stored);
        EXPECT_FALSE(stored->finished);
        const std::string csv = rps::test::read_text(out / "summary.csv");
        EXPECT_TRUE(contains(csv, "\nt_000,grid,1ap,11,ok,p5,")) << csv;
        EXPECT_TRUE(contains(csv, "\nt_001,grid,1ap,11,interrupted,p5,")) << csv;
        EXPECT_TRUE(contains(out_text, "2 trial(s), 0 failed; summary in")) << out_text;
        expect_resume_hint(err, sweep, out);

        if (sig != SIGTERM) continue;  // the resume once is enough
        const auto again = run_rps({"sweep", sweep.string(), "--out-dir", out.string(), "--json"});
        ASSERT_EQ(again.exit_code, 0) << describe(again);
        const json finished = json::parse(again.out);
        ASSERT_EQ(finished["trials"].size(), 2u);
        EXPECT_EQ(finished["trials"][0]["status"], "reused");
        EXPECT_EQ(finished["trials"][1]["status"], "ok");
        const auto resumed = read_store(out / "t_001.h5");
        EXPECT_TRUE(resumed && resumed->finished);
    }
}
