#pragma once
// Runs a placement study (DESIGN §4-5): the study's methods, in order, as tasks on a WorkerPool of
// `rps worker` processes, every finished task appended to the study's HDF5 store at once.
//
// Determinism: the driver is one sequential program whose every decision depends only on task
// results that are reduced in a fixed order (population batches come back in input order;
// unordered batches are reduced by a total order: objective descending, then task id ascending).
// Task ids are (method_index << 40) | sequence number within the method (core/study/task_id.hpp,
// which also labels them "ga #12" for people), so a task's id and payload never depend on the
// number of workers or on completion order, and the final result is bit-identical for any N.
// Resume re-runs the same driver and answers every task already in the store with an identical
// payload from the store (memoised replay), appending only new tasks.
//
// Threads: run()/resume() work in the calling thread (they spin local event loops; a
// QCoreApplication must exist). start()/start_resume() run the same driver in a thread of their
// own for the GUI; the signals then arrive queued in the receiver's thread.
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QVector>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "core/study/study_spec.hpp"
#include "runtime/study_run.hpp"
#include "runtime/worker_pool.hpp"

class QThread;

namespace rps {

// A study that could not run to its end (no worker could start, cancelled, ...).
class StudyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct StudyRunOptions {
    std::string rps_executable;        // the `rps` binary; workers run `rps worker STUDY.json`
    std::filesystem::path store_path;  // the study file to create (run/start only)
    int workers = 0;                   // 0: the study's compute.workers
    bool overwrite = false;            // replace an existing store file
    double heartbeat_timeout_s = 10.0; // see WorkerPoolConfig
    // Where the workers run: empty, local processes; otherwise WorkerPoolConfig::channel_factory
    // (MPI ranks: mpi_worker_channel.hpp).
    WorkerChannelFactory worker_channels;
};

class StudyRunner : public StudyRun {
    Q_OBJECT
public:
    explicit StudyRunner(QObject* parent = nullptr);
    ~StudyRunner() override;

    // Synchronous runs. Return the summary (also stored with mark_finished). Throw StudyError,
    // InputError (bad method parameters), StoreError.
    nlohmann::json run(const StudySpec& spec, const StudyRunOptions& options);
    nlohmann::json resume(const std::filesystem::path& store, const StudyRunOptions& options);

    // Asynchronous runs (GUI): return at once; finished() or failed() tells the end.
    void start(const StudySpec& spec, const StudyRunOptions& options);
    void start_resume(const std::filesystem::path& store, const StudyRunOptions& options);
    bool running() const override;
    void wait() override;  // blocks until an asynchronous run has ended

    // Pass-through to the pool (thread-safe). Cancel leaves the store unfinished (resumable).
    void pause() override;
    void resume_dispatch() override;
    void cancel() override;

    // Pool statistics as of the last task event (thread-safe copy; pids for tests and the GUI).
    PoolStats pool_stats() const override;

    // Defaults of every method parameter (study_spec.cpp validates the keys, the runner applies
    // the defaults); exposed for the GUI's set-up dialog and docs.
    static nlohmann::json method_defaults(const std::string& type);
    // The grid method's point count for a study's space, without running (for the set-up UI).
    static uint64_t grid_point_count(const StudySpec& spec, const nlohmann::json& params);

private:
    class Driver;
    friend class Driver;
    nlohmann::json run_new(const StudySpec& spec, const StudyRunOptions& options);
    nlohmann::json run_resume(const std::filesystem::path& store, const StudyRunOptions& options);
    nlohmann::json drive(const std::function<std::unique_ptr<Driver>()>& make_driver);
    void start_thread(std::function<nlohmann::json()> body);
    void set_pool(WorkerPool* pool);
    void snapshot(const WorkerPool& pool);
    bool cancel_requested() const { return cancelled_.load(); }

    mutable std::mutex mutex_;
    WorkerPool* pool_ = nullptr;  // while a run is in flight
    PoolStats stats_;
    std::atomic<bool> cancelled_{false};
    std::atomic<bool> paused_{false};
    QThread* thread_ = nullptr;
};

}  // namespace rps
