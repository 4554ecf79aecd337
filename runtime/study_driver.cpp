#include "runtime/study_driver.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/common/atomic_file.hpp"
#include "core/opt/grid_search.hpp"
#include "core/study/task_id.hpp"
#include "core/study/task_result.hpp"

namespace rps {

using nlohmann::json;
using opt::kInfeasibleFitness;

namespace {

// The least attempt limit of the final map task (the default task_timeout_s).
constexpr double kFinalMapMinTimeout_s = 600.0;

QVector<double> qvector(const Vector& x) { return QVector<double>(x.begin(), x.end()); }

}  // namespace

void StudyRunner::Driver::load_memo() {
    const StoredStudy stored = store_.load();
    for (std::size_t i = 0; i < stored.tasks.size(); ++i) {
        const TaskRecord& r = stored.tasks[i];
        if (r.status != static_cast<int32_t>(TaskStatus::ok)) continue;
        memo_[r.task_id] = Memo{r, stored.results[i]};  // a later row of a task supersedes
    }
    for (const StoredMap& m : stored.maps) stored_maps_.insert(m.task_id);
    // The summary's wall time covers every run, like the task rows whose busy time rps show and
    // the report set against it (busy time of all runs over the last run's wall time gave pool
    // efficiencies of 4746 %). An earlier run was killed before it could record its wall time:
    // the latest end of its rows stands for it (its pool's clock starts at 0 with the run).
    std::vector<std::size_t> starts;
    for (const StoredMarker& marker : stored.markers)
        if (marker.kind == TaskStatus::run_started) starts.push_back(marker.task_rows_before);
    starts.push_back(stored.tasks.size());
    for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
        double span = 0.0;
        for (std::size_t i = starts[k]; i < starts[k + 1] && i < stored.tasks.size(); ++i)
            if (std::isfinite(stored.tasks[i].end_s)) span = std::max(span, stored.tasks[i].end_s);
        earlier_runs_wall_s_ += span;
    }
}

void StudyRunner::Driver::write_worker_study() {
    // Workers read the stored document (scene made absolute), so the coordinator, the workers
    // and any later resume all use exactly the same study.
    if (!temp_.isValid()) throw StudyError("cannot create a temporary folder for the workers");
    // Whole or not at all: a worker that read a study cut short by a full disk would fail on a
    // parse error that hides the cause.
    const std::string path = temp_.filePath(QStringLiteral("study.json")).toStdString();
    try {
        write_file_atomically(path, stored_doc_.dump(2) + "\n");
    } catch (const FileWriteError& e) {
        throw StudyError("cannot write the workers' study " + path + ": " + e.cause());
    }
}

void StudyRunner::Driver::start_pool() {
    WorkerPoolConfig config;
    config.program = options_.rps_executable;
    config.arguments = {"worker", temp_.filePath(QStringLiteral("study.json")).toStdString()};
    config.argument_files = {config.arguments[1]};
    config.channel_factory = options_.worker_channels;
    config.worker_count = options_.workers > 0 ? options_.workers : spec_.compute.workers;
    config.task_timeout_s = spec_.compute.task_timeout_s;
    config.max_attempts = spec_.compute.max_attempts;
    config.heartbeat_timeout_s = options_.heartbeat_timeout_s;
    config.gpu_fraction = spec_.compute.gpu_fraction;
    if (spec_.compute.gpu_fraction > 0.0) config.gpu_slots = {0};
    // Checked where results arrive: a malformed one is retried like garbage output instead of
    // throwing later inside the taskFinished slot or the methods.
    config.check_result = [dim = space_.dim()](const json& payload, const json& result) {
        return check_task_result(payload, result, dim);
    };
    pool_ = std::make_unique<WorkerPool>(config);
    WorkerPool* pool = pool_.get();
    QObject::connect(pool, &WorkerPool::taskFinished, pool,
                     [this](const PoolOutcome& o) { on_finished(o); });
    QObject::connect(pool, &WorkerPool::taskStarted, pool, [this, pool](quint64 id, int worker) {
        owner_.snapshot(*pool);
        Q_EMIT owner_.taskStarted(id, worker);
    });
    QObject::connect(pool, &WorkerPool::taskProgress, pool,
                     [this](quint64 id, int worker, const QByteArray& data) {
                         Q_EMIT owner_.taskProgress(id, worker, data);
                     });
    QObject::connect(pool, &WorkerPool::workerLog, pool, [this](int worker, const QString& line) {
        Q_EMIT owner_.log(QStringLiteral("worker %1: %2").arg(worker).arg(line));
    });
    owner_.set_pool(pool);
    pool->start();
    if (owner_.paused_.load()) pool->pause();
}

