// `mpirun -n N+1 rps run STUDY --mpi`: rank 0 runs the study, every other rank one worker
// (runtime/mpi_worker_channel.hpp, mpi_worker_node.hpp). The study's results must be the local
// pool's, bit for bit; a worker on a rank that sends a bad result is killed and restarted there
// and its task retried; wrong starts end at once with a message that says how to start.
#include <gtest/gtest.h>

#include <algorithm>
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
using rps::test::run_rps;
using rps::test::tiny_reflector_study;
namespace fs = std::filesystem;

namespace {

#ifdef RPS_MPIEXEC
// OpenMPI refuses root without these; the tests run as root in CI.
const rps::test::EnvChanges kMpiEnvironment{
    {}, {"OMPI_ALLOW_RUN_AS_ROOT=1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1"}};

// mpirun -n ranks rps args... (oversubscribed: CI has two cores); extra variables exported to
// every rank with -x.
rps::test::CommandResult run_mpi(int ranks, const std::vector<std::string>& args,
                                 const std::vector<std::string>& exported = {},
                                 rps::test::EnvChanges env = kMpiEnvironment) {
    // --timeout: a job that hangs fails the test instead of blocking the suite.
    std::vector<std::string> all{"--oversubscribe", "--timeout", "120", "-n",
                                 std::to_string(ranks)};
    for (const std::string& variable : exported) {
        all.insert(all.end(), {"-x", variable});
        env.set.push_back(variable);
    }
    all.push_back(RPS_EXECUTABLE);
    all.insert(all.end(), args.begin(), args.end());
    return rps::test::run_program(RPS_MPIEXEC, all, {}, env);
}
#endif

class CliMpiRun : public ::testing::Test {
protected:
    void SetUp() override {
#ifndef RPS_MPIEXEC
        GTEST_SKIP() << "this build has no MPI (RPS_WITH_MPI off: libopenmpi-dev missing)";
#endif
    }
};

// A stored result without what says where and how often it ran.
json without_run_details(json result) {
    for (const char* key : {"attempts", "worker_id"}) result.erase(key);
    return result;
}

// Every task's row and result of the two stores, by task id; the timings, workers and attempts
// aside.
void expect_same_tasks(const fs::path& a_path, const fs::path& b_path) {
    const rps::StoredStudy a = rps::StudyStore::read(a_path), b = rps::StudyStore::read(b_path);
    ASSERT_TRUE(a.finished);
    ASSERT_TRUE(b.finished);
    ASSERT_EQ(a.tasks.size(), b.tasks.size());
    std::map<uint64_t, std::size_t> b_row;
    for (std::size_t i = 0; i < b.tasks.size(); ++i) b_row[b.tasks[i].task_id] = i;
    for (std::size_t i = 0; i < a.tasks.size(); ++i) {
        const uint64_t id = a.tasks[i].task_id;
        ASSERT_TRUE(b_row.count(id)) << "task " << id;
        const std::size_t j = b_row[id];
        EXPECT_EQ(a.tasks[i].status, b.tasks[j].status) << "task " << id;
        // Bit for bit: the same bytes, not merely close.
        EXPECT_EQ(0, std::memcmp(&a.tasks[i].objective, &b.tasks[j].objective, sizeof(double)))
            << "task " << id << ": " << a.tasks[i].objective << " vs " << b.tasks[j].objective;
        EXPECT_EQ(without_run_details(a.results[i]).dump(),
                  without_run_details(b.results[j]).dump())
            << "task " << id;
    }
    ASSERT_EQ(a.maps.size(), b.maps.size());
    for (std::size_t m = 0; m < a.maps.size(); ++m) EXPECT_EQ(a.maps[m].power_w, b.maps[m].power_w);
}

// Writes the tiny study into dir and runs it on the local pool into dir/local.h5.
void run_locally(const rps::test::TempDir& dir, int workers) {
    std::ofstream(dir / "study.json") << tiny_reflector_study().dump(2);
    const auto local = run_rps({"run", (dir / "study.json").string(), "--out",
                                (dir / "local.h5").string(), "--workers", std::to_string(workers)});
    ASSERT_EQ(local.exit_code, 0) << describe(local);
}

}  // namespace

#ifdef RPS_MPIEXEC

