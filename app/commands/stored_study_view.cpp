// Reading a StoredStudy into the summary the report commands print (stored_study_view.hpp).
#include "app/commands/stored_study_view.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <utility>
#include <vector>

#include "app/commands/json_fields.hpp"
#include "core/common/error.hpp"
#include "core/study/layout.hpp"

namespace rps::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// ------------------------------------------------------------------------------ small helpers

// The study document inside the stored spec: the runner stores the document itself; a wrapper
// ({"study": {...}, ...}) is tolerated.
json study_document(const json& spec) {
    if (spec.is_object() && !spec.contains("methods"))
        for (const char* key : {"study", "document", "spec"})
            if (spec.contains(key) && spec[key].is_object()) return spec[key];
    return spec;
}

bool is_map_task(const json& row_result) {
    const json* payload = object_at(row_result, "payload");
    return payload && string_at(*payload, "kind", "") == "map";
}

// Decodes a parameter vector into a layout (needs the spec); null when it cannot.
json layout_of(const std::optional<StudySpec>& spec, const Vector& x) {
    if (!spec) return nullptr;
    try {
        const LayoutSpace space(*spec);
        if (x.size() != space.dim()) return nullptr;
        return layout_to_json(space.decode(x));
    } catch (const std::exception&) {
        return nullptr;
    }
}

// ------------------------------------------------------------------------------ the study

// The objective as the spec says, else as the document says (a study that does not parse).
json objective_json(const StoredStudyView& view) {
    std::string metric, combine;
    if (view.spec) {
        metric = std::string(to_string(view.spec->objective.metric));
        combine = std::string(to_string(view.spec->objective.combine));
    } else {
        const json* objective = object_at(view.document, "objective");
        metric = objective ? string_at(*objective, "metric", "p5") : "p5";
        combine = objective ? string_at(*objective, "combine", "best") : "best";
    }
    return {{"metric", metric}, {"combine", combine}, {"unit", objective_unit(metric, combine)}};
}

// Name, scene, mode, objective and the file's state; parses the stored document into view.spec.
void add_study(StoredStudyView& view, const StoredStudy& study) {
    const json& doc = view.document;
    json& d = view.data;
    d["file"] = study.path.string();
    d["name"] = string_at(doc, "name", "study");
    if (doc.is_object() && doc.contains("description")) d["description"] = doc["description"];
    d["scene"] = string_at(doc, "scene", "");
    try {
        view.spec = parse_study(doc, study.path.string());
    } catch (const std::exception& error) {
        d["spec_error"] = error.what();
    }
    d["mode"] = view.spec ? to_string(view.spec->mode, view.spec->ap_count)
                          : string_at(doc, "mode", "1ap");
    d["objective"] = objective_json(view);
    if (view.spec) d["seed"] = view.spec->seed;
    d["finished"] = study.finished;
    d["state"] = study.finished ? "finished" : "unfinished";
    d["recovered"] = study.recovered;
    d["dropped_rows"] = study.dropped_rows;
}

struct RunMarkers {
    size_t runs = 0;
    json last_run_info;             // the last run_started marker's
    const json* summary = nullptr;  // the study_finished marker's (the runner's summary)
};

RunMarkers read_markers(const StoredStudy& study) {
    RunMarkers markers;
    for (const StoredMarker& marker : study.markers) {
        if (marker.kind == TaskStatus::run_started)
            ++markers.runs, markers.last_run_info = marker.info;
        if (marker.kind == TaskStatus::study_finished) markers.summary = &marker.info;
    }
    return markers;
}

// ------------------------------------------------------------------------------ the tasks

struct MethodStats {
    size_t tasks = 0, ok = 0;
    double best = opt::kInfeasibleFitness;
    json best_x;
};

struct TaskTally {
    size_t tasks = 0;  // distinct task ids
    size_t ok = 0, failed = 0, cancelled = 0, retried = 0, map_tasks = 0;
    std::vector<double> objectives;  // the usable objectives of the ok tasks
    size_t infeasible = 0;
    std::map<int, MethodStats> methods;  // by method index; -1: rows that name none
    double row_best = opt::kInfeasibleFitness;
    json row_best_x;
    std::optional<size_t> map_row;  // the last valid map task's row
};

