// Box, ordered batch evaluation with constraint skipping and NaN sanitising, and the trace's
// deterministic best.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/opt/problem.hpp"

namespace rps::opt {
namespace {

TEST(Box, ClampValidateContains) {
    const Box box{{0, -1}, {1, 1}};
    EXPECT_NO_THROW(box.validate());
    EXPECT_EQ(box.dim(), 2u);
    EXPECT_EQ(box.clamp({2, -5}), (Vector{1, -1}));
    EXPECT_EQ(box.clamp({std::nan(""), 0.5}), (Vector{0, 0.5}));
    EXPECT_TRUE(box.contains({0.5, 0}));
    EXPECT_FALSE(box.contains({0.5, 2}));
    EXPECT_FALSE(box.contains({std::nan(""), 0}));
    EXPECT_EQ(box.center(), (Vector{0.5, 0}));
    EXPECT_THROW((Box{{0}, {1, 2}}.validate()), std::invalid_argument);
    EXPECT_THROW((Box{{1}, {0}}.validate()), std::invalid_argument);
    EXPECT_THROW((Box{{0}, {std::numeric_limits<double>::infinity()}}.validate()),
                 std::invalid_argument);
    EXPECT_NO_THROW((Box{{1}, {1}}.validate()));  // fixed parameter
}

TEST(EvaluateBatch, SkipsInfeasibleSanitisesAndKeepsOrder) {
    std::vector<std::size_t> sizes;
    BatchFitness f = [&](const std::vector<Vector>& xs) {
        sizes.push_back(xs.size());
        std::vector<double> out;
        for (const auto& x : xs) out.push_back(x[0] == 3 ? std::nan("") : 10 * x[0]);
        return out;
    };
    Constraint odd = [](const Vector& x) { return static_cast<int>(x[0]) % 2 == 1; };
    OptimisationTrace trace;
    const auto v = evaluate_batch(f, {{0}, {1}, {2}, {3}, {5}}, odd, trace);
    EXPECT_EQ(sizes, (std::vector<std::size_t>{3}));
    EXPECT_EQ(v, (std::vector<double>{kInfeasibleFitness, 10, kInfeasibleFitness,
                                      kInfeasibleFitness, 50}));
    EXPECT_EQ(trace.infeasible_skipped, 2u);
    EXPECT_EQ(trace.non_finite_results, 1u);
    ASSERT_EQ(trace.evaluations.size(), 3u);
    EXPECT_EQ(trace.evaluations[1].fitness, kInfeasibleFitness);
    EXPECT_EQ(trace.best.x, (Vector{5}));

    // Nothing feasible: the evaluator is not called.
    evaluate_batch(f, {{0}}, odd, trace);
    EXPECT_EQ(sizes.size(), 1u);

    BatchFitness wrong = [](const std::vector<Vector>&) { return std::vector<double>{1.0}; };
    EXPECT_THROW(evaluate_batch(wrong, {{1}, {2}}, {}, trace), std::runtime_error);
}

TEST(Trace, TiesKeepTheEarliestBest) {
    OptimisationTrace t;
    t.record({{1}, 2.0});
    t.record({{2}, 2.0});
    t.end_iteration();
    EXPECT_EQ(t.best.x, (Vector{1}));
    OptimisationTrace u;
    u.record({{3}, 5.0});
    t.append(u);
    EXPECT_EQ(t.best.x, (Vector{3}));
    EXPECT_EQ(t.evaluations.size(), 3u);
    EXPECT_EQ(t.best_per_iteration, (std::vector<double>{2.0}));
}

}  // namespace
}  // namespace rps::opt
