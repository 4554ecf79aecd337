#include "core/study/layout_evaluator.hpp"

#include <fmt/format.h>

#include <cstring>

#include "core/engine/ap_trace.hpp"
#include "core/engine/transmitter_clearance.hpp"
#include "core/metrics/combine_maps.hpp"
#include "core/metrics/low_rank_metrics.hpp"

namespace rps {
namespace {

constexpr size_t kTraceCacheSize = 8;

bool same_pose(const TxPose& a, const TxPose& b) {
    return a.position == b.position && a.yaw_rad == b.yaw_rad && a.downtilt_rad == b.downtilt_rad;
}

}  // namespace

LayoutEvaluator::LayoutEvaluator(const StudySpec& spec, const Scene& scene)
    : LayoutEvaluator(spec, std::make_shared<const RadioEngine>(scene, spec.radio, spec.grid)) {}

LayoutEvaluator::LayoutEvaluator(const StudySpec& spec, std::shared_ptr<const RadioEngine> engine)
    : spec_(spec), space_(spec), engine_(std::move(engine)) {}

std::shared_ptr<const ApTrace> LayoutEvaluator::cached_trace(const TxPose& pose) const {
    std::lock_guard lock(cache_mutex_);
    for (const auto& [cached_pose, trace] : trace_cache_)
        if (same_pose(cached_pose, pose)) return trace;
    return nullptr;
}

std::shared_ptr<const ApTrace> LayoutEvaluator::static_trace(const TxPose& pose) const {
    if (auto trace = cached_trace(pose)) return trace;
    auto trace = engine_->trace_static(pose);
    std::lock_guard lock(cache_mutex_);
    if (trace_cache_.size() >= kTraceCacheSize) trace_cache_.erase(trace_cache_.begin());
    trace_cache_.emplace_back(pose, trace);
    return trace;
}

std::string LayoutEvaluator::placement_problem(const Layout& layout) const {
    for (size_t a = 0; a < layout.aps.size(); ++a) {
        std::string problem = antenna_placement_problem(*engine_, layout.aps[a].pose().position,
                                                        fmt::format("AP {}", a));
        if (!problem.empty()) return problem;
    }
    return {};
}

void LayoutEvaluator::combine_ap_maps(const std::vector<std::vector<double>>& per_ap,
                                      std::vector<double>& combined) const {
    // One AP's map is its own best server and sum; its SINR is still a ratio to the noise.
    if (per_ap.size() == 1 && spec_.objective.combine != CombineMode::Sinr) {
        combined = per_ap.front();
        return;
    }
    std::vector<std::span<const double>> views(per_ap.begin(), per_ap.end());
    combine_maps(views, spec_.objective.combine, default_noise_power_w(), combined);
    if (spec_.objective.combine == CombineMode::Sinr)
        for (double& v : combined) v *= kSinrRatioAsPower_w;  // metrics then read dB
}

PlatePose LayoutEvaluator::reflector_pose(const Layout& layout) const {
    PlatePose pose;
    if (!spec_.reflector) {
        pose.reason = "the layout has a reflector but the study defines no mount";
        return pose;
    }
    const int anchor = spec_.reflector->orient_to_ap;
    return plate_pose(*spec_.reflector, *layout.reflector, layout.aps.at(anchor).pose().position);
}

LayoutRefusal LayoutEvaluator::refusal(const Layout& layout) const {
    if (std::string problem = placement_problem(layout); !problem.empty())
        return {LayoutRefusal::Kind::ApPlacement, std::move(problem)};
    if (layout.reflector)
        if (PlatePose pose = reflector_pose(layout); !pose.valid)
            return {LayoutRefusal::Kind::Reflector, std::move(pose.reason)};
    return {};
}

LayoutEvaluation LayoutEvaluator::evaluate(const Layout& layout, bool keep_maps) const {
    LayoutEvaluation result;
    if (std::string problem = placement_problem(layout); !problem.empty()) {
        result.reason = std::move(problem);
        return result;
    }
    const MeasurementGrid& grid = engine_->grid();
    const PlateGeometry* plate = nullptr;
    if (layout.reflector) {
        const PlatePose pose = reflector_pose(layout);
        if (!pose.valid) {
            result.reason = pose.reason;
            return result;
        }
        result.plate = pose.plate;
        plate = &result.plate;
    }
    std::vector<std::vector<double>> maps;
    maps.reserve(layout.aps.size());
    for (const ApPlacement& ap : layout.aps) {
        if (plate)
            maps.push_back(engine_->map_from_trace(*static_trace(ap.pose()), plate).power_w);
        else if (const auto trace = cached_trace(ap.pose()))
            maps.push_back(engine_->map_from_trace(*trace, nullptr).power_w);  // = compute_map
        else
            maps.push_back(engine_->compute_map(ap.pose()).power_w);
    }
    std::vector<double> combined(grid.cell_count());
    combine_ap_maps(maps, combined);
    result.metrics = compute_metrics(combined, grid.mask, spec_.objective.coverage_threshold_dbm,
                                     spec_.objective.softmin_temperature);
    result.objective = objective_value(result.metrics, spec_.objective.metric);
    result.valid = true;
    if (keep_maps) {
        result.combined_power_w = std::move(combined);
        result.per_ap_power_w = std::move(maps);
    }
    return result;
}

bool LayoutEvaluator::low_rank_applies(const Layout& layout) const {
    const Objective metric = spec_.objective.metric;
    return !layout.reflector && !engine_->setup().coherent &&
           (metric == Objective::P5 || metric == Objective::Min) &&
           spec_.objective.combine != CombineMode::Sinr;
}

LayoutEvaluation LayoutEvaluator::evaluate_objective(const Layout& layout) const {
    // Whatever a worker has cached before: the result (metrics included) must not depend on it.
    if (!low_rank_applies(layout)) return evaluate(layout);
    if (std::string problem = placement_problem(layout); !problem.empty()) {
        LayoutEvaluation refused;
        refused.reason = std::move(problem);
        return refused;
    }
    return evaluate_low_rank(layout, nullptr);
}

std::optional<WeakCellTraces> LayoutEvaluator::trace_weak_cells(const Layout& layout) const {
    if (!low_rank_applies(layout)) return std::nullopt;
    WeakCellTraces result;
    result.evaluation = evaluate_low_rank(layout, &result);
    // The traces stay (a gradient step may pass near a wall); the objective does not count.
    if (std::string problem = placement_problem(layout); !problem.empty()) {
        result.evaluation = LayoutEvaluation{};
        result.evaluation.reason = std::move(problem);
    }
    return result;
}

// Levels are reflection orders 0..K (K the engine's): a lower order bounds every cell from below.
// Each level's cell values combine the APs exactly as evaluate() does.
LayoutEvaluation LayoutEvaluator::evaluate_low_rank(const Layout& layout,
                                                    WeakCellTraces* keep) const {
    const MeasurementGrid& grid = engine_->grid();
    const size_t cells = grid.cell_count();
    const size_t ap_count = layout.aps.size();
    if (keep) {
        keep->traces.assign(ap_count, {});
        keep->traced_cells.assign(cells, 0);
    }
    LeveledCells source;
    source.levels = engine_->setup().max_reflection_order + 1;
    std::vector<std::vector<double>> per_ap(ap_count, std::vector<double>(cells, 0.0));
    std::vector<double> combined(cells, 0.0);
    source.evaluate = [&](int level, std::span<const uint8_t> selected, std::span<double> out) {
        const bool exact = level == source.levels - 1;
        MapRequest request;
        request.cells = selected;
        request.max_reflection_order = level;
        for (size_t a = 0; a < ap_count; ++a) {
            const TxPose pose = layout.aps[a].pose();
            if (exact && keep) {
                auto trace = engine_->trace_static(pose, request);
                per_ap[a] = engine_->map_from_trace(*trace, nullptr).power_w;
                keep->traces[a].push_back(std::move(trace));
            } else {
                per_ap[a] = engine_->compute_map(pose, request).power_w;
            }
        }
        combine_ap_maps(per_ap, combined);
        for (size_t c = 0; c < cells; ++c)
            if (selected[c]) {
                out[c] = combined[c];
                if (exact && keep) keep->traced_cells[c] = 1;
            }
    };
    const LowRankMetrics low = low_rank_metrics(source, cells, grid.mask);
    LayoutEvaluation result;
    result.metrics.p5_w = low.p5_w;
    result.metrics.min_w = low.min_w;
    result.metrics.valid_cells = low.valid_cells;
    result.metrics.total_cells = low.total_cells;
    result.metrics.complete = false;
    result.objective = objective_value(result.metrics, spec_.objective.metric);
    result.valid = true;
    return result;
}

double LayoutEvaluator::objective(const Vector& x) const {
    if (!space_.feasible(x)) return opt::kInfeasibleFitness;
    const LayoutEvaluation e = evaluate_objective(space_.decode(x));
    return e.valid ? e.objective : opt::kInfeasibleFitness;
}

}  // namespace rps
