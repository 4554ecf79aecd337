#include <gtest/gtest.h>
#include <signal.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <algorithm>
#include <functional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "event_loop_support.hpp"
#include "runtime/process_worker_channel.hpp"
#include "runtime/worker_pool.hpp"

using nlohmann::json;
using rps::PoolOutcome;
using rps::PoolTask;
using rps::WorkerPool;
using rps::WorkerPoolConfig;

using rps::test::app;
using rps::test::spin_until;

namespace {

WorkerPoolConfig config(int workers, std::vector<std::string> extra_args = {}) {
    app();
    WorkerPoolConfig c;
    c.program = RPS_FAKE_WORKER;
    c.arguments = std::move(extra_args);
    c.worker_count = workers;
    c.task_timeout_s = 5.0;
    c.heartbeat_timeout_s = 1.0;
    c.ready_timeout_s = 5.0;
    c.max_attempts = 3;
    return c;
}

json values_for(uint64_t i) {
    json v = json::array();
    for (uint64_t k = 0; k <= i % 7; ++k) v.push_back(0.5 * static_cast<double>(i) + k);
    return v;
}

double expected_sum(uint64_t i) {
    double s = 0;
    for (const auto& v : values_for(i)) s += v.get<double>();
    return s;
}

PoolTask task(uint64_t id, json extra = json::object()) {
    json payload = {{"values", values_for(id)}};
    for (auto it = extra.begin(); it != extra.end(); ++it) payload[it.key()] = it.value();
    return {id, payload};
}

std::vector<PoolOutcome> submit_and_collect(WorkerPool& pool, std::vector<PoolTask> tasks) {
    std::vector<PoolOutcome> outcomes;
    const std::size_t n = tasks.size();
    auto connection = QObject::connect(&pool, &WorkerPool::taskFinished,
                                       [&](const PoolOutcome& o) { outcomes.push_back(o); });
    pool.submit(std::move(tasks));
    EXPECT_TRUE(spin_until([&] { return outcomes.size() == n; }));
    QObject::disconnect(connection);
    return outcomes;
}

}  // namespace

TEST(WorkerPool, TwoWorkersFiftyTasksUnordered) {
    WorkerPool pool(config(2));
    bool all_idle = false;
    QObject::connect(&pool, &WorkerPool::allIdle, [&] { all_idle = true; });
    pool.start();
    std::vector<PoolTask> tasks;
    for (uint64_t i = 0; i < 50; ++i) tasks.push_back(task(i, {{"sleep_ms", (i * 7) % 5}}));
    auto outcomes = submit_and_collect(pool, std::move(tasks));
    ASSERT_EQ(outcomes.size(), 50u);
    std::set<uint64_t> ids;
    std::set<int> workers;
    for (const auto& o : outcomes) {
        EXPECT_TRUE(o.ok) << o.error;
        EXPECT_DOUBLE_EQ(o.result["sum"].get<double>(), expected_sum(o.id));
        EXPECT_EQ(o.attempts, 1);
        EXPECT_GE(o.end_s, o.start_s);
        ids.insert(o.id);
        workers.insert(o.worker_id);
    }
    EXPECT_EQ(ids.size(), 50u);
    EXPECT_EQ(workers, (std::set<int>{0, 1}));
    EXPECT_TRUE(spin_until([&] { return all_idle; }, 1000));
    const auto stats = pool.stats();
    EXPECT_EQ(stats.tasks_submitted, 50u);
    EXPECT_EQ(stats.tasks_ok, 50u);
    EXPECT_EQ(stats.restarts, 0u);
    EXPECT_EQ(stats.retries, 0u);
    ASSERT_EQ(stats.workers.size(), 2u);
    EXPECT_EQ(stats.workers[0].tasks_ok + stats.workers[1].tasks_ok, 50u);
    EXPECT_GT(stats.busy_s, 0.0);
    EXPECT_GT(stats.efficiency(), 0.0);
    EXPECT_LE(stats.efficiency(), 1.0);
    EXPECT_GT(stats.workers[0].pid, 0);
    EXPECT_EQ(pool.worker_info(0)["scene"], "fake-scene");
}