void StudyRunner::Driver::check_cancel() const {
    if (owner_.cancel_requested()) throw StudyError("study cancelled");
    if (!store_error_.empty()) throw StoreError(store_error_);
    if (!slot_error_.empty()) throw StudyError(slot_error_);
}

// ---- tasks ---------------------------------------------------------------------------------

StudyTaskEvent StudyRunner::Driver::make_event(uint64_t id, const Pending& p,
                                               const json& result) const {
    StudyTaskEvent e;
    e.task_id = id;
    e.method_index = p.method_index;
    e.method = QString::fromStdString(p.method);
    e.kind = QString::fromStdString(p.payload.value("kind", ""));
    e.full_fidelity = !p.payload.contains("max_order");
    const TaskDigest d = digest_task_result(p.payload, result, space_);
    e.has_objective = d.has_objective;
    e.objective = d.objective;
    e.x = qvector(d.x);
    e.evaluations = d.evaluations;
    return e;
}

// A slot of the pool's signal: an exception would pass through Qt's event loop, so whatever
// escapes record_outcome() stops the run from the driver's own stack (check_cancel) instead.
void StudyRunner::Driver::on_finished(const PoolOutcome& o) {
    try {
        record_outcome(o);
    } catch (const std::exception& error) {
        if (slot_error_.empty())
            slot_error_ =
                "task " + std::to_string(o.id) + " could not be recorded: " + error.what();
        pool_->cancel();
    }
}

void StudyRunner::Driver::record_outcome(const PoolOutcome& o) {
    auto it = pending_.find(o.id);
    if (it == pending_.end()) return;
    const Pending p = std::move(it->second);
    pending_.erase(it);
    // Cancelled, or never started (no worker could run it): nothing worth keeping.
    if (!o.ok && (o.error == "cancelled" || o.attempts == 0)) return;
    StudyTaskEvent e = make_event(o.id, p, o.ok ? o.result : json());
    e.ok = o.ok;
    e.error = QString::fromStdString(o.error);
    e.worker_id = o.worker_id;
    e.attempts = o.attempts;
    e.start_s = o.start_s, e.end_s = o.end_s, e.elapsed_s = o.elapsed_s;
    TaskRecord record;
    record.task_id = o.id;
    record.attempt = o.attempts;
    record.status = static_cast<int32_t>(o.ok ? TaskStatus::ok : TaskStatus::failed);
    record.objective = e.has_objective ? e.objective : std::numeric_limits<double>::quiet_NaN();
    record.worker_id = o.worker_id;
    record.start_s = o.start_s, record.end_s = o.end_s, record.elapsed_s = o.elapsed_s;
    json stored = {{"method", p.method},
                   {"method_index", p.method_index},
                   {"payload", p.payload},
                   {"result", o.ok ? o.result : json()},
                   {"best_x", e.has_objective ? json(Vector(e.x.begin(), e.x.end())) : json()},
                   {"best_objective", e.has_objective ? json(e.objective) : json()},
                   {"worker_id", o.worker_id},
                   {"attempts", o.attempts}};
    if (!o.ok) stored["error"] = o.error;
    // Called from the pool's signal: nothing may be thrown through Qt's event loop.
    try {
        store_.append_task(record, stored);
    } catch (const std::exception& error) {
        if (store_error_.empty()) store_error_ = error.what();
        pool_->cancel();
        return;
    }
    if (!o.ok) {
        ++failed_;
        // Counted by reason, without the pool's " (attempt 2 of 2)": attempts do not make
        // timeouts different reasons.
        const std::size_t attempt = o.error.rfind(" (attempt ");
        ++failure_reasons_[attempt == std::string::npos ? o.error : o.error.substr(0, attempt)];
        Q_EMIT owner_.log(QStringLiteral("task %1 failed: %2").arg(o.id).arg(e.error));
    }
    owner_.snapshot(*pool_);
    account(std::move(e));
}

// Everything a finished task changes, whether it ran now or was replayed from the store. The
// reduction order (objective, then task id) is total, so the outcome does not depend on the
// order in which tasks arrive.
void StudyRunner::Driver::account(StudyTaskEvent e) {
    ++done_;
    if (e.replayed) ++replayed_;
    const bool counts = e.ok && e.has_objective && e.full_fidelity && e.kind != "map";
    MethodState* m = e.method_index >= 0 && e.method_index < static_cast<int>(methods_.size())
                         ? &methods_[static_cast<std::size_t>(e.method_index)]
                         : nullptr;
    if (m) {
        ++m->tasks;
        m->evaluations += static_cast<uint64_t>(e.evaluations);
        if (!e.ok) ++m->failed;
    }
    if (counts) {
        const Vector x(e.x.begin(), e.x.end());
        task_objectives_.emplace_back(e.task_id, e.objective);
        if (m) m->best.offer(e.objective, e.task_id, x);
        if (best_.offer(e.objective, e.task_id, x)) Q_EMIT owner_.bestChanged(e.x, e.objective);
    }
    Q_EMIT owner_.taskFinished(e);
    total_estimate_ = std::max(total_estimate_, done_);
    const uint64_t ran = done_ - replayed_;
    double eta = -1.0;
    if (ran > 0 && pool_) {
        const double per_task = pool_->stats().wall_s / static_cast<double>(ran);
        eta = per_task * static_cast<double>(total_estimate_ - done_);
    }
    Q_EMIT owner_.progress(done_, total_estimate_, eta);
}

