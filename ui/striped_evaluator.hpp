#pragma once
// Interactive map evaluation for the plan view: the study's LayoutEvaluator, split over horizontal
// bands of the measurement grid that are computed concurrently and stitched back together. Each
// band is its own RadioEngine over a sub-grid of the full one (same cells, same values bit for
// bit: a cell's power does not depend on the other cells), so a map takes roughly 1/N of the
// time on N cores. The metrics and the objective are computed once over the full map with the
// one definition in core/metrics, exactly as LayoutEvaluator::evaluate does.
#include <memory>
#include <optional>
#include <vector>

#include "core/study/layout_evaluator.hpp"

namespace rps {

class StripedEvaluator {
public:
    // `bands` engines over row bands of the full grid (1: the full evaluator alone).
    // `max_order`: a lower reflection order for fast previews (nullopt: the study's).
    StripedEvaluator(const StudySpec& spec, std::shared_ptr<const Scene> scene, int bands,
                     std::optional<int> max_order = std::nullopt);

    // The same engines for another study spec with the same scene, radio set-up and grid.
    std::shared_ptr<const StripedEvaluator> withSpec(const StudySpec& spec) const;

    // Evaluates with maps kept (combined and per AP over the full grid).
    LayoutEvaluation evaluate(const Layout& layout) const;

    const MeasurementGrid& grid() const { return full_->engine().grid(); }
    const LayoutEvaluator& fullEvaluator() const { return *full_; }
    std::shared_ptr<const LayoutEvaluator> sharedFullEvaluator() const { return full_; }
    const StudySpec& spec() const { return full_->spec(); }
    int reflectionOrder() const { return full_->engine().setup().max_reflection_order; }
    int bandCount() const { return static_cast<int>(bands_.size()); }

private:
    StripedEvaluator() = default;
    LayoutEvaluation stitch(std::vector<LayoutEvaluation> parts) const;

    std::shared_ptr<const Scene> scene_;
    std::shared_ptr<const LayoutEvaluator> full_;
    std::vector<std::shared_ptr<const LayoutEvaluator>> bands_;  // empty: use full_
};

}  // namespace rps