TEST(WorkerPool, RunOrderedReturnsInputOrder) {
    WorkerPool pool(config(3));
    std::vector<PoolTask> tasks;
    // Early tasks sleep longest, so completion order differs from input order.
    for (uint64_t i = 0; i < 12; ++i)
        tasks.push_back(task(1000 - i * 3, {{"sleep_ms", static_cast<int>(60 - 5 * i)}}));
    const auto input = tasks;
    std::vector<uint64_t> finish_order;
    QObject::connect(&pool, &WorkerPool::taskFinished,
                     [&](const PoolOutcome& o) { finish_order.push_back(o.id); });
    const auto outcomes = pool.run_ordered(std::move(tasks));
    ASSERT_EQ(outcomes.size(), input.size());
    for (std::size_t i = 0; i < input.size(); ++i) {
        EXPECT_EQ(outcomes[i].id, input[i].id);
        EXPECT_TRUE(outcomes[i].ok) << outcomes[i].error;
        EXPECT_DOUBLE_EQ(outcomes[i].result["sum"].get<double>(), expected_sum(input[i].id));
    }
    std::vector<uint64_t> input_order;
    for (const auto& t : input) input_order.push_back(t.id);
    EXPECT_NE(finish_order, input_order);  // the ordering was really done by run_ordered
}

TEST(WorkerPool, CrashedWorkerIsRestartedAndItsTaskRetried) {
    WorkerPool pool(config(2));
    std::vector<PoolTask> tasks;
    for (uint64_t i = 0; i < 10; ++i)
        tasks.push_back(task(i, i == 7 ? json{{"crash_on", {1}}} : json::object()));
    const auto outcomes = pool.run_ordered(std::move(tasks));
    for (const auto& o : outcomes) {
        EXPECT_TRUE(o.ok) << o.error;
        EXPECT_DOUBLE_EQ(o.result["sum"].get<double>(), expected_sum(o.id));
        EXPECT_EQ(o.attempts, o.id == 7 ? 2 : 1);
    }
    const auto stats = pool.stats();
    EXPECT_EQ(stats.restarts, 1u);
    EXPECT_EQ(stats.retries, 1u);
    EXPECT_EQ(stats.tasks_ok, 10u);
}

TEST(WorkerPool, HangingTaskIsKilledAfterTheTaskTimeoutAndRetried) {
    auto c = config(2);
    c.task_timeout_s = 0.4;
    WorkerPool pool(c);
    QElapsedTimer timer;
    timer.start();
    const auto outcomes =
        pool.run_ordered({task(1, {{"hang_on", {1}}}), task(2), task(3, {{"sleep_ms", 50}})});
    for (const auto& o : outcomes) EXPECT_TRUE(o.ok) << o.error;
    EXPECT_EQ(outcomes[0].attempts, 2);
    EXPECT_LT(timer.elapsed(), 4000);
    EXPECT_GE(pool.stats().restarts, 1u);
}

