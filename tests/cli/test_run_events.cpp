// `rps run --events`: the study's events as JSON lines on stdout (runtime/study_events.hpp,
// docs/protocol.md "Study events"), what the studio follows when a study runs as an MPI job, and
// the commands it reads on stdin. The stream must carry every task with the objective the store
// holds, bit for bit, the pool's workers and the summary, and nothing else; commands must steer
// the run, and an input that closes while the run is paused must not leave it paused for ever.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.hpp"
#include "cli/event_lines.hpp"
#include "cli/tiny_study.hpp"
#include "core/store/study_store.hpp"

using nlohmann::json;
using rps::test::describe;
using rps::test::events_of;
using rps::test::of_kind;
using rps::test::run_rps;
using rps::test::tiny_reflector_study;
namespace fs = std::filesystem;

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

TEST(CliRunEvents, StreamCarriesEveryTaskAsStoredAndEndsWithTheSummary) {
    rps::test::TempDir dir;
    std::ofstream(dir / "study.json") << tiny_reflector_study().dump(2);
    const auto run = run_rps(
        {"run", (dir / "study.json").string(), "--out", (dir / "events.h5").string(), "--events"},
        dir.path());
    ASSERT_EQ(run.exit_code, 0) << describe(run);
    const std::vector<json> events = events_of(run.out);
    ASSERT_GE(events.size(), 4u) << run.out;
    EXPECT_EQ(events.front()["event"], "started");
    EXPECT_EQ(events.front()["version"], 1);
    EXPECT_EQ(events.front()["store"], fs::absolute(dir / "events.h5").string());
    EXPECT_EQ(events.front()["resume"], false);
    ASSERT_EQ(events.back()["event"], "finished") << events.back().dump();

    const rps::StoredStudy stored = rps::StudyStore::read(dir / "events.h5");
    ASSERT_TRUE(stored.finished);
    const std::vector<json> tasks = of_kind(events, "task_finished");
    ASSERT_EQ(tasks.size(), stored.tasks.size());
    for (const json& t : tasks) {
        const rps::TaskRecord* row = stored.find_task(t["task"].get<uint64_t>());
        ASSERT_NE(row, nullptr) << t.dump();
        EXPECT_TRUE(same_bits(t["objective"].get<double>(), row->objective))
            << t.dump() << " vs " << row->objective;
        EXPECT_EQ(t["worker"].get<int>(), row->worker_id) << t.dump();
    }
    // Progress counts every finished task once, in order.
    const std::vector<json> progress = of_kind(events, "progress");
    ASSERT_EQ(progress.size(), tasks.size());
    for (std::size_t i = 0; i < progress.size(); ++i) EXPECT_EQ(progress[i]["done"], i + 1);
    // The workers as the pool last saw them: two, and every task counted.
    const std::vector<json> workers = of_kind(events, "workers");
    ASSERT_FALSE(workers.empty());
    ASSERT_EQ(workers.back()["workers"].size(), 2u) << workers.back().dump();
    EXPECT_EQ(workers.back()["tasks_ok"], stored.tasks.size()) << workers.back().dump();
    // The summary is the one a plain run prints with --json.
    const json& summary = events.back()["summary"];
    const auto plain = run_rps(
        {"run", (dir / "study.json").string(), "--out", (dir / "plain.h5").string(), "--json"});
    ASSERT_EQ(plain.exit_code, 0) << describe(plain);
    const json expected = json::parse(plain.out);
    EXPECT_TRUE(same_bits(summary["best_objective"].get<double>(),
                          expected["best_objective"].get<double>()));
    EXPECT_EQ(summary["best_layout"], expected["best_layout"]);
    EXPECT_EQ(summary["best_task_id"], expected["best_task_id"]);
    // The best's events end at the summary's best.
    const std::vector<json> best = of_kind(events, "best");
    ASSERT_FALSE(best.empty());
    EXPECT_TRUE(same_bits(best.back()["objective"].get<double>(),
                          expected["best_objective"].get<double>()));
}

TEST(CliRunEvents, CancelOnStdinKeepsTheStoreResumable) {
    rps::test::TempDir dir;
    std::ofstream(dir / "study.json") << tiny_reflector_study().dump(2);
    std::ofstream(dir / "commands.txt") << "pause\nfaster please\ncancel\n";
    const auto run = rps::test::run_program(
        RPS_EXECUTABLE,
        {"run", (dir / "study.json").string(), "--out", (dir / "c.h5").string(), "--events"}, {},
        {}, (dir / "commands.txt").string());
    EXPECT_EQ(run.exit_code, 1) << describe(run);
    const std::vector<json> events = events_of(run.out);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back()["event"], "failed");
    EXPECT_NE(events.back()["error"].get<std::string>().find("cancel"), std::string::npos)
        << events.back().dump();
    EXPECT_NE(run.err.find("ignored on the command input: faster please"), std::string::npos)
        << run.err;
    // Cancelled, not broken: the study file is there and a resume finishes it.
    ASSERT_TRUE(fs::exists(dir / "c.h5"));
    EXPECT_FALSE(rps::StudyStore::read(dir / "c.h5").finished);
    const auto resume = run_rps({"run", "--resume", (dir / "c.h5").string(), "--events"});
    ASSERT_EQ(resume.exit_code, 0) << describe(resume);
    const std::vector<json> resumed = events_of(resume.out);
    ASSERT_FALSE(resumed.empty());
    EXPECT_EQ(resumed.front()["resume"], true);
    EXPECT_EQ(resumed.back()["event"], "finished");
}

TEST(CliRunEvents, AnInputThatClosesWhilePausedResumesTheRun) {
    rps::test::TempDir dir;
    std::ofstream(dir / "study.json") << tiny_reflector_study().dump(2);
    std::ofstream(dir / "commands.txt") << "pause\n";
    const auto run = rps::test::run_program(
        RPS_EXECUTABLE,
        {"run", (dir / "study.json").string(), "--out", (dir / "p.h5").string(), "--events"}, {},
        {}, (dir / "commands.txt").string());
    ASSERT_EQ(run.exit_code, 0) << describe(run);
    EXPECT_NE(run.err.find("closed while the study was paused: resumed"), std::string::npos)
        << run.err;
    const std::vector<json> events = events_of(run.out);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.back()["event"], "finished");
}