void count_map_task(TaskTally& t, const json& result, TaskStatus status, size_t row) {
    ++t.map_tasks;
    const json* map = object_at(result, "result");
    if (status == TaskStatus::ok && map && map->value("valid", false) &&
        (!t.map_row || row > *t.map_row))
        t.map_row = row;
}

void count_method_task(TaskTally& t, const TaskRecord& record, const json& result,
                       TaskStatus status) {
    const int method = result.is_object() && result.value("method_index", json()).is_number()
                           ? result["method_index"].get<int>()
                           : -1;
    MethodStats& m = t.methods[method];
    ++m.tasks;
    if (status != TaskStatus::ok) return;
    ++m.ok;
    // A cheap halving round's objective is of a lower-order map: left out of the statistics and
    // the bests, as the runner leaves it out of its summary (full fidelity only) and rps compare
    // out of --top, so that an unfinished study reads as the finished one would.
    if (const json* payload = object_at(result, "payload");
        payload && payload->contains("max_order"))
        return;
    if (usable_objective(record.objective))
        t.objectives.push_back(record.objective);
    else
        ++t.infeasible;
    const double best = number_at(result, "best_objective").value_or(record.objective);
    if (usable_objective(best) && best > m.best) {
        m.best = best;
        m.best_x = result.is_object() ? result.value("best_x", json()) : json();
    }
    if (usable_objective(best) && best > t.row_best) {
        t.row_best = best;
        t.row_best_x = m.best_x;
    }
}

// The last row of each task counts (a resumed run may have re-run a task).
TaskTally tally_tasks(const StoredStudy& study) {
    std::map<uint64_t, size_t> last_row;
    std::map<uint64_t, int> row_count;
    for (size_t i = 0; i < study.tasks.size(); ++i) {
        last_row[study.tasks[i].task_id] = i;
        ++row_count[study.tasks[i].task_id];
    }
    TaskTally t;
    t.tasks = last_row.size();
    for (const auto& [task_id, i] : last_row) {
        const TaskRecord& record = study.tasks[i];
        const json& result = study.results[i];
        const auto status = static_cast<TaskStatus>(record.status);
        t.ok += status == TaskStatus::ok;
        t.failed += status == TaskStatus::failed;
        t.cancelled += status == TaskStatus::cancelled;
        t.retried += record.attempt > 1 || row_count[task_id] > 1;
        if (is_map_task(result))
            count_map_task(t, result, status, i);
        else
            count_method_task(t, record, result, status);
    }
    return t;
}

json tasks_json(const TaskTally& t, size_t rows) {
    return {{"rows", rows},           {"tasks", t.tasks},         {"ok", t.ok},
            {"failed", t.failed},     {"cancelled", t.cancelled}, {"retried", t.retried},
            {"map_tasks", t.map_tasks}};
}

// Aggregate statistics of the task objectives (population standard deviation); the runner's
// own, when its summary has them.
json statistics_json(const TaskTally& t, const json* summary) {
    const std::vector<double>& objectives = t.objectives;
    json stats = {{"count", objectives.size()}, {"infeasible", t.infeasible}};
    if (!objectives.empty()) {
        double sum = 0;
        for (double v : objectives) sum += v;
        const double mean = sum / objectives.size();
        double squares = 0;
        for (double v : objectives) squares += (v - mean) * (v - mean);
        stats["mean"] = mean;
        stats["std"] = std::sqrt(squares / objectives.size());
        stats["min"] = *std::min_element(objectives.begin(), objectives.end());
        stats["max"] = *std::max_element(objectives.begin(), objectives.end());
    }
    stats["source"] = "task_rows";
    if (summary)
        if (const json* runner_stats = object_at(*summary, "task_objectives");
            runner_stats && runner_stats->contains("mean")) {
            for (const char* key : {"count", "mean", "std", "min", "max"})
                if (runner_stats->contains(key)) stats[key] = (*runner_stats)[key];
            stats["source"] = "summary";
        }
    return stats;
}

