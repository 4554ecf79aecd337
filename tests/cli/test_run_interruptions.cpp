// rps run at its edges: option combinations a resume cannot honour, a study file given as the
// study, the resume of a finished study, failed tasks (timeouts), and SIGINT / SIGTERM to a run
// (to a sweep: test_sweep_interruptions.cpp).
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli/background_rps.hpp"
#include "cli/cli_runner.hpp"
#include "cli/tiny_study.hpp"
#include "core/store/study_store.hpp"

using nlohmann::json;
using rps::test::describe;
using rps::test::l_hall;
using rps::test::long_study;
using rps::test::run_rps;
using rps::test::spawn_rps;
using rps::test::tiny_1ap_study;
using rps::test::tiny_reflector_study;
using rps::test::wait_exit;
using rps::test::wait_for_rows;
namespace fs = std::filesystem;

namespace {

std::string file_bytes(const fs::path& path) { return rps::test::read_text(path); }

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

class CliRunEdges : public ::testing::Test {
protected:
    void SetUp() override {
        if (!rps::test::rps_has_command("run")) GTEST_SKIP() << "this rps has no `run` command";
    }
};

}  // namespace

// --resume with --out exited 0, wrote into the resumed file and never created the other one;
// --overwrite was silently ignored. Both are refused, naming the options.
TEST_F(CliRunEdges, ResumeRefusesOutAndOverwrite) {
    rps::test::TempDir dir;
    std::ofstream(dir / "r.h5") << "anything";
    const auto out =
        run_rps({"run", "--resume", (dir / "r.h5").string(), "--out", (dir / "other.h5").string()});
    EXPECT_EQ(out.exit_code, 2) << describe(out);
    EXPECT_TRUE(contains(out.err, "--resume and --out")) << describe(out);
    EXPECT_FALSE(fs::exists(dir / "other.h5"));
    const auto overwrite = run_rps({"run", "--resume", (dir / "r.h5").string(), "--overwrite"});
    EXPECT_EQ(overwrite.exit_code, 2) << describe(overwrite);
    EXPECT_TRUE(contains(overwrite.err, "--resume and --overwrite")) << describe(overwrite);
    EXPECT_EQ(file_bytes(dir / "r.h5"), "anything");
}

// A --rps that is not a program failed only once the store existed: an empty store was left,
// which the next run refused without --overwrite.
TEST_F(CliRunEdges, AWorkerProgramThatIsNotOneIsRefusedBeforeTheStore) {
    rps::test::TempDir dir;
    std::ofstream(dir / "study.json") << rps::test::tiny_reflector_study().dump();
    std::ofstream(dir / "not_a_program") << "text";
    for (const fs::path& rps : {dir / "nowhere", dir / "not_a_program", dir.path()}) {
        const auto run = run_rps({"run", (dir / "study.json").string(), "--out",
                                  (dir / "s.h5").string(), "--rps", rps.string()});
        EXPECT_EQ(run.exit_code, 2) << describe(run);
        EXPECT_TRUE(contains(run.err, "--rps " + rps.string())) << describe(run);
        EXPECT_FALSE(fs::exists(dir / "s.h5"));
    }
}

// `rps run lh.h5` (forgetting --resume) said "invalid JSON ... last read: '\x89'" and wrote a
// raw binary byte to the terminal.
TEST_F(CliRunEdges, AStudyFileGivenAsTheStudySaysToResumeIt) {
    rps::test::TempDir dir;
    for (const char* name : {"lh.h5", "looks_like.json"}) {
        std::ofstream(dir / name, std::ios::binary) << std::string("\x89HDF\r\n\x1a\n\0\0", 10);
        const std::string path = (dir / name).string();
        const auto run = run_rps({"run", path});
        EXPECT_EQ(run.exit_code, 2) << describe(run);
        EXPECT_TRUE(contains(run.err, path + " is a study file")) << describe(run);
        EXPECT_TRUE(contains(run.err, "rps run --resume " + path)) << describe(run);
        EXPECT_FALSE(contains(run.err, "\x89")) << describe(run);
    }
}

// Resuming a finished study replayed it and replaced its summary with one timed over the replay
// (wall 0.01 s, pool efficiency 4746 %); killed part-way, it left the study UNFINISHED. Now the
// file is not touched and the study's summary is printed.
TEST_F(CliRunEdges, ResumingAFinishedStudyChangesNothing) {
    rps::test::TempDir dir;
    std::ofstream(dir / "s.json")
        << tiny_1ap_study({{{"type", "ga"}, {"population", 4}, {"generations", 1}}}).dump();
    const std::string h5 = (dir / "s.h5").string();
    const auto run = run_rps({"run", (dir / "s.json").string(), "--out", h5, "--json"});
    ASSERT_EQ(run.exit_code, 0) << describe(run);
    const json first = json::parse(run.out.substr(run.out.find('{')));
    const std::string before = file_bytes(h5);

    const auto resume = run_rps({"run", "--resume", h5, "--json"});
    EXPECT_EQ(resume.exit_code, 0) << describe(resume);
    EXPECT_TRUE(contains(resume.err, "is already finished")) << describe(resume);
    const json again = json::parse(resume.out.substr(resume.out.find('{')));
    EXPECT_EQ(again["wall_s"], first["wall_s"]);
    EXPECT_EQ(again["best_objective"], first["best_objective"]);
    EXPECT_TRUE(file_bytes(h5) == before) << "the finished study file was modified";
}

