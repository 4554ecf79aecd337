// The study events (runtime/study_events.hpp) and the run that follows them
// (runtime/external_study_run.hpp): a task event and the pool's statistics come back from their
// JSON field for field and bit for bit, non-finite numbers included; a process that writes events
// drives the same signals as a local run, its stray lines and its standard error become log
// lines, commands reach its standard input, and a process that ends without saying how, or
// cannot start, fails with what it said.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>

#include "event_loop_support.hpp"
#include "runtime/external_study_run.hpp"
#include "runtime/study_events.hpp"

using nlohmann::json;
using namespace rps;

using rps::test::app;
using rps::test::spin_until;

namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

StudyTaskEvent sample_event() {
    StudyTaskEvent e;
    e.task_id = (quint64{3} << 40) | 17;
    e.method_index = 3;
    e.method = QStringLiteral("halving");
    e.kind = QStringLiteral("evaluate");
    e.ok = false;
    e.replayed = true;
    e.full_fidelity = false;
    e.objective = -74.76212345678901;
    e.has_objective = true;
    e.x = {0.1, 1.0 / 3.0, -std::numeric_limits<double>::infinity(), 1e-310};
    e.evaluations = 12;
    e.worker_id = 1;
    e.attempts = 2;
    e.start_s = 0.30000000000000004;
    e.end_s = 1.25;
    e.elapsed_s = std::numeric_limits<double>::quiet_NaN();
    e.error = QStringLiteral("worker 1: ä timeout");
    return e;
}

// A shell script as the study process.
struct Script {
    ExternalStudyRun run;
    QStringList logs;
    std::vector<StudyTaskEvent> tasks;
    std::vector<std::pair<QVector<double>, double>> bests;
    std::optional<QByteArray> summary;
    std::optional<QString> failure;

    explicit Script(const QString& body) {
        app();
        QObject::connect(&run, &StudyRun::log, [this](const QString& l) { logs << l; });
        QObject::connect(&run, &StudyRun::taskFinished,
                         [this](const StudyTaskEvent& e) { tasks.push_back(e); });
        QObject::connect(&run, &StudyRun::bestChanged,
                         [this](const QVector<double>& x, double f) { bests.emplace_back(x, f); });
        QObject::connect(&run, &StudyRun::finished, [this](const QByteArray& s) { summary = s; });
        QObject::connect(&run, &StudyRun::failed, [this](const QString& e) { failure = e; });
        run.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), body});
    }
    bool ended() {
        return spin_until([this] { return !run.running(); });
    }
};

}  // namespace

TEST(StudyEvents, TaskEventRoundTripsBitForBit) {
    const StudyTaskEvent e = sample_event();
    // Through text, as the events travel.
    const StudyTaskEvent back =
        study_task_event_from_json(json::parse(study_task_event_json(e).dump()));
    EXPECT_EQ(back.task_id, e.task_id);
    EXPECT_EQ(back.method_index, e.method_index);
    EXPECT_EQ(back.method, e.method);
    EXPECT_EQ(back.kind, e.kind);
    EXPECT_EQ(back.ok, e.ok);
    EXPECT_EQ(back.replayed, e.replayed);
    EXPECT_EQ(back.full_fidelity, e.full_fidelity);
    EXPECT_TRUE(same_bits(back.objective, e.objective));
    EXPECT_EQ(back.has_objective, e.has_objective);
    ASSERT_EQ(back.x.size(), e.x.size());
    for (int i = 0; i < e.x.size(); ++i) EXPECT_TRUE(same_bits(back.x[i], e.x[i])) << i;
    EXPECT_EQ(back.evaluations, e.evaluations);
    EXPECT_EQ(back.worker_id, e.worker_id);
    EXPECT_EQ(back.attempts, e.attempts);
    EXPECT_TRUE(same_bits(back.start_s, e.start_s));
    EXPECT_TRUE(same_bits(back.end_s, e.end_s));
    EXPECT_TRUE(std::isnan(back.elapsed_s));
    EXPECT_EQ(back.error, e.error);
    // A field missing or of another type is an error, not a default.
    json broken = study_task_event_json(e);
    broken.erase("worker");
    EXPECT_THROW(study_task_event_from_json(broken), json::exception);
    broken = study_task_event_json(e);
    broken["objective"] = "minus a lot";
    EXPECT_THROW(study_task_event_from_json(broken), std::exception);
}

