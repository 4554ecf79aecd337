#pragma once
// A pool of N persistent worker processes (`rps worker ...`, local or on MPI ranks: worker_channel.hpp) that run M >> N tasks, speaking the
// JSON-lines protocol of core/protocol (docs/protocol.md). QtCore only; lives in the thread that
// created it and never blocks its event loop except inside run_ordered() and shutdown().
//
// Robustness: a worker that exits, stops sending lines (heartbeat timeout), overruns the task
// timeout, or writes a line that is not a protocol message is killed and restarted, and its task
// is retried (up to max_attempts in all); so is a result that config.check_result refuses. The
// other workers go on. A task whose handler reports an error is not retried: the error is
// deterministic (same payload, same error).
#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "runtime/worker_channel.hpp"

class QTimer;

namespace rps {

struct WorkerPoolConfig {
    std::string program;                 // e.g. the path of `rps`
    std::vector<std::string> arguments;  // e.g. {"worker", "office.xml"}
    int worker_count = 1;
    double task_timeout_s = 0.0;        // 0: none. Kill + retry when one attempt runs longer.
    int max_attempts = 3;               // attempts per task, the first included
    double heartbeat_timeout_s = 10.0;  // 0: none. Kill + retry a busy worker silent this long.
    double ready_timeout_s = 60.0;      // a starting worker must say ready within this (scene load)
    int max_start_failures = 3;         // consecutive failed starts before a worker is given up
    double gpu_fraction = 0.0;          // share of a GPU per worker; 0: CPU only
    std::vector<int> gpu_slots;         // device slots, round robin; empty: {0} if fraction > 0
    std::map<std::string, std::string> environment;  // extra variables for every worker
    // Arguments that name files the workers read (the study): copied to workers on other
    // machines (MPI), used in place by local ones.
    std::vector<std::string> argument_files;
    // How the workers run: empty, as local child processes (ProcessWorkerChannel); otherwise
    // the channel this makes for each worker (MPI ranks: mpi_worker_channel.hpp).
    WorkerChannelFactory channel_factory;
    // The protocol treats a result as opaque; a caller that relies on its shape checks it here
    // (payload, result) and returns why it is malformed, or "" when it is fine. A malformed
    // result is a protocol error: the worker is killed and the task retried, so that callers
    // (and Qt slots) only ever see results they can read.
    std::function<std::string(const nlohmann::json&, const nlohmann::json&)> check_result;
};

struct PoolTask {
    uint64_t id = 0;
    nlohmann::json payload = nlohmann::json::object();
    // This task's attempt limit in seconds: < 0 the pool's task_timeout_s; 0 none. Checked as
    // often as the pool's own timeouts are (at least every 250 ms).
    double timeout_s = -1.0;
};

struct PoolOutcome {
    uint64_t id = 0;
    bool ok = false;
    nlohmann::json result;   // the worker's result when ok
    std::string error;       // why not ok (last attempt's failure, or the worker's error)
    int worker_id = -1;      // worker of the last attempt, -1 if it never started
    int attempts = 0;        // attempts started
    double start_s = 0.0;    // last attempt's start, seconds since start() (steady clock)
    double end_s = 0.0;      // when the outcome was decided, same clock
    double elapsed_s = 0.0;  // as reported by the worker (0 when none)
};

enum class WorkerState { starting, idle, busy, restarting, stopped };

struct WorkerStats {
    int id = 0;
    WorkerState state = WorkerState::stopped;
    int64_t pid = 0;
    int gpu_slot = -1;
    double gpu_fraction = 0.0;
    uint64_t tasks_ok = 0;
    uint64_t tasks_failed = 0;  // attempts that ended in a worker-reported error
    uint64_t restarts = 0;      // process restarts of this worker (any reason)
    double busy_s = 0.0;        // sum of the wall time of every attempt run on this worker
};

struct PoolStats {
    uint64_t tasks_submitted = 0;
    uint64_t tasks_ok = 0;
    uint64_t tasks_failed = 0;  // finished with ok = false (cancelled ones included)
    uint64_t tasks_cancelled = 0;
    uint64_t retries = 0;          // attempts beyond the first
    uint64_t restarts = 0;         // worker process restarts
    uint64_t protocol_errors = 0;  // bad lines from workers
    uint64_t queued = 0;
    uint64_t running = 0;
    double wall_s = 0.0;  // since start()
    double busy_s = 0.0;  // sum over workers
    std::vector<WorkerStats> workers;
    // Σ busy / (N × wall): 1.0 when every worker was busy all the time.
    double efficiency() const;
};

class WorkerPool : public QObject {
    Q_OBJECT
public:
    explicit WorkerPool(WorkerPoolConfig config, QObject* parent = nullptr);
    ~WorkerPool() override;

