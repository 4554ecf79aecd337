#pragma once
// Test functions (to MAXIMISE, known optimum) and instrumented batch evaluators for rps_opt.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numbers>
#include <numeric>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/opt/problem.hpp"

namespace rps::opt::test {

// -|x - c|^2: maximum 0 at c.
inline double neg_sphere(const Vector& x, const Vector& c) {
    double s = 0;
    for (std::size_t i = 0; i < x.size(); ++i) s += (x[i] - c[i]) * (x[i] - c[i]);
    return -s;
}

// Negated 2-D Rosenbrock with a milder valley (b = 10): maximum 0 at (1, 1).
inline double neg_rosenbrock(const Vector& x) {
    const double a = 1 - x[0], b = x[1] - x[0] * x[0];
    return -(a * a + 10 * b * b);
}

// Negated Rastrigin: maximum 0 at the origin, local maxima on the integer lattice.
inline double neg_rastrigin(const Vector& x) {
    double s = 10.0 * static_cast<double>(x.size());
    for (double v : x) s += v * v - 10.0 * std::cos(2.0 * std::numbers::pi * v);
    return -s;
}

// Two Gaussian bumps of equal width: global maximum ~1 at (2, 2), a local one of ~0.8 at
// (-2, -2) that captures about half of all local climbs.
inline double two_bumps(const Vector& x) {
    const double d1 = (x[0] - 2) * (x[0] - 2) + (x[1] - 2) * (x[1] - 2);
    const double d2 = (x[0] + 2) * (x[0] + 2) + (x[1] + 2) * (x[1] + 2);
    return std::exp(-d1 / 2.0) + 0.8 * std::exp(-d2 / 2.0);
}

inline double distance(const Vector& a, const Vector& b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += (a[i] - b[i]) * (a[i] - b[i]);
    return std::sqrt(s);
}

// How many of `seeds` runs end within `tolerance` of `optimum`: global methods are judged on a
// success rate over fixed seeds (deterministic, so never flaky) instead of one lucky seed.
template <typename Run>
int successes(int seeds, const Vector& optimum, double tolerance, Run run) {
    int ok = 0;
    for (int s = 0; s < seeds; ++s)
        ok += distance(run(static_cast<std::uint64_t>(s)), optimum) < tolerance;
    return ok;
}

// Batch evaluator that records the size of every batch. With `scrambled`, each batch is
// evaluated by two threads in a permuted order that changes from call to call, and results are
// written back to their input slots: what a worker pool does.
class TestEvaluator {
public:
    explicit TestEvaluator(std::function<double(const Vector&)> f, bool scrambled = false)
        : f_(std::move(f)), scrambled_(scrambled) {}

    std::vector<double> operator()(const std::vector<Vector>& xs) {
        batch_sizes.push_back(xs.size());
        for (const auto& x : xs) seen.push_back(x);
        std::vector<double> out(xs.size());
        if (!scrambled_) {
            for (std::size_t i = 0; i < xs.size(); ++i) out[i] = f_(xs[i]);
            return out;
        }
        std::vector<std::size_t> perm(xs.size());
        std::iota(perm.begin(), perm.end(), std::size_t{0});
        std::shuffle(perm.begin(), perm.end(), std::mt19937(static_cast<unsigned>(++calls_)));
        auto work = [&](std::size_t begin, std::size_t end) {
            for (std::size_t k = begin; k < end; ++k) out[perm[k]] = f_(xs[perm[k]]);
        };
        const std::size_t half = xs.size() / 2;
        std::thread t(work, half, xs.size());
        work(0, half);
        t.join();
        return out;
    }
    BatchFitness fn() {
        return [this](const std::vector<Vector>& xs) { return (*this)(xs); };
    }

    std::vector<std::size_t> batch_sizes;
    std::vector<Vector> seen;

private:
    std::function<double(const Vector&)> f_;
    bool scrambled_;
    unsigned calls_ = 0;
};

// Bitwise equality of two traces (x, fitness and per-iteration bests).
inline void ExpectSameTrace(const OptimisationTrace& a, const OptimisationTrace& b) {
    ASSERT_EQ(a.evaluations.size(), b.evaluations.size());
    for (std::size_t i = 0; i < a.evaluations.size(); ++i) {
        ASSERT_EQ(a.evaluations[i].x, b.evaluations[i].x) << "evaluation " << i;
        ASSERT_EQ(a.evaluations[i].fitness, b.evaluations[i].fitness) << "evaluation " << i;
    }
    EXPECT_EQ(a.best.x, b.best.x);
    EXPECT_EQ(a.best.fitness, b.best.fitness);
    EXPECT_EQ(a.best_per_iteration, b.best_per_iteration);
}

inline bool SameEvaluations(const OptimisationTrace& a, const OptimisationTrace& b) {
    if (a.evaluations.size() != b.evaluations.size()) return false;
    for (std::size_t i = 0; i < a.evaluations.size(); ++i)
        if (a.evaluations[i].x != b.evaluations[i].x) return false;
    return true;
}

// An error type no optimiser knows, and a batch evaluator that throws it on its third call
// (counted in `calls`): the optimisers must let it through unchanged.
struct Boom : std::runtime_error {
    Boom() : std::runtime_error("boom") {}
};
inline BatchFitness throws_on_third_call(int& calls) {
    return [&calls](const std::vector<Vector>& xs) {
        if (++calls == 3) throw Boom();
        return std::vector<double>(xs.size(), 0.0);
    };
}

inline void ExpectNoNaN(const OptimisationTrace& t) {
    for (const auto& e : t.evaluations) {
        EXPECT_FALSE(std::isnan(e.fitness));
        for (double v : e.x) EXPECT_TRUE(std::isfinite(v));
    }
    for (double v : t.best_per_iteration) EXPECT_FALSE(std::isnan(v));
}

}  // namespace rps::opt::test