// With compute.task_timeout_s 0.1 every task timed out, and rps run said "no feasible layout
// was evaluated ... more evaluations may find one": the failed tasks come first now, with the
// reason and the key to change.
TEST_F(CliRunEdges, TasksThatAllTimedOutAreNamedAsTheCause) {
    rps::test::TempDir dir;
    json study =
        tiny_1ap_study({{{"type", "grid"}, {"resolution_m", 4.0}, {"yaw_steps", 2}, {"chunk", 8}}});
    study["radio"]["max_order"] = 2;
    study["grid"] = {{"cell_samples", 16}};
    study["compute"] = {{"workers", 2}, {"task_timeout_s", 0.1}, {"max_attempts", 1}};
    std::ofstream(dir / "af.json") << study.dump();
    const auto run =
        run_rps({"run", (dir / "af.json").string(), "--out", (dir / "af.h5").string()});
    EXPECT_EQ(run.exit_code, 1) << describe(run);
    EXPECT_TRUE(contains(run.err, "tasks failed: task timed out after 0.1 s")) << describe(run);
    EXPECT_TRUE(contains(run.err, "compute.task_timeout_s is 0.1 s")) << describe(run);
    EXPECT_FALSE(contains(run.err, "more evaluations")) << describe(run);
}

// SIGINT and SIGTERM ended rps run by their default action: no message, and the workers'
// /tmp/rps-XXXXXX/study.json left behind every time. Now the run stops cleanly (exit 130 / 143),
// says how to resume, removes the folder; the resume finishes the study with a wall time over
// both runs (the busy time of every task row over the last run's wall time gave 4746 %).
TEST_F(CliRunEdges, SignalsStopTheRunCleanlyAndTheResumeTimesBothRuns) {
    for (const int sig : {SIGINT, SIGTERM}) {
        SCOPED_TRACE(sig);
        rps::test::TempDir dir;
        const fs::path tmp = dir / "tmp";
        fs::create_directories(tmp);
        std::ofstream(dir / "long.json") << long_study().dump();
        const fs::path h5 = dir / "long.h5";
        const pid_t pid = spawn_rps({"run", (dir / "long.json").string(), "--out", h5.string()},
                                    dir / "run", tmp);
        ASSERT_TRUE(wait_for_rows(h5, 5));
        ::kill(pid, sig);
        const int code = wait_exit(pid);
        const std::string err = file_bytes(dir.file("run.err"));
        ASSERT_EQ(code, 128 + sig) << err;
        EXPECT_TRUE(contains(err, "rps run --resume " + h5.string())) << err;
        EXPECT_TRUE(fs::is_empty(tmp)) << "the workers' temporary folder was left behind";
        const rps::StoredStudy stopped = rps::StudyStore::read(h5);
        EXPECT_FALSE(stopped.finished);
        for (const rps::TaskRecord& r : stopped.tasks)
            EXPECT_EQ(r.status, static_cast<int32_t>(rps::TaskStatus::ok));

        const auto resume = run_rps({"run", "--resume", h5.string(), "--json"});
        ASSERT_EQ(resume.exit_code, 0) << describe(resume);
        const json summary = json::parse(resume.out.substr(resume.out.find('{')));
        EXPECT_GT(summary["wall_s"].get<double>(), summary["run_wall_s"].get<double>());
        const auto show = run_rps({"show", h5.string(), "--json"});
        ASSERT_EQ(show.exit_code, 0) << describe(show);
        const json shown = json::parse(show.out);
        ASSERT_TRUE(shown["pool_efficiency"].is_number()) << shown.dump();
        EXPECT_LE(shown["pool_efficiency"].get<double>(), 1.05);
        // The task time beside the wall time of both runs is both runs' (the rows' elapsed
        // times), not the last pool's busy time.
        double rows_s = 0.0;
        for (const rps::TaskRecord& r : rps::StudyStore::read(h5).tasks)
            if (std::isfinite(r.elapsed_s)) rows_s += r.elapsed_s;
        EXPECT_NEAR(shown["task_time_s"].get<double>(), rows_s, 1e-9) << shown.dump();
    }
}