// The stored result of task `id`, accounted as replayed, when the store has one for the same
// payload; nullopt when the task must run.
std::optional<json> StudyRunner::Driver::replay(uint64_t id, const Pending& pending) {
    auto memo = memo_.find(id);
    // A stored result of the wrong shape (written before results were checked) is computed
    // again rather than replayed.
    if (memo == memo_.end() || memo->second.stored.value("payload", json()) != pending.payload ||
        !check_task_result(pending.payload, memo->second.stored.value("result", json()),
                           space_.dim())
             .empty())
        return std::nullopt;
    // Memoised replay: the stored bytes are what the worker sent, so the value is bit-identical
    // to a fresh evaluation.
    json result = std::move(memo->second.stored.at("result"));
    StudyTaskEvent e = make_event(id, pending, result);
    const TaskRecord& r = memo->second.record;
    e.replayed = true;
    e.worker_id = r.worker_id;
    e.attempts = r.attempt;
    e.start_s = r.start_s, e.end_s = r.end_s, e.elapsed_s = r.elapsed_s;
    // Ids never repeat within a run: the entry is not read again, and a resumed fine grid
    // frees its stored results as it replays them.
    memo_.erase(memo);
    account(std::move(e));
    return result;
}

bool StudyRunner::Driver::any_worker_alive() const {
    if (!pool_) return true;  // not started yet
    for (const WorkerStats& w : pool_->stats().workers)
        if (w.state != WorkerState::stopped) return true;
    return false;
}

std::vector<json> StudyRunner::Driver::run_tasks(MethodState& m, const std::vector<json>& payloads,
                                                 double timeout_s) {
    check_cancel();
    std::vector<json> results(payloads.size());
    std::vector<PoolTask> dispatch;
    std::vector<std::size_t> where;
    for (std::size_t i = 0; i < payloads.size(); ++i) {
        const uint64_t id = make_task_id(m.index, m.seq++);
        const Pending pending{m.index, m.type, payloads[i]};
        if (std::optional<json> stored = replay(id, pending)) {
            results[i] = std::move(*stored);
            continue;
        }
        pending_[id] = pending;
        dispatch.push_back(PoolTask{id, payloads[i], timeout_s});
        where.push_back(i);
    }
    if (dispatch.empty()) return results;
    if (!pool_) start_pool();
    const std::vector<PoolOutcome> outcomes = pool_->run_ordered(std::move(dispatch));
    pending_.clear();  // what is left was cancelled
    check_cancel();
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
        const PoolOutcome& o = outcomes[k];
        if (o.ok) {
            results[where[k]] = o.result;
            continue;
        }
        // No live worker left: the study cannot go on (e.g. a broken `rps` path or study).
        if (!any_worker_alive()) throw StudyError("no worker is running: " + o.error);
    }
    return results;
}

// Runs the tasks whose payloads `next_payload` yields (nullopt: none left) like run_tasks (the
// same ids, replays and accounting), but draws them only as the pool needs them: a grid of
// millions of points holds a few tasks at a time, not every payload. The results reach only
// account(), in completion order; its reductions do not depend on that order.
void StudyRunner::Driver::run_streamed(MethodState& m,
                                       const std::function<std::optional<json>()>& next_payload) {
    check_cancel();
    bool cut = false;  // drawing stopped before the payloads ran out
    const auto draw = [&]() -> std::optional<PoolTask> {
        for (;;) {
            // A stopping run draws nothing more: run_tasks would throw after its batch anyway.
            if (owner_.cancel_requested() || !store_error_.empty() || !slot_error_.empty() ||
                !any_worker_alive()) {
                cut = true;
                return std::nullopt;
            }
            std::optional<json> payload = next_payload();
            if (!payload) return std::nullopt;
            const uint64_t id = make_task_id(m.index, m.seq++);
            Pending pending{m.index, m.type, std::move(*payload)};
            if (replay(id, pending)) continue;
            PoolTask task{id, pending.payload};
            pending_[id] = std::move(pending);
            return task;
        }
    };
    // Drawn before the pool starts: a run replayed from the store starts no worker.
    std::optional<PoolTask> first = draw();
    if (first) {
        if (!pool_) start_pool();
        // Two tasks per worker: one running, one queued for the moment it finishes.
        const auto window = static_cast<std::size_t>(2 * pool_->config().worker_count + 2);
        const std::optional<PoolOutcome> failure = pool_->run_streamed(
            [&]() -> std::optional<PoolTask> {
                if (!first) return draw();
                std::optional<PoolTask> task = std::move(first);
                // NOLINTNEXTLINE(bugprone-use-after-move): reset() makes it empty again.
                first.reset();
                return task;
            },
            window);
        pending_.clear();  // what is left was cancelled
        check_cancel();
        // No live worker left: the study cannot go on (e.g. a broken `rps` path or study).
        if ((failure || cut) && !any_worker_alive())
            throw StudyError("no worker is running: " +
                             (failure ? failure->error : std::string("every worker stopped")));
    }
    check_cancel();
}