// Per method, in the study's order; the listed methods appear even when they ran no task.
json methods_json(std::map<int, MethodStats> methods, const json& doc) {
    json methods_list = json::array();
    const json* listed_methods =
        doc.is_object() && doc.contains("methods") && doc["methods"].is_array() ? &doc["methods"]
                                                                                 : nullptr;
    const size_t listed = listed_methods ? listed_methods->size() : 0;
    for (size_t m = 0; m < listed; ++m) methods[static_cast<int>(m)];
    for (const auto& [index, m] : methods) {
        std::string type = index < 0 ? "(none)" : "?";
        if (index >= 0 && static_cast<size_t>(index) < listed)
            // index < listed: there is a list.
            // NOLINTNEXTLINE(clang-analyzer-core.CallAndMessage)
            type = string_at((*listed_methods)[index], "type", "?");
        methods_list.push_back(
            {{"index", index},
             {"type", type},
             {"tasks", m.tasks},
             {"ok", m.ok},
             {"best_objective", usable_objective(m.best) ? json(m.best) : json(nullptr)},
             {"best_x", m.best_x}});
    }
    return methods_list;
}

// ------------------------------------------------------------------------------ workers, time

// What the task rows say: busy time = Σ elapsed_s of every row (every attempt that reported
// back), per worker, and the span of the rows.
struct RowTimes {
    std::map<int, std::pair<double, size_t>> busy;  // worker id -> (busy s, rows)
    double task_time = 0, first_start = 0, last_end = 0;
};

RowTimes row_times(const StoredStudy& study) {
    RowTimes times;
    for (size_t i = 0; i < study.tasks.size(); ++i) {
        const TaskRecord& r = study.tasks[i];
        const double elapsed = std::isfinite(r.elapsed_s) ? std::max(0.0, r.elapsed_s) : 0.0;
        times.busy[r.worker_id].first += elapsed;
        times.busy[r.worker_id].second += 1;
        times.task_time += elapsed;
        times.first_start = i == 0 ? r.start_s : std::min(times.first_start, r.start_s);
        times.last_end = i == 0 ? r.end_s : std::max(times.last_end, r.end_s);
    }
    return times;
}

// The pool's size as the runner recorded it, else as the study asks, else as the rows show.
int worker_count(const json* pool, const json& last_run_info,
                 const std::optional<StudySpec>& spec, size_t busy_workers) {
    int workers = 0;
    if (pool)
        if (const auto n = number_at(*pool, "workers")) workers = static_cast<int>(*n);
    if (!workers)
        if (const auto n = number_at(last_run_info, "workers")) workers = static_cast<int>(*n);
    if (!workers && spec) workers = spec->compute.workers;
    if (!workers) workers = std::max<int>(1, static_cast<int>(busy_workers));
    return workers;
}

bool has_per_worker(const json* pool) {
    return pool && pool->contains("per_worker") && (*pool)["per_worker"].is_array() &&
           !(*pool)["per_worker"].empty();
}

json pool_busy_json(const json& pool) {
    json busy = json::array();
    for (const json& w : pool["per_worker"])
        busy.push_back({{"worker_id", w.value("id", -1)},
                        {"busy_s", w.value("busy_s", 0.0)},
                        {"tasks", w.value("tasks_ok", 0) + w.value("tasks_failed", 0)},
                        {"restarts", w.value("restarts", 0)}});
    return busy;
}

json row_busy_json(const RowTimes& times) {
    json busy = json::array();
    for (const auto& [id, entry] : times.busy)
        busy.push_back({{"worker_id", id}, {"busy_s", entry.first}, {"tasks", entry.second}});
    return busy;
}

// Workers, wall time, task time and pool efficiency (Σ task time / (N × wall)). What the runner
// recorded (its pool measured busy time and wall time) is preferred; the task rows are the
// fall-back (an unfinished study).
void add_workers_and_time(json& d, const StoredStudy& study, const RunMarkers& markers,
                          const std::optional<StudySpec>& spec) {
    const RowTimes times = row_times(study);
    const json* summary = markers.summary;
    const json* pool = summary ? object_at(*summary, "pool") : nullptr;
    const int workers = worker_count(pool, markers.last_run_info, spec, times.busy.size());
    const bool busy_from_summary = has_per_worker(pool);
    const json busy = busy_from_summary ? pool_busy_json(*pool) : row_busy_json(times);
    d["workers"] = {{"count", workers},
                    {"busy", busy},
                    {"busy_source", busy_from_summary ? "summary" : "task_rows"}};
    if (pool)
        for (const char* key : {"restarts", "retries", "protocol_errors"})
            if (pool->contains(key)) d["workers"][key] = (*pool)[key];

    std::optional<double> wall = summary ? number_at(*summary, "wall_s") : std::nullopt;
    d["wall_source"] = wall ? "summary" : "task_rows";
    if (!wall && !study.tasks.empty())  // approximate across resumed runs
        wall = std::max(0.0, times.last_end - times.first_start);
    d["wall_s"] = wall ? json(*wall) : json(nullptr);

    double task_time = times.task_time;
    if (busy_from_summary) {
        task_time = 0;
        for (const json& w : busy) task_time += w["busy_s"].get<double>();
    }
    // A resumed study's wall time covers every run (run_wall_s is the last one's): its task time
    // is then every run's too, from the rows, not the last pool's busy time beside it.
    const std::optional<double> run_wall =
        summary ? number_at(*summary, "run_wall_s") : std::nullopt;
    const bool several_runs = run_wall && wall && *run_wall != *wall;
    d["task_time_s"] = several_runs ? times.task_time : task_time;
    std::optional<double> pool_wall = pool ? number_at(*pool, "wall_s") : std::nullopt;
    if (!pool_wall || *pool_wall <= 0) pool_wall = wall;
    d["pool_efficiency"] = pool_wall && *pool_wall > 0
                               ? json(task_time / (workers * *pool_wall))
                               : json(nullptr);
}