    // Starts the worker processes (asynchronously). Tasks submitted before start() wait.
    void start();
    // Queues tasks FIFO; they complete in any order (taskFinished). Ids are the caller's; they
    // are reported back as given, duplicates included.
    void submit(std::vector<PoolTask> tasks);
    // Runs a batch to completion in a local event loop and returns the outcomes in input order
    // (population batches). Starts the pool if needed. Other queued tasks keep running.
    std::vector<PoolOutcome> run_ordered(std::vector<PoolTask> tasks);
    // Runs the tasks that `next` yields (nullopt: none left), drawing one whenever fewer than
    // `window` of them are queued or running, until every drawn task has finished: a caller
    // with millions of tasks (a fine grid) never holds them all. The outcomes come only through
    // taskFinished; returned is the failed outcome drawn first, if any. Starts the pool if needed.
    std::optional<PoolOutcome> run_streamed(const std::function<std::optional<PoolTask>()>& next,
                                            std::size_t window);
    // Finishes every queued and running task with ok = false ("cancelled"); busy workers are
    // killed and restarted, since a task cannot be interrupted otherwise.
    void cancel();
    // Stop / restart dispatching; running tasks go on.
    void pause();
    void resume();
    bool paused() const { return paused_; }
    // Sends shutdown to every worker, waits briefly, kills the rest. Blocks (at most ~3 s).
    // Pending tasks are finished as cancelled.
    void shutdown();

    PoolStats stats() const;
    const WorkerPoolConfig& config() const { return config_; }
    // A sentence on the GPU set-up, e.g. that no GPU backend exists and the workers use the CPU.
    QString gpu_status() const;
    // There is no GPU backend in this project yet.
    static bool gpu_backend_available() { return false; }
    // Seconds since start() (the clock of PoolOutcome times; since construction before start()).
    double now_s() const;
    // The ready message of a worker's current process (scene, capabilities...), or null.
    nlohmann::json worker_info(int worker) const;
    bool idle() const;

Q_SIGNALS:
    void taskStarted(quint64 id, int worker);
    void taskProgress(quint64 id, int worker, QByteArray json);
    void taskFinished(rps::PoolOutcome outcome);
    void workerStateChanged(int worker, rps::WorkerState state);
    void workerLog(int worker, QString line);
    void allIdle();

private:
    struct Task;
    struct Worker;
    struct Batch;

    void launch(int worker);
    void on_stdout(int worker, uint64_t generation);
    void on_stderr(int worker, uint64_t generation);
    void on_process_gone(int worker, uint64_t generation, const QString& why);
    void handle_line(Worker& w, const QByteArray& line);
    void kill_worker(Worker& w, const QString& reason, bool counts_as_protocol_error = false);
    void finish_attempt(Worker& w);
    void fail_or_retry(uint64_t seq, int worker, const std::string& reason);
    void complete(uint64_t seq, PoolOutcome outcome);
    void dispatch();
    void watchdog();
    void set_state(Worker& w, WorkerState state);
    void fail_all_pending_if_no_workers();
    void check_all_idle();
    void enqueue(std::vector<PoolTask> tasks, Batch* batch, std::size_t first_index = 0);
    // Clears the tasks' pointers to `batch` when it goes out of scope: none may outlive the
    // frame that owns the batch, also when a slot throws through its event loop; otherwise a
    // later cancel()/shutdown() writes into the dead batch.
    struct BatchDetach {
        WorkerPool& pool;
        Batch& batch;
        ~BatchDetach();
    };

    WorkerPoolConfig config_;
    QElapsedTimer clock_;
    bool started_ = false;
    bool paused_ = false;
    bool shutting_down_ = false;
    std::vector<std::unique_ptr<Worker>> workers_;
    std::map<uint64_t, std::unique_ptr<Task>> tasks_;  // by internal sequence number
    std::deque<uint64_t> queue_;
    uint64_t next_seq_ = 1;
    QTimer* watchdog_ = nullptr;
    double last_watchdog_s_ = 0.0;  // the previous watchdog round (now_s)
    // The shortest of the pool's timeouts (infinity: none).
    double shortest_timeout_s_ = std::numeric_limits<double>::infinity();
    PoolStats counters_;
    bool idle_reported_ = true;
};

}  // namespace rps

Q_DECLARE_METATYPE(rps::PoolOutcome)
Q_DECLARE_METATYPE(rps::WorkerState)
