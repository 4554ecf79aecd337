#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/scene/scene_loader.hpp"
#include "core/study/layout_evaluator.hpp"
#include "core/study/study_feasibility.hpp"
#include "core/study/task_id.hpp"
#include "runtime/study_driver.hpp"

// What a run ends with (StudyRunner::Driver's summary part): the summary JSON the store and the
// callers get, and the words for failed tasks and for a run that found no feasible layout.
namespace rps {

using nlohmann::json;

namespace {

// Layouts drawn over the bounds to say why a run evaluated no feasible layout.
constexpr int kDiagnosisDraws = 1024;

json best_json(const BestTask& b) {
    if (!b.valid()) return {{"objective", nullptr}, {"x", nullptr}, {"task_id", nullptr}};
    return {{"objective", b.objective}, {"x", b.x}, {"task_id", b.task_id}};
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

}  // namespace

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
    s["tasks"] = {{"total", done_},
                  {"replayed", replayed_},
                  {"dispatched", done_ - replayed_},
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
}  // namespace rps
