#include "core/study/layout_evaluator.hpp"

#include <cstring>

#include "core/engine/ap_trace.hpp"
#include "core/metrics/combine_maps.hpp"

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

LayoutEvaluation LayoutEvaluator::evaluate(const Layout& layout, bool keep_maps) const {
    LayoutEvaluation result;
    const MeasurementGrid& grid = engine_->grid();
    const PlateGeometry* plate = nullptr;
    if (layout.reflector) {
        if (!spec_.reflector) {
            result.reason = "the layout has a reflector but the study defines no mount";
            return result;
        }
        const int anchor = spec_.reflector->orient_to_ap;
        const PlatePose pose = plate_pose(*spec_.reflector, *layout.reflector,
                                          layout.aps.at(anchor).pose().position);
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
    if (maps.size() == 1) {
        combined = maps.front();
    } else {
        std::vector<std::span<const double>> views(maps.begin(), maps.end());
        combine_maps(views, spec_.objective.combine, default_noise_power_w(), combined);
        if (spec_.objective.combine == CombineMode::Sinr)
            for (double& v : combined) v *= kSinrRatioAsPower_w;  // metrics then read dB
    }
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

double LayoutEvaluator::objective(const Vector& x) const {
    if (!space_.feasible(x)) return opt::kInfeasibleFitness;
    const LayoutEvaluation e = evaluate(space_.decode(x));
    return e.valid ? e.objective : opt::kInfeasibleFitness;
}

}  // namespace rps