// Objectives of `points` in input order, as ordered chunks of evaluate tasks. A failed task
// (its handler reported an error, or it ran out of attempts) counts as infeasible.
std::vector<double> StudyRunner::Driver::evaluate(MethodState& m, const std::vector<Vector>& points,
                                                  std::size_t chunk_size, int max_order) {
    std::vector<json> payloads;
    for (const auto& chunk : opt::chunk(points, chunk_size)) {
        json payload = {{"kind", "evaluate"}, {"points", chunk}};
        if (max_order >= 0) payload["max_order"] = max_order;
        payloads.push_back(std::move(payload));
    }
    const std::vector<json> results = run_tasks(m, payloads);
    std::vector<double> out;
    out.reserve(points.size());
    for (std::size_t t = 0; t < payloads.size(); ++t) {
        const std::size_t n = payloads[t].at("points").size();
        const json& r = results[t];
        for (std::size_t i = 0; i < n; ++i)
            out.push_back(r.is_object() ? r.at("objectives").at(i).get<double>()
                                        : kInfeasibleFitness);
    }
    return out;
}
json StudyRunner::Driver::run_final_map(MethodState& m) {
    if (!best_.valid()) {
        // Failed tasks first: when every task timed out, the advice to evaluate more layouts
        // (what layouts drawn over the bounds suggest) sent users the wrong way.
        if (failed_ > 0 && failed_ == done_)
            throw StudyError(failures_text() + ": no layout was evaluated, nothing to report");
        const std::string why = why_no_feasible_layout();
        throw StudyError((failed_ > 0 ? failures_text() + "; " : std::string()) +
                         "no feasible layout was evaluated: nothing to report" +
                         (why.empty() ? std::string() : "; " + why));
    }
    const json payload = {{"kind", "map"}, {"point", best_.x}};
    // The study's task_timeout_s is sized to its evaluate tasks; this one full map of the best
    // layout gets at least the default limit (a 0.1 s limit failed it after every method had
    // run, and every resume again).
    const double timeout_s = std::max(spec_.compute.task_timeout_s, kFinalMapMinTimeout_s);
    const std::vector<json> results = run_tasks(m, {payload}, timeout_s);
    const json& r = results.front();
    if (!r.is_object() || !r.value("valid", false))
        throw StudyError("the map of the best layout could not be computed");
    const uint64_t id = make_task_id(m.index, 0);
    if (!stored_maps_.count(id) && r.contains("grid") && r.contains("combined_power_w")) {
        const std::vector<double> power = r.at("combined_power_w").get<std::vector<double>>();
        store_.append_map(id, r.at("grid").at("cells").at(0).get<int>(),
                          r.at("grid").at("cells").at(1).get<int>(), power);
    }
    return r;
}

json StudyRunner::Driver::run() {
    clock_.start();
    stored_doc_ = store_.load().spec;
    // The scene where it was found (a resume of a moved study file finds it beside the file).
    stored_doc_["scene"] = std::filesystem::absolute(spec_.scene_path).string();
    write_worker_study();
    total_estimate_ = estimate_tasks();
    for (std::size_t i = 0; i < spec_.methods.size(); ++i) {
        methods_.emplace_back();
        methods_.back().index = static_cast<int>(i);
        methods_.back().type = spec_.methods[i].type;
    }
    for (std::size_t i = 0; i < spec_.methods.size(); ++i) {
        run_method(methods_[i], spec_.methods[i]);
    }
    MethodState map_state;
    map_state.index = static_cast<int>(spec_.methods.size());
    map_state.type = "map";
    const json map_result = run_final_map(map_state);
    const json result = summary(map_result, static_cast<double>(clock_.nsecsElapsed()) * 1e-9);
    store_.mark_finished(result);
    if (pool_) {
        owner_.snapshot(*pool_);
        owner_.set_pool(nullptr);
        pool_->shutdown();
    }
    return result;
}
}  // namespace rps