// A task's own limit replaces the pool's, both ways: a 0.2 s task survives a 0.1 s pool limit
// with a limit of its own of 5 s, and a hanging one is caught at its own 0.3 s under a pool
// limit of 60 s (the study's final map gets at least the default limit this way).
TEST(WorkerPool, ATasksOwnTimeoutReplacesThePools) {
    auto c = config(1);
    c.task_timeout_s = 0.1;
    c.max_attempts = 1;
    WorkerPool pool(c);
    PoolTask slow = task(1, {{"sleep_ms", 200}});
    slow.timeout_s = 5.0;
    const auto outcomes = pool.run_ordered({slow, task(2, {{"sleep_ms", 200}})});
    EXPECT_TRUE(outcomes[0].ok) << outcomes[0].error;
    EXPECT_FALSE(outcomes[1].ok);
    EXPECT_NE(outcomes[1].error.find("timed out after 0.1 s"), std::string::npos)
        << outcomes[1].error;

    c.task_timeout_s = 60.0;
    WorkerPool patient(c);
    PoolTask hanging = task(3, {{"hang_on", {1}}});
    hanging.timeout_s = 0.3;
    QElapsedTimer timer;
    timer.start();
    const auto hung = patient.run_ordered({hanging});
    EXPECT_FALSE(hung[0].ok);
    EXPECT_NE(hung[0].error.find("timed out after 0.3 s"), std::string::npos) << hung[0].error;
    EXPECT_LT(timer.elapsed(), 5000);
}

TEST(WorkerPool, FrozenWorkerIsDetectedByMissingHeartbeats) {
    auto c = config(1);
    c.task_timeout_s = 0.0;  // only the heartbeat can catch it
    c.heartbeat_timeout_s = 0.4;
    WorkerPool pool(c);
    std::vector<QString> log;
    QObject::connect(&pool, &WorkerPool::workerLog,
                     [&](int, const QString& l) { log.push_back(l); });
    const auto outcomes = pool.run_ordered({task(5, {{"freeze_on", {1}}, {"sleep_ms", 10}})});
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_TRUE(outcomes[0].ok) << outcomes[0].error;
    EXPECT_EQ(outcomes[0].attempts, 2);
    EXPECT_TRUE(std::any_of(log.begin(), log.end(),
                            [](const QString& l) { return l.contains("no heartbeat"); }));
}

TEST(WorkerPool, GarbageOutputCostsARestartNotTheStudy) {
    WorkerPool pool(config(2));
    std::vector<PoolTask> tasks;
    for (uint64_t i = 0; i < 6; ++i)
        tasks.push_back(task(i, i == 2 ? json{{"garbage_on", {1}}, {"sleep_ms", 20}} : json{}));
    const auto outcomes = pool.run_ordered(std::move(tasks));
    for (const auto& o : outcomes) {
        EXPECT_TRUE(o.ok) << o.error;
        EXPECT_DOUBLE_EQ(o.result["sum"].get<double>(), expected_sum(o.id));
    }
    EXPECT_EQ(outcomes[2].attempts, 2);
    const auto stats = pool.stats();
    EXPECT_GE(stats.protocol_errors, 1u);
    EXPECT_GE(stats.restarts, 1u);
}

// A result the caller cannot read is refused where it arrives, like a garbage line: the worker
// is restarted and the task retried, and a task that never gets a readable result fails.
TEST(WorkerPool, ResultRefusedByCheckResultIsRetried) {
    auto c = config(2);
    c.check_result = [](const json& payload, const json& result) -> std::string {
        if (payload.contains("throwing_check")) throw std::runtime_error("checker tripped");
        return result.is_object() ? "" : "not an object";
    };
    WorkerPool pool(c);
    const auto outcomes = pool.run_ordered({task(1), task(2, {{"string_result_on", {1}}}),
                                            task(3, {{"string_result_on", {1, 2, 3}}}),
                                            task(4, {{"throwing_check", true}})});
    ASSERT_EQ(outcomes.size(), 4u);
    EXPECT_TRUE(outcomes[0].ok) << outcomes[0].error;
    EXPECT_EQ(outcomes[0].attempts, 1);
    EXPECT_TRUE(outcomes[1].ok) << outcomes[1].error;
    EXPECT_EQ(outcomes[1].attempts, 2);
    EXPECT_DOUBLE_EQ(outcomes[1].result["sum"].get<double>(), expected_sum(2));
    EXPECT_FALSE(outcomes[2].ok);
    EXPECT_EQ(outcomes[2].attempts, 3);
    EXPECT_NE(outcomes[2].error.find("malformed result for task 3: not an object"),
              std::string::npos)
        << outcomes[2].error;
    EXPECT_FALSE(outcomes[3].ok);
    EXPECT_NE(outcomes[3].error.find("checker tripped"), std::string::npos) << outcomes[3].error;
    EXPECT_EQ(pool.stats().protocol_errors, 1u + 3u + 3u);
}

