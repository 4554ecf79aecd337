#pragma once
// Successive halving over a fixed candidate set: evaluate everything at a cheap fidelity, keep
// the best fraction, re-evaluate the survivors at the next fidelity, and so on. Used by the
// 2ap_reflector schedule (e.g. fewer rays or a coarser grid first).
#include <cstddef>
#include <functional>
#include <vector>

#include "core/opt/problem.hpp"

namespace rps::opt {

// Fitness (to maximise) of a batch of candidates at one budget/fidelity, in input order.
using FidelityFitness =
    std::function<std::vector<double>(const std::vector<Vector>& candidates, double budget)>;

struct HalvingRound {
    double budget = 0.0;
    std::vector<std::size_t> candidates;  // input indices evaluated this round, ascending
    std::vector<double> fitness;          // one per entry of `candidates`
};

struct HalvingResult {
    std::vector<HalvingRound> rounds;
    // The last round's candidates, best first (fitness descending, then input index ascending).
    std::vector<std::size_t> final_ranking;
    std::size_t winner = 0;                      // final_ranking[0]
    double winner_fitness = kInfeasibleFitness;  // at the last budget
};

// budgets: one fidelity per round, in order (non-empty). After every round but the last,
// max(1, ceil(keep_fraction * n)) candidates survive; the survivors are still evaluated at every
// remaining budget, so the winner's fitness is always the one at the final fidelity. Ties are
// broken by input index (lower wins), so the result never depends on evaluation order.
// Non-finite fitness counts as kInfeasibleFitness. Throws std::invalid_argument on empty inputs
// or keep_fraction outside (0, 1], std::runtime_error when the evaluator returns a wrong count.
HalvingResult successive_halving(const std::vector<Vector>& candidates,
                                 const std::vector<double>& budgets, double keep_fraction,
                                 const FidelityFitness& evaluate_at_budget);

}  // namespace rps::opt
