#include "runtime/worker_pool.hpp"

#include <QEventLoop>
#include <QMetaType>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <deque>
#include <set>
#include <utility>

#include "core/protocol/protocol.hpp"
#include "runtime/process_worker_channel.hpp"

namespace rps {

using nlohmann::json;
namespace proto = rps::protocol;

namespace {

// How long shut-down workers may take to exit before they are killed. A coverage build's worker
// writes gcov's counters of every object it links when it exits, hundreds of files merged under
// a lock with the other processes' (seconds on a busy machine); killed mid-write it would leave
// a corrupt counter file that the next process overwrites, losing every earlier test's counts.
#ifdef RPS_COVERAGE
constexpr qint64 kShutdownGraceMs = 30000;
#else
constexpr qint64 kShutdownGraceMs = 2000;
#endif

// A worker line longer than this without a newline is garbage (a map result is ~MBs at most).
constexpr int kMaxLineBytes = 256 * 1024 * 1024;
constexpr std::size_t kStderrTail = 5;

QString qstr(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

double PoolStats::efficiency() const {
    const double capacity = static_cast<double>(workers.size()) * wall_s;
    return capacity > 0.0 ? busy_s / capacity : 0.0;
}

struct WorkerPool::Batch {
    std::vector<PoolOutcome> outcomes;
    std::size_t remaining = 0;
    QEventLoop* loop = nullptr;
    // run_streamed: no outcomes kept (there may be millions), only the first failure by index;
    // the loop is left at every outcome, so that the caller can draw the next task.
    bool streamed = false;
    std::optional<PoolOutcome> failure;
    std::size_t failure_index = 0;
};

struct WorkerPool::Task {
    uint64_t seq = 0;
    PoolTask task;
    int attempts = 0;
    bool running = false;
    int worker = -1;
    double start_s = 0.0;
    Batch* batch = nullptr;
    std::size_t batch_index = 0;
};

struct WorkerPool::Worker {
    int id = 0;
    WorkerChannel* process = nullptr;  // the running process's channel, null between processes
    uint64_t generation = 0;  // bumps on every launch; signals of older processes are ignored
    WorkerState state = WorkerState::stopped;
    bool ready = false;
    bool doomed = false;  // being killed: its remaining output is ignored
    QString kill_reason;
    QByteArray out_buffer;
    QByteArray err_buffer;
    std::deque<QString> stderr_tail;  // quoted in crash reports ("scene not found")
    uint64_t current = 0;             // seq of the running task, 0 when none
    double task_start_s = 0.0;
    double task_timeout_s = 0.0;  // the running task's limit, 0: none
    double stall_credit_s = 0.0;  // coordinator stalls during the running task (watchdog)
    double last_line_s = 0.0;
    double launched_s = 0.0;
    int start_failures = 0;
    json ready_info;
    WorkerStats stats;
};

WorkerPool::WorkerPool(WorkerPoolConfig config, QObject* parent)
    : QObject(parent), config_(std::move(config)) {
    qRegisterMetaType<rps::PoolOutcome>("rps::PoolOutcome");
    qRegisterMetaType<rps::WorkerState>("rps::WorkerState");
    clock_.start();
    config_.worker_count = std::max(1, config_.worker_count);
    config_.max_attempts = std::max(1, config_.max_attempts);
    config_.max_start_failures = std::max(1, config_.max_start_failures);
    // A fraction without slots means sharing device 0 (the Python framework's 4 x 0.25 GPU).
    if (config_.gpu_slots.empty() && config_.gpu_fraction > 0.0) config_.gpu_slots = {0};
    for (int i = 0; i < config_.worker_count; ++i) {
        auto w = std::make_unique<Worker>();
        w->id = i;
        w->stats.id = i;
        w->stats.gpu_slot =
            config_.gpu_slots.empty()
                ? -1
                : config_.gpu_slots[static_cast<std::size_t>(i) % config_.gpu_slots.size()];
        w->stats.gpu_fraction = w->stats.gpu_slot >= 0 ? config_.gpu_fraction : 0.0;
        workers_.push_back(std::move(w));
    }
    watchdog_ = new QTimer(this);
    for (double t : {config_.heartbeat_timeout_s, config_.task_timeout_s, config_.ready_timeout_s})
        if (t > 0.0) shortest_timeout_s_ = std::min(shortest_timeout_s_, t);
    // A quarter of the shortest timeout keeps the detection delay small relative to it.
    watchdog_->setInterval(
        std::clamp(static_cast<int>(std::min(shortest_timeout_s_, 1.0) * 250.0), 10, 250));
    connect(watchdog_, &QTimer::timeout, this, [this] { watchdog(); });
}

WorkerPool::~WorkerPool() { shutdown(); }

double WorkerPool::now_s() const { return static_cast<double>(clock_.nsecsElapsed()) * 1e-9; }

void WorkerPool::start() {
    if (started_ || shutting_down_) return;
    started_ = true;
    clock_.restart();  // outcome times count from start()
    for (auto& w : workers_) launch(w->id);
    watchdog_->start();
}

void WorkerPool::launch(int index) {
    Worker& w = *workers_[static_cast<std::size_t>(index)];
    if (shutting_down_) return;
    const uint64_t generation = ++w.generation;
    w.ready = false;
    w.doomed = false;
    w.kill_reason.clear();
    w.out_buffer.clear();
    w.err_buffer.clear();
    w.current = 0;
    w.ready_info = json();
    w.launched_s = now_s();
    w.last_line_s = w.launched_s;

    WorkerChannel* process = config_.channel_factory ? config_.channel_factory(w.id, this)
                                                     : new ProcessWorkerChannel(this);
    w.process = process;
    WorkerLaunch launch;
    launch.environment[QStringLiteral("RPS_WORKER_ID")] = QString::number(w.id);
    launch.environment[QStringLiteral("RPS_GPU_SLOT")] = QString::number(w.stats.gpu_slot);
    launch.environment[QStringLiteral("RPS_GPU_FRACTION")] =
        QString::number(w.stats.gpu_fraction, 'g', 6);
    if (config_.heartbeat_timeout_s > 0.0) {
        // Beat four times per timeout so that one late beat is not fatal.
        const int ms = std::clamp(static_cast<int>(config_.heartbeat_timeout_s * 250.0), 20, 1000);
        launch.environment[QStringLiteral("RPS_HEARTBEAT_MS")] = QString::number(ms);
    }
    for (const auto& [key, value] : config_.environment)
        launch.environment[qstr(key)] = qstr(value);
    launch.program = qstr(config_.program);
    for (const auto& a : config_.arguments) launch.arguments << qstr(a);
    for (const auto& f : config_.argument_files) launch.argument_files << qstr(f);

    connect(process, &WorkerChannel::outputReady, this,
            [this, index, generation] { on_stdout(index, generation); });
    connect(process, &WorkerChannel::errorsReady, this,
            [this, index, generation] { on_stderr(index, generation); });
    connect(process, &WorkerChannel::note, this,
            [this, index](const QString& line) { Q_EMIT workerLog(index, line); });
    connect(process, &WorkerChannel::gone, this, [this, index, generation](const QString& why) {
        on_process_gone(index, generation, why);
    });
    set_state(w, WorkerState::starting);
    process->start(launch);
}

void WorkerPool::set_state(Worker& w, WorkerState state) {
    if (w.state == state) return;
    w.state = state;
    Q_EMIT workerStateChanged(w.id, state);
}

void WorkerPool::on_stdout(int index, uint64_t generation) {
    Worker& w = *workers_[static_cast<std::size_t>(index)];
    if (generation != w.generation || !w.process) return;
    const QByteArray data = w.process->read_output();
    if (w.doomed) return;
    // Scan only the new bytes for the first newline: a multi-MB result arrives in many chunks.
    const int scan_from = w.out_buffer.size();
    w.out_buffer += data;
    int start = 0;
    for (;;) {
        const int nl = w.out_buffer.indexOf('\n', std::max(start, scan_from));
        if (nl < 0) break;
        const QByteArray line = w.out_buffer.mid(start, nl - start);
        start = nl + 1;
        handle_line(w, line);
        // The line may have doomed this worker (garbage) or replaced its process.
        if (w.doomed || generation != w.generation || !w.process) return;
    }
    w.out_buffer.remove(0, start);
    if (w.out_buffer.size() > kMaxLineBytes)
        kill_worker(w,
                    QStringLiteral("protocol error: line longer than %1 bytes").arg(kMaxLineBytes),
                    true);
}

void WorkerPool::on_stderr(int index, uint64_t generation) {
    Worker& w = *workers_[static_cast<std::size_t>(index)];
    if (generation != w.generation || !w.process) return;
    w.err_buffer += w.process->read_errors();
    int start = 0;
    for (;;) {
        const int nl = w.err_buffer.indexOf('\n', start);
        if (nl < 0) break;
        QString line = QString::fromUtf8(w.err_buffer.mid(start, nl - start));
        start = nl + 1;
        if (line.endsWith('\r')) line.chop(1);
        w.stderr_tail.push_back(line);
        if (w.stderr_tail.size() > kStderrTail) w.stderr_tail.pop_front();
        Q_EMIT workerLog(w.id, line);
    }
    w.err_buffer.remove(0, start);
    if (w.err_buffer.size() > 64 * 1024) {  // an unterminated flood: log it in pieces
        Q_EMIT workerLog(w.id, QString::fromUtf8(w.err_buffer));
        w.err_buffer.clear();
    }
}

void WorkerPool::handle_line(Worker& w, const QByteArray& raw) {
    w.last_line_s = now_s();
    const std::string_view line(raw.constData(), static_cast<std::size_t>(raw.size()));
    if (line.empty() || line == "\r") return;
    auto decoded = proto::decode_worker_message(line);
    if (!decoded) {
        kill_worker(w, qstr("protocol error: " + decoded.error), true);
        return;
    }
    proto::WorkerMessage& message = *decoded.message;

    if (const auto* ready = std::get_if<proto::ReadyMessage>(&message)) {
        if (w.ready) {
            kill_worker(w, QStringLiteral("protocol error: second ready message"), true);
            return;
        }
        if (ready->protocol != proto::kVersion) {
            kill_worker(w,
                        QStringLiteral("worker speaks protocol %1, this coordinator %2")
                            .arg(ready->protocol)
                            .arg(proto::kVersion),
                        true);
            return;
        }
        w.ready = true;
        w.start_failures = 0;
        w.ready_info = proto::to_json(message);
        w.stats.pid = w.process && w.process->pid() > 0 ? w.process->pid() : ready->pid;
        set_state(w, WorkerState::idle);
        dispatch();
        return;
    }
    if (std::holds_alternative<proto::HeartbeatMessage>(message)) return;
    if (const auto* log = std::get_if<proto::LogMessage>(&message)) {
        Q_EMIT workerLog(w.id, qstr("[" + log->level + "] " + log->message));
        return;
    }
    if (const auto* error = std::get_if<proto::ErrorMessage>(&message); error && !error->task_id) {
        Q_EMIT workerLog(w.id, qstr("[worker error] " + error->message));
        return;
    }

    // The rest are about the running task.
    auto it = w.current ? tasks_.find(w.current) : tasks_.end();
    uint64_t task_id = 0;
    if (const auto* p = std::get_if<proto::ProgressMessage>(&message)) task_id = p->task_id;
    if (const auto* r = std::get_if<proto::ResultMessage>(&message)) task_id = r->task_id;
    if (const auto* e = std::get_if<proto::ErrorMessage>(&message)) task_id = *e->task_id;
    if (!w.ready || it == tasks_.end() || it->second->task.id != task_id) {
        kill_worker(w,
                    qstr("protocol error: '" + std::string(proto::type_name(message)) +
                         "' for task " + std::to_string(task_id) +
                         ", which this worker is not "
                         "running"),
                    true);
        return;
    }
    const uint64_t seq = w.current;
    if (const auto* p = std::get_if<proto::ProgressMessage>(&message)) {
        Q_EMIT taskProgress(task_id, w.id, QByteArray::fromStdString(p->data.dump()));
        return;
    }
    PoolOutcome outcome;
    if (auto* r = std::get_if<proto::ResultMessage>(&message)) {
        if (config_.check_result) {
            std::string why;
            try {
                why = config_.check_result(it->second->task.payload, r->result);
            } catch (const std::exception& e) {  // a checker that trips on the shape refuses it
                why = e.what();
            }
            if (!why.empty()) {
                kill_worker(w,
                            qstr("protocol error: malformed result for task " +
                                 std::to_string(task_id) + ": " + why),
                            true);
                return;
            }
        }
        outcome.ok = true;
        outcome.result = std::move(r->result);
        outcome.elapsed_s = r->elapsed_s;
        ++w.stats.tasks_ok;
    } else {
        outcome.ok = false;
        outcome.error = std::get<proto::ErrorMessage>(message).message;
        ++w.stats.tasks_failed;
    }
    finish_attempt(w);
    set_state(w, WorkerState::idle);
    complete(seq, std::move(outcome));
    dispatch();
}

void WorkerPool::kill_worker(Worker& w, const QString& reason, bool protocol_error) {
    if (w.doomed || !w.process) return;
    w.doomed = true;
    w.kill_reason = reason;
    if (protocol_error) ++counters_.protocol_errors;
    Q_EMIT workerLog(w.id, QStringLiteral("killing worker: ") + reason);
    set_state(w, WorkerState::restarting);
    w.process->kill();  // finished() follows and restarts it (on_process_gone)
}

void WorkerPool::finish_attempt(Worker& w) {
    if (!w.current) return;
    w.stats.busy_s += now_s() - w.task_start_s;
    if (auto it = tasks_.find(w.current); it != tasks_.end()) it->second->running = false;
    w.current = 0;
}

void WorkerPool::on_process_gone(int index, uint64_t generation, const QString& why) {
    Worker& w = *workers_[static_cast<std::size_t>(index)];
    if (generation != w.generation || !w.process) return;
    WorkerChannel* process = w.process;
    w.process = nullptr;
    process->disconnect(this);
    process->deleteLater();
    if (!w.err_buffer.isEmpty()) {
        const QString rest = QString::fromUtf8(w.err_buffer);
        w.stderr_tail.push_back(rest);
        Q_EMIT workerLog(w.id, rest);
        w.err_buffer.clear();
    }

    QString reason = w.doomed ? w.kill_reason : why;
    if (!w.doomed && !w.stderr_tail.empty())
        reason += QStringLiteral(" (last stderr: %1)").arg(w.stderr_tail.back());
    if (!w.doomed) Q_EMIT workerLog(w.id, reason);
    const uint64_t seq = w.current;
    finish_attempt(w);
    if (seq) fail_or_retry(seq, w.id, reason.toStdString());

    if (shutting_down_) {
        set_state(w, WorkerState::stopped);
        return;
    }
    int delay_ms = 0;
    if (!w.ready) {
        // Died before ready: a broken command line or scene would loop forever, so give up after
        // a few tries with a growing pause.
        ++w.start_failures;
        if (w.start_failures >= config_.max_start_failures) {
            Q_EMIT workerLog(w.id, QStringLiteral("giving up after %1 failed starts: %2")
                                       .arg(w.start_failures)
                                       .arg(reason));
            w.kill_reason = reason;
            set_state(w, WorkerState::stopped);
            fail_all_pending_if_no_workers();
            return;
        }
        delay_ms = 100 * w.start_failures;
    }
    ++w.stats.restarts;
    ++counters_.restarts;
    set_state(w, WorkerState::restarting);
    // Deferred: never start a process from inside another process's signal handler chain.
    QTimer::singleShot(delay_ms, this, [this, index, generation] {
        Worker& again = *workers_[static_cast<std::size_t>(index)];
        if (again.generation == generation && !again.process && !shutting_down_) launch(index);
    });
}

void WorkerPool::fail_or_retry(uint64_t seq, int worker, const std::string& reason) {
    auto it = tasks_.find(seq);
    if (it == tasks_.end()) return;
    Task& t = *it->second;
    if (t.attempts >= config_.max_attempts) {
        PoolOutcome outcome;
        outcome.ok = false;
        outcome.error = reason + " (attempt " + std::to_string(t.attempts) + " of " +
                        std::to_string(config_.max_attempts) + ")";
        outcome.worker_id = worker;
        complete(seq, std::move(outcome));
        return;
    }
    // Front of the queue: a retried task is the oldest work and population batches wait on it.
    ++counters_.retries;
    queue_.push_front(seq);
    dispatch();
}

void WorkerPool::complete(uint64_t seq, PoolOutcome outcome) {
    auto it = tasks_.find(seq);
    if (it == tasks_.end()) return;
    std::unique_ptr<Task> task = std::move(it->second);
    tasks_.erase(it);
    outcome.id = task->task.id;
    outcome.attempts = task->attempts;
    if (outcome.worker_id < 0) outcome.worker_id = task->worker;
    outcome.start_s = task->start_s;
    outcome.end_s = now_s();
    if (outcome.ok)
        ++counters_.tasks_ok;
    else
        ++counters_.tasks_failed;
    if (Batch* batch = task->batch) {
        if (!batch->streamed) {
            batch->outcomes[task->batch_index] = outcome;
        } else if (!outcome.ok && (!batch->failure || task->batch_index < batch->failure_index)) {
            batch->failure = outcome;
            batch->failure_index = task->batch_index;
        }
        if ((--batch->remaining == 0 || batch->streamed) && batch->loop) batch->loop->quit();
    }
    Q_EMIT taskFinished(outcome);
    check_all_idle();
}

void WorkerPool::dispatch() {
    if (!started_ || paused_ || shutting_down_) return;
    for (auto& wp : workers_) {
        Worker& w = *wp;
        if (queue_.empty()) break;
        if (w.state != WorkerState::idle || !w.ready || w.doomed || w.current || !w.process)
            continue;
        uint64_t seq = 0;
        while (!queue_.empty() && !seq) {
            seq = queue_.front();
            queue_.pop_front();
            if (!tasks_.count(seq)) seq = 0;  // cancelled while queued
        }
        if (!seq) break;
        Task& t = *tasks_[seq];
        ++t.attempts;
        t.running = true;
        t.worker = w.id;
        t.start_s = now_s();
        w.current = seq;
        w.task_start_s = t.start_s;
        w.stall_credit_s = 0.0;
        w.task_timeout_s = t.task.timeout_s >= 0.0 ? t.task.timeout_s : config_.task_timeout_s;
        w.last_line_s = t.start_s;
        const std::string line = proto::encode(proto::CoordinatorMessage(
                                     proto::TaskMessage{t.task.id, t.attempts, t.task.payload})) +
                                 "\n";
        w.process->write(QByteArray(line.data(), static_cast<int>(line.size())));
        set_state(w, WorkerState::busy);
        Q_EMIT taskStarted(t.task.id, w.id);
    }
}

void WorkerPool::watchdog() {
    const double now = now_s();
    // A round that comes late by half a timeout or more found the event loop stalled (a slot
    // that blocked): lines that arrived meanwhile may wait behind this round, unread (workers
    // on MPI ranks: a poll's lines are queued). The stall is not the workers' time: every clock
    // the timeouts run on moves forward by it, so no worker is judged by lines not yet read, and
    // one that is really silent is still caught after its timeout of unstalled time.
    const double since_last = now - std::exchange(last_watchdog_s_, now);
    const double stall_s = since_last - watchdog_->interval() * 1e-3;
    const bool stalled = stall_s > 0.5 * shortest_timeout_s_;
    for (auto& wp : workers_) {
        Worker& w = *wp;
        if (!w.process || w.doomed) continue;
        if (stalled) {
            w.launched_s += stall_s;
            w.last_line_s += stall_s;
            w.stall_credit_s += stall_s;
        }
        if (!w.ready && config_.ready_timeout_s > 0.0 &&
            now - w.launched_s > config_.ready_timeout_s) {
            kill_worker(w, QStringLiteral("worker did not say ready within %1 s")
                               .arg(config_.ready_timeout_s));
            continue;
        }
        if (!w.current) continue;
        if (config_.heartbeat_timeout_s > 0.0 && now - w.last_line_s > config_.heartbeat_timeout_s)
            kill_worker(w, QStringLiteral("worker hung: no heartbeat for %1 s")
                               .arg(config_.heartbeat_timeout_s));
        else if (w.task_timeout_s > 0.0 &&
                 now - w.task_start_s - w.stall_credit_s > w.task_timeout_s)
            kill_worker(w, QStringLiteral("task timed out after %1 s").arg(w.task_timeout_s));
    }
}

void WorkerPool::enqueue(std::vector<PoolTask> tasks, Batch* batch, std::size_t first_index) {
    if (tasks.empty()) return;
    idle_reported_ = false;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        auto t = std::make_unique<Task>();
        t->seq = next_seq_++;
        t->task = std::move(tasks[i]);
        t->batch = batch;
        t->batch_index = first_index + i;
        queue_.push_back(t->seq);
        tasks_[t->seq] = std::move(t);
        ++counters_.tasks_submitted;
    }
    fail_all_pending_if_no_workers();
    dispatch();
}

void WorkerPool::submit(std::vector<PoolTask> tasks) { enqueue(std::move(tasks), nullptr); }

WorkerPool::BatchDetach::~BatchDetach() {
    for (auto& [seq, task] : pool.tasks_)
        if (task->batch == &batch) task->batch = nullptr;
}

std::vector<PoolOutcome> WorkerPool::run_ordered(std::vector<PoolTask> tasks) {
    if (tasks.empty()) return {};
    if (!started_) start();
    Batch batch;
    batch.outcomes.resize(tasks.size());
    batch.remaining = tasks.size();
    QEventLoop loop;
    batch.loop = &loop;
    const BatchDetach detach{*this, batch};
    enqueue(std::move(tasks), &batch);
    if (batch.remaining > 0) loop.exec();
    return std::move(batch.outcomes);
}

std::optional<PoolOutcome> WorkerPool::run_streamed(
    const std::function<std::optional<PoolTask>()>& next, std::size_t window) {
    if (!started_) start();
    window = std::max<std::size_t>(window, 1);
    Batch batch;
    batch.streamed = true;
    QEventLoop loop;
    batch.loop = &loop;
    const BatchDetach detach{*this, batch};
    std::size_t drawn = 0;
    bool more = true;
    for (;;) {
        // Topped up to the window in one enqueue (one dispatch). A task may finish inside
        // enqueue (no worker left), before the loop runs: then it is topped up again at once,
        // since a quit() before exec() would be lost.
        std::vector<PoolTask> tasks;
        while (more && batch.remaining + tasks.size() < window) {
            std::optional<PoolTask> task = next();
            if (task)
                tasks.push_back(std::move(*task));
            else
                more = false;
        }
        batch.remaining += tasks.size();
        const std::size_t first = drawn;
        drawn += tasks.size();
        enqueue(std::move(tasks), &batch, first);
        if (batch.remaining == 0 && !more) break;
        if (batch.remaining >= window || !more) loop.exec();
    }
    return std::move(batch.failure);
}

void WorkerPool::fail_all_pending_if_no_workers() {
    if (!started_ || shutting_down_) return;
    QString last_reason;
    for (const auto& w : workers_) {
        if (w->state != WorkerState::stopped) return;
        last_reason = w->kill_reason;
    }
    std::vector<uint64_t> pending;
    for (const auto& [seq, task] : tasks_) pending.push_back(seq);
    queue_.clear();
    for (uint64_t seq : pending) {
        PoolOutcome outcome;
        outcome.error = "no worker could be started: " + last_reason.toStdString();
        complete(seq, std::move(outcome));
    }
}

void WorkerPool::cancel() {
    std::vector<uint64_t> seqs;
    for (const auto& [seq, task] : tasks_) seqs.push_back(seq);
    queue_.clear();
    // Busy workers: the only way to stop a task is to kill its process.
    for (auto& wp : workers_) {
        if (!wp->current) continue;
        finish_attempt(*wp);
        kill_worker(*wp, QStringLiteral("task cancelled"));
    }
    for (uint64_t seq : seqs) {
        if (!tasks_.count(seq)) continue;  // completed by a slot that re-entered the pool
        PoolOutcome outcome;
        outcome.error = "cancelled";
        ++counters_.tasks_cancelled;
        complete(seq, std::move(outcome));
    }
}

void WorkerPool::pause() { paused_ = true; }

void WorkerPool::resume() {
    paused_ = false;
    dispatch();
}

void WorkerPool::shutdown() {
    if (shutting_down_) return;
    // Set first: slots of the taskFinished signals emitted by cancel() may call shutdown() again.
    shutting_down_ = true;
    if (!tasks_.empty()) cancel();
    if (watchdog_) watchdog_->stop();
    std::vector<WorkerChannel*> processes;
    for (auto& wp : workers_) {
        Worker& w = *wp;
        if (!w.process) {
            set_state(w, WorkerState::stopped);
            continue;
        }
        WorkerChannel* p = w.process;
        w.process = nullptr;
        p->disconnect(this);
        if (w.doomed || !p->running()) {
            p->kill();
        } else {
            const std::string line =
                proto::encode(proto::CoordinatorMessage(proto::ShutdownMessage{})) + "\n";
            p->write(QByteArray(line.data(), static_cast<int>(line.size())));
            p->close_input();
        }
        processes.push_back(p);
        set_state(w, WorkerState::stopped);
    }
    // One shared grace period: the workers exit in parallel.
    QElapsedTimer grace;
    grace.start();
    for (WorkerChannel* p : processes) {
        const qint64 left = std::max<qint64>(0, kShutdownGraceMs - grace.elapsed());
        if (!p->wait_for_finished(static_cast<int>(left))) {
            p->kill();
            p->wait_for_finished(1000);
        }
        // Not `delete`: shutdown() may be called from a slot running inside this very
        // process's signal (e.g. taskFinished emitted while its output is parsed).
        p->deleteLater();
    }
}

PoolStats WorkerPool::stats() const {
    PoolStats s = counters_;
    s.wall_s = started_ ? now_s() : 0.0;
    s.queued = queue_.size();
    s.running = 0;
    s.busy_s = 0.0;
    for (const auto& w : workers_) {
        WorkerStats ws = w->stats;
        ws.state = w->state;
        // Count the running attempt so far, so that live efficiency figures do not lag.
        if (w->current) {
            ws.busy_s += now_s() - w->task_start_s;
            ++s.running;
        }
        s.busy_s += ws.busy_s;
        s.workers.push_back(ws);
    }
    return s;
}

bool WorkerPool::idle() const { return tasks_.empty(); }

void WorkerPool::check_all_idle() {
    if (idle_reported_ || !tasks_.empty()) return;
    idle_reported_ = true;
    Q_EMIT allIdle();
}

json WorkerPool::worker_info(int worker) const {
    if (worker < 0 || static_cast<std::size_t>(worker) >= workers_.size()) return json();
    return workers_[static_cast<std::size_t>(worker)]->ready_info;
}

QString WorkerPool::gpu_status() const {
    if (config_.gpu_slots.empty() || config_.gpu_fraction <= 0.0)
        return tr("CPU only: no GPU requested (%1 workers)").arg(config_.worker_count);
    // Per-slot load, so that 4 workers x 0.25 on one GPU reads as exactly full.
    std::map<int, double> load;
    for (const auto& w : workers_) load[w->stats.gpu_slot] += w->stats.gpu_fraction;
    QStringList slots;
    QString warning;
    for (const auto& [slot, sum] : load) {
        slots << QStringLiteral("%1: %2").arg(slot).arg(sum, 0, 'g', 3);
        if (sum > 1.0 + 1e-9) warning += tr(" GPU slot %1 is oversubscribed.").arg(slot);
    }
    QString text = tr("GPU requested: %1 workers at %2 GPU each (slot load %3).")
                       .arg(config_.worker_count)
                       .arg(config_.gpu_fraction, 0, 'g', 3)
                       .arg(slots.join(QStringLiteral(", ")));
    text += warning;
    if (!gpu_backend_available())
        text +=
            tr(" This build has no GPU backend: the slots and fractions are passed to the "
               "workers (RPS_GPU_SLOT, RPS_GPU_FRACTION) and recorded, but the workers "
               "compute on the CPU.");
    return text;
}

}  // namespace rps
