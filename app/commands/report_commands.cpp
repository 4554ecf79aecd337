// rps show / export / sweep: reading study files back, exporting the best layout as a scene, and
// running a study over a sweep of parameters (docs/study_format.md).
#include "app/commands/report_commands.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <tinyxml2.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "app/commands/map_output.hpp"
#include "core/common/error.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/store/study_store.hpp"
#include "core/study/json_reader.hpp"
#include "core/study/layout.hpp"
#include "core/study/layout_evaluator.hpp"
#include "core/study/reflector_pose.hpp"
#include "core/study/study_spec.hpp"
#include "core/study/sweep.hpp"
#include "core/study/task_executor.hpp"

extern char** environ;

namespace rps::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// ------------------------------------------------------------------------------ small helpers

// A real objective (not NaN, not the optimisers' "infeasible" sentinel).
bool usable(double value) { return std::isfinite(value) && value > 0.5 * opt::kInfeasibleFitness; }

std::optional<double> number_at(const json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

std::string string_at(const json& object, const char* key, const std::string& fallback) {
    if (!object.is_object()) return fallback;
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

const json* object_at(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it != object.end() && it->is_object() ? &*it : nullptr;
}

std::optional<Vector> vector_at(const json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array()) return std::nullopt;
    Vector x;
    for (const auto& v : *it) {
        if (!v.is_number()) return std::nullopt;
        x.push_back(v.get<double>());
    }
    return x;
}

std::optional<Vec3> vec3_at(const json& object, const char* key) {
    const auto v = vector_at(object, key);
    if (!v || v->size() != 3) return std::nullopt;
    return Vec3((*v)[0], (*v)[1], (*v)[2]);
}

json vec3_json(const Vec3& v) { return json::array({v.x(), v.y(), v.z()}); }

std::string objective_unit(const std::string& metric) {
    return metric == "coverage" ? "%" : "dBm";
}

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

// A study file that cannot be read is bad input (exit 2), like any other unreadable input.
StoredStudy read_study_file(const std::string& file) {
    if (!fs::is_regular_file(file)) throw InputError({file, 0, ""}, "no such study file");
    try {
        return StudyStore::read(file);
    } catch (const StoreError& error) {
        throw InputError({file, 0, ""}, std::string("not a readable study file: ") + error.what());
    }
}

// ------------------------------------------------------------------------------ the report

struct StudyReport {
    json data;                      // what `rps show --json` prints
    json document;                  // the study document as stored
    std::optional<StudySpec> spec;  // when the document parses
    const json* map_result = nullptr;  // the best layout's map task result (points into study)
    uint64_t map_task_id = 0;
};

// Decodes a parameter vector into a layout (needs the spec); null when it cannot.
json layout_of(const StudyReport& report, const Vector& x) {
    if (!report.spec) return nullptr;
    try {
        const LayoutSpace space(*report.spec);
        if (x.size() != space.dim()) return nullptr;
        return layout_to_json(space.decode(x));
    } catch (const std::exception&) {
        return nullptr;
    }
}

StudyReport build_report(const StoredStudy& study) {
    StudyReport report;
    report.document = study_document(study.spec);
    const json& doc = report.document;
    json& d = report.data;
    d["file"] = study.path.string();
    d["name"] = string_at(doc, "name", "study");
    if (doc.is_object() && doc.contains("description")) d["description"] = doc["description"];
    d["scene"] = string_at(doc, "scene", "");
    try {
        report.spec = parse_study(doc, study.path.string());
    } catch (const std::exception& error) {
        d["spec_error"] = error.what();
    }
    std::string metric = "p5";
    if (report.spec) {
        const StudySpec& spec = *report.spec;
        metric = std::string(to_string(spec.objective.metric));
        d["mode"] = to_string(spec.mode, spec.ap_count);
        d["objective"] = {{"metric", metric},
                          {"combine", std::string(to_string(spec.objective.combine))},
                          {"unit", objective_unit(metric)}};
        d["seed"] = spec.seed;
    } else {
        d["mode"] = string_at(doc, "mode", "1ap");
        const json* objective = object_at(doc, "objective");
        metric = objective ? string_at(*objective, "metric", "p5") : "p5";
        d["objective"] = {{"metric", metric},
                          {"combine",
                           objective ? string_at(*objective, "combine", "best") : "best"},
                          {"unit", objective_unit(metric)}};
    }
    d["finished"] = study.finished;
    d["state"] = study.finished ? "finished" : "unfinished";
    d["recovered"] = study.recovered;
    d["dropped_rows"] = study.dropped_rows;
    const json* summary = nullptr;
    size_t runs = 0;
    json last_run_info;
    for (const StoredMarker& marker : study.markers) {
        if (marker.kind == TaskStatus::run_started) ++runs, last_run_info = marker.info;
        if (marker.kind == TaskStatus::study_finished) summary = &marker.info;
    }
    d["runs"] = runs;
    d["summary"] = summary ? *summary : json(nullptr);

    // The last row of each task counts (a resumed run may have re-run a task).
    std::map<uint64_t, size_t> last_row;
    std::map<uint64_t, int> row_count;
    for (size_t i = 0; i < study.tasks.size(); ++i) {
        last_row[study.tasks[i].task_id] = i;
        ++row_count[study.tasks[i].task_id];
    }
    size_t ok = 0, failed = 0, cancelled = 0, retried = 0, map_tasks = 0;
    std::vector<double> objectives;
    size_t infeasible = 0;
    struct MethodStats {
        size_t tasks = 0, ok = 0;
        double best = opt::kInfeasibleFitness;
        json best_x;
    };
    std::map<int, MethodStats> methods;
    double row_best = opt::kInfeasibleFitness;
    json row_best_x;
    std::optional<size_t> map_row;
    for (const auto& [task_id, i] : last_row) {
        const TaskRecord& record = study.tasks[i];
        const json& result = study.results[i];
        const auto status = static_cast<TaskStatus>(record.status);
        ok += status == TaskStatus::ok;
        failed += status == TaskStatus::failed;
        cancelled += status == TaskStatus::cancelled;
        retried += record.attempt > 1 || row_count[task_id] > 1;
        if (is_map_task(result)) {
            ++map_tasks;
            const json* map = object_at(result, "result");
            if (status == TaskStatus::ok && map && map->value("valid", false) &&
                (!map_row || i > *map_row))
                map_row = i;
            continue;
        }
        const int method = result.is_object() && result.value("method_index", json()).is_number()
                               ? result["method_index"].get<int>()
                               : -1;
        MethodStats& m = methods[method];
        ++m.tasks;
        if (status != TaskStatus::ok) continue;
        ++m.ok;
        if (usable(record.objective))
            objectives.push_back(record.objective);
        else
            ++infeasible;
        const double best = number_at(result, "best_objective").value_or(record.objective);
        if (usable(best) && best > m.best) {
            m.best = best;
            m.best_x = result.is_object() ? result.value("best_x", json()) : json();
        }
        if (usable(best) && best > row_best) {
            row_best = best;
            row_best_x = m.best_x;
        }
    }
    d["tasks"] = {{"rows", study.tasks.size()}, {"tasks", last_row.size()}, {"ok", ok},
                  {"failed", failed},           {"cancelled", cancelled},  {"retried", retried},
                  {"map_tasks", map_tasks}};

    // Aggregate statistics of the task objectives (population standard deviation).
    json stats = {{"count", objectives.size()}, {"infeasible", infeasible}};
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
    d["statistics"] = stats;

    // Workers: busy time = Σ elapsed_s of every row (every attempt that reported back).
    std::map<int, std::pair<double, size_t>> busy;
    double task_time = 0, first_start = 0, last_end = 0;
    for (size_t i = 0; i < study.tasks.size(); ++i) {
        const TaskRecord& r = study.tasks[i];
        const double elapsed = std::isfinite(r.elapsed_s) ? std::max(0.0, r.elapsed_s) : 0.0;
        busy[r.worker_id].first += elapsed;
        busy[r.worker_id].second += 1;
        task_time += elapsed;
        first_start = i == 0 ? r.start_s : std::min(first_start, r.start_s);
        last_end = i == 0 ? r.end_s : std::max(last_end, r.end_s);
    }
    // Prefer what the runner recorded (its pool measured busy time and wall time); fall back on
    // the task rows (an unfinished study).
    const json* pool = summary ? object_at(*summary, "pool") : nullptr;
    int workers = 0;
    if (pool)
        if (const auto n = number_at(*pool, "workers")) workers = static_cast<int>(*n);
    if (!workers)
        if (const auto n = number_at(last_run_info, "workers")) workers = static_cast<int>(*n);
    if (!workers && report.spec) workers = report.spec->compute.workers;
    if (!workers) workers = std::max<int>(1, static_cast<int>(busy.size()));
    json busy_json = json::array();
    std::string busy_source = "task_rows";
    if (pool && pool->contains("per_worker") && (*pool)["per_worker"].is_array() &&
        !(*pool)["per_worker"].empty()) {
        busy_source = "summary";
        for (const json& w : (*pool)["per_worker"])
            busy_json.push_back({{"worker_id", w.value("id", -1)},
                                 {"busy_s", w.value("busy_s", 0.0)},
                                 {"tasks", w.value("tasks_ok", 0) + w.value("tasks_failed", 0)},
                                 {"restarts", w.value("restarts", 0)}});
    } else {
        for (const auto& [id, entry] : busy)
            busy_json.push_back(
                {{"worker_id", id}, {"busy_s", entry.first}, {"tasks", entry.second}});
    }
    std::optional<double> wall;
    std::string wall_source = "task_rows";
    if (summary) wall = number_at(*summary, "wall_s");
    if (wall) {
        wall_source = "summary";
    } else if (!study.tasks.empty()) {
        wall = std::max(0.0, last_end - first_start);  // approximate across resumed runs
    }
    d["workers"] = {{"count", workers}, {"busy", busy_json}, {"busy_source", busy_source}};
    if (pool)
        for (const char* key : {"restarts", "retries", "protocol_errors"})
            if (pool->contains(key)) d["workers"][key] = (*pool)[key];
    d["wall_s"] = wall ? json(*wall) : json(nullptr);
    d["wall_source"] = wall_source;
    if (busy_source == "summary") {
        task_time = 0;
        for (const json& w : busy_json) task_time += w["busy_s"].get<double>();
    }
    d["task_time_s"] = task_time;
    // Pool efficiency = Σ task time / (N × wall).
    std::optional<double> pool_wall = pool ? number_at(*pool, "wall_s") : std::nullopt;
    if (!pool_wall || *pool_wall <= 0) pool_wall = wall;
    d["pool_efficiency"] = pool_wall && *pool_wall > 0
                               ? json(task_time / (workers * *pool_wall))
                               : json(nullptr);

    // Per method, in the study's order.
    json methods_json = json::array();
    const json* method_list =
        doc.is_object() && doc.contains("methods") && doc["methods"].is_array() ? &doc["methods"]
                                                                                 : nullptr;
    const size_t listed = method_list ? method_list->size() : 0;
    for (size_t m = 0; m < listed; ++m) methods[static_cast<int>(m)];  // listed ones, even idle
    for (const auto& [index, m] : methods) {
        std::string type = index < 0 ? "(none)" : "?";
        if (index >= 0 && static_cast<size_t>(index) < listed)
            type = string_at((*method_list)[index], "type", "?");
        methods_json.push_back({{"index", index},
                                {"type", type},
                                {"tasks", m.tasks},
                                {"ok", m.ok},
                                {"best_objective", usable(m.best) ? json(m.best) : json(nullptr)},
                                {"best_x", m.best_x}});
    }
    d["methods"] = methods_json;

    // The best layout: the final map task, else the finished summary, else the best task row.
    json best;
    if (map_row) {
        const json& row = study.results[*map_row];
        const json& map = row["result"];
        report.map_result = &map;
        report.map_task_id = study.tasks[*map_row].task_id;
        best["source"] = "map_task";
        best["task_id"] = report.map_task_id;
        best["objective"] = map.value("objective", json());
        best["layout"] = map.value("layout", json());
        best["metrics"] = map.value("metrics", json());
        if (map.contains("plate")) best["plate"] = map["plate"];
        json x = row.value("best_x", json());
        if (const json* payload = object_at(row, "payload"); payload && x.is_null())
            x = payload->value("point", json());
        best["x"] = x;
    } else if (summary && (summary->contains("best_layout") || summary->contains("best_x"))) {
        best["source"] = "summary";
        best["objective"] = summary->value("best_objective", json());
        best["x"] = summary->value("best_x", json());
        best["layout"] = summary->value("best_layout", json());
        best["metrics"] = summary->value("best_metrics", json());
    } else if (usable(row_best)) {
        best["source"] = "task_rows";
        best["objective"] = row_best;
        best["x"] = row_best_x;
        best["metrics"] = nullptr;
    }
    if (!best.is_null() && (!best.contains("layout") || best["layout"].is_null())) {
        if (const auto x = vector_at(best, "x")) best["layout"] = layout_of(report, *x);
    }
    if (summary && !best.is_null() && best["objective"].is_null())
        best["objective"] = summary->value("best_objective", json());
    d["best"] = best;
    return report;
}

// ------------------------------------------------------------------------------ rps show

std::string fixed(const json& value, int digits) {
    return value.is_number() ? fmt::format("{:.{}f}", value.get<double>(), digits) : "-";
}

void print_layout(const json& layout, const json& plate) {
    if (!layout.is_object()) {
        fmt::print("  (no layout recorded)\n");
        return;
    }
    if (layout.contains("aps"))
        for (size_t i = 0; i < layout["aps"].size(); ++i) {
            const json& ap = layout["aps"][i];
            fmt::print("  AP {}       x {:>7} m  y {:>7} m  z {:>5} m  yaw {:>7}°  "
                       "downtilt {:>5}°\n",
                       i, fixed(ap.value("x_m", json()), 3), fixed(ap.value("y_m", json()), 3),
                       fixed(ap.value("z_m", json()), 2), fixed(ap.value("yaw_deg", json()), 2),
                       fixed(ap.value("downtilt_deg", json()), 2));
        }
    if (const json* r = object_at(layout, "reflector")) {
        const json focal = r->value("focal_m", json::array({nullptr, nullptr, nullptr}));
        fmt::print("  plate      u {:>6}  v {:>6}  focal ({}, {}, {}) m\n",
                   fixed(r->value("u", json()), 4), fixed(r->value("v", json()), 4),
                   fixed(focal[0], 2), fixed(focal[1], 2), fixed(focal[2], 2));
        if (plate.is_object()) {
            const auto c = vec3_at(plate, "center_m"), n = vec3_at(plate, "normal");
            if (c && n)
                fmt::print("             centre ({:.3f}, {:.3f}, {:.3f}) m  normal ({:.3f}, "
                           "{:.3f}, {:.3f})  {} x {} m\n",
                           c->x(), c->y(), c->z(), n->x(), n->y(), n->z(),
                           fixed(plate.value("width_m", json()), 2),
                           fixed(plate.value("height_m", json()), 2));
        }
    }
}

void print_report(const json& d) {
    const std::string unit = d["objective"].value("unit", "dBm");
    const std::string metric = d["objective"].value("metric", "p5");
    const std::string combine = d["objective"].value("combine", "best");
    fmt::print("study      {} ({}; objective {}{})\n", d["name"].get<std::string>(),
               d["mode"].get<std::string>(), metric,
               d["mode"] == "1ap" ? ""
               : combine == "best" ? " of the best-server map"
               : combine == "sum"  ? " of the power-sum map"
                                   : " of the " + combine + " map");
    fmt::print("file       {}\n", d["file"].get<std::string>());
    if (d.contains("description"))
        fmt::print("about      {}\n", d["description"].is_string()
                                          ? d["description"].get<std::string>()
                                          : d["description"].dump());
    fmt::print("scene      {}\n", d["scene"].get<std::string>());
    const json& t = d["tasks"];
    if (d["finished"].get<bool>()) {
        fmt::print("state      finished ({} run{})\n", d["runs"].get<size_t>(),
                   d["runs"].get<size_t>() == 1 ? "" : "s");
    } else {
        fmt::print("state      UNFINISHED: the run was stopped or is still going; {} task(s) "
                   "stored (rps run --resume {} finishes it)\n",
                   t["tasks"].get<size_t>(), d["file"].get<std::string>());
    }
    if (d["recovered"].get<bool>() || d["dropped_rows"].get<size_t>() > 0)
        fmt::print("           the file was left open by a killed writer ({} torn row(s) "
                   "ignored)\n",
                   d["dropped_rows"].get<size_t>());
    if (d.contains("spec_error"))
        fmt::print("warning    the stored study does not parse: {}\n",
                   d["spec_error"].get<std::string>());
    const json& best = d["best"];
    if (best.is_null()) {
        fmt::print("best       none yet\n");
    } else {
        fmt::print("best       {} = {} {}{}\n", metric, fixed(best["objective"], 3), unit,
                   best["source"] == "task_rows" ? " (best task so far)" : "");
        print_layout(best.value("layout", json()), best.value("plate", json()));
        const json& m = best.value("metrics", json());
        if (m.is_object())
            fmt::print("metrics    P5 {} dBm  min {} dBm  soft-min {} dBm  mean {} dBm  "
                       "coverage {} % ({} of {} cells with signal)\n",
                       fixed(m.value("p5_dbm", json()), 2), fixed(m.value("min_dbm", json()), 2),
                       fixed(m.value("softmin_dbm", json()), 2),
                       fixed(m.value("mean_dbm", json()), 2),
                       fixed(m.value("coverage_percent", json()), 1),
                       m.value("valid_cells", json()).dump(),
                       m.value("masked_cells", json()).dump());
    }
    fmt::print("tasks      {} ok, {} failed, {} cancelled, {} retried ({} rows, {} map task(s))\n",
               t["ok"].get<size_t>(), t["failed"].get<size_t>(), t["cancelled"].get<size_t>(),
               t["retried"].get<size_t>(), t["rows"].get<size_t>(), t["map_tasks"].get<size_t>());
    const json& s = d["statistics"];
    if (s.contains("mean"))
        fmt::print("objectives mean {} std {} min {} max {} {} over {} task(s){}\n",
                   fixed(s["mean"], 3), fixed(s["std"], 3), fixed(s["min"], 3),
                   fixed(s["max"], 3), unit, s["count"].get<size_t>(),
                   s["infeasible"].get<size_t>()
                       ? fmt::format(" ({} infeasible)", s["infeasible"].get<size_t>())
                       : "");
    fmt::print("methods\n");
    for (const json& m : d["methods"])
        fmt::print("  #{:<2} {:<8} {:>6} task(s) {:>6} ok   best {}\n", m["index"].get<int>(),
                   m["type"].get<std::string>(), m["tasks"].get<size_t>(),
                   m["ok"].get<size_t>(),
                   m["best_objective"].is_number()
                       ? fixed(m["best_objective"], 3) + " " + unit
                       : std::string("-"));
    const json& w = d["workers"];
    std::string busy;
    for (const json& b : w["busy"])
        busy += fmt::format("{}{}: {:.2f} s", busy.empty() ? "" : ", ", b["worker_id"].get<int>(),
                            b["busy_s"].get<double>());
    fmt::print("workers    {} (busy: {}){}\n", w["count"].get<int>(), busy.empty() ? "-" : busy,
               w.contains("restarts") ? ", restarts " + w["restarts"].dump() : "");
    fmt::print("time       wall {} s{}, task time {} s, pool efficiency {}\n",
               fixed(d["wall_s"], 2), d["wall_source"] == "summary" ? "" : " (from task rows)",
               fixed(d["task_time_s"], 2),
               d["pool_efficiency"].is_number()
                   ? fmt::format("{:.1f} %", 100.0 * d["pool_efficiency"].get<double>())
                   : "-");
}

// ------------------------------------------------------------------------------ rps export

// The scene file of a stored study. The document names it as written (absolute, or relative to
// the study file's folder, which the store does not record), so candidates are tried in turn.
fs::path resolve_scene(const json& stored_spec, const json& document, const fs::path& store_file,
                       const std::string& override_path) {
    if (!override_path.empty()) {
        if (!fs::is_regular_file(override_path))
            throw InputError({override_path, 0, "--scene"}, "scene file not found");
        return override_path;
    }
    const std::string scene = string_at(document, "scene", "");
    if (scene.empty())
        throw InputError({store_file.string(), 0, "scene"}, "the stored study names no scene");
    std::vector<fs::path> candidates;
    if (fs::path(scene).is_absolute()) {
        candidates.push_back(scene);
    } else {
        for (const char* key : {"source_file", "study_file"}) {
            const std::string source = string_at(stored_spec, key, "");
            if (!source.empty()) candidates.push_back(fs::path(source).parent_path() / scene);
        }
        candidates.push_back(store_file.parent_path() / scene);
        candidates.push_back(fs::current_path() / scene);
    }
    std::string tried;
    for (const fs::path& path : candidates) {
        if (fs::is_regular_file(path)) return path;
        tried += (tried.empty() ? "" : ", ") + path.string();
    }
    throw InputError({store_file.string(), 0, "scene"},
                     "scene '" + scene + "' not found (tried " + tried + "); give it with --scene");
}

PlateGeometry plate_from_json(const json& plate, const ReflectorSpec& spec) {
    PlateGeometry p;
    const auto c = vec3_at(plate, "center_m"), n = vec3_at(plate, "normal"),
               w = vec3_at(plate, "width_axis");
    if (!c || !n || !w) throw std::runtime_error("the stored plate pose is incomplete");
    p.center = *c;
    p.normal = n->normalized();
    p.width_axis = w->normalized();
    p.width_m = number_at(plate, "width_m").value_or(spec.width_m);
    p.height_m = number_at(plate, "height_m").value_or(spec.height_m);
    p.thickness_m = spec.thickness_m;
    p.perfect_conductor = spec.perfect_conductor;
    return p;
}

// Corners in order (-w,-h), (+w,-h), (+w,+h), (-w,+h): triangles (0,1,2), (0,2,3) face +normal.
std::array<Vec3, 4> plate_corners(const PlateGeometry& p) {
    const Vec3 w = 0.5 * p.width_m * p.width_axis, h = 0.5 * p.height_m * p.height_axis();
    return {p.center - w - h, p.center + w - h, p.center + w + h, p.center - w + h};
}

template <typename T>
void put_le(std::ostream& out, T value) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    if constexpr (std::endian::native == std::endian::big) std::reverse(bytes, bytes + sizeof(T));
    out.write(reinterpret_cast<const char*>(bytes), sizeof(T));
}

