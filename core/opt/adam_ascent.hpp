#pragma once
// Projected Adam gradient ASCENT from one start, and the start generators for multi-start runs.
//
// Differences from the original (torch AdamW in gradient_descent.py), on purpose:
//  - the record of iteration k is the point x_k that was actually evaluated with its value
//    f(x_k); the original logged positions after the step, so its "best" was never evaluated;
//  - no weight decay (AdamW's 0.01 pulled positions toward 0, i.e. toward a corner);
//  - learning rates are in parameter units (metres, radians), per dimension;
//  - projection onto the box after every step, for every parameter;
//  - a NaN/inf value or gradient stops the start and is reported instead of being zeroed.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/opt/problem.hpp"

namespace rps::opt {

struct ValueAndGradient {
    double value = 0.0;
    Vector gradient;
};
// Value and gradient of the function to maximise (typically a smooth surrogate of the objective).
using GradientFunction = std::function<ValueAndGradient(const Vector&)>;
// The exact objective, when the gradient belongs to a surrogate.
using ObjectiveFunction = std::function<double(const Vector&)>;

struct AdamParams {
    int iterations = 30;  // evaluated points per start; a step follows every one but the last
    // Step scale per dimension in parameter units (one entry = every dimension): Adam's
    // normalised step is about +-1, so this is roughly the largest move per iteration.
    Vector learning_rate = {0.5};
    double beta1 = 0.9;
    double beta2 = 0.999;
    double epsilon = 1e-8;
};

struct AdamStep {
    Vector x;                 // the point evaluated at this iteration
    double value = 0.0;       // f(x) of the differentiated function
    double true_value = 0.0;  // true_objective(x) when given, else == value
    double gradient_norm = 0.0;
};

enum class AdamStatus { Completed, NonFiniteValue, NonFiniteGradient, NonFiniteTrueValue };

struct AdamResult {
    // Finite records only, one per iteration, in order.
    std::vector<AdamStep> trajectory;
    // evaluations = (x_k, true_value_k); best = argmax of those (ties: earliest), so best.x is a
    // trajectory point and best.fitness is exactly the objective recorded there. When the very
    // first evaluation fails, best.x is empty and best.fitness is kInfeasibleFitness.
    OptimisationTrace trace;
    AdamStatus status = AdamStatus::Completed;
    std::string message;  // why it stopped early; empty when Completed
    Vector stopped_at;    // the point whose evaluation was non-finite (empty when Completed)
};

using AdamIterationCallback = std::function<void(int iteration, const AdamStep& step)>;

// Runs params.iterations evaluations from `start` (clamped to the box). Throws
// std::invalid_argument for malformed inputs (wrong sizes, non-positive rates) and when the
// function returns a gradient of the wrong size.
AdamResult adam_ascent(const GradientFunction& f, const Box& box, const Vector& start,
                       const AdamParams& params, const ObjectiveFunction& true_objective = {},
                       const AdamIterationCallback& on_iteration = {});

// n points of a Latin hypercube in the box: each dimension split into n strata, one point per
// stratum, strata paired by independent permutations. Draws from SeedSequence(seed).engine(0),
// so the whole set depends on n.
std::vector<Vector> latin_hypercube_starts(const Box& box, std::size_t n, std::uint64_t seed);
// n uniform points; point i comes from SeedSequence(seed).engine(i) alone, so the first k points
// are the same whatever n is.
std::vector<Vector> uniform_starts(const Box& box, std::size_t n, std::uint64_t seed);

struct MultiStartResult {
    std::vector<AdamResult> starts;
    std::size_t best_start = 0;  // index of the start holding `best` (ties: lowest index)
    Evaluation best;
};

// Sequential multi-start, for callers without a pool (the study layer runs one task per start).
MultiStartResult multi_start_adam(const GradientFunction& f, const Box& box,
                                  const std::vector<Vector>& starts, const AdamParams& params,
                                  const ObjectiveFunction& true_objective = {});

}  // namespace rps::opt