// A slot that throws through run_ordered()'s event loop must not leave the other tasks of the
// batch pointing at the dead batch: they would write into whatever lives there next (here the
// next batch, which then returned early with an empty outcome).
TEST(WorkerPool, RunOrderedDetachesItsBatchWhenASlotThrows) {
    WorkerPool pool(config(2));
    bool armed = true;
    QObject::connect(&pool, &WorkerPool::taskFinished, [&](const PoolOutcome& o) {
        if (armed && o.id == 2) {
            armed = false;
            throw std::runtime_error("slot failed");
        }
    });
    const auto run = [&pool](std::vector<PoolTask> tasks) {
        return pool.run_ordered(std::move(tasks));
    };
    EXPECT_THROW(run({task(1, {{"sleep_ms", 300}}), task(2)}), std::runtime_error);
    const auto outcomes = run({task(3, {{"sleep_ms", 900}})});
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_TRUE(outcomes[0].ok) << outcomes[0].error;
    EXPECT_EQ(outcomes[0].id, 3u);
    pool.cancel();
}

TEST(WorkerPool, AlwaysCrashingTaskFailsAfterMaxAttemptsOthersSucceed) {
    auto c = config(2);
    c.max_attempts = 3;
    WorkerPool pool(c);
    std::vector<PoolTask> tasks;
    for (uint64_t i = 0; i < 10; ++i)
        tasks.push_back(task(i, i == 4 ? json{{"crash_on", {1, 2, 3}}} : json::object()));
    const auto outcomes = pool.run_ordered(std::move(tasks));
    for (const auto& o : outcomes) {
        if (o.id == 4) {
            EXPECT_FALSE(o.ok);
            EXPECT_EQ(o.attempts, 3);
            EXPECT_NE(o.error.find("crashed"), std::string::npos) << o.error;
            EXPECT_NE(o.error.find("attempt 3 of 3"), std::string::npos) << o.error;
        } else {
            EXPECT_TRUE(o.ok) << o.error;
        }
    }
    const auto stats = pool.stats();
    EXPECT_EQ(stats.tasks_ok, 9u);
    EXPECT_EQ(stats.tasks_failed, 1u);
    EXPECT_EQ(stats.restarts, 3u);
    EXPECT_EQ(stats.retries, 2u);
}

TEST(WorkerPool, WorkerExitWithoutResultIsRetried) {
    WorkerPool pool(config(1));
    const auto outcomes = pool.run_ordered({task(3, {{"exit_on", {1}}})});
    EXPECT_TRUE(outcomes[0].ok) << outcomes[0].error;
    EXPECT_EQ(outcomes[0].attempts, 2);
}

TEST(WorkerPool, HandlerErrorIsReportedNotRetried) {
    WorkerPool pool(config(1));
    const auto outcomes =
        pool.run_ordered({task(1, {{"fail", "reflector behind its wall"}}), task(2)});
    EXPECT_FALSE(outcomes[0].ok);
    EXPECT_EQ(outcomes[0].error, "reflector behind its wall");
    EXPECT_EQ(outcomes[0].attempts, 1);
    EXPECT_TRUE(outcomes[1].ok);
    EXPECT_EQ(pool.stats().restarts, 0u);
}