TEST(StudyEvents, PoolStatsRoundTrip) {
    PoolStats s;
    s.tasks_submitted = 40;
    s.tasks_ok = 37;
    s.tasks_failed = 2;
    s.tasks_cancelled = 1;
    s.retries = 3;
    s.restarts = 2;
    s.protocol_errors = 1;
    s.queued = 4;
    s.running = 2;
    s.wall_s = 12.5;
    s.busy_s = 20.125;
    for (int i = 0; i < 3; ++i) {
        WorkerStats w;
        w.id = i;
        w.state = i == 0 ? WorkerState::busy : i == 1 ? WorkerState::restarting : WorkerState::idle;
        w.pid = 4000 + i;
        w.gpu_slot = i - 1;
        w.gpu_fraction = 0.25 * i;
        w.tasks_ok = 10u + i;
        w.tasks_failed = i;
        w.restarts = 2u * i;
        w.busy_s = 6.5 + i;
        s.workers.push_back(w);
    }
    const PoolStats back = pool_stats_from_json(json::parse(pool_stats_json(s).dump()));
    EXPECT_EQ(pool_stats_json(back), pool_stats_json(s));
    ASSERT_EQ(back.workers.size(), 3u);
    EXPECT_EQ(back.workers[1].state, WorkerState::restarting);
    EXPECT_EQ(back.workers[2].pid, 4002);
    EXPECT_DOUBLE_EQ(back.efficiency(), s.efficiency());
}

TEST(ExternalStudyRun, EventsDriveTheSignalsAndTheSummaryComesAtTheEnd) {
    json task = study_task_event_json(sample_event());
    task["event"] = "task_finished";
    const json workers = [] {
        PoolStats s;
        s.tasks_ok = 5;
        s.workers.resize(2);
        json j = pool_stats_json(s);
        j["event"] = "workers";
        return j;
    }();
    const QString body =
        QStringLiteral(
            "echo '{\"event\":\"started\",\"version\":1,\"store\":\"/x.h5\",\"resume\":false}'\n"
            "echo 'a notice from an MPI library'\n"
            "echo '%1'\n"
            "echo '{\"event\":\"best\",\"x\":[1.5,\"-inf\"],\"objective\":-70.25}'\n"
            "echo '%2'\n"
            "echo '{\"event\":\"task_finished\",\"task\":1}'\n"
            "echo 'a warning on stderr' >&2\n"
            "echo '{\"event\":\"finished\",\"summary\":{\"best_objective\":-70.25}}'\n"
            "sleep 0.2\n")
            .arg(QString::fromStdString(task.dump()), QString::fromStdString(workers.dump()));
    Script script(body);
    ASSERT_TRUE(script.ended());
    EXPECT_TRUE(script.run.studyStarted());
    ASSERT_EQ(script.tasks.size(), 1u);
    EXPECT_TRUE(same_bits(script.tasks[0].objective, sample_event().objective));
    EXPECT_EQ(script.tasks[0].error, sample_event().error);
    ASSERT_EQ(script.bests.size(), 1u);
    EXPECT_EQ(script.bests[0].first.size(), 2);
    EXPECT_TRUE(std::isinf(script.bests[0].first[1]) && script.bests[0].first[1] < 0);
    EXPECT_EQ(script.bests[0].second, -70.25);
    EXPECT_EQ(script.run.pool_stats().workers.size(), 2u);
    EXPECT_EQ(script.run.pool_stats().tasks_ok, 5u);
    ASSERT_TRUE(script.summary.has_value());
    EXPECT_EQ(json::parse(script.summary->toStdString())["best_objective"], -70.25);
    EXPECT_FALSE(script.failure.has_value());
    EXPECT_TRUE(script.logs.contains(QStringLiteral("a notice from an MPI library")));
    EXPECT_TRUE(script.logs.contains(QStringLiteral("a warning on stderr")));
    // The malformed task event is reported, not applied and not fatal.
    EXPECT_EQ(script.logs.filter(QStringLiteral("unreadable study event")).size(), 1)
        << script.logs.join(QLatin1Char('\n')).toStdString();
}

TEST(ExternalStudyRun, CommandsReachTheProcessInput) {
    // The process answers the first command it reads with a failure that quotes it.
    Script script(QStringLiteral(
        "read line; echo \"{\\\"event\\\":\\\"failed\\\",\\\"error\\\":\\\"got $line\\\"}\"; "
        "exit 1"));
    ASSERT_TRUE(spin_until([&] { return script.run.running(); }));
    QTimer::singleShot(100, [&] { script.run.cancel(); });
    ASSERT_TRUE(script.ended());
    ASSERT_TRUE(script.failure.has_value());
    EXPECT_EQ(*script.failure, QStringLiteral("got cancel"));
    EXPECT_FALSE(script.summary.has_value());
}

