#include "core/opt/problem.hpp"

#include <cmath>
#include <stdexcept>

namespace rps::opt {

Vector Box::center() const {
    Vector c(dim());
    for (std::size_t i = 0; i < dim(); ++i) c[i] = lower[i] + 0.5 * width(i);
    return c;
}

void Box::validate() const {
    if (lower.size() != upper.size())
        throw std::invalid_argument("Box: lower has " + std::to_string(lower.size()) +
                                    " components, upper has " + std::to_string(upper.size()));
    if (lower.empty()) throw std::invalid_argument("Box: zero dimensions");
    for (std::size_t i = 0; i < lower.size(); ++i) {
        if (!std::isfinite(lower[i]) || !std::isfinite(upper[i]))
            throw std::invalid_argument("Box: non-finite bound in dimension " + std::to_string(i));
        if (lower[i] > upper[i])
            throw std::invalid_argument("Box: lower > upper in dimension " + std::to_string(i));
    }
}

Vector Box::clamp(Vector x) const {
    if (x.size() != dim())
        throw std::invalid_argument("Box::clamp: vector has " + std::to_string(x.size()) +
                                    " components, box has " + std::to_string(dim()));
    for (std::size_t i = 0; i < x.size(); ++i) {
        // NaN to the lower bound is a rule of its own, not the comparison's (which NaN fails).
        if (std::isnan(x[i]))
            x[i] = lower[i];  // NOLINT(bugprone-branch-clone)
        else if (x[i] < lower[i])
            x[i] = lower[i];
        else if (x[i] > upper[i])
            x[i] = upper[i];
    }
    return x;
}

bool Box::contains(const Vector& x) const {
    if (x.size() != dim()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!(x[i] >= lower[i] && x[i] <= upper[i])) return false;
    return true;
}

void OptimisationTrace::record(const Evaluation& e) {
    evaluations.push_back(e);
    // Strictly greater: ties keep the earliest, so the reduction is order-deterministic.
    if (best.x.empty() || e.fitness > best.fitness) best = e;
}

void OptimisationTrace::end_iteration() { best_per_iteration.push_back(best.fitness); }

void OptimisationTrace::append(const OptimisationTrace& other) {
    for (const auto& e : other.evaluations) record(e);
    infeasible_skipped += other.infeasible_skipped;
    non_finite_results += other.non_finite_results;
}

std::vector<double> evaluate_batch(const BatchFitness& fitness, const std::vector<Vector>& points,
                                   const Constraint& constraint, OptimisationTrace& trace) {
    std::vector<double> result(points.size(), kInfeasibleFitness);
    std::vector<std::size_t> feasible_index;
    std::vector<Vector> batch;
    feasible_index.reserve(points.size());
    batch.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (constraint && !constraint(points[i])) {
            ++trace.infeasible_skipped;
            continue;
        }
        feasible_index.push_back(i);
        batch.push_back(points[i]);
    }
    if (batch.empty()) return result;

    const std::vector<double> values = fitness(batch);
    if (values.size() != batch.size())
        throw std::runtime_error("batch fitness returned " + std::to_string(values.size()) +
                                 " values for a batch of " + std::to_string(batch.size()));
    for (std::size_t k = 0; k < batch.size(); ++k) {
        double v = values[k];
        if (!std::isfinite(v)) {
            ++trace.non_finite_results;
            v = kInfeasibleFitness;
        }
        result[feasible_index[k]] = v;
        trace.record({batch[k], v});
    }
    return result;
}

BatchFitness sequential_batch(std::function<double(const Vector&)> f) {
    return [f = std::move(f)](const std::vector<Vector>& xs) {
        std::vector<double> out;
        out.reserve(xs.size());
        for (const auto& x : xs) out.push_back(f(x));
        return out;
    };
}

}  // namespace rps::opt
