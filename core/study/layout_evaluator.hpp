#pragma once
// Evaluates layouts of one study: per-AP maps (with the plate when the layout has one), the
// combined map and the one objective every method and report uses (DESIGN §3). Caches each AP's
// static paths so that moving only the plate re-uses them (issue: plate-only re-evaluation).
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/engine/radio_engine.hpp"
#include "core/metrics/map_metrics.hpp"
#include "core/study/layout.hpp"
#include "core/study/reflector_pose.hpp"

namespace rps {

struct LayoutEvaluation {
    bool valid = false;
    std::string reason;                          // why the layout was refused
    double objective = opt::kInfeasibleFitness;  // objective_value() of the combined map
    MapMetrics metrics;
    std::vector<double> combined_power_w;             // filled when asked for
    std::vector<std::vector<double>> per_ap_power_w;  // filled when asked for
    PlateGeometry plate;                              // when the layout has a reflector
};

// The static paths of one layout's weakest cells (LayoutEvaluator::trace_weak_cells).
struct WeakCellTraces {
    LayoutEvaluation evaluation;  // objective exact; metrics: the low-rank ones only
    // traces[a]: AP a's static paths over the traced cells, in one or more parts (one per
    // refinement round; the parts cover disjoint cells).
    std::vector<std::vector<std::shared_ptr<const ApTrace>>> traces;
    std::vector<uint8_t> traced_cells;  // one byte per grid cell: 1 = traced
};

// Why a layout cannot be evaluated at all, found before any map is computed.
struct LayoutRefusal {
    enum class Kind { None, ApPlacement, Reflector };
    Kind kind = Kind::None;
    std::string reason;  // empty when kind is None
    explicit operator bool() const { return kind != Kind::None; }
};

class LayoutEvaluator {
public:
    LayoutEvaluator(const StudySpec& spec, const Scene& scene);
    // An evaluator that shares an already-built engine (the GUI's interactive maps).
    LayoutEvaluator(const StudySpec& spec, std::shared_ptr<const RadioEngine> engine);

    // Full evaluation: every cell of every AP's map, every metric.
    LayoutEvaluation evaluate(const Layout& layout, bool keep_maps = false) const;
    // The objective alone, bit-identical to evaluate()'s, at a fraction of the cost where the
    // objective reads only the weakest cells (P5, min; incoherent best-server or sum maps, no
    // plate): lower-order maps bound every cell from below and only the cells that can be among
    // the weakest are computed at the full order (low_rank_metrics.hpp). Metrics then hold the
    // low-rank ones only (complete = false). Otherwise the same as evaluate().
    LayoutEvaluation evaluate_objective(const Layout& layout) const;
    // As evaluate_objective, keeping the static paths of the cells it computed at full order
    // (the weakest ones); nullopt where evaluate_objective falls back to a full evaluation.
    std::optional<WeakCellTraces> trace_weak_cells(const Layout& layout) const;
    double objective(
        const Vector& x) const;  // decode + evaluate_objective; infeasible -> kInfeasibleFitness

    // What evaluate() would refuse the layout for before computing a map (an AP inside or too
    // close to a wall or a receiver point, a plate pose the mount cannot take); the AP separation
    // is the space's own check (LayoutSpace::feasible).
    LayoutRefusal refusal(const Layout& layout) const;

    const StudySpec& spec() const { return spec_; }
    const LayoutSpace& space() const { return space_; }
    const RadioEngine& engine() const { return *engine_; }
    std::shared_ptr<const RadioEngine> shared_engine() const { return engine_; }

    // The AP's static paths, traced once and kept in a small cache (plate layouts and the GD
    // surrogate use them; a cached trace also replaces a fresh map, bit for bit).
    std::shared_ptr<const ApTrace> static_trace(const TxPose& pose) const;

    // The map the objective reads: one AP's map as it is (best server, sum), the per-AP maps
    // combined per the study, a SINR map as ratios carried as mW (kSinrRatioAsPower_w).
    // combined must hold one value per cell.
    void combine_ap_maps(const std::vector<std::vector<double>>& per_ap,
                         std::vector<double>& combined) const;

private:
    std::shared_ptr<const ApTrace> cached_trace(const TxPose& pose) const;
    bool low_rank_applies(const Layout& layout) const;
    // Why the layout's APs cannot be evaluated (an AP inside or touching a wall); empty if fine.
    std::string placement_problem(const Layout& layout) const;
    PlatePose reflector_pose(const Layout& layout) const;  // layout.reflector must be set
    LayoutEvaluation evaluate_low_rank(const Layout& layout, WeakCellTraces* keep) const;

    StudySpec spec_;
    LayoutSpace space_;
    std::shared_ptr<const RadioEngine> engine_;
    // A few recent AP traces: GA/PSO populations and plate sweeps revisit AP poses.
    mutable std::mutex cache_mutex_;
    mutable std::vector<std::pair<TxPose, std::shared_ptr<const ApTrace>>> trace_cache_;
};

}  // namespace rps