TEST_F(CliMpiRun, RanksGiveTheLocalPoolsResultsBitForBit) {
    rps::test::TempDir dir;
    ASSERT_NO_FATAL_FAILURE(run_locally(dir, 2));
    const auto mpi = run_mpi(3, {"run", (dir / "study.json").string(), "--out",
                                 (dir / "mpi.h5").string(), "--mpi", "--json", "--verbose"});
    ASSERT_EQ(mpi.exit_code, 0) << describe(mpi);
    expect_same_tasks(dir / "local.h5", dir / "mpi.h5");
    // Two workers, one per rank 1 and 2, each a process that rank started on its machine.
    const json summary = json::parse(mpi.out.substr(mpi.out.find('{')));
    EXPECT_EQ(summary["pool"]["workers"], 2) << summary.dump(2);
    EXPECT_NE(mpi.err.find("on rank 1, host"), std::string::npos) << mpi.err;
    EXPECT_NE(mpi.err.find("on rank 2, host"), std::string::npos) << mpi.err;
    const auto show = run_rps({"show", (dir / "mpi.h5").string(), "--json"});
    ASSERT_EQ(show.exit_code, 0) << describe(show);
    EXPECT_EQ(json::parse(show.out)["workers"]["count"], 2);
}

TEST_F(CliMpiRun, AWorkerThatSendsABadResultIsRestartedOnItsRank) {
    rps::test::TempDir dir;
    ASSERT_NO_FATAL_FAILURE(run_locally(dir, 1));
    // One rank's worker replaces one result by a string (the first process to claim the marker):
    // the pool kills it on its rank, the node starts a new one, the task runs again.
    const auto mpi =
        run_mpi(2,
                {"run", (dir / "study.json").string(), "--out", (dir / "mpi.h5").string(), "--mpi",
                 "--json", "--rps", RPS_FAULT_PROXY},
                {"RPS_FAULT=string_result", "RPS_FAULT_MARKER=" + (dir / "fault.marker").string()});
    ASSERT_EQ(mpi.exit_code, 0) << describe(mpi);
    EXPECT_TRUE(fs::exists(dir / "fault.marker"));
    const json summary = json::parse(mpi.out.substr(mpi.out.find('{')));
    EXPECT_EQ(summary["pool"]["restarts"], 1) << summary.dump(2);
    EXPECT_EQ(summary["pool"]["retries"], 1) << summary.dump(2);
    EXPECT_EQ(summary["pool"]["protocol_errors"], 1) << summary.dump(2);
    expect_same_tasks(dir / "local.h5", dir / "mpi.h5");
}

// The studio follows a job through rank 0's events (--events): under mpirun they must come out
// whole, with nothing of the other ranks between them, and carry the local pool's objectives.
TEST_F(CliMpiRun, AJobsEventsAreTheLocalPoolsResults) {
    rps::test::TempDir dir;
    ASSERT_NO_FATAL_FAILURE(run_locally(dir, 2));
    const auto mpi = run_mpi(3, {"run", (dir / "study.json").string(), "--out",
                                 (dir / "mpi.h5").string(), "--mpi", "--events"});
    ASSERT_EQ(mpi.exit_code, 0) << describe(mpi);
    const std::vector<json> events = rps::test::events_of(mpi.out);
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(events.front()["event"], "started");
    ASSERT_EQ(events.back()["event"], "finished");
    const rps::StoredStudy local = rps::StudyStore::read(dir / "local.h5");
    const std::vector<json> tasks = rps::test::of_kind(events, "task_finished");
    ASSERT_EQ(tasks.size(), local.tasks.size());
    for (const json& t : tasks) {
        const rps::TaskRecord* row = local.find_task(t["task"].get<uint64_t>());
        ASSERT_NE(row, nullptr) << t.dump();
        const double objective = t["objective"].get<double>();
        EXPECT_EQ(0, std::memcmp(&objective, &row->objective, sizeof(double))) << t.dump();
    }
    const std::vector<json> workers = rps::test::of_kind(events, "workers");
    ASSERT_FALSE(workers.empty());
    EXPECT_EQ(workers.back()["workers"].size(), 2u) << workers.back().dump();
    expect_same_tasks(dir / "local.h5", dir / "mpi.h5");
}

