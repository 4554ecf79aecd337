#pragma once
// Local derivative-free refinement of a winner with NLopt (bounded): LN_BOBYQA without a
// constraint, LN_COBYLA with one. Evaluations are sequential (batches of one) because both
// methods choose each point from the previous results.
#include <functional>

#include "core/opt/problem.hpp"

namespace rps::opt {

// Inequality constraint for COBYLA: feasible iff margin(x) <= 0. Smooth margins work best (e.g.
// min_separation - distance); infeasible points are never evaluated.
using ConstraintMargin = std::function<double(const Vector&)>;

// A crude margin from a feasibility predicate (-1 feasible, +1 infeasible), for predicates that
// have no natural distance. COBYLA then only learns where the boundary is by probing it.
ConstraintMargin margin_from_predicate(Constraint feasible);

struct NloptRefineParams {
    int max_evaluations = 60;
    // Initial trust-region/simplex step per dimension in parameter units (one entry = all);
    // empty = 10 % of each box width.
    Vector initial_step;
    double xtol_abs = 1e-3;  // stop when a step moves every parameter less than this (units)
    double ftol_abs = 0.0;   // stop when the objective improves less than this (0 = off)
};

// Starts from `start` (clamped to the box), which is evaluated first, so trace.best is never
// worse than the start. One iteration per evaluation. For NLopt's own benefit only, points that
// are infeasible or whose value came back non-finite are reported to it as the worst value seen
// so far (a finite number keeps its models sane); the trace records only evaluated points.
// Exceptions thrown by `fitness` stop NLopt and are rethrown unchanged.
OptimisationTrace nlopt_refine(const Box& box, const Vector& start, const BatchFitness& fitness,
                               const NloptRefineParams& params, const ConstraintMargin& margin = {},
                               const ProgressCallback& progress = {});

}  // namespace rps::opt