TEST(WorkerPool, ResultsIdenticalForOneTwoAndFourWorkers) {
    std::vector<PoolTask> tasks;
    for (uint64_t i = 0; i < 40; ++i) tasks.push_back(task(i, {{"sleep_ms", (i * 13) % 4}}));
    std::vector<std::vector<json>> results;
    for (int n : {1, 2, 4}) {
        WorkerPool pool(config(n));
        const auto outcomes = pool.run_ordered(tasks);
        std::vector<json> r;
        for (const auto& o : outcomes) {
            EXPECT_TRUE(o.ok) << o.error;
            r.push_back(o.result);
        }
        results.push_back(r);
    }
    EXPECT_EQ(results[0], results[1]);
    EXPECT_EQ(results[0], results[2]);
}

TEST(WorkerPool, ProgressSignalsAndGpuEnvironment) {
    auto c = config(2);
    c.gpu_slots = {0, 1};
    c.gpu_fraction = 0.5;
    c.environment["RPS_FAKE_EXTRA"] = "hello";
    WorkerPool pool(c);
    int progress = 0;
    QObject::connect(&pool, &WorkerPool::taskProgress,
                     [&](quint64 id, int, const QByteArray& data) {
                         EXPECT_EQ(id, 9u);
                         EXPECT_TRUE(json::parse(data.toStdString()).contains("step"));
                         ++progress;
                     });
    int started = 0;
    QObject::connect(&pool, &WorkerPool::taskStarted, [&](quint64, int) { ++started; });
    const auto outcomes = pool.run_ordered({task(9, {{"progress", 3}}), task(10)});
    EXPECT_EQ(progress, 3);
    EXPECT_EQ(started, 2);
    // Both tasks may have run on one worker before the other said ready.
    ASSERT_TRUE(spin_until(
        [&] { return !pool.worker_info(0).is_null() && !pool.worker_info(1).is_null(); }, 5000));
    for (int w = 0; w < 2; ++w) {
        const json info = pool.worker_info(w);
        EXPECT_EQ(info["capabilities"]["gpu_slot"], std::to_string(w));
        EXPECT_EQ(info["capabilities"]["gpu_fraction"], "0.5");
        EXPECT_EQ(info["capabilities"]["extra"], "hello");
        EXPECT_EQ(info["capabilities"]["heartbeat_ms"], "250");
        EXPECT_EQ(info["worker_id"], w);
    }
    const auto stats = pool.stats();
    EXPECT_EQ(stats.workers[1].gpu_slot, 1);
    EXPECT_DOUBLE_EQ(stats.workers[1].gpu_fraction, 0.5);
    EXPECT_TRUE(pool.gpu_status().contains("no GPU backend")) << pool.gpu_status().toStdString();
    EXPECT_FALSE(WorkerPool::gpu_backend_available());
}

TEST(WorkerPool, WorkerStatesAreReported) {
    WorkerPool pool(config(1));
    std::vector<rps::WorkerState> states;
    QObject::connect(&pool, &WorkerPool::workerStateChanged,
                     [&](int, rps::WorkerState s) { states.push_back(s); });
    pool.run_ordered({task(1)});
    pool.shutdown();
    using S = rps::WorkerState;
    EXPECT_EQ(states, (std::vector<S>{S::starting, S::idle, S::busy, S::idle, S::stopped}));
}

TEST(WorkerPool, UnstartableWorkerFailsTasksInsteadOfLooping) {
    for (const bool missing_program : {true, false}) {
        auto c = config(2, missing_program ? std::vector<std::string>{}
                                           : std::vector<std::string>{"--fail-start"});
        if (missing_program) c.program = "/nonexistent/rps-worker";
        WorkerPool pool(c);
        QElapsedTimer timer;
        timer.start();
        const auto outcomes = pool.run_ordered({task(1), task(2)});
        ASSERT_EQ(outcomes.size(), 2u);
        for (const auto& o : outcomes) {
            EXPECT_FALSE(o.ok);
            EXPECT_NE(o.error.find("no worker could be started"), std::string::npos) << o.error;
            if (!missing_program) {
                EXPECT_NE(o.error.find("missing.xml"), std::string::npos) << o.error;
            }
        }
        EXPECT_LT(timer.elapsed(), 5000);
        for (const auto& w : pool.stats().workers) EXPECT_EQ(w.state, rps::WorkerState::stopped);
    }
}