TEST(ExternalStudyRun, AProcessThatEndsWithoutAnEndEventFailsWithWhatItSaid) {
    Script script(QStringLiteral(
        "echo '{\"event\":\"started\",\"version\":1}'; echo 'no such host: node7' >&2; exit 3"));
    ASSERT_TRUE(script.ended());
    ASSERT_TRUE(script.failure.has_value());
    EXPECT_TRUE(script.failure->contains(QStringLiteral("exit status 3")))
        << script.failure->toStdString();
    EXPECT_TRUE(script.failure->contains(QStringLiteral("no such host: node7")))
        << script.failure->toStdString();
    EXPECT_FALSE(script.summary.has_value());
}

TEST(ExternalStudyRun, AProgramThatCannotStartFails) {
    app();
    ExternalStudyRun run;
    std::optional<QString> failure;
    QObject::connect(&run, &StudyRun::failed, [&](const QString& e) { failure = e; });
    run.start(QStringLiteral("/nonexistent/mpirun"), {QStringLiteral("-n"), QStringLiteral("3")});
    ASSERT_TRUE(spin_until([&] { return !run.running(); }));
    ASSERT_TRUE(failure.has_value());
    EXPECT_TRUE(failure->contains(QStringLiteral("/nonexistent/mpirun"))) << failure->toStdString();
}

// Commands given while the process is still starting are kept for it, not dropped.
TEST(ExternalStudyRun, CommandsGivenWhileStartingArrive) {
    Script script(QStringLiteral(
        "read a; read b; echo \"{\\\"event\\\":\\\"failed\\\",\\\"error\\\":\\\"got $a $b\\\"}\"; "
        "exit 1"));
    script.run.pause();
    script.run.cancel();
    ASSERT_TRUE(script.ended());
    ASSERT_TRUE(script.failure.has_value());
    EXPECT_EQ(*script.failure, QStringLiteral("got pause cancel"));
}

// A line of standard error that comes in two reads is one log line; a last line without its
// newline is kept too, and both end up in the failure.
TEST(ExternalStudyRun, StandardErrorLinesAreWholeAcrossReads) {
    Script script(
        QStringLiteral("printf 'no such ' >&2; sleep 0.3; printf 'host: node7\\n' >&2; "
                       "printf 'no newline at the end' >&2; exit 4"));
    ASSERT_TRUE(script.ended());
    EXPECT_TRUE(script.logs.contains(QStringLiteral("no such host: node7")))
        << script.logs.join(QLatin1Char('|')).toStdString();
    EXPECT_TRUE(script.logs.contains(QStringLiteral("no newline at the end")))
        << script.logs.join(QLatin1Char('|')).toStdString();
    ASSERT_TRUE(script.failure.has_value());
    EXPECT_TRUE(script.failure->contains(QStringLiteral("exit status 4")));
    EXPECT_TRUE(script.failure->contains(QStringLiteral("no such host: node7\nno newline")))
        << script.failure->toStdString();
}

// A process that acts on neither the cancel nor SIGTERM (a stuck launcher) is killed after two
// grace periods, in the event loop and in wait() alike.
TEST(ExternalStudyRun, ACancelThatIsIgnoredEscalatesToSigtermThenSigkill) {
    for (const bool blocking : {false, true}) {
        Script script(QStringLiteral("trap '' TERM; while :; do sleep 0.05; done"));
        script.run.setCancelGraceMs(300);
        ASSERT_TRUE(spin_until([&] { return script.run.running(); }));
        QEventLoop settle;  // let the shell set its trap
        QTimer::singleShot(200, &settle, &QEventLoop::quit);
        settle.exec();
        QElapsedTimer clock;
        clock.start();
        script.run.cancel();
        if (blocking) script.run.wait();
        ASSERT_TRUE(script.ended());
        EXPECT_GE(clock.elapsed(), 550) << blocking;  // two grace periods
        ASSERT_TRUE(script.failure.has_value());
        EXPECT_TRUE(script.failure->contains(QStringLiteral("ended by a signal")))
            << script.failure->toStdString();
        EXPECT_EQ(script.logs.filter(QStringLiteral("sending SIGTERM")).size(), 1) << blocking;
        EXPECT_EQ(script.logs.filter(QStringLiteral("killing it")).size(), 1) << blocking;
    }
}
