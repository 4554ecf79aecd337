#include "ui/striped_evaluator.hpp"

#include <algorithm>
#include <future>

namespace rps {
namespace {

StudySpec band_spec(const StudySpec& spec, const MeasurementGrid& grid, int row0, int row1) {
    StudySpec band = spec;
    band.grid.origin_x_m = grid.origin_x_m;
    band.grid.origin_y_m = grid.origin_y_m + row0 * grid.cell_m;
    band.grid.size_x_m = grid.cells_x * grid.cell_m;
    band.grid.size_y_m = (row1 - row0) * grid.cell_m;
    return band;
}

}  // namespace

StripedEvaluator::StripedEvaluator(const StudySpec& spec, std::shared_ptr<const Scene> scene,
                                   int bands, std::optional<int> max_order)
    : scene_(std::move(scene)) {
    StudySpec own = spec;
    if (max_order)
        own.radio.max_reflection_order = std::min(*max_order, spec.radio.max_reflection_order);
    full_ = std::make_shared<const LayoutEvaluator>(own, *scene_);
    const MeasurementGrid& grid = full_->engine().grid();
    bands = std::clamp(bands, 1, std::max(1, grid.cells_y / 4));
    if (bands < 2) return;
    for (int k = 0; k < bands; ++k) {
        const int row0 = grid.cells_y * k / bands, row1 = grid.cells_y * (k + 1) / bands;
        bands_.push_back(
            std::make_shared<const LayoutEvaluator>(band_spec(own, grid, row0, row1), *scene_));
    }
}

std::shared_ptr<const StripedEvaluator> StripedEvaluator::withSpec(const StudySpec& spec) const {
    std::shared_ptr<StripedEvaluator> out(new StripedEvaluator());
    out->scene_ = scene_;
    StudySpec own = spec;
    own.radio = full_->spec().radio;  // keeps a preview's reduced order
    out->full_ = std::make_shared<const LayoutEvaluator>(own, full_->shared_engine());
    for (const auto& band : bands_) {
        StudySpec b = own;
        b.grid = band->spec().grid;
        out->bands_.push_back(std::make_shared<const LayoutEvaluator>(b, band->shared_engine()));
    }
    return out;
}

LayoutEvaluation StripedEvaluator::evaluate(const Layout& layout) const {
    if (bands_.empty()) return full_->evaluate(layout, true);
    std::vector<std::future<LayoutEvaluation>> others;
    for (size_t k = 1; k < bands_.size(); ++k)
        others.push_back(
            std::async(std::launch::async, [&, k] { return bands_[k]->evaluate(layout, true); }));
    std::vector<LayoutEvaluation> parts;
    parts.push_back(bands_.front()->evaluate(layout, true));
    for (auto& f : others) parts.push_back(f.get());
    return stitch(std::move(parts));
}

LayoutEvaluation StripedEvaluator::stitch(std::vector<LayoutEvaluation> parts) const {
    for (LayoutEvaluation& part : parts)
        if (!part.valid) return std::move(part);
    LayoutEvaluation out;
    out.valid = true;
    out.plate = parts.front().plate;
    const size_t aps = parts.front().per_ap_power_w.size();
    out.per_ap_power_w.resize(aps);
    for (size_t a = 0; a < aps; ++a)
        for (const LayoutEvaluation& part : parts)
            out.per_ap_power_w[a].insert(out.per_ap_power_w[a].end(),
                                         part.per_ap_power_w[a].begin(),
                                         part.per_ap_power_w[a].end());
    const MeasurementGrid& g = grid();
    const ObjectiveSpec& objective = full_->spec().objective;
    // As the study's evaluator combines them (a SINR map of one AP too, ratios as mW).
    out.combined_power_w.assign(g.cell_count(), 0.0);
    full_->combine_ap_maps(out.per_ap_power_w, out.combined_power_w);
    out.metrics = compute_metrics(out.combined_power_w, g.mask, objective.coverage_threshold_dbm,
                                  objective.softmin_temperature);
    out.objective = objective_value(out.metrics, objective.metric);
    return out;
}

}  // namespace rps
