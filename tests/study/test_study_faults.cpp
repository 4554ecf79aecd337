// Faults during a study: a worker killed mid-task (retried, result unchanged); a program that
// speaks garbage instead of the protocol and a study whose scene is missing (clear error, no
// hang).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <fstream>

#include "core/common/error.hpp"
#include "core/store/study_store.hpp"
#include "study_test_support.hpp"

namespace rps {
namespace {

using nlohmann::json;

// GD tasks of a few tens of milliseconds each: a kill right after dispatch lands mid-task.
json slow_gd_methods() {
    return {{{"type", "gd"}, {"starts", 6}, {"iterations", 150}},
            {{"type", "ga"}, {"population", 10}, {"generations", 3}, {"chunk", 2}}};
}

TEST(StudyFaults, KilledWorkerIsRestartedAndItsTaskRetried) {
    const json doc = test::l_hall_study("1ap", slow_gd_methods(), false, 1.0);
    json reference;
    {
        test::TempDir dir;
        reference = test::run_study(doc, dir.path(), 2);
    }
    test::TempDir dir;
    test::qt_app();
    const auto study_file = test::write_json(dir.file("study.json"), doc);
    StudyRunner runner;
    int started = 0, killed = 0;
    QObject::connect(&runner, &StudyRunner::taskStarted, [&](quint64, int worker) {
        if (++started != 3) return;
        for (const WorkerStats& w : runner.pool_stats().workers)
            if (w.id == worker && w.pid > 0 && ::kill(static_cast<pid_t>(w.pid), SIGKILL) == 0)
                ++killed;
    });
    StudyRunOptions options = test::run_options(dir.file("study.h5"));
    const json summary = runner.run(load_study(study_file.string()), options);
    EXPECT_EQ(killed, 1);
    EXPECT_GE(summary["pool"]["restarts"].get<int>(), 1);
    EXPECT_GE(summary["pool"]["retries"].get<int>(), 1);
    EXPECT_EQ(summary["tasks"]["failed"], 0);
    EXPECT_EQ(summary["best_x"], reference["best_x"]);
    EXPECT_EQ(summary["best_objective"], reference["best_objective"]);
    EXPECT_EQ(summary["task_objectives"], reference["task_objectives"]);
    // The retried task is stored once, with its attempts.
    const StoredStudy s = StudyStore::read(dir.file("study.h5"));
    int retried = 0;
    for (const TaskRecord& r : s.tasks) retried += r.attempt > 1;
    EXPECT_EQ(retried, 1);
}

std::filesystem::path write_script(const std::filesystem::path& path, const std::string& body) {
    std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
    ::chmod(path.c_str(), 0755);
    return path;
}

std::string failure_of(const json& doc, const test::TempDir& dir, const std::string& program,
                       double* seconds) {
    test::qt_app();
    const auto study_file = test::write_json(dir.file("study.json"), doc);
    StudyRunner runner;
    StudyRunOptions options = test::run_options(dir.file("study.h5"), 2, program);
    QElapsedTimer timer;
    timer.start();
    std::string error;
    try {
        runner.run(load_study(study_file.string()), options);
    } catch (const StudyError& e) {
        error = e.what();
    }
    *seconds = timer.elapsed() / 1000.0;
    return error;
}

TEST(StudyFaults, GarbageSpeakingWorkerFailsTheStudyClearly) {
    test::TempDir dir;
    const auto bogus =
        write_script(dir.file("bogus_rps"),
                     "echo 'Segmentation fault? {{{ not json'\nexec sleep 30");
    double seconds = 0;
    const std::string error = failure_of(test::l_hall_study("1ap", {{{"type", "grid"}}}), dir,
                                         bogus.string(), &seconds);
    EXPECT_NE(error.find("protocol error"), std::string::npos) << error;
    EXPECT_NE(error.find("no worker"), std::string::npos) << error;
    EXPECT_LT(seconds, 20.0);
    // Nothing was computed, nothing is marked finished; the store is still a valid study file.
    const StoredStudy s = StudyStore::read(dir.file("study.h5"));
    EXPECT_FALSE(s.finished);
    EXPECT_TRUE(s.tasks.empty());
}

// The coordinator loads the scene before it creates the store (it records the scene's
// fingerprint): a missing scene fails at once, naming it, and leaves no store behind.
TEST(StudyFaults, MissingSceneFailsBeforeTheStoreIsCreated) {
    test::TempDir dir;
    json doc = test::l_hall_study("1ap", {{{"type", "grid"}}});
    doc["scene"] = dir.file("no_such_scene.xml").string();
    test::qt_app();
    try {
        test::run_study(doc, dir.path(), 2);
        FAIL() << "a missing scene must fail the study";
    } catch (const std::exception& e) {
        EXPECT_NE(std::string(e.what()).find("no_such_scene.xml"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(dir.file("study.h5")));
}

// Excluded areas that cover the whole grid leave nothing to measure: refused by name, no store.
TEST(StudyFaults, ExcludedAreasCoveringEveryCellAreRefused) {
    test::TempDir dir;
    json doc = test::l_hall_study("1ap", {{{"type", "grid"}, {"resolution_m", 4.0}}});
    doc["grid"]["exclude"] = {{-100, -100, 100, 100}};
    test::qt_app();
    try {
        test::run_study(doc, dir.path(), 1);
        FAIL() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("grid.exclude"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(dir.file("study.h5")));
    // Areas that leave cells run as usual.
    doc["grid"]["exclude"] = {{1, 1, 5, 5}};
    EXPECT_TRUE(test::run_study(doc, dir.path(), 1)["best_objective"].is_number());
}

TEST(StudyFaults, GridLargerThanMaxPointsIsRefusedBeforeRunning) {
    test::TempDir dir;
    const json doc = test::l_hall_study(
        "1ap", {{{"type", "grid"}, {"resolution_m", 0.1}, {"max_points", 1000}}});
    test::qt_app();
    try {
        test::run_study(doc, dir.path(), 1);
        FAIL() << "expected an InputError";
    } catch (const InputError& e) {
        EXPECT_NE(std::string(e.what()).find("methods[0].max_points"), std::string::npos)
            << e.what();
    }
    // Refused by parse_study: no store is left behind to be mistaken for a started study.
    EXPECT_FALSE(std::filesystem::exists(dir.file("study.h5")));
}

// Sets an environment variable for the workers of one run (they inherit the test's).
struct ScopedEnv {
    std::string name;
    ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) {
        ::setenv(name.c_str(), value.c_str(), 1);
    }
    ~ScopedEnv() { ::unsetenv(name.c_str()); }
};

// Runs `doc` with `workers` workers behind the fault proxy (RPS_FAULT as the caller set it): the
// summary, or null after reporting the run's error as a test failure.
json run_through_proxy(const json& doc, const test::TempDir& dir, int workers) {
    test::qt_app();
    const auto study_file = test::write_json(dir.file("study.json"), doc);
    StudyRunner runner;
    const StudyRunOptions options =
        test::run_options(dir.file("study.h5"), workers, RPS_FAULT_PROXY);
    try {
        return runner.run(load_study(study_file.string()), options);
    } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
        return nullptr;
    }
}

// The study with a 1 s task timeout, through the proxy holding back the results that `fault`
// (slow_map, slow_gd) names for 2.5 s.
json run_with_results_held_back(json doc, const char* fault, const test::TempDir& dir,
                                int workers) {
    doc["compute"]["task_timeout_s"] = 1.0;
    const ScopedEnv mode("RPS_FAULT", fault);
    const ScopedEnv delay("RPS_FAULT_DELAY_MS", "2500");
    return run_through_proxy(doc, dir, workers);
}

// A result that is valid JSON but not what the task kind returns (docs/protocol.md) is a
// protocol error: the worker is restarted and the task retried, and the study ends as it would
// without the fault. It used to throw inside the pool's taskFinished slot and crash the
// coordinator (exit 139), or to be stored as ok and read as infeasible ("oops").
TEST(StudyFaults, MalformedResultIsRetriedLikeGarbage) {
    const json doc = test::l_hall_study(
        "1ap", {{{"type", "ga"}, {"population", 6}, {"generations", 1}, {"chunk", 3}}});
    json reference;
    {
        test::TempDir dir;
        reference = test::run_study(doc, dir.path(), 2);
    }
    for (const char* fault :
         {"missing_objectives", "null_objective", "short_objectives", "string_result"}) {
        SCOPED_TRACE(fault);
        test::TempDir dir;
        const ScopedEnv mode("RPS_FAULT", fault);
        const ScopedEnv marker("RPS_FAULT_MARKER", dir.file("fault.marker").string());
        const json summary = run_through_proxy(doc, dir, 2);
        if (summary.is_null()) continue;
        EXPECT_TRUE(std::filesystem::exists(dir.file("fault.marker")));
        EXPECT_EQ(summary["pool"]["protocol_errors"], 1);
        EXPECT_EQ(summary["pool"]["retries"], 1);
        EXPECT_EQ(summary["tasks"]["failed"], 0);
        EXPECT_EQ(summary["best_x"], reference["best_x"]);
        EXPECT_EQ(summary["best_objective"], reference["best_objective"]);
        EXPECT_EQ(summary["task_objectives"], reference["task_objectives"]);
        // Only the true result was stored.
        for (const json& r : StudyStore::read(dir.file("study.h5")).results)
            EXPECT_TRUE(r.at("result").is_object()) << r.dump();
    }
}

// The study's task_timeout_s is sized to its search tasks; the final map of the best layout
// is one full map and gets at least the default 600 s. With a 1 s limit and a map that takes
// 2.5 s (held back by the proxy), every attempt of it timed out and the finished study failed at
// its last step ("the map of the best layout could not be computed"), and every resume again.
TEST(StudyFaults, FinalMapSlowerThanTheTaskTimeoutCompletes) {
    const json doc =
        test::l_hall_study("1ap", {{{"type", "ga"}, {"population", 4}, {"generations", 1}}});
    test::TempDir dir;
    const json summary = run_with_results_held_back(doc, "slow_map", dir, 1);
    ASSERT_FALSE(summary.is_null());
    EXPECT_EQ(summary["tasks"]["failed"], 0);
    EXPECT_EQ(summary["pool"]["restarts"], 0);
    EXPECT_EQ(StudyStore::read(dir.file("study.h5")).maps.size(), 1u);
}

// A method whose every task fails while another method evaluates layouts: the study ends with
// the other method's best, and its summary says which method evaluated nothing and why, with the
// setting to change, instead of leaving the user to find the failed rows.
TEST(StudyFaults, AMethodWhoseEveryTaskFailsIsNamedInTheSummary) {
    json doc = test::l_hall_study("1ap", {{{"type", "grid"}, {"resolution_m", 4.0}},
                                          {{"type", "gd"}, {"starts", 2}, {"iterations", 3}}});
    doc["compute"]["max_attempts"] = 1;
    test::TempDir dir;
    const json summary = run_with_results_held_back(doc, "slow_gd", dir, 2);
    ASSERT_FALSE(summary.is_null());
    EXPECT_EQ(summary["tasks"]["failed"], 2);
    ASSERT_EQ(summary["warnings"].size(), 1u) << summary["warnings"].dump();
    EXPECT_EQ(summary["warnings"][0],
              "method 1 gd: 2 of 2 tasks failed and it evaluated no layout");
    EXPECT_EQ(summary["failures"]["count"], 2);
    const std::string text = summary["failures"]["text"].get<std::string>();
    EXPECT_EQ(text.rfind("2 of ", 0), 0u) << text;
    EXPECT_NE(text.find(" tasks failed: task timed out after 1 s (compute.task_timeout_s is 1 s)"),
              std::string::npos)
        << text;
    // The grid's best is the study's, and its map was stored.
    EXPECT_TRUE(summary["best_objective"].is_number());
    EXPECT_EQ(StudyStore::read(dir.file("study.h5")).maps.size(), 1u);
}

// A run that ends with an exception destroys its pool while the GUI thread may still call
// pause() / cancel() through the runner: the runner drops its pointer to the pool before the
// pool goes (~Driver), not after (drive()'s catch). The window is short; calling in a tight
// loop over a few runs hit it every time (a crash) before the fix.
TEST(StudyFaults, ControlCallsWhileAFailingRunEndsNeverReachADeadPool) {
    test::TempDir dir;
    test::qt_app();
    const auto bogus =
        write_script(dir.file("bogus_rps"), "echo 'Segmentation fault? {{{ not json'");
    const auto study_file =
        test::write_json(dir.file("study.json"), test::l_hall_study("1ap", {{{"type", "grid"}}}));
    const StudySpec spec = load_study(study_file.string());
    for (int i = 0; i < 6; ++i) {
        StudyRunner runner;
        StudyRunOptions options =
            test::run_options(dir.file("study_" + std::to_string(i) + ".h5"), 2, bogus.string());
        QString failure;
        QObject::connect(&runner, &StudyRunner::failed, [&](const QString& e) { failure = e; });
        runner.start(spec, options);
        while (runner.running()) {
            runner.pause();
            runner.resume_dispatch();
            if (i % 2) runner.cancel();
        }
        runner.wait();
        QCoreApplication::processEvents();
        EXPECT_FALSE(failure.isEmpty()) << i;
    }
}

// The GUI learns of every failure through failed(), set-up errors included.
TEST(StudyFaults, AsynchronousStartReportsSetUpErrors) {
    test::TempDir dir;
    test::qt_app();
    const auto study_file =
        test::write_json(dir.file("study.json"), test::l_hall_study("1ap", {{{"type", "grid"}}}));
    std::ofstream(dir.file("taken.h5")) << "not a study";
    StudyRunner runner;
    StudyRunOptions options;
    options.rps_executable = RPS_EXECUTABLE;
    options.store_path = dir.file("taken.h5");
    QEventLoop loop;
    QString failure;
    QObject::connect(&runner, &StudyRunner::failed, &loop, [&](const QString& error) {
        failure = error;
        loop.quit();
    });
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    runner.start(load_study(study_file.string()), options);
    loop.exec();
    runner.wait();
    EXPECT_NE(failure.toStdString().find("file exists"), std::string::npos)
        << failure.toStdString();
}

}  // namespace
}  // namespace rps