// ------------------------------------------------------------------------------ the best layout

json map_task_best(StoredStudyView& view, const StoredStudy& study, size_t row_index) {
    const json& row = study.results[row_index];
    const json& map = row["result"];
    view.map_result = &map;
    view.map_task_id = study.tasks[row_index].task_id;
    json best;
    best["source"] = "map_task";
    best["task_id"] = view.map_task_id;
    best["objective"] = map.value("objective", json());
    best["layout"] = map.value("layout", json());
    best["metrics"] = map.value("metrics", json());
    if (map.contains("plate")) best["plate"] = map["plate"];
    json x = row.value("best_x", json());
    if (const json* payload = object_at(row, "payload"); payload && x.is_null())
        x = payload->value("point", json());
    best["x"] = x;
    return best;
}

json summary_best(const json& summary) {
    json best;
    best["source"] = "summary";
    best["objective"] = summary.value("best_objective", json());
    best["x"] = summary.value("best_x", json());
    best["layout"] = summary.value("best_layout", json());
    best["metrics"] = summary.value("best_metrics", json());
    return best;
}

json row_best(const TaskTally& t) {
    json best;
    best["source"] = "task_rows";
    best["objective"] = t.row_best;
    best["x"] = t.row_best_x;
    best["metrics"] = nullptr;
    return best;
}

// The best layout: the final map task, else the finished summary, else the best task row; null
// when there is none yet.
json best_json(StoredStudyView& view, const StoredStudy& study, const TaskTally& t,
               const json* summary) {
    json best;
    if (t.map_row)
        best = map_task_best(view, study, *t.map_row);
    else if (summary && (summary->contains("best_layout") || summary->contains("best_x")))
        best = summary_best(*summary);
    else if (usable_objective(t.row_best))
        best = row_best(t);
    if (!best.is_null() && (!best.contains("layout") || best["layout"].is_null())) {
        if (const auto x = vector_at(best, "x")) best["layout"] = layout_of(view.spec, *x);
    }
    if (summary && !best.is_null() && best["objective"].is_null())
        best["objective"] = summary->value("best_objective", json());
    return best;
}

}  // namespace

bool usable_objective(double value) {
    return std::isfinite(value) && value > 0.5 * opt::kInfeasibleFitness;
}

StoredStudy read_study_file(const std::string& file) {
    if (!fs::is_regular_file(file)) throw InputError({file, 0, ""}, "no such study file");
    try {
        return StudyStore::read(file);
    } catch (const StoreError& error) {
        throw InputError({file, 0, ""}, std::string("not a readable study file: ") + error.what());
    }
}

StoredStudyView view_stored_study(const StoredStudy& study) {
    StoredStudyView view;
    view.document = study_document(study.spec);
    add_study(view, study);
    const RunMarkers markers = read_markers(study);
    json& d = view.data;
    d["runs"] = markers.runs;
    d["summary"] = markers.summary ? *markers.summary : json(nullptr);
    const TaskTally tally = tally_tasks(study);
    d["tasks"] = tasks_json(tally, study.tasks.size());
    d["statistics"] = statistics_json(tally, markers.summary);
    add_workers_and_time(d, study, markers, view.spec);
    d["methods"] = methods_json(tally.methods, view.document);
    d["best"] = best_json(view, study, tally, markers.summary);
    return view;
}

}  // namespace rps::cli
