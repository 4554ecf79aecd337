// `kill -9` of the coordinator (`rps run` as a process) loses no finished task, and
// `rps run --resume FILE.h5` finishes the study with the same result as an uninterrupted run,
// re-running only the tasks that were not stored.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QEventLoop>
#include <QTimer>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <thread>

#include "core/store/study_store.hpp"
#include "study_test_support.hpp"
#include "support/sanitizer_slowdown.hpp"

namespace rps {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

pid_t spawn_rps(const std::vector<std::string>& args, const std::filesystem::path& log) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::FILE* out = std::freopen(log.c_str(), "w", stdout);
        if (out) ::dup2(::fileno(stdout), 2);
        std::vector<char*> argv{const_cast<char*>(RPS_EXECUTABLE)};
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(RPS_EXECUTABLE, argv.data());
        ::_exit(127);
    }
    return pid;
}

size_t stored_tasks(const std::filesystem::path& store) {
    try {
        return StudyStore::read(store).tasks.size();
    } catch (const std::exception&) {
        return 0;  // not created yet
    }
}

// Enough small tasks (one GD start each) that the run lasts a few seconds.
json study_doc() {
    return test::l_hall_study("1ap",
                              {{{"type", "grid"}, {"resolution_m", 2.0}, {"chunk", 2}},
                               {{"type", "gd"}, {"starts", 40}, {"iterations", 60}},
                               {{"type", "ga"}, {"population", 16}, {"generations", 6},
                                {"chunk", 2}}},
                              false, 1.0);
}

// A resume in this process, as `rps run --resume` does it, with 2 workers.
json resume_with_two_workers(const std::filesystem::path& store) {
    test::qt_app();
    StudyRunner runner;
    StudyRunOptions options;
    options.rps_executable = RPS_EXECUTABLE;
    options.workers = 2;
    return runner.resume(store, options);
}

TEST(StudyResume, CoordinatorKilledThenResumedGivesTheUninterruptedResult) {
    test::TempDir dir;
    const json doc = study_doc();
    const json reference = test::run_study(doc, dir.path(), 2, "reference.h5");
    const size_t total = StudyStore::read(dir.file("reference.h5")).tasks.size();

    const auto study_file = test::write_json(dir.file("study.json"), doc);
    const auto store = dir.file("killed.h5");
    const pid_t pid = spawn_rps({"run", study_file.string(), "--out", store.string(),
                                 "--workers", "2"},
                                dir.file("run.log"));
    ASSERT_GT(pid, 0);
    // Kill once a good part, but not all, of the tasks is stored.
    const size_t target = total / 3;
    // Under ThreadSanitizer the run stored 31 of 33 tasks in 40 s: the wait scales as the
    // test's time limit does.
    const auto deadline = Clock::now() + std::chrono::seconds(40 * test::kSanitizerSlowdown);
    size_t seen = 0;
    while (Clock::now() < deadline && (seen = stored_tasks(store)) < target)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_GE(seen, target) << "the run did not store enough tasks in time";

    const StoredStudy killed = StudyStore::read(store);
    ASSERT_FALSE(killed.finished) << "the run ended before it could be killed";
    const size_t kept = killed.tasks.size();
    EXPECT_GE(kept, target);
    EXPECT_LT(kept, total);

    const json resumed = resume_with_two_workers(store);
    EXPECT_TRUE(resumed["resumed"].get<bool>());
    EXPECT_EQ(resumed["best_x"], reference["best_x"]);
    EXPECT_EQ(resumed["best_objective"], reference["best_objective"]);
    EXPECT_EQ(resumed["best_task_id"], reference["best_task_id"]);
    EXPECT_EQ(resumed["task_objectives"], reference["task_objectives"]);
    EXPECT_EQ(resumed["best_metrics"], reference["best_metrics"]);
    EXPECT_EQ(resumed["tasks"]["total"], reference["tasks"]["total"]);
    // Every stored task was replayed, not re-run (the kill may tear at most the row in flight).
    EXPECT_GE(resumed["tasks"]["replayed"].get<size_t>(), kept);
    const StoredStudy done = StudyStore::read(store);
    EXPECT_TRUE(done.finished);
    EXPECT_EQ(done.tasks.size(), total);
}