// rps sweep --mpi: every trial an MPI job of its own (mpirun -n N+1 rps run TRIAL --mpi), with
// the results of the same sweep on local pools, trial by trial and task by task.
TEST_F(CliMpiRun, ASweepRunsEachTrialAsAJob) {
    rps::test::TempDir dir;
    std::ofstream(dir / "study.json") << tiny_reflector_study().dump(2);
    std::ofstream(dir / "sweep.json") << json{{"name_prefix", "t"},
                                              {"study", (dir / "study.json").string()},
                                              {"grid", {{"methods.ga.population", {4, 6}}}}}
                                             .dump(2);
    const auto local = run_rps(
        {"sweep", (dir / "sweep.json").string(), "--out-dir", (dir / "local").string(), "--json"});
    ASSERT_EQ(local.exit_code, 0) << describe(local);
    const auto mpi = run_rps(
        {"sweep", (dir / "sweep.json").string(), "--out-dir", (dir / "mpi").string(), "--json",
         "--mpi", "--mpirun", std::string(RPS_MPIEXEC) + " --oversubscribe --timeout 120"},
        {}, kMpiEnvironment);
    ASSERT_EQ(mpi.exit_code, 0) << describe(mpi);
    const json summary = json::parse(mpi.out);
    ASSERT_EQ(summary["count"], 2) << summary.dump(2);
    for (const json& trial : summary["trials"]) {
        EXPECT_EQ(trial["status"], "ok") << trial.dump(2);
        const std::string name = trial["trial"].get<std::string>();
        expect_same_tasks(dir / "local" / (name + ".h5"), dir / "mpi" / (name + ".h5"));
        // Under mpirun, three ranks (the study's two workers): `rps run --mpi` alone refuses to
        // run (WrongStartsEndAtOnceAndSayHow), so the stores above came from the job.
        const json& command = trial["command"];
        ASSERT_GE(command.size(), 4u) << trial.dump(2);
        EXPECT_EQ(command[0], RPS_MPIEXEC);
        const std::string words = command.dump();
        EXPECT_NE(words.find(R"("-n","3")"), std::string::npos) << words;
        EXPECT_NE(words.find(R"("--mpi")"), std::string::npos) << words;
    }
}

TEST_F(CliMpiRun, ASweepWithAMissingLauncherEndsBeforeAnyTrial) {
    rps::test::TempDir dir;
    std::ofstream(dir / "study.json") << tiny_reflector_study().dump(2);
    std::ofstream(dir / "sweep.json")
        << json{{"name_prefix", "t"}, {"study", (dir / "study.json").string()}}.dump(2);
    const auto missing =
        run_rps({"sweep", (dir / "sweep.json").string(), "--out-dir", (dir / "out").string(),
                 "--mpi", "--mpirun", (dir / "no-mpirun").string() + " --oversubscribe"});
    EXPECT_EQ(missing.exit_code, 2) << describe(missing);
    EXPECT_NE(missing.err.find("no-mpirun was not found"), std::string::npos) << missing.err;
    EXPECT_FALSE(fs::exists(dir / "out"));
    const auto alone = run_rps({"sweep", (dir / "sweep.json").string(), "--out-dir",
                                (dir / "out").string(), "--mpirun", "mpirun"});
    EXPECT_EQ(alone.exit_code, 2) << describe(alone);
    EXPECT_NE(alone.err.find("--mpirun needs --mpi"), std::string::npos) << alone.err;
}

TEST_F(CliMpiRun, WrongStartsEndAtOnceAndSayHow) {
    rps::test::TempDir dir;
    std::ofstream(dir / "study.json") << tiny_reflector_study().dump(2);
    const std::string study = (dir / "study.json").string();
    // --workers has no meaning under MPI: the ranks are the workers. Rank 0 refuses it and
    // its nodes end with it (the job does not hang).
    const auto both = run_mpi(3, {"run", study, "--mpi", "--workers", "2"});
    EXPECT_EQ(both.exit_code, 2) << describe(both);
    EXPECT_NE(both.err.find("--workers and --mpi cannot be combined"), std::string::npos)
        << both.err;
    // Bad input on rank 0 (a study that does not exist), the same.
    const auto missing = run_mpi(3, {"run", (dir / "none.json").string(), "--mpi"});
    EXPECT_EQ(missing.exit_code, 2) << describe(missing);
    EXPECT_NE(missing.err.find("none.json"), std::string::npos) << missing.err;
    // Without mpirun (one rank) there is no worker: say how to start.
    const auto alone = run_rps({"run", study, "--mpi"}, dir.path(), kMpiEnvironment);
    EXPECT_EQ(alone.exit_code, 2) << describe(alone);
    EXPECT_NE(alone.err.find("mpirun -n N+1"), std::string::npos) << alone.err;
    EXPECT_FALSE(fs::exists(dir / "tiny_reflector.h5"));
}

#endif