TEST(WorkerPool, WrongProtocolVersionIsRefused) {
    WorkerPool pool(config(1, {"--bad-version"}));
    const auto outcomes = pool.run_ordered({task(1)});
    EXPECT_FALSE(outcomes[0].ok);
    EXPECT_NE(outcomes[0].error.find("protocol 99"), std::string::npos) << outcomes[0].error;
}

TEST(WorkerPool, CancelFinishesQueuedAndRunningTasks) {
    WorkerPool pool(config(2));
    pool.start();
    std::vector<PoolOutcome> outcomes;
    QObject::connect(&pool, &WorkerPool::taskFinished,
                     [&](const PoolOutcome& o) { outcomes.push_back(o); });
    int started = 0;
    QObject::connect(&pool, &WorkerPool::taskStarted, [&](quint64, int) { ++started; });
    std::vector<PoolTask> tasks;
    for (uint64_t i = 0; i < 20; ++i) tasks.push_back(task(i, {{"sleep_ms", 300}}));
    pool.submit(std::move(tasks));
    ASSERT_TRUE(spin_until([&] { return started >= 2; }));
    pool.cancel();
    EXPECT_EQ(outcomes.size(), 20u);
    for (const auto& o : outcomes) {
        EXPECT_FALSE(o.ok);
        EXPECT_EQ(o.error, "cancelled");
    }
    EXPECT_EQ(pool.stats().tasks_cancelled, 20u);
    EXPECT_TRUE(pool.idle());
    // The pool stays usable: the killed workers come back.
    const auto after = pool.run_ordered({task(100), task(101)});
    for (const auto& o : after) EXPECT_TRUE(o.ok) << o.error;
}

TEST(WorkerPool, ShutdownFromATaskFinishedSlotIsSafe) {
    WorkerPool pool(config(2));
    std::vector<PoolOutcome> outcomes;
    QObject::connect(&pool, &WorkerPool::taskFinished, [&](const PoolOutcome& o) {
        outcomes.push_back(o);
        pool.shutdown();  // re-entrant: called again for every cancelled task
    });
    std::vector<PoolTask> tasks;
    for (uint64_t i = 0; i < 8; ++i) tasks.push_back(task(i, {{"sleep_ms", i == 0 ? 0 : 200}}));
    const auto ordered = pool.run_ordered(std::move(tasks));
    ASSERT_EQ(outcomes.size(), 8u);
    EXPECT_TRUE(ordered[0].ok) << ordered[0].error;
    const auto stats = pool.stats();
    EXPECT_EQ(stats.tasks_ok + stats.tasks_failed, 8u);
    EXPECT_EQ(stats.tasks_cancelled, stats.tasks_failed);
    for (const auto& w : stats.workers) EXPECT_EQ(w.state, rps::WorkerState::stopped);
}

TEST(WorkerPool, DestroyingABusyPoolCleansUp) {
    std::vector<int64_t> pids;
    {
        WorkerPool pool(config(2));
        pool.start();
        int started = 0;
        QObject::connect(&pool, &WorkerPool::taskStarted, [&](quint64, int) { ++started; });
        pool.submit({task(1, {{"hang_on", {1}}}), task(2, {{"hang_on", {1}}})});
        ASSERT_TRUE(spin_until([&] { return started == 2; }));
        for (const auto& w : pool.stats().workers) pids.push_back(w.pid);
    }
    for (int64_t pid : pids) {
        ASSERT_GT(pid, 0);
        EXPECT_NE(::kill(static_cast<pid_t>(pid), 0), 0) << "worker " << pid << " survived";
    }
}

