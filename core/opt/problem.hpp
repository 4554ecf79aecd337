#pragma once
// The common vocabulary of every optimiser in rps_opt: a box-bounded parameter vector, a batch
// fitness to MAXIMISE, an optional feasibility predicate and the trace of what was evaluated.
// Nothing here knows about radio maps; core/study maps layouts to these vectors.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace rps::opt {

using Vector = std::vector<double>;

// Fitness given to infeasible points (never evaluated) and to non-finite values an evaluator
// returns. Finite on purpose: traces are stored in HDF5/JSON, compared and sorted, and -inf or
// NaN would poison all of those. It is far below any objective in dB or watts.
inline constexpr double kInfeasibleFitness = -1e300;

// Axis-aligned bounds. lower[i] == upper[i] is allowed (a fixed parameter).
struct Box {
    Vector lower, upper;

    std::size_t dim() const { return lower.size(); }
    double width(std::size_t i) const { return upper[i] - lower[i]; }
    Vector center() const;
    // Throws std::invalid_argument on size mismatch, non-finite bounds or lower > upper.
    void validate() const;
    // Component-wise projection onto the box (NaN components go to the lower bound, so a
    // projected vector is always finite).
    Vector clamp(Vector x) const;
    bool contains(const Vector& x) const;
};

// Evaluates a batch of points and returns one fitness per point, IN INPUT ORDER, whatever order
// or parallelism it uses internally. That contract is what makes every method here
// bit-identical for a given seed regardless of how many workers serve the batch.
using BatchFitness = std::function<std::vector<double>(const std::vector<Vector>&)>;

// Feasibility predicate: false means "do not evaluate; fitness = kInfeasibleFitness".
// An empty Constraint means every point in the box is feasible.
using Constraint = std::function<bool(const Vector&)>;

struct Evaluation {
    Vector x;
    double fitness = kInfeasibleFitness;
};

// Best-so-far after each iteration; called on the caller's thread.
using ProgressCallback = std::function<void(int iteration, const Evaluation& best)>;

struct OptimisationTrace {
    // Every point sent to the evaluator, in evaluation order (batch by batch, input order within
    // a batch). Infeasible points are not evaluated and therefore not listed here.
    std::vector<Evaluation> evaluations;
    // argmax of evaluations; ties keep the earliest evaluation. x is empty while nothing has
    // been evaluated.
    Evaluation best;
    // Best fitness found up to and including each iteration (generation, level, round, ...).
    std::vector<double> best_per_iteration;
    // Points skipped because the constraint rejected them.
    std::size_t infeasible_skipped = 0;
    // Evaluator results that were NaN/inf and were replaced by kInfeasibleFitness.
    std::size_t non_finite_results = 0;

    // Appends one evaluation and updates best.
    void record(const Evaluation& e);
    // Closes an iteration: appends best.fitness to best_per_iteration.
    void end_iteration();
    // Appends another trace's evaluations (in order) and counters, recomputing best; used to
    // combine e.g. a global search with its local refinement.
    void append(const OptimisationTrace& other);
};

// Evaluates `points` through `fitness` as ONE ordered batch (only the feasible ones; the
// evaluator is not called when none is), records the evaluated points into `trace` and returns
// one fitness per input point: kInfeasibleFitness for infeasible points and for non-finite
// results. Throws std::runtime_error when the evaluator returns the wrong number of values.
std::vector<double> evaluate_batch(const BatchFitness& fitness, const std::vector<Vector>& points,
                                   const Constraint& constraint, OptimisationTrace& trace);

// Wraps a point-wise function as a BatchFitness (sequential, in order); handy for tests and for
// cheap objectives.
BatchFitness sequential_batch(std::function<double(const Vector&)> f);

}  // namespace rps::opt
