#include "runtime/study_runner.hpp"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/engine/cell_mask.hpp"
#include "core/opt/adam_ascent.hpp"
#include "core/opt/genetic_algorithm.hpp"
#include "core/opt/grid_search.hpp"
#include "core/opt/nlopt_refine.hpp"
#include "core/opt/pagmo_methods.hpp"
#include "core/opt/seed_sequence.hpp"
#include "core/opt/successive_halving.hpp"
#include "core/scene/scene_fingerprint.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/store/study_store.hpp"
#include "core/study/grid_axes.hpp"
#include "core/study/layout.hpp"
#include "core/study/method_params.hpp"
#include "core/study/stored_scene_path.hpp"
#include "core/study/study_feasibility.hpp"
#include "core/study/task_id.hpp"
#include "core/study/task_result.hpp"

namespace rps {

using nlohmann::json;
using opt::kInfeasibleFitness;

namespace {

// Points per dimension of a grid refinement level (5: the spacing halves at every level).
constexpr int kRefineSteps = 5;
// Redraws of a random point that violates the AP separation before it is kept as it is.
constexpr int kFeasibleTries = 1000;
// The least attempt limit of the final map task (the default task_timeout_s).
constexpr double kFinalMapMinTimeout_s = 600.0;
// Layouts drawn over the bounds to say why a run evaluated no feasible layout.
constexpr int kDiagnosisDraws = 1024;

QVector<double> qvector(const Vector& x) { return QVector<double>(x.begin(), x.end()); }

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The order every reduction uses: higher objective, then lower task id.
struct Best {
    double objective = kInfeasibleFitness;
    uint64_t task_id = std::numeric_limits<uint64_t>::max();
    Vector x;
    bool valid() const { return !x.empty(); }
    bool offer(double f, uint64_t id, const Vector& point) {
        if (valid() && !(f > objective || (f == objective && id < task_id))) return false;
        objective = f, task_id = id, x = point;
        return true;
    }
};

json best_json(const Best& b) {
    if (!b.valid()) return {{"objective", nullptr}, {"x", nullptr}, {"task_id", nullptr}};
    return {{"objective", b.objective}, {"x", b.x}, {"task_id", b.task_id}};
}

double param_number(const json& p, const char* key) { return p.at(key).get<double>(); }
int param_int(const json& p, const char* key) { return p.at(key).get<int>(); }

uint64_t ceil_div(uint64_t a, uint64_t b) { return b ? (a + b - 1) / b : a; }

std::string format_objective(double f) {
    // The infeasible sentinel (-1e300) printed as "-1000000000000000052504760..." in the logs.
    if (!is_valid_objective(f)) return "none feasible yet";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f", f);
    return buffer;
}

// A limit as the study wrote it: 0.15, not 0.150000.
std::string format_number(double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    return buffer;
}

std::string fmt_method_warning(int index, const std::string& type, uint64_t failed,
                               uint64_t tasks) {
    return "method " + std::to_string(index) + " " + type + ": " + std::to_string(failed) + " of " +
           std::to_string(tasks) + " tasks failed and it evaluated no layout";
}

InputError method_error(const StudySpec& spec, int index, const std::string& key,
                        const std::string& message) {
    return InputError(SourceLocation{spec.source_file, 0,
                                     "methods[" + std::to_string(index) + "]." + key},
                      message);
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// The deterministic driver of one run (new or resumed). Lives in the thread that runs it.
class StudyRunner::Driver {
public:
    Driver(StudyRunner& owner, StudySpec spec, StudyStore store, const StudyRunOptions& options,
           bool resumed)
        : owner_(owner), spec_(std::move(spec)), space_(spec_), store_(std::move(store)),
          options_(options), resumed_(resumed) {
        if (resumed_) load_memo();
    }
    // The pool goes first and says nothing more: its shutdown cancels what is left, and those
    // signals must not reach members that are already gone.
    ~Driver() {
        // Before the pool dies: cancel(), pause() and ~StudyRunner in the GUI thread reach it
        // through the owner's pointer, and drive() clears that only after this destructor (on
        // an exception, cancellation included).
        owner_.set_pool(nullptr);
        if (!pool_) return;
        pool_->disconnect();
        pool_->shutdown();
    }
    Driver(const Driver&) = delete;
    Driver& operator=(const Driver&) = delete;

    json run();

private:
    struct MethodState {
        int index = 0;
        std::string type;
        uint64_t seq = 0;
        Best best;
        uint64_t evaluations = 0;
        uint64_t tasks = 0;
        uint64_t failed = 0;  // tasks that ran out of attempts (timeouts, worker errors)
        double wall_s = 0.0;
    };
    struct Pending {
        int method_index = 0;
        std::string method;
        json payload;
    };
    struct Memo {
        TaskRecord record;
        json stored;
    };

    void load_memo();
    void write_worker_study();
    void start_pool();
    uint64_t estimate_tasks() const;
    uint64_t estimate_tasks(const MethodSpec& method) const;

    void run_method(MethodState& m, const MethodSpec& method);
    void run_grid(MethodState& m, const json& p, uint64_t seed);
    void run_gd(MethodState& m, const json& p, uint64_t seed);
    void run_ga(MethodState& m, const json& p, uint64_t seed);
    void run_pso(MethodState& m, const json& p, uint64_t seed);
    void run_cmaes(MethodState& m, const json& p, uint64_t seed);
    void run_refine(MethodState& m, const json& p, uint64_t seed);
    void run_halving(MethodState& m, const json& p, uint64_t seed);
    json run_final_map(MethodState& m);
    std::string why_no_feasible_layout() const;

    // timeout_s: each task's attempt limit (< 0: the study's task_timeout_s).
    std::vector<json> run_tasks(MethodState& m, const std::vector<json>& payloads,
                                double timeout_s = -1.0);
    void run_streamed(MethodState& m, const std::function<std::optional<json>()>& next_payload);
    std::optional<json> replay(uint64_t id, const Pending& pending);
    bool any_worker_alive() const;
    std::vector<double> evaluate(MethodState& m, const std::vector<Vector>& points,
                                 std::size_t chunk_size, int max_order = -1);
    Vector random_feasible(std::mt19937_64& rng) const;
    opt::Constraint constraint() const;

    void on_finished(const PoolOutcome& outcome);
    void record_outcome(const PoolOutcome& outcome);
    void account(StudyTaskEvent event);
    StudyTaskEvent make_event(uint64_t id, const Pending& p, const json& result) const;
    void check_cancel() const;
    json summary(const json& map_result, double wall_s) const;
    std::string failures_text() const;
    json failures_json() const;

    StudyRunner& owner_;
    StudySpec spec_;
    LayoutSpace space_;
    StudyStore store_;
    StudyRunOptions options_;
    bool resumed_;
    json stored_doc_;
    QTemporaryDir temp_;
    std::unique_ptr<WorkerPool> pool_;
    QElapsedTimer clock_;

    std::map<uint64_t, Memo> memo_;
    std::set<uint64_t> stored_maps_;
    std::map<uint64_t, Pending> pending_;
    std::vector<MethodState> methods_;
    Best best_;
    std::vector<std::pair<uint64_t, double>> task_objectives_;  // full-fidelity, by id at the end
    uint64_t done_ = 0, replayed_ = 0, failed_ = 0, total_estimate_ = 1;
    std::map<std::string, uint64_t> failure_reasons_;  // why tasks failed, and how often
    double earlier_runs_wall_s_ = 0.0;                 // see load_memo()
    std::string store_error_;
    std::string slot_error_;  // an exception caught in a pool slot
};

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

uint64_t StudyRunner::Driver::estimate_tasks(const MethodSpec& method) const {
    json p = method_defaults(method.type);
    p.update(method.params);
    const std::string& t = method.type;
    if (t == "grid") {
        const auto axes = grid_axes(space_, p);
        uint64_t n =
            ceil_div(static_cast<uint64_t>(grid_axes_point_count(axes)), param_int(p, "chunk"));
        const uint64_t level = ceil_div(static_cast<uint64_t>(std::pow(kRefineSteps, 2)),
                                        param_int(p, "chunk"));
        return n + param_int(p, "refine_levels") * level;
    }
    if (t == "gd") return param_int(p, "starts");
    if (t == "refine") return param_int(p, "max_evaluations");
    if (t == "halving") {
        const uint64_t n = param_int(p, "candidates");
        const auto kept =
            static_cast<uint64_t>(std::ceil(n * param_number(p, "keep_fraction")));
        return ceil_div(n, param_int(p, "chunk")) + ceil_div(kept, param_int(p, "chunk"));
    }
    // ga, pso, cmaes: one batch per generation plus the initial population.
    return (param_int(p, "generations") + 1) *
           ceil_div(param_int(p, "population"), param_int(p, "chunk"));
}

uint64_t StudyRunner::Driver::estimate_tasks() const {
    uint64_t n = 1;  // the final map
    for (const MethodSpec& m : spec_.methods) n += estimate_tasks(m);
    return n;
}

void StudyRunner::Driver::check_cancel() const {
    if (owner_.cancel_requested()) throw StudyError("study cancelled");
    if (!store_error_.empty()) throw StoreError(store_error_);
    if (!slot_error_.empty()) throw StudyError(slot_error_);
}

opt::Constraint StudyRunner::Driver::constraint() const {
    if (space_.ap_count() < 2) return {};
    return [this](const Vector& x) { return space_.feasible(x); };
}

Vector StudyRunner::Driver::random_feasible(std::mt19937_64& rng) const {
    const opt::Box& box = space_.box();
    Vector x(box.dim());
    for (int attempt = 0; attempt < kFeasibleTries; ++attempt) {
        for (std::size_t i = 0; i < box.dim(); ++i)
            x[i] = opt::uniform(rng, box.lower[i], box.upper[i]);
        if (space_.feasible(x)) break;
    }
    return x;
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
std::vector<double> StudyRunner::Driver::evaluate(MethodState& m,
                                                  const std::vector<Vector>& points,
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

// ---- methods -------------------------------------------------------------------------------

void StudyRunner::Driver::run_grid(MethodState& m, const json& p, uint64_t) {
    const std::vector<GridAxis> axes = grid_axes(space_, p);
    // check_study_size has refused a first level larger than max_points (before the run).
    const int max_points = param_int(p, "max_points");
    const std::size_t chunk_size = static_cast<std::size_t>(param_int(p, "chunk"));
    // The levels evaluated so far, by their axes only: a point is evaluated once, and a feasible
    // point of an earlier level was evaluated there. They stand for a set of every point seen,
    // which cost ~650 B a point (up to max_points = 1e8 of them). Each level's points are walked
    // in grid order, feasible new ones only, a chunk per task, as the pool asks for tasks:
    // the same payloads and ids as the whole list chunked up front.
    std::vector<GridWalk> levels;
    const auto evaluate_level = [&](std::vector<GridAxis> level_axes) {
        GridWalk walk(std::move(level_axes));
        const auto keep = [&](const Vector& x) {
            return space_.feasible(x) &&
                   std::none_of(levels.begin(), levels.end(),
                                [&](const GridWalk& level) { return level.contains(x); });
        };
        run_streamed(m, [&]() -> std::optional<json> {
            const std::vector<Vector> chunk = next_grid_chunk(walk, chunk_size, keep);
            if (chunk.empty()) return std::nullopt;
            return json{{"kind", "evaluate"}, {"points", chunk}};
        });
        levels.push_back(std::move(walk));
    };
    evaluate_level(axes);

    // Coarse to fine: a grid of kRefineSteps per free dimension over +-1 cell around the best.
    Vector half(axes.size());
    for (std::size_t i = 0; i < axes.size(); ++i) half[i] = axes[i].spacing;
    const int free = static_cast<int>(std::count_if(half.begin(), half.end(),
                                                    [](double h) { return h > 0; }));
    int steps = kRefineSteps;
    while (steps > 2 && std::pow(steps, free) > max_points) steps -= 2;
    for (int level = 0; level < param_int(p, "refine_levels") && m.best.valid(); ++level) {
        const opt::Box window = opt::refine_around(m.best.x, space_.box(), half);
        std::vector<int> per_dim(axes.size(), 1);
        for (std::size_t i = 0; i < axes.size(); ++i)
            if (half[i] > 0 && window.width(i) > 0) per_dim[i] = steps;
        // The axes of opt::grid_points(window, per_dim).
        window.validate();
        std::vector<GridAxis> level_axes(axes.size());
        for (std::size_t i = 0; i < axes.size(); ++i)
            level_axes[i].values = opt::linspace(window.lower[i], window.upper[i], per_dim[i]);
        evaluate_level(std::move(level_axes));
        for (std::size_t i = 0; i < axes.size(); ++i)
            half[i] = per_dim[i] > 1 ? window.width(i) / (per_dim[i] - 1) : 0.0;
        Q_EMIT owner_.log(QStringLiteral("grid refinement level %1: best %2")
                              .arg(level + 1)
                              .arg(QString::fromStdString(format_objective(m.best.objective))));
    }
}

void StudyRunner::Driver::run_gd(MethodState& m, const json& p, uint64_t seed) {
    const int starts = param_int(p, "starts");
    std::vector<Vector> points = opt::latin_hypercube_starts(space_.box(), starts, seed);
    // A start that breaks the AP separation is replaced by a random feasible one (own stream).
    const opt::SeedSequence redraw(opt::SeedSequence(seed).derive("redraw"));
    for (std::size_t i = 0; i < points.size(); ++i)
        if (!space_.feasible(points[i])) {
            auto rng = redraw.engine(i);
            points[i] = random_feasible(rng);
        }
    Vector lr;
    for (const std::string& name : space_.names()) {
        if (ends_with(name, "_deg"))
            lr.push_back(param_number(p, "lr_deg"));
        else if (name == "reflector.u" || name == "reflector.v")
            lr.push_back(param_number(p, "lr_uv"));
        else
            lr.push_back(param_number(p, "lr_m"));
    }
    std::vector<json> payloads;
    for (const Vector& start : points)
        payloads.push_back({{"kind", "gd"},
                            {"start", start},
                            {"iterations", param_int(p, "iterations")},
                            {"learning_rate", lr},
                            {"temperature_db", param_number(p, "surrogate_temperature_db")}});
    run_tasks(m, payloads);  // one task per start, completed in any order
}

void StudyRunner::Driver::run_ga(MethodState& m, const json& p, uint64_t seed) {
    opt::GeneticAlgorithmParams g;
    g.population = param_int(p, "population");
    g.generations = param_int(p, "generations");
    g.cxpb = param_number(p, "cxpb");
    g.mutpb = param_number(p, "mutpb");
    g.tournament_size = param_int(p, "tournament");
    g.blend_alpha = param_number(p, "alpha");
    g.indpb = param_number(p, "indpb");
    g.n_elite = param_int(p, "elite");
    g.hall_of_fame = param_int(p, "hall_of_fame");
    g.sigma = space_.gene_scales(param_number(p, "sigma_pos_m"), param_number(p, "sigma_deg"),
                                 param_number(p, "sigma_uv"), param_number(p, "sigma_focal_m"));
    const std::size_t chunk_size = static_cast<std::size_t>(param_int(p, "chunk"));
    const auto fitness = [&](const std::vector<Vector>& points) {
        return evaluate(m, points, chunk_size);
    };
    opt::genetic_algorithm(space_.box(), fitness, g, seed, constraint(),
                           [&](int generation, const opt::Evaluation& best,
                               const std::vector<opt::Evaluation>&) {
                               Q_EMIT owner_.log(QStringLiteral("ga generation %1: best %2")
                                                     .arg(generation)
                                                     .arg(QString::fromStdString(
                                                         format_objective(best.fitness))));
                           });
}

void StudyRunner::Driver::run_pso(MethodState& m, const json& p, uint64_t seed) {
    opt::PsoParams params;
    params.population = static_cast<unsigned>(param_int(p, "population"));
    params.generations = static_cast<unsigned>(param_int(p, "generations"));
    const std::size_t chunk_size = static_cast<std::size_t>(param_int(p, "chunk"));
    opt::pso_optimise(space_.box(),
                      [&](const std::vector<Vector>& points) {
                          return evaluate(m, points, chunk_size);
                      },
                      params, seed, constraint());
}

void StudyRunner::Driver::run_cmaes(MethodState& m, const json& p, uint64_t seed) {
    opt::CmaesParams params;
    params.population = static_cast<unsigned>(param_int(p, "population"));
    params.generations = static_cast<unsigned>(param_int(p, "generations"));
    params.sigma0 = param_number(p, "sigma0");  // population >= 5: method_params.cpp
    const std::size_t chunk_size = static_cast<std::size_t>(param_int(p, "chunk"));
    opt::cmaes_optimise(space_.box(),
                        [&](const std::vector<Vector>& points) {
                            return evaluate(m, points, chunk_size);
                        },
                        params, seed, constraint());
}

void StudyRunner::Driver::run_refine(MethodState& m, const json& p, uint64_t seed) {
    const opt::Box& box = space_.box();
    Vector start = best_.x;
    if (start.empty()) {  // nothing before: the centre, or a random feasible point
        start = box.center();
        if (!space_.feasible(start)) {
            auto rng = opt::SeedSequence(seed).engine(0);
            start = random_feasible(rng);
        }
    }
    opt::NloptRefineParams params;
    params.max_evaluations = param_int(p, "max_evaluations");
    for (std::size_t i = 0; i < box.dim(); ++i)
        params.initial_step.push_back(param_number(p, "initial_step") * box.width(i));
    opt::ConstraintMargin margin;
    if (space_.ap_count() > 1)
        margin = [this](const Vector& x) { return -space_.separation_margin_m(x); };
    opt::nlopt_refine(box, start,
                      [&](const std::vector<Vector>& points) { return evaluate(m, points, 1); },
                      params, margin);
}

void StudyRunner::Driver::run_halving(MethodState& m, const json& p, uint64_t seed) {
    const opt::SeedSequence seeds(seed);
    std::vector<Vector> candidates;
    for (int i = 0; i < param_int(p, "candidates"); ++i) {
        auto rng = seeds.engine(static_cast<uint64_t>(i));
        candidates.push_back(random_feasible(rng));
    }
    const int order = spec_.radio.max_reflection_order;
    // Cheap round at reflection order 1, then the study's own order (only that one is ranked
    // against the other methods).
    const std::vector<double> budgets =
        order > 1 ? std::vector<double>{1.0, static_cast<double>(order)}
                  : std::vector<double>{static_cast<double>(order)};
    const std::size_t chunk_size = static_cast<std::size_t>(param_int(p, "chunk"));
    opt::successive_halving(
        candidates, budgets, param_number(p, "keep_fraction"),
        [&](const std::vector<Vector>& points, double budget) {
            const int k = static_cast<int>(budget);
            return evaluate(m, points, chunk_size, k < order ? k : -1);
        });
}

void StudyRunner::Driver::run_method(MethodState& m, const MethodSpec& method) {
    json p = method_defaults(method.type);
    p.update(method.params);
    const uint64_t seed = opt::SeedSequence(spec_.seed).derive(static_cast<uint64_t>(m.index));
    const QString type = QString::fromStdString(method.type);
    Q_EMIT owner_.methodStarted(m.index, type);
    QElapsedTimer timer;
    timer.start();
    if (method.type == "grid") run_grid(m, p, seed);
    else if (method.type == "gd") run_gd(m, p, seed);
    else if (method.type == "ga") run_ga(m, p, seed);
    else if (method.type == "pso") run_pso(m, p, seed);
    else if (method.type == "cmaes") run_cmaes(m, p, seed);
    else if (method.type == "refine") run_refine(m, p, seed);
    else if (method.type == "halving") run_halving(m, p, seed);
    else throw method_error(spec_, m.index, "type", "unknown method '" + method.type + "'");
    m.wall_s = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    Q_EMIT owner_.methodFinished(m.index, type,
                                 m.best.valid() ? m.best.objective : kInfeasibleFitness,
                                 m.evaluations);
}

// What layouts drawn over the bounds run into (diagnose_infeasible), or "" when that cannot be
// told: the error it completes must not be lost to a second one.
std::string StudyRunner::Driver::why_no_feasible_layout() const {
    try {
        const LayoutEvaluator evaluator(spec_, load_scene(spec_.scene_path));
        return diagnose_infeasible(evaluator, kDiagnosisDraws, spec_.seed);
    } catch (const std::exception&) {
        return {};
    }
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

// "18 of 24 tasks failed, most often: task timed out after 0.15 s (12 times;
// compute.task_timeout_s)": what a user needs to see before any advice about the search.
std::string StudyRunner::Driver::failures_text() const {
    const auto most =
        std::max_element(failure_reasons_.begin(), failure_reasons_.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    std::string text = std::to_string(failed_) + " of " + std::to_string(done_) + " tasks failed";
    if (most == failure_reasons_.end()) return text;
    text += failure_reasons_.size() == 1 ? ": " : ", most often: ";
    text += most->first;
    std::string hint;
    if (most->first.find("timed out") != std::string::npos)
        hint = "compute.task_timeout_s is " + format_number(spec_.compute.task_timeout_s) + " s";
    if (failure_reasons_.size() > 1)
        hint = std::to_string(most->second) + " times" + (hint.empty() ? "" : "; " + hint);
    return text + (hint.empty() ? "" : " (" + hint + ")");
}

json StudyRunner::Driver::failures_json() const {
    json reasons = json::array();
    for (const auto& [reason, count] : failure_reasons_)
        reasons.push_back({{"reason", reason}, {"count", count}});
    return {{"count", failed_},
            {"text", failed_ ? failures_text() : std::string()},
            {"reasons", reasons}};
}

json StudyRunner::Driver::summary(const json& map_result, double wall_s) const {
    json s;
    s["study"] = spec_.name;
    s["mode"] = to_string(spec_.mode, spec_.ap_count);
    s["store"] = store_.path().string();
    s["resumed"] = resumed_;
    const std::string metric(to_string(spec_.objective.metric));
    s["objective"] = {{"metric", metric},
                      {"unit", objective_unit(metric, to_string(spec_.objective.combine))},
                      {"combine", std::string(to_string(spec_.objective.combine))}};
    s["parameter_names"] = space_.names();
    s["best_x"] = best_.x;
    s["best_objective"] = best_.objective;
    s["best_task_id"] = best_.task_id;
    s["best_method"] =
        spec_.methods[static_cast<std::size_t>(task_method_index(best_.task_id))].type;
    s["best_layout"] = map_result.value("layout", json());
    s["best_metrics"] = map_result.value("metrics", json());
    if (map_result.contains("plate")) s["best_plate"] = map_result.at("plate");
    s["methods"] = json::array();
    for (const MethodState& m : methods_)
        s["methods"].push_back({{"index", m.index},
                                {"type", m.type},
                                {"best", best_json(m.best)},
                                {"evaluations", m.evaluations},
                                {"tasks", m.tasks},
                                {"wall_s", m.wall_s}});
    // Statistics in task-id order so that the sums are bit-identical for any completion order.
    std::vector<std::pair<uint64_t, double>> objectives = task_objectives_;
    std::sort(objectives.begin(), objectives.end());
    json stats = {{"count", objectives.size()}};
    if (!objectives.empty()) {
        double sum = 0, lo = objectives.front().second, hi = lo;
        for (const auto& [id, f] : objectives) sum += f, lo = std::min(lo, f), hi = std::max(hi, f);
        const double mean = sum / static_cast<double>(objectives.size());
        double var = 0;
        for (const auto& [id, f] : objectives) var += (f - mean) * (f - mean);
        stats["mean"] = mean;
        stats["std"] = std::sqrt(var / static_cast<double>(objectives.size()));
        stats["min"] = lo;
        stats["max"] = hi;
    }
    stats["unit"] = s["objective"]["unit"];
    s["task_objectives"] = stats;
    uint64_t evaluations = 0;
    for (const MethodState& m : methods_) evaluations += m.evaluations;
    s["evaluations"] = evaluations;
    s["tasks"] = {{"total", done_}, {"replayed", replayed_}, {"dispatched", done_ - replayed_},
                  {"failed", failed_}};
    // Over every run of the study (load_memo); run_wall_s is this run's.
    s["wall_s"] = earlier_runs_wall_s_ + wall_s;
    s["run_wall_s"] = wall_s;
    s["failures"] = failures_json();
    json warnings = json::array();
    for (const MethodState& m : methods_)
        if (m.failed > 0 && m.evaluations == 0)
            warnings.push_back(fmt_method_warning(m.index, m.type, m.failed, m.tasks));
    s["warnings"] = warnings;
    json pool = {{"workers", options_.workers > 0 ? options_.workers : spec_.compute.workers}};
    if (pool_) {
        const PoolStats ps = pool_->stats();
        double task_s = 0;
        json per_worker = json::array();
        for (const WorkerStats& w : ps.workers) {
            per_worker.push_back({{"id", w.id},
                                  {"busy_s", w.busy_s},
                                  {"tasks_ok", w.tasks_ok},
                                  {"tasks_failed", w.tasks_failed},
                                  {"restarts", w.restarts},
                                  {"gpu_slot", w.gpu_slot},
                                  {"gpu_fraction", w.gpu_fraction}});
            task_s += w.busy_s;
        }
        pool["wall_s"] = ps.wall_s;
        pool["busy_s"] = task_s;
        pool["efficiency"] = ps.efficiency();
        pool["restarts"] = ps.restarts;
        pool["retries"] = ps.retries;
        pool["protocol_errors"] = ps.protocol_errors;
        pool["per_worker"] = per_worker;
        s["gpu"] = pool_->gpu_status().toStdString();
    } else {
        pool["wall_s"] = 0.0;
        // No pool, no efficiency (0 read as "the workers idled"; readers fall back to the
        // task rows over the study's wall time).
        pool["efficiency"] = nullptr;
        pool["note"] = "every task was replayed from the store; no worker ran";
        s["gpu"] = "no worker ran";
    }
    s["pool"] = pool;
    return s;
}

// ---- StudyRunner ---------------------------------------------------------------------------

StudyRunner::StudyRunner(QObject* parent) : QObject(parent) {
    qRegisterMetaType<rps::StudyTaskEvent>("rps::StudyTaskEvent");
}

StudyRunner::~StudyRunner() {
    if (thread_) {
        cancel();
        thread_->wait();
        delete thread_;
    }
}

json StudyRunner::method_defaults(const std::string& type) {
    return rps::method_defaults(type);  // the one table: core/study/method_params.cpp
}

uint64_t StudyRunner::grid_point_count(const StudySpec& spec, const json& params) {
    json p = method_defaults("grid");
    p.update(params);
    return static_cast<uint64_t>(grid_axes_point_count(grid_axes(LayoutSpace(spec), p)));
}

namespace {

// The radio set-up and the grid the workers will build, checked here so that a study the engine
// cannot run in its scene (a grid reaching 1e300 m away stopped every worker, a frequency where
// a material has no ITU values none could start) fails naming its file and key, with no store.
void check_engine_inputs(const StudySpec& spec, const Scene& scene) {
    try {
        RadioEngine::check_setup(scene, spec.radio);
    } catch (const std::invalid_argument& error) {
        throw InputError(SourceLocation{spec.source_file, 0, "radio"}, error.what());
    }
    try {
        RadioEngine::check_grid(scene, spec.grid);
    } catch (const std::invalid_argument& error) {
        throw InputError(SourceLocation{spec.source_file, 0, "grid"}, error.what());
    }
}

// A grid with no cell in its mask (excluded areas covering it, or every cell inside a solid)
// leaves the study nothing to measure: it scored -160 dBm over 0 cells and "succeeded". Refused
// before the store exists.
void check_grid_has_cells(const StudySpec& spec, const Scene& scene) {
    const RadioEngine engine(scene, spec.radio, spec.grid);
    if (any_cell_measured(engine.grid().mask)) return;
    if (!spec.grid.excluded_areas.empty())
        throw InputError(SourceLocation{spec.source_file, 0, "grid.exclude"},
                         "the excluded areas leave no cell of the grid to measure");
    throw InputError(SourceLocation{spec.source_file, 0, "grid"}, kNoMeasuredCell);
}

// A study whose bounds provably admit no layout the workers would evaluate (an AP height on the
// floor, a separation no bounds allow, a focal range behind the mount wall) ran every method on
// refused layouts and ended "no feasible layout was evaluated". Refused before the store exists,
// naming the key. (What is only rare is left to the methods; a run that finds nothing says why
// at its end: diagnose_infeasible.)
void check_not_provably_infeasible(const StudySpec& spec, const Scene& scene) {
    if (const auto proof = prove_infeasible(spec, scene))
        throw InputError(SourceLocation{spec.source_file, 0, proof->field}, proof->message);
}

// A resume must run on the scene the study started with: otherwise its finished results and the
// new ones would come from two buildings, and the best layout would compare them as equals.
// (Stores written before fingerprints were recorded are not checked.)
void check_scene_unchanged(const StoredStudy& stored, const StudySpec& spec,
                           const std::filesystem::path& store_path) {
    const std::string mismatch = stored_scene_mismatch(
        stored.scene_fingerprint(), load_scene(spec.scene_path), spec.scene_path);
    if (!mismatch.empty())
        throw StudyError(store_path.string() + ": " + mismatch +
                         ": resuming would mix results of two scenes. Restore the scene, or "
                         "start a new study.");
}

// The document kept in the store (stored_study_document: the scene made absolute).
json stored_document(const StudySpec& spec) {
    if (!spec.document.is_object() || spec.document.empty())
        throw StudyError("the study has no JSON document to store (StudySpec::document)");
    return stored_study_document(spec);
}

}  // namespace

json StudyRunner::run(const StudySpec& spec, const StudyRunOptions& options) {
    cancelled_ = false;
    return run_new(spec, options);
}

json StudyRunner::resume(const std::filesystem::path& store, const StudyRunOptions& options) {
    cancelled_ = false;
    return run_resume(store, options);
}

json StudyRunner::run_new(const StudySpec& spec, const StudyRunOptions& options) {
    return drive([&] {
        const json doc = stored_document(spec);
        // Re-parsed from the stored document: a fresh run and a resume read the same study.
        StudySpec effective = parse_study(doc, spec.source_file);
        check_study_size(effective);  // before the store: a refused study leaves no file
        // The scene is loaded here too (a bad scene fails before the store exists) and its
        // fingerprint recorded, so that a resume can tell whether it changed.
        const Scene scene = load_scene(effective.scene_path);
        const std::string fingerprint = scene_fingerprint(scene);
        check_engine_inputs(effective, scene);
        check_grid_has_cells(effective, scene);
        check_not_provably_infeasible(effective, scene);
        StudyStore store = StudyStore::create(options.store_path, doc, options.overwrite,
                                              {{"scene_fingerprint", fingerprint}});
        return std::make_unique<Driver>(*this, std::move(effective), std::move(store), options,
                                        false);
    });
}

json StudyRunner::run_resume(const std::filesystem::path& path, const StudyRunOptions& options) {
    // A finished study is not reopened: the resume replayed every task and replaced the summary
    // with one timed over a few milliseconds of replay (wall 0.01 s, efficiency 4746 %), and a
    // resume killed part-way left the study UNFINISHED. Its stored summary is the answer.
    std::optional<json> finished_summary;
    try {
        StoredStudy stored = StudyStore::read(path);
        if (stored.finished) finished_summary = std::move(stored.markers.back().info);
    } catch (const std::exception&) {
        // open_for_resume below reads it again and reports what is wrong with it.
    }
    if (finished_summary && finished_summary->is_object()) {
        json summary = std::move(*finished_summary);
        summary["store"] = path.string();
        summary["already_finished"] = true;
        Q_EMIT finished(QByteArray::fromStdString(summary.dump()));
        return summary;
    }
    return drive([&] {
        StudyStore store = StudyStore::open_for_resume(path);
        const json& document = store.load().spec;
        StudySpec spec = parse_study(document, path.string());
        // Where the study ran, else beside the study file (moved with it); the fingerprint
        // below makes sure it is the same scene.
        spec.scene_path = resolve_stored_scene(document, stored_scene_name(document), path,
                                               "put it back or beside the study file")
                              .string();
        check_study_size(spec);
        check_scene_unchanged(store.load(), spec, path);
        return std::make_unique<Driver>(*this, std::move(spec), std::move(store), options, true);
    });
}

// Everything that can fail, the set-up included, ends in failed() (the GUI listens to nothing
// else) and is rethrown for synchronous callers.
json StudyRunner::drive(const std::function<std::unique_ptr<Driver>()>& make_driver) {
    try {
        std::unique_ptr<Driver> driver = make_driver();
        json summary = driver->run();
        driver.reset();
        set_pool(nullptr);
        Q_EMIT finished(QByteArray::fromStdString(summary.dump()));
        return summary;
    } catch (const std::exception& error) {
        set_pool(nullptr);
        Q_EMIT failed(QString::fromUtf8(error.what()));
        throw;
    }
}

void StudyRunner::start_thread(std::function<json()> body) {
    if (running()) throw StudyError("a study is already running");
    cancelled_ = false;  // here, not in the thread: a cancel() right after start() must hold
    delete thread_;
    thread_ = QThread::create([body = std::move(body)] {
        try {
            body();
        } catch (...) {
            // Already reported through failed().
        }
    });
    thread_->start();
}

void StudyRunner::start(const StudySpec& spec, const StudyRunOptions& options) {
    start_thread([this, spec, options] { return run_new(spec, options); });
}

void StudyRunner::start_resume(const std::filesystem::path& store,
                               const StudyRunOptions& options) {
    start_thread([this, store, options] { return run_resume(store, options); });
}

bool StudyRunner::running() const { return thread_ && thread_->isRunning(); }

void StudyRunner::wait() {
    if (thread_) thread_->wait();
}

void StudyRunner::set_pool(WorkerPool* pool) {
    std::lock_guard lock(mutex_);
    pool_ = pool;
}

void StudyRunner::snapshot(const WorkerPool& pool) {
    PoolStats stats = pool.stats();
    std::lock_guard lock(mutex_);
    stats_ = std::move(stats);
}

PoolStats StudyRunner::pool_stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

// The pool lives in the driver's thread: calls are queued to it.
void StudyRunner::pause() {
    paused_ = true;
    std::lock_guard lock(mutex_);
    if (WorkerPool* p = pool_)
        QMetaObject::invokeMethod(p, [p] { p->pause(); }, Qt::QueuedConnection);
}

void StudyRunner::resume_dispatch() {
    paused_ = false;
    std::lock_guard lock(mutex_);
    if (WorkerPool* p = pool_)
        QMetaObject::invokeMethod(p, [p] { p->resume(); }, Qt::QueuedConnection);
}

void StudyRunner::cancel() {
    cancelled_ = true;
    std::lock_guard lock(mutex_);
    if (WorkerPool* p = pool_)
        QMetaObject::invokeMethod(p, [p] { p->cancel(); }, Qt::QueuedConnection);
}

}  // namespace rps
