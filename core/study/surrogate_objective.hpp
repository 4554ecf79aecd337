#pragma once
// The smooth surrogate that gradient descent climbs (issue: "exact gradients of a smooth surrogate
// of the objective"). At a layout x0 the static paths of every AP are frozen: their faces, their
// interaction losses ρ = |J·E|²/G and their images; moving an AP moves the images rigidly
// (I = I0 + M·(tx − tx0)), so path lengths, departure directions and antenna gains change
// smoothly; paths below 1e-3 of their cell's power are held at their x0 power (they barely move
// the gradient and are most of an office's paths). Cells combine APs by a smooth maximum and the
// objective is a soft-min over cells in dB (temperature τ dB). Where the study's objective reads
// only the weakest cells (P5, min), the soft-min runs over the cells computed exactly for it at
// x0 (about the weakest tenth, chosen by their lower-order bounds; LayoutEvaluator::
// trace_weak_cells), otherwise over every cell. Gradients are exact (forward-mode dual numbers). At x0 the surrogate's
// cell powers equal the engine's map. Reflector parameters are held fixed by the surrogate
// (their plate paths enter as a constant per cell); GD reports the true objective at every point
// it evaluates, and its best point is ranked by the true objective.
#include <memory>
#include <vector>

#include "core/opt/adam_ascent.hpp"
#include "core/study/layout_evaluator.hpp"

namespace rps {

class SurrogateObjective {
public:
    SurrogateObjective(const LayoutEvaluator& evaluator, const Vector& x0, double temperature_db);

    double value(const Vector& x) const;
    opt::ValueAndGradient value_and_gradient(const Vector& x) const;
    // The true objective at x0 (the engine's full evaluation, computed while freezing).
    double true_objective_at_x0() const { return true_objective_x0_; }
    const std::vector<uint8_t>& surrogate_cells() const { return surrogate_cells_; }
    // Combined cell powers (W) of the surrogate at x (equal to the engine's map at x0 in the
    // cells the surrogate reads, surrogate_cells(); 0 elsewhere).
    std::vector<double> cell_power_w(const Vector& x) const;

    struct FrozenPath {
        uint32_t cell;
        double weight;  // 1 / samples² (the cell average)
        double rho;     // interaction loss |J·E|² / G(d)
        Mat3 mirror;
        Vec3 image0;
        Vec3 rx;
    };

private:
    template <class T>
    void accumulate(const Vector& x, std::vector<std::vector<T>>& per_ap) const;
    template <class T>
    T combine_and_softmin(const std::vector<std::vector<T>>& per_ap, const Vector& x) const;

    const LayoutEvaluator& evaluator_;
    Vector x0_;
    double temperature_db_;
    std::vector<std::vector<FrozenPath>> paths_;  // per AP
    std::vector<std::vector<double>> offset_w_;   // per AP per cell: plate paths, frozen
    std::vector<Vec3> tx0_;
    std::vector<uint8_t> surrogate_cells_;  // one byte per grid cell: 1 = in the soft-min
    double true_objective_x0_ = opt::kInfeasibleFitness;
};

}  // namespace rps