// A finished study is not reopened (it used to be replayed and its summary re-timed over the
// replay): nothing is appended and it stays finished.
TEST(StudyResume, CommandLineResumeOfAFinishedStudyAppendsNothing) {
    test::TempDir dir;
    const json doc = test::l_hall_study("1ap", {{{"type", "grid"}, {"resolution_m", 4.0}}});
    const auto study_file = test::write_json(dir.file("study.json"), doc);
    const auto store = dir.file("s.h5");
    auto run_cli = [&](const std::vector<std::string>& args) {
        const pid_t pid = spawn_rps(args, dir.file("cli.log"));
        int status = 0;
        ::waitpid(pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    };
    ASSERT_EQ(run_cli({"run", study_file.string(), "--out", store.string(), "--json"}), 0);
    const size_t rows = StudyStore::read(store).tasks.size();
    ASSERT_EQ(run_cli({"run", "--resume", store.string(), "--json"}), 0);
    const StoredStudy after = StudyStore::read(store);
    EXPECT_EQ(after.tasks.size(), rows) << "a resume of a finished study must append no task";
    EXPECT_TRUE(after.finished);
    // A study file is never silently replaced.
    EXPECT_EQ(run_cli({"run", study_file.string(), "--out", store.string()}), 2);
}

// A coordinator killed after it stored its last task (the final map included) but before it
// marked the study finished: the resume replays every task, starts no worker at all, and
// finishes the file with the uninterrupted run's result. Its summary says that no worker ran
// instead of a pool efficiency of 0 (which reads as "the workers idled").
TEST(StudyResume, EveryTaskStoredButNotFinishedFinishesWithoutAWorker) {
    test::TempDir dir;
    const json doc =
        test::l_hall_study("1ap", {{{"type", "grid"}, {"resolution_m", 4.0}},
                                   {{"type", "ga"}, {"population", 8}, {"generations", 2}}});
    const json reference = test::run_study(doc, dir.path(), 2, "reference.h5");
    const StoredStudy full = StudyStore::read(dir.file("reference.h5"));
    ASSERT_TRUE(full.finished);
    ASSERT_FALSE(full.markers.empty());
    const auto store = dir.file("cut.h5");
    {
        StudyStore cut = StudyStore::create(store, full.spec, false, full.markers.front().info);
        for (size_t i = 0; i < full.tasks.size(); ++i)
            cut.append_task(full.tasks[i], full.results[i]);
        for (const StoredMap& map : full.maps)
            cut.append_map(map.task_id, map.cells_x, map.cells_y, map.power_w);
    }
    ASSERT_FALSE(StudyStore::read(store).finished);

    const json resumed = resume_with_two_workers(store);
    EXPECT_EQ(resumed["best_x"], reference["best_x"]);
    EXPECT_EQ(resumed["best_objective"], reference["best_objective"]);
    EXPECT_EQ(resumed["best_metrics"], reference["best_metrics"]);
    EXPECT_EQ(resumed["task_objectives"], reference["task_objectives"]);
    EXPECT_EQ(resumed["tasks"]["total"], reference["tasks"]["total"]);
    EXPECT_EQ(resumed["tasks"]["replayed"], reference["tasks"]["total"]);
    EXPECT_EQ(resumed["tasks"]["dispatched"].get<int>(), 0);
    EXPECT_TRUE(resumed["pool"]["efficiency"].is_null()) << resumed["pool"].dump();
    EXPECT_EQ(resumed["pool"]["note"], "every task was replayed from the store; no worker ran");
    EXPECT_EQ(resumed["gpu"], "no worker ran");
    const StoredStudy done = StudyStore::read(store);
    EXPECT_TRUE(done.finished);
    EXPECT_EQ(done.tasks.size(), full.tasks.size());  // nothing re-run
}

// A resume runs on the scene the study started with: a scene edited in between is refused
// (finished and new results would come from two buildings), naming the store and the scene; the
// same scene, touched but unchanged, resumes. (The study is stopped after its first task: a
// finished one is not reopened at all.)
TEST(StudyResume, ResumeRefusesAChangedScene) {
    test::TempDir dir;
    const auto read_text = [](const std::filesystem::path& path) {
        std::ifstream in(path);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const auto scene = dir.file("hall.xml");
    std::filesystem::copy_file(test::l_hall_scene(), scene);
    json doc = test::l_hall_study("1ap", {{{"type", "grid"}, {"resolution_m", 4.0}}});
    doc["scene"] = scene.string();
    const json first = test::run_study(doc, dir.path(), 2, "reference.h5");
    const auto store = dir.file("s.h5");
    StudyRunner runner;
    StudyRunOptions options = test::run_options(store);
    {
        const auto study_file = test::write_json(dir.file("study.json"), doc);
        const QMetaObject::Connection stop =
            QObject::connect(&runner, &StudyRunner::taskFinished,
                             [&runner](const StudyTaskEvent&) { runner.cancel(); });
        EXPECT_THROW(runner.run(load_study(study_file.string()), options), StudyError);
        QObject::disconnect(stop);
        ASSERT_FALSE(StudyStore::read(store).finished);
    }
    const std::string original = read_text(scene);
    {  // a thicker wall
        std::string text = original;
        const size_t at = text.find("name=\"thickness\" value=\"");
        ASSERT_NE(at, std::string::npos);
        text.insert(at + std::string("name=\"thickness\" value=\"").size(), "1");
        std::ofstream(scene) << text;
    }
    try {
        runner.resume(store, options);
        FAIL() << "a changed scene must be refused";
    } catch (const std::exception& error) {
        const std::string message = error.what();
        EXPECT_NE(message.find("is not the one the study ran on"), std::string::npos) << message;
        EXPECT_NE(message.find("hall.xml"), std::string::npos) << message;
        EXPECT_NE(message.find("s.h5"), std::string::npos) << message;
    }
    std::ofstream(scene) << original;  // the same content written again: not a change
    EXPECT_EQ(runner.resume(store, options)["best_objective"], first["best_objective"]);
}

// The GUI's path: start() runs the study in a thread of its own; cancel() stops it, leaving the
// store unfinished; a resume then gives the uninterrupted result.
TEST(StudyResume, AsynchronousRunCancelledThenResumed) {
    test::TempDir dir;
    const json doc = study_doc();
    const json reference = test::run_study(doc, dir.path(), 2, "reference.h5");

    const auto study_file = test::write_json(dir.file("study.json"), doc);
    StudyRunner runner;
    StudyRunOptions options = test::run_options(dir.file("cancelled.h5"));
    QEventLoop loop;
    QString failure;
    int finished_tasks = 0;
    QObject::connect(&runner, &StudyRunner::taskFinished, &loop,
                     [&](const StudyTaskEvent& event) {
                         EXPECT_TRUE(event.ok);
                         if (++finished_tasks == 20) runner.cancel();
                     });
    QObject::connect(&runner, &StudyRunner::failed, &loop, [&](const QString& error) {
        failure = error;
        loop.quit();
    });
    QObject::connect(&runner, &StudyRunner::finished, &loop, [&] { loop.quit(); });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    runner.start(load_study(study_file.string()), options);
    loop.exec();
    runner.wait();
    EXPECT_NE(failure.toStdString().find("cancelled"), std::string::npos) << failure.toStdString();
    const StoredStudy cancelled = StudyStore::read(options.store_path);
    EXPECT_FALSE(cancelled.finished);
    EXPECT_GE(cancelled.tasks.size(), 20u);

    const json resumed = runner.resume(options.store_path, options);
    EXPECT_EQ(resumed["best_x"], reference["best_x"]);
    EXPECT_EQ(resumed["best_objective"], reference["best_objective"]);
    EXPECT_EQ(resumed["task_objectives"], reference["task_objectives"]);
}

}  // namespace
}  // namespace rps