TEST(WorkerPool, PauseStopsDispatchingResumeContinues) {
    WorkerPool pool(config(2));
    pool.start();
    pool.pause();
    int started = 0;
    QObject::connect(&pool, &WorkerPool::taskStarted, [&](quint64, int) { ++started; });
    std::vector<PoolOutcome> outcomes;
    QObject::connect(&pool, &WorkerPool::taskFinished,
                     [&](const PoolOutcome& o) { outcomes.push_back(o); });
    pool.submit({task(1), task(2), task(3)});
    spin_until([] { return false; }, 300);
    EXPECT_EQ(started, 0);
    EXPECT_EQ(pool.stats().queued, 3u);
    pool.resume();
    ASSERT_TRUE(spin_until([&] { return outcomes.size() == 3; }));
    for (const auto& o : outcomes) EXPECT_TRUE(o.ok) << o.error;
}

TEST(WorkerPool, StdioWorkerKeepsStrayPrintsOffTheProtocol) {
    WorkerPool pool(config(1, {"--stdio"}));
    std::vector<QString> log;
    QObject::connect(&pool, &WorkerPool::workerLog,
                     [&](int, const QString& l) { log.push_back(l); });
    const auto outcomes = pool.run_ordered({task(1, {{"print_stdout", "embree: warning"}})});
    EXPECT_TRUE(outcomes[0].ok) << outcomes[0].error;
    EXPECT_EQ(pool.stats().protocol_errors, 0u);
    EXPECT_TRUE(spin_until(
        [&] {
            return std::any_of(log.begin(), log.end(),
                               [](const QString& l) { return l.contains("embree: warning"); });
        },
        2000));
}

namespace {

// A local channel that records what the pool asks it to start, as the MPI channel would ship it.
class RecordingChannel : public rps::ProcessWorkerChannel {
public:
    RecordingChannel(int worker, std::vector<std::pair<int, rps::WorkerLaunch>>& launches,
                     QObject* parent)
        : rps::ProcessWorkerChannel(parent), worker_(worker), launches_(launches) {}
    void start(const rps::WorkerLaunch& launch) override {
        launches_.emplace_back(worker_, launch);
        rps::ProcessWorkerChannel::start(launch);
    }

private:
    int worker_;
    std::vector<std::pair<int, rps::WorkerLaunch>>& launches_;
};

}  // namespace

// The pool runs every process, restarts included, through the channel factory when one is given
// (how workers run on MPI ranks), with the worker's variables and the files the workers read.
TEST(WorkerPool, ChannelFactoryRunsEveryProcessRestartsIncluded) {
    std::vector<std::pair<int, rps::WorkerLaunch>> launches;
    WorkerPoolConfig c = config(2, {"--marker", "study.json"});
    c.argument_files = {"study.json"};
    c.environment["RPS_FAKE_EXTRA"] = "hello";
    c.channel_factory = [&launches](int worker, QObject* parent) -> rps::WorkerChannel* {
        return new RecordingChannel(worker, launches, parent);
    };
    WorkerPool pool(c);
    std::vector<PoolTask> tasks;
    for (uint64_t i = 0; i < 6; ++i)
        tasks.push_back(task(i, i == 3 ? json{{"crash_on", {1}}} : json::object()));
    for (const auto& o : pool.run_ordered(std::move(tasks))) {
        EXPECT_TRUE(o.ok) << o.error;
        EXPECT_DOUBLE_EQ(o.result["sum"].get<double>(), expected_sum(o.id));
    }
    EXPECT_EQ(pool.stats().restarts, 1u);
    // Two starts and the restart of the crashed one, each with its worker's id.
    ASSERT_EQ(launches.size(), 3u);
    std::vector<int> started;
    for (const auto& [worker, launch] : launches) {
        started.push_back(worker);
        EXPECT_EQ(launch.program, QString(RPS_FAKE_WORKER));
        EXPECT_EQ(launch.arguments, QStringList({"--marker", "study.json"}));
        EXPECT_EQ(launch.argument_files, QStringList({"study.json"}));
        EXPECT_EQ(launch.environment.at("RPS_WORKER_ID"), QString::number(worker));
        EXPECT_EQ(launch.environment.at("RPS_FAKE_EXTRA"), "hello");
        EXPECT_EQ(launch.environment.count("RPS_HEARTBEAT_MS"), 1u);
    }
    std::sort(started.begin(), started.end());
    EXPECT_EQ(started[0], 0);
    EXPECT_EQ(started[2], 1);
}