void write_plate_ply(const fs::path& path, const PlateGeometry& plate) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + path.string());
    out << "ply\nformat binary_little_endian 1.0\n"
        << "comment Reflector Placement Studio: reflector plate " << plate.width_m << " m x "
        << plate.height_m << " m\n"
        << "element vertex 4\nproperty float x\nproperty float y\nproperty float z\n"
        << "element face 2\nproperty list uchar int vertex_indices\nend_header\n";
    for (const Vec3& c : plate_corners(plate))
        for (int k = 0; k < 3; ++k) put_le(out, static_cast<float>(c[k]));
    static constexpr int32_t kFaces[2][3] = {{0, 1, 2}, {0, 2, 3}};
    for (const auto& face : kFaces) {
        put_le(out, static_cast<uint8_t>(3));
        for (const int32_t index : face) put_le(out, index);
    }
    if (!out) throw std::runtime_error("error while writing " + path.string());
}

std::string xyz(const Vec3& v) { return fmt::format("{},{},{}", v.x(), v.y(), v.z()); }

struct SceneExport {
    fs::path original;
    fs::path out_dir;
    Layout layout;
    std::optional<PlateGeometry> plate;
    std::string study_name;
    std::string objective_text;
};

// Writes DIR/best_scene.xml: the study's scene (every element, in order; mesh files copied into
// DIR/meshes), the APs as <default> parameters with a comment, and the plate as a PLY shape with
// an ITU metal material. Returns what it wrote.
json write_scene_xml(const SceneExport& e) {
    tinyxml2::XMLDocument doc;
    if (doc.LoadFile(e.original.c_str()) != tinyxml2::XML_SUCCESS)
        throw InputError({e.original.string(), doc.ErrorLineNum(), ""},
                         std::string("cannot read the scene XML: ") +
                             (doc.ErrorStr() ? doc.ErrorStr() : "error"));
    tinyxml2::XMLElement* root = doc.RootElement();
    if (!root || std::string_view(root->Name()) != "scene")
        throw InputError({e.original.string(), 1, ""}, "the root element is not <scene>");

    // Top-level <default> parameters, for "$name" in mesh file names.
    std::map<std::string, std::string> defaults;
    for (auto* d = root->FirstChildElement("default"); d; d = d->NextSiblingElement("default"))
        if (d->Attribute("name") && d->Attribute("value"))
            defaults[d->Attribute("name")] = d->Attribute("value");
    const auto substitute = [&](const std::string& text) {
        std::string out;
        for (size_t i = 0; i < text.size();) {
            if (text[i] != '$') {
                out += text[i++];
                continue;
            }
            size_t end = i + 1;
            while (end < text.size() &&
                   (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
                ++end;
            const auto found = defaults.find(text.substr(i + 1, end - i - 1));
            out += found != defaults.end() ? found->second : text.substr(i, end - i);
            i = end;
        }
        return out;
    };

    // Copy every mesh a shape names into DIR/meshes (unique names) and point the shape at it.
    const fs::path mesh_dir = e.out_dir / "meshes";
    std::set<std::string> used_names{"reflector_plate.ply"};
    std::map<fs::path, std::string> copied;
    json meshes = json::array();
    for (auto* shape = root->FirstChildElement("shape"); shape;
         shape = shape->NextSiblingElement("shape"))
        for (auto* s = shape->FirstChildElement("string"); s; s = s->NextSiblingElement("string")) {
            if (!s->Attribute("name") || std::string_view(s->Attribute("name")) != "filename" ||
                !s->Attribute("value"))
                continue;
            const fs::path relative = substitute(s->Attribute("value"));
            const fs::path source = fs::weakly_canonical(
                relative.is_absolute() ? relative : e.original.parent_path() / relative);
            auto [it, fresh] = copied.try_emplace(source, "");
            if (fresh) {
                const std::string stem = source.stem().string(), ext = source.extension().string();
                std::string name = stem + ext;
                for (int k = 2; used_names.count(name); ++k)
                    name = fmt::format("{}_{}{}", stem, k, ext);
                used_names.insert(name);
                it->second = "meshes/" + name;
                const fs::path target = mesh_dir / name;
                fs::create_directories(mesh_dir);
                std::error_code ec;
                if (!(fs::exists(target) && fs::equivalent(source, target, ec)))
                    fs::copy_file(source, target, fs::copy_options::overwrite_existing);
                meshes.push_back({{"from", source.string()}, {"to", it->second}});
            }
            s->SetAttribute("value", it->second.c_str());
        }

    // The APs (and the plate's parameters) as <default> parameters: the geometry never refers to
    // them, so Mitsuba, Sionna and our loader accept and ignore them.
    std::vector<std::pair<std::string, std::string>> params;
    for (size_t i = 0; i < e.layout.aps.size(); ++i) {
        const ApPlacement& ap = e.layout.aps[i];
        params.emplace_back(fmt::format("ap{}_position", i), xyz(Vec3(ap.x_m, ap.y_m, ap.z_m)));
        params.emplace_back(fmt::format("ap{}_yaw_deg", i), fmt::format("{}", ap.yaw_deg));
        params.emplace_back(fmt::format("ap{}_downtilt_deg", i),
                            fmt::format("{}", ap.downtilt_deg));
    }
    if (e.layout.reflector) {
        params.emplace_back("reflector_u", fmt::format("{}", e.layout.reflector->u));
        params.emplace_back("reflector_v", fmt::format("{}", e.layout.reflector->v));
        params.emplace_back("reflector_focal", xyz(e.layout.reflector->focal));
    }
    if (e.plate) {
        params.emplace_back("reflector_center", xyz(e.plate->center));
        params.emplace_back("reflector_normal", xyz(e.plate->normal));
    }
    std::set<std::string> param_names;
    for (const auto& p : params) param_names.insert(p.first);
    tinyxml2::XMLNode* anchor = nullptr;
    for (auto* d = root->FirstChildElement("default"); d;) {
        auto* next = d->NextSiblingElement("default");
        if (d->Attribute("name") && param_names.count(d->Attribute("name")))
            root->DeleteChild(d);  // an earlier export's value
        else
            anchor = d;
        d = next;
    }
    const auto insert = [&](tinyxml2::XMLNode* node) {
        anchor = anchor ? root->InsertAfterChild(anchor, node) : root->InsertFirstChild(node);
    };
    std::string comment = fmt::format(
        "\n    Reflector Placement Studio export of study '{}': its best layout ({}).\n"
        "    The layout is recorded as <default> parameters that no shape uses, so Mitsuba,\n"
        "    Sionna and rps load this file as it is (docs/study_format.md, \"Export\"):\n"
        "      apN_position      AP N's antenna position x,y,z in metres\n"
        "      apN_yaw_deg       boresight azimuth in degrees, counter-clockwise from +x\n"
        "      apN_downtilt_deg  boresight tilt below the horizon in degrees\n",
        e.study_name, e.objective_text);
    if (e.layout.reflector)
        comment +=
            "      reflector_u, reflector_v, reflector_focal  the plate's place on its mount and\n"
            "                        the point its normal aims at (x,y,z in metres)\n"
            "      reflector_center, reflector_normal  the plate's pose; the plate itself is the\n"
            "                        shape at the end of this file\n";
    insert(doc.NewComment(comment.c_str()));
    for (const auto& [name, value] : params) {
        tinyxml2::XMLElement* d = doc.NewElement("default");
        d->SetAttribute("name", name.c_str());
        d->SetAttribute("value", value.c_str());
        insert(d);
    }

    json plate_json;
    if (e.plate) {
        std::set<std::string> ids;
        const std::function<void(const tinyxml2::XMLElement*)> collect =
            [&](const tinyxml2::XMLElement* el) {
                if (el->Attribute("id")) ids.insert(el->Attribute("id"));
                for (auto* c = el->FirstChildElement(); c; c = c->NextSiblingElement()) collect(c);
            };
        collect(root);
        const auto unique_id = [&](const std::string& base) {
            std::string id = base;
            for (int k = 2; ids.count(id); ++k) id = fmt::format("{}-{}", base, k);
            ids.insert(id);
            return id;
        };
        const std::string material_id = unique_id("mat-rps-reflector-metal");
        const std::string shape_id = unique_id("rps-reflector-plate");
        fs::create_directories(mesh_dir);
        write_plate_ply(mesh_dir / "reflector_plate.ply", *e.plate);
        root->InsertEndChild(doc.NewComment(
            fmt::format(" The reflector plate: {} m x {} m of ITU metal, {} m thick, centre "
                        "({:.4f}, {:.4f}, {:.4f}) m, normal ({:.4f}, {:.4f}, {:.4f}). ",
                        e.plate->width_m, e.plate->height_m, e.plate->thickness_m,
                        e.plate->center.x(), e.plate->center.y(), e.plate->center.z(),
                        e.plate->normal.x(), e.plate->normal.y(), e.plate->normal.z())
                .c_str()));
        tinyxml2::XMLElement* bsdf = doc.NewElement("bsdf");
        bsdf->SetAttribute("type", "itu-radio-material");
        bsdf->SetAttribute("id", material_id.c_str());
        tinyxml2::XMLElement* type = doc.NewElement("string");
        type->SetAttribute("name", "type");
        type->SetAttribute("value", "metal");
        bsdf->InsertEndChild(type);
        tinyxml2::XMLElement* thickness = doc.NewElement("float");
        thickness->SetAttribute("name", "thickness");
        thickness->SetAttribute("value", fmt::format("{}", e.plate->thickness_m).c_str());
        bsdf->InsertEndChild(thickness);
        root->InsertEndChild(bsdf);
        tinyxml2::XMLElement* shape = doc.NewElement("shape");
        shape->SetAttribute("type", "ply");
        shape->SetAttribute("id", shape_id.c_str());
        tinyxml2::XMLElement* filename = doc.NewElement("string");
        filename->SetAttribute("name", "filename");
        filename->SetAttribute("value", "meshes/reflector_plate.ply");
        shape->InsertEndChild(filename);
        tinyxml2::XMLElement* ref = doc.NewElement("ref");
        ref->SetAttribute("id", material_id.c_str());
        ref->SetAttribute("name", "bsdf");
        shape->InsertEndChild(ref);
        root->InsertEndChild(shape);
        plate_json = {{"shape_id", shape_id},
                      {"material_id", material_id},
                      {"mesh", "meshes/reflector_plate.ply"}};
    }
    const fs::path xml = e.out_dir / "best_scene.xml";
    if (doc.SaveFile(xml.c_str()) != tinyxml2::XML_SUCCESS)
        throw std::runtime_error("cannot write " + xml.string());
    return {{"xml", xml.string()}, {"meshes", meshes}, {"plate", plate_json},
            {"parameters", params}};
}

struct ExportOptions {
    std::string file, out, scene;
    bool best = false, json = false;
};

int export_best(const ExportOptions& o) {
    if (!o.best) throw std::invalid_argument("rps export: say what to export: --best");
    const StoredStudy study = read_study_file(o.file);
    const StudyReport report = build_report(study);
    if (!report.spec)
        throw InputError({o.file, 0, "spec"},
                         "the stored study does not parse: " +
                             report.data["spec_error"].get<std::string>());
    const json& best = report.data["best"];
    if (best.is_null() || !best.value("layout", json()).is_object())
        throw InputError({o.file, 0, ""},
                         "no layout to export yet: the study has no finished task with a result");
    StudySpec spec = *report.spec;
    const fs::path scene_path = resolve_scene(study.spec, report.document, o.file, o.scene);
    spec.scene_path = scene_path.string();
    const Scene scene = load_scene(scene_path);
    const Layout layout = layout_from_json(best["layout"]);
    if (static_cast<int>(layout.aps.size()) != spec.ap_count)
        throw std::runtime_error("the best layout has " + std::to_string(layout.aps.size()) +
                                 " AP(s), the study " + std::to_string(spec.ap_count));

    // The best maps: stored by the run, or recomputed (a study stopped before its map task).
    std::vector<double> combined;
    std::vector<std::vector<double>> per_ap;
    std::optional<PlateGeometry> plate;
    json metrics = best.value("metrics", json());
    json objective = best.value("objective", json());
    bool recomputed = false;
    MeasurementGrid grid;
    const json* map = report.map_result;
    if (map) {
        for (const StoredMap& m : study.maps)
            if (m.task_id == report.map_task_id) combined = m.power_w;
        if (combined.empty() && map->contains("combined_power_w"))
            combined = (*map)["combined_power_w"].get<std::vector<double>>();
        if (map->contains("per_ap_power_w"))
            per_ap = (*map)["per_ap_power_w"].get<std::vector<std::vector<double>>>();
        if (spec.reflector && map->contains("plate"))
            plate = plate_from_json((*map)["plate"], *spec.reflector);
    }
    if (combined.empty()) {
        const LayoutEvaluator evaluator(spec, scene);
        const LayoutEvaluation e = evaluator.evaluate(layout, true);
        if (!e.valid) throw std::runtime_error("the best layout does not evaluate: " + e.reason);
        combined = e.combined_power_w;
        per_ap = e.per_ap_power_w;
        metrics = metrics_to_json(e.metrics);
        objective = e.objective;
        if (layout.reflector) plate = e.plate;
        grid = evaluator.engine().grid();
        recomputed = true;
    } else {
        const RadioEngine engine(scene, spec.radio, spec.grid);
        grid = engine.grid();
    }
    if (combined.size() != grid.cell_count())
        throw std::runtime_error(fmt::format(
            "the stored map has {} cells but the study's grid {} x {} = {}", combined.size(),
            grid.cells_x, grid.cells_y, grid.cell_count()));
    if (layout.reflector && !plate && spec.reflector) {
        const int anchor = spec.reflector->orient_to_ap;
        const PlatePose pose =
            plate_pose(*spec.reflector, *layout.reflector, layout.aps.at(anchor).pose().position);
        if (!pose.valid) throw std::runtime_error("the best plate pose is refused: " + pose.reason);
        plate = pose.plate;
    }

    const fs::path out_dir = o.out;
    fs::create_directories(out_dir);
    const std::string metric = report.data["objective"]["metric"].get<std::string>();
    const std::string unit = report.data["objective"]["unit"].get<std::string>();
    const std::string objective_text =
        objective.is_number() ? fmt::format("{} = {:.3f} {}", metric, objective.get<double>(), unit)
                              : metric + " unknown";
    const SceneExport scene_export{scene_path, out_dir, layout, plate,
                                   report.data["name"].get<std::string>(), objective_text};
    const json xml = write_scene_xml(scene_export);

    // Read the exported scene back: what we write must load.
    const Scene reread = load_scene(out_dir / "best_scene.xml");
    if (plate && reread.shapes.size() != scene.shapes.size() + 1)
        throw std::runtime_error("the exported scene does not read back with its plate");

    json layout_json;
    layout_json["format"] = "rps-best-layout";
    layout_json["version"] = 1;
    layout_json["study"] = report.data["name"];
    layout_json["study_file"] = fs::absolute(o.file).lexically_normal().string();
    layout_json["finished"] = study.finished;
    layout_json["scene"] = fs::absolute(scene_path).lexically_normal().string();
    layout_json["exported_scene"] = "best_scene.xml";
    layout_json["mode"] = report.data["mode"];
    layout_json["objective"] = {{"metric", metric},
                                {"combine", report.data["objective"]["combine"]},
                                {"unit", unit},
                                {"value", objective}};
    layout_json["metrics"] = metrics;
    layout_json["x"] = best.value("x", json());
    try {
        layout_json["parameter_names"] = LayoutSpace(spec).names();
    } catch (const std::exception&) {
    }
    layout_json["layout"] = best["layout"];
    json aps = json::array();
    for (size_t i = 0; i < layout.aps.size(); ++i) {
        const ApPlacement& ap = layout.aps[i];
        aps.push_back({{"index", i},
                       {"position_m", vec3_json(Vec3(ap.x_m, ap.y_m, ap.z_m))},
                       {"yaw_deg", ap.yaw_deg},
                       {"downtilt_deg", ap.downtilt_deg},
                       {"xml_defaults",
                        {fmt::format("ap{}_position", i), fmt::format("ap{}_yaw_deg", i),
                         fmt::format("ap{}_downtilt_deg", i)}}});
    }
    layout_json["aps"] = aps;
    if (plate) {
        json corners = json::array();
        for (const Vec3& c : plate_corners(*plate)) corners.push_back(vec3_json(c));
        layout_json["plate"] = {{"center_m", vec3_json(plate->center)},
                                {"normal", vec3_json(plate->normal)},
                                {"width_axis", vec3_json(plate->width_axis)},
                                {"height_axis", vec3_json(plate->height_axis())},
                                {"width_m", plate->width_m},
                                {"height_m", plate->height_m},
                                {"thickness_m", plate->thickness_m},
                                {"corners_m", corners},
                                {"mesh", "meshes/reflector_plate.ply"},
                                {"material", {{"type", "itu-radio-material"},
                                              {"itu_type", "metal"},
                                              {"thickness_m", plate->thickness_m}}},
                                {"shape_id", xml["plate"]["shape_id"]}};
    }
    layout_json["maps"] = {{"png", "best_map.png"}, {"csv", "best_map.csv"},
                           {"recomputed", recomputed}};
    const fs::path layout_file = out_dir / "best_layout.json";
    {
        std::ofstream out(layout_file);
        out << layout_json.dump(2) << "\n";
        if (!out) throw std::runtime_error("cannot write " + layout_file.string());
    }

    std::vector<NamedMap> named{{"combined", &combined}};
    for (size_t i = 0; i < per_ap.size(); ++i)
        if (per_ap[i].size() == combined.size())
            named.push_back({fmt::format("ap{}", i), &per_ap[i]});
    const json map_meta = {{"study", report.data["name"]}, {"objective", layout_json["objective"]}};
    write_maps((out_dir / "best_map.png").string(), grid, named, map_meta);
    write_maps((out_dir / "best_map.csv").string(), grid, named, map_meta);

    std::vector<std::string> written = {layout_file.string(), xml["xml"].get<std::string>(),
                                        (out_dir / "best_map.png").string(),
                                        (out_dir / "best_map.csv").string()};
    if (plate) written.push_back((out_dir / "meshes" / "reflector_plate.ply").string());
    for (const json& m : xml["meshes"])
        written.push_back((out_dir / m["to"].get<std::string>()).string());
    if (o.json) {
        std::cout << json{{"written", written},
                          {"best_layout", layout_json},
                          {"scene_shapes", reread.shapes.size()}}
                         .dump(2)
                  << "\n";
        return kExitOk;
    }
    fmt::print("exported the best layout of '{}' ({}{})\n", report.data["name"].get<std::string>(),
               objective_text, study.finished ? "" : ", study UNFINISHED");
    for (const std::string& file : written) fmt::print("  wrote {}\n", file);
    if (recomputed) fmt::print("  (maps recomputed: the study stored none for its best layout)\n");
    return kExitOk;
}

// ------------------------------------------------------------------------------ rps sweep

// Runs `exe args...` with stdout and stderr into `log`; returns its exit status (128 + signal
// when killed; -1 when it could not start). Like system(), the parent ignores SIGINT and SIGQUIT
// while it waits (the child, in the same process group, gets them and ends), so that the sweep
// can record the interruption and write its summary.
int run_child(const fs::path& exe, const std::vector<std::string>& args, const fs::path& log) {
    struct sigaction ignore {}, old_int{}, old_quit{};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<std::string> all{exe.string()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, exe.c_str(), &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    int code = -1;
    if (rc == 0) {
        int status = 0;
        int waited = 0;
        while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
        }
        if (waited == pid && WIFEXITED(status)) code = WEXITSTATUS(status);
        if (waited == pid && WIFSIGNALED(status)) code = 128 + WTERMSIG(status);
    }
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGQUIT, &old_quit, nullptr);
    return code;
}

bool interrupted(int exit_code) {
    return exit_code == 128 + SIGINT || exit_code == 128 + SIGQUIT;
}

std::string tail_of(const fs::path& file, size_t lines) {
    std::ifstream in(file);
    std::vector<std::string> all;
    for (std::string line; std::getline(in, line);) all.push_back(line);
    std::string text;
    for (size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i)
        text += all[i] + "\n";
    return text;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string value_text(const json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

struct SweepOptions {
    std::string file, out_dir;
    int workers = 0;
    bool generate_only = false, json = false;
};

int run_sweep(const SweepOptions& o) {
    const json sweep = read_json_file(o.file);
    const std::vector<SweepTrial> trials = expand_sweep(sweep, o.file);
    const std::vector<std::string> keys = sweep_grid_keys(sweep);
    const fs::path out_dir = o.out_dir.empty()
                                 ? fs::path(fs::path(o.file).stem().string() + "_sweep")
                                 : fs::path(o.out_dir);
    fs::create_directories(out_dir);

    json index = {{"sweep", fs::absolute(o.file).lexically_normal().string()},
                  {"count", trials.size()},
                  {"order", "seeds outermost, then grid keys in lexicographic order, last fastest"},
                  {"grid_keys", keys},
                  {"trials", json::array()}};
    for (const SweepTrial& trial : trials) {
        const fs::path file = out_dir / (trial.name + ".json");
        write_text(file, trial.document.dump(2) + "\n");
        index["trials"].push_back({{"index", trial.index},
                                   {"name", trial.name},
                                   {"file", file.filename().string()},
                                   {"values", trial.values}});
    }
    write_text(out_dir / "trials.json", index.dump(2) + "\n");
    if (o.generate_only) {
        if (o.json) {
            std::cout << index.dump(2) << "\n";
        } else {
            fmt::print("{} trial(s) written to {}\n", trials.size(), out_dir.string());
            for (const SweepTrial& trial : trials) {
                std::string values;
                for (const auto& [k, v] : trial.values.items())
                    values += (values.empty() ? "" : ", ") + k + "=" + value_text(v);
                fmt::print("  {}  {}\n", trial.name, values);
            }
        }
        return kExitOk;
    }

    const fs::path exe = fs::read_symlink("/proc/self/exe");
    std::FILE* progress = o.json ? stderr : stdout;
    json rows = json::array();
    size_t failed = 0;
    bool stopped = false;
    for (const SweepTrial& trial : trials) {
        const fs::path h5 = out_dir / (trial.name + ".h5");
        const fs::path log = out_dir / (trial.name + ".log");
        std::string values;
        for (const auto& [k, v] : trial.values.items())
            values += (values.empty() ? "" : ", ") + k + "=" + value_text(v);
        fmt::print(progress, "[{}/{}] {}{} ... ", trial.index + 1, trials.size(), trial.name,
                   values.empty() ? "" : " (" + values + ")");
        std::fflush(progress);
        std::string status;
        int exit_code = 0;
        double time_s = 0;
        std::vector<std::string> args;
        bool reuse = false;
        if (fs::exists(h5)) {
            try {
                reuse = StudyStore::read(h5).finished;
            } catch (const std::exception&) {
            }
            if (!reuse) args = {"run", "--resume", h5.string()};
        } else {
            args = {"run", (out_dir / (trial.name + ".json")).string(), "--out", h5.string()};
        }
        if (!reuse) {
            if (o.workers > 0) args.insert(args.end(), {"--workers", std::to_string(o.workers)});
            const auto start = std::chrono::steady_clock::now();
            exit_code = run_child(exe, args, log);
            time_s =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
        json row = {{"trial", trial.name},
                    {"index", trial.index},
                    {"values", trial.values},
                    {"mode", trial.document.value("mode", "1ap")},
                    {"seed", trial.document.value("seed", json(4))},
                    {"file", h5.string()},
                    {"log", log.string()},
                    {"exit_code", exit_code},
                    {"time_s", time_s}};
        json methods = json::array();
        for (const json& m : trial.document["methods"]) methods.push_back(m.value("type", "?"));
        row["methods"] = methods;
        json best_objective = nullptr;
        bool finished = false;
        std::string error;
        if (fs::exists(h5)) {
            try {
                const StoredStudy stored = StudyStore::read(h5);
                const StudyReport report = build_report(stored);
                finished = stored.finished;
                if (!report.data["best"].is_null())
                    best_objective = report.data["best"].value("objective", json());
                row["objective"] = report.data["objective"]["metric"];
                row["study_wall_s"] = report.data["wall_s"];
                if (reuse) row["time_s"] = report.data["wall_s"];
            } catch (const std::exception& e) {
                error = e.what();
            }
        }
        status = reuse ? "reused" : (exit_code == 0 && finished ? "ok" : "failed");
        if (status == "failed" && interrupted(exit_code)) status = "interrupted";
        if (status == "failed") {
            ++failed;
            if (error.empty())
                error = exit_code == -1 ? "could not start " + exe.string()
                        : exit_code != 0 ? fmt::format("rps run exited with {}", exit_code)
                                         : "the study file is not marked finished";
            row["error"] = error;
            row["log_tail"] = tail_of(log, 5);
        }
        row["status"] = status;
        row["best_objective"] = best_objective;
        rows.push_back(row);
        fmt::print(progress, "{}{}{}\n", status,
                   best_objective.is_number()
                       ? fmt::format(", best {:.3f}", best_objective.get<double>())
                       : "",
                   reuse ? " (already finished)" : fmt::format(", {:.1f} s", time_s));
        if (status == "failed")
            fmt::print(stderr, "  {}: {}\n{}", trial.name, error,
                       row["log_tail"].get<std::string>());
        std::fflush(progress);
        if (status == "interrupted") {
            stopped = true;
            fmt::print(stderr, "sweep interrupted: run it again to resume\n");
            break;
        }
    }

    json summary = {{"sweep", index["sweep"]},
                    {"out_dir", out_dir.string()},
                    {"trials", rows},
                    {"count", rows.size()},
                    {"planned", trials.size()},
                    {"failed", failed},
                    {"interrupted", stopped},
                    {"grid_keys", keys}};
    write_text(out_dir / "summary.json", summary.dump(2) + "\n");
    std::string csv = "trial,methods,mode,seed,status,objective,best_objective,time_s,file";
    for (const std::string& k : keys) csv += "," + csv_field(k);
    csv += "\n";
    for (const json& row : rows) {
        std::string methods;
        for (const json& m : row["methods"])
            methods += (methods.empty() ? "" : "+") + m.get<std::string>();
        csv += fmt::format("{},{},{},{},{},{},{},{},{}", csv_field(value_text(row["trial"])),
                           csv_field(methods), csv_field(value_text(row["mode"])),
                           value_text(row["seed"]),
                           row["status"].get<std::string>(),
                           csv_field(row.value("objective", std::string())),
                           row["best_objective"].is_number()
                               ? fmt::format("{:.6f}", row["best_objective"].get<double>())
                               : "",
                           row["time_s"].is_number()
                               ? fmt::format("{:.3f}", row["time_s"].get<double>())
                               : "",
                           csv_field(value_text(row["file"])));
        for (const std::string& k : keys)
            csv += "," + csv_field(row["values"].contains(k) ? value_text(row["values"][k]) : "");
        csv += "\n";
    }
    write_text(out_dir / "summary.csv", csv);

    if (o.json) {
        std::cout << summary.dump(2) << "\n";
    } else {
        fmt::print("\n{:<24} {:<14} {:<14} {:>6} {:<7} {:>11} {:>9}  {}\n", "trial", "methods",
                   "mode", "seed", "status", "best", "time (s)", "file");
        for (const json& row : rows) {
            std::string methods;
            for (const json& m : row["methods"])
                methods += (methods.empty() ? "" : "+") + m.get<std::string>();
            fmt::print("{:<24} {:<14} {:<14} {:>6} {:<7} {:>11} {:>9}  {}\n",
                       row["trial"].get<std::string>(), methods, row["mode"].get<std::string>(),
                       value_text(row["seed"]), row["status"].get<std::string>(),
                       fixed(row["best_objective"], 3), fixed(row["time_s"], 1),
                       row["file"].get<std::string>());
        }
        fmt::print("{} trial(s), {} failed; summary in {}\n", rows.size(), failed,
                   (out_dir / "summary.json").string());
    }
    if (stopped) return 128 + SIGINT;
    return failed ? kExitFailure : kExitOk;
}

}  // namespace

void register_report_commands(CLI::App& app, CommandAction& action) {
    {
        struct Options {
            std::string file;
            bool json = false;
        };
        auto o = std::make_shared<Options>();
        auto* command = app.add_subcommand("show", "Summarise a study file (best layout, stats)");
        command->add_option("FILE", o->file, "Study file written by rps run (.h5)")->required();
        command->add_flag("--json", o->json, "Print JSON");
        command->callback([&action, o] {
            action = [o] {
                const StoredStudy study = read_study_file(o->file);
                const StudyReport report = build_report(study);
                if (o->json)
                    std::cout << report.data.dump(2) << "\n";
                else
                    print_report(report.data);
                return kExitOk;
            };
        });
    }
    {
        auto o = std::make_shared<ExportOptions>();
        auto* command = app.add_subcommand(
            "export", "Export a study's best layout as JSON, a scene XML (APs, plate) and maps");
        command->add_option("FILE", o->file, "Study file written by rps run (.h5)")->required();
        command->add_flag("--best", o->best, "Export the best layout");
        command->add_option("--out", o->out, "Output folder")->required();
        command->add_option("--scene", o->scene,
                            "The study's scene XML, when the stored path does not resolve");
        command->add_flag("--json", o->json, "Print JSON");
        command->callback([&action, o] {
            action = [o] { return export_best(*o); };
        });
    }
    {
        auto o = std::make_shared<SweepOptions>();
        auto* command = app.add_subcommand(
            "sweep", "Expand a sweep file into trials and run each with rps run");
        command->add_option("SWEEP", o->file, "Sweep JSON (docs/study_format.md)")->required();
        command->add_option("--workers", o->workers, "Workers per trial (default: the study's)")
            ->check(CLI::Range(1, 1024));
        command->add_option("--out-dir", o->out_dir,
                            "Folder for trials and results (default: <sweep name>_sweep)");
        command->add_flag("--generate-only", o->generate_only,
                          "Write the trial files and trials.json, run nothing");
        command->add_flag("--json", o->json, "Print JSON");
        command->callback([&action, o] { action = [o] { return run_sweep(*o); }; });
    }
}

}  // namespace rps::cli