namespace {

// A local worker whose output reaches the pool as the MPI channel's does: picked up by a 1 ms
// polling timer, then handed over through the event loop (queued), never by the pipe's own
// notification.
class PolledChannel : public rps::WorkerChannel {
public:
    explicit PolledChannel(QObject* parent) : rps::WorkerChannel(parent), inner_(this) {
        poll_.setInterval(1);
        connect(&poll_, &QTimer::timeout, this, [this] {
            const QByteArray out = inner_.read_output(), err = inner_.read_errors();
            if (!out.isEmpty())
                QMetaObject::invokeMethod(
                    this, [this, out] { output_ += out, Q_EMIT outputReady(); },
                    Qt::QueuedConnection);
            if (!err.isEmpty())
                QMetaObject::invokeMethod(
                    this, [this, err] { errors_ += err, Q_EMIT errorsReady(); },
                    Qt::QueuedConnection);
        });
        connect(&inner_, &rps::WorkerChannel::gone, this, [this](const QString& why) {
            QMetaObject::invokeMethod(
                this, [this, why] { Q_EMIT gone(why); }, Qt::QueuedConnection);
        });
        poll_.start();
    }
    void start(const rps::WorkerLaunch& launch) override { inner_.start(launch); }
    void write(const QByteArray& bytes) override { inner_.write(bytes); }
    void close_input() override { inner_.close_input(); }
    QByteArray read_output() override { return std::exchange(output_, {}); }
    QByteArray read_errors() override { return std::exchange(errors_, {}); }
    void kill() override { inner_.kill(); }
    bool running() const override { return inner_.running(); }
    bool wait_for_finished(int timeout_ms) override { return inner_.wait_for_finished(timeout_ms); }
    int64_t pid() const override { return inner_.pid(); }

private:
    rps::ProcessWorkerChannel inner_;
    QTimer poll_;
    QByteArray output_, errors_;
};

}  // namespace

// A slot that blocks the coordinator longer than the heartbeat timeout leaves the busy workers'
// heartbeats unread: the watchdog round that comes that late judges nobody. With output that
// arrives by polling (MPI ranks) it used to kill a worker that had beaten all along, as hung:
// the overdue watchdog ran before the overdue poll and its queued lines.
TEST(WorkerPool, ABlockedCoordinatorDoesNotMakeBusyWorkersLookHung) {
    WorkerPoolConfig c = config(2);
    c.heartbeat_timeout_s = 0.4;  // beats every 100 ms
    c.channel_factory = [](int, QObject* parent) -> rps::WorkerChannel* {
        return new PolledChannel(parent);
    };
    WorkerPool pool(c);
    bool blocked = false;
    QObject::connect(&pool, &WorkerPool::taskFinished, [&](const PoolOutcome& o) {
        if (o.id != 0 || blocked) return;
        blocked = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(1200));  // 3 heartbeat timeouts
    });
    std::vector<PoolTask> tasks{task(0), task(1, {{"sleep_ms", 2500}})};
    for (const auto& o : pool.run_ordered(std::move(tasks))) {
        EXPECT_TRUE(o.ok) << o.error;
        EXPECT_EQ(o.attempts, 1) << o.id;
    }
    EXPECT_TRUE(blocked);
    EXPECT_EQ(pool.stats().restarts, 0u);
}
