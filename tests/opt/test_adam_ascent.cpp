// Adam ascent: convergence on a quadratic, records of points actually evaluated (best.x is one of
// them, its value exact), true-objective ranking, projection, NaN regions over many starts.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/opt/adam_ascent.hpp"
#include "opt_test_support.hpp"

namespace rps::opt {
namespace {

const Box kBox{{-5, -5}, {5, 5}};
const Vector kCentre{1.25, -0.75};

// Concave quadratic with different curvatures: max 0 at kCentre.
ValueAndGradient quadratic(const Vector& x) {
    const double dx = x[0] - kCentre[0], dy = x[1] - kCentre[1];
    return {-(dx * dx + 4 * dy * dy), {-2 * dx, -8 * dy}};
}

TEST(AdamAscent, ConvergesOnAQuadratic) {
    AdamParams p;
    p.iterations = 300;
    p.learning_rate = {0.1};
    const auto r = adam_ascent(quadratic, kBox, {-4, 4}, p);
    EXPECT_EQ(r.status, AdamStatus::Completed);
    ASSERT_EQ(r.trajectory.size(), 300u);
    EXPECT_LT(test::distance(r.trace.best.x, kCentre), 1e-2);
    EXPECT_GT(r.trace.best.fitness, -1e-4);
}

TEST(AdamAscent, RecordsTheEvaluatedPointsAndItsBestWasEvaluated) {
    AdamParams p;
    p.iterations = 25;
    p.learning_rate = {0.4, 0.2};  // per-dimension, in parameter units
    std::vector<Vector> asked;
    GradientFunction f = [&](const Vector& x) {
        asked.push_back(x);
        return quadratic(x);
    };
    const Vector start{-3, 2};
    const auto r = adam_ascent(f, kBox, start, p);
    ASSERT_EQ(asked.size(), r.trajectory.size());
    EXPECT_EQ(r.trajectory.front().x, start);  // iteration 0 is the start itself
    for (std::size_t k = 0; k < asked.size(); ++k) {
        EXPECT_EQ(r.trajectory[k].x, asked[k]);
        EXPECT_EQ(r.trajectory[k].value, quadratic(asked[k]).value);
        EXPECT_EQ(r.trace.evaluations[k].x, asked[k]);
    }
    const auto it = std::find_if(r.trajectory.begin(), r.trajectory.end(),
                                 [&](const AdamStep& s) { return s.x == r.trace.best.x; });
    ASSERT_NE(it, r.trajectory.end());
    EXPECT_EQ(quadratic(r.trace.best.x).value, r.trace.best.fitness);  // exactly
    for (const auto& s : r.trajectory) EXPECT_LE(s.true_value, r.trace.best.fitness);
    // Adam's first step moves each coordinate by about its learning rate.
    EXPECT_NEAR(r.trajectory[1].x[0] - start[0], 0.4, 1e-6);
    EXPECT_NEAR(r.trajectory[1].x[1] - start[1], -0.2, 1e-6);
}

TEST(AdamAscent, TrueObjectiveIsRecordedAndRanksTheBest) {
    // The surrogate peaks at kCentre; the "true" objective is the surrogate minus a term that
    // prefers larger x0, so the best recorded point is chosen by the true objective.
    ObjectiveFunction truth = [](const Vector& x) { return quadratic(x).value + 0.5 * x[0]; };
    AdamParams p;
    p.iterations = 40;
    p.learning_rate = {0.3};
    const auto r = adam_ascent(quadratic, kBox, {-4, -4}, p, truth);
    double best_truth = kInfeasibleFitness;
    for (const auto& s : r.trajectory) {
        EXPECT_EQ(s.true_value, truth(s.x));
        EXPECT_EQ(s.value, quadratic(s.x).value);
        best_truth = std::max(best_truth, s.true_value);
    }
    EXPECT_EQ(r.trace.best.fitness, best_truth);
    EXPECT_EQ(truth(r.trace.best.x), r.trace.best.fitness);
}

TEST(AdamAscent, ProjectsOntoTheBox) {
    // Optimum outside the box: the run ends on the boundary and never leaves the box.
    GradientFunction f = [](const Vector& x) {
        return ValueAndGradient{-((x[0] - 9) * (x[0] - 9) + x[1] * x[1]),
                                {-2 * (x[0] - 9), -2 * x[1]}};
    };
    AdamParams p;
    p.iterations = 100;
    p.learning_rate = {0.5};
    const auto r = adam_ascent(f, kBox, {0, 3}, p);
    for (const auto& s : r.trajectory) EXPECT_TRUE(kBox.contains(s.x));
    EXPECT_EQ(r.trace.best.x[0], 5.0);
    EXPECT_NEAR(r.trace.best.x[1], 0.0, 0.05);
}

TEST(AdamAscent, NaNStopsTheStartCleanly) {
    // NaN for x0 > 0: a start heading for kCentre (x0 = 1.25) must cross into it.
    GradientFunction f = [](const Vector& x) {
        if (x[0] > 0) return ValueAndGradient{std::nan(""), {std::nan(""), 0.0}};
        return quadratic(x);
    };
    AdamParams p;
    p.iterations = 50;
    p.learning_rate = {0.3};
    const auto r = adam_ascent(f, kBox, {-2, 0}, p);
    EXPECT_EQ(r.status, AdamStatus::NonFiniteValue);
    EXPECT_FALSE(r.message.empty());
    ASSERT_FALSE(r.stopped_at.empty());
    EXPECT_GT(r.stopped_at[0], 0.0);
    EXPECT_LT(r.trajectory.size(), 50u);
    test::ExpectNoNaN(r.trace);
    EXPECT_LE(r.trace.best.x[0], 0.0);

    GradientFunction bad_grad = [](const Vector& x) {
        auto vg = quadratic(x);
        vg.gradient[1] = std::numeric_limits<double>::infinity();
        return vg;
    };
    const auto g = adam_ascent(bad_grad, kBox, {0, 0}, p);
    EXPECT_EQ(g.status, AdamStatus::NonFiniteGradient);
    EXPECT_TRUE(g.trajectory.empty());
    EXPECT_TRUE(g.trace.best.x.empty());
    EXPECT_EQ(g.trace.best.fitness, kInfeasibleFitness);
}

TEST(AdamAscent, ManyStartsWithANaNRegionGiveNoNaN) {
    GradientFunction f = [](const Vector& x) {
        if (x[0] * x[1] > 6) return ValueAndGradient{std::nan(""), {0.0, 0.0}};
        return quadratic(x);
    };
    AdamParams p;
    p.iterations = 30;
    p.learning_rate = {0.3};
    const auto starts = latin_hypercube_starts(kBox, 60, 17);
    const auto m = multi_start_adam(f, kBox, starts, p);
    ASSERT_EQ(m.starts.size(), 60u);
    int stopped = 0;
    for (const auto& r : m.starts) {
        test::ExpectNoNaN(r.trace);
        for (const auto& s : r.trajectory) {
            EXPECT_TRUE(std::isfinite(s.value));
            EXPECT_TRUE(std::isfinite(s.gradient_norm));
        }
        stopped += r.status != AdamStatus::Completed;
    }
    EXPECT_GT(stopped, 0);
    EXPECT_LT(test::distance(m.best.x, kCentre), 0.1);
    EXPECT_EQ(m.best.fitness, m.starts[m.best_start].trace.best.fitness);
}

TEST(AdamAscent, StartGenerators) {
    const Box box{{0, 10, -1}, {1, 20, 1}};
    const auto lhs = latin_hypercube_starts(box, 8, 5);
    ASSERT_EQ(lhs.size(), 8u);
    for (std::size_t d = 0; d < 3; ++d) {
        std::set<int> strata;
        for (const auto& x : lhs) {
            EXPECT_TRUE(box.contains(x));
            strata.insert(static_cast<int>((x[d] - box.lower[d]) / box.width(d) * 8));
        }
        EXPECT_EQ(strata.size(), 8u);  // one point per stratum in every dimension
    }
    EXPECT_EQ(lhs, latin_hypercube_starts(box, 8, 5));
    EXPECT_NE(lhs, latin_hypercube_starts(box, 8, 6));

    const auto u5 = uniform_starts(box, 5, 9);
    const auto u50 = uniform_starts(box, 50, 9);
    for (std::size_t k = 0; k < 5; ++k) EXPECT_EQ(u5[k], u50[k]);  // prefix-stable
    for (const auto& x : u50) EXPECT_TRUE(box.contains(x));
}

TEST(AdamAscent, RejectsMalformedInput) {
    AdamParams p;
    EXPECT_THROW(adam_ascent(quadratic, kBox, {0}, p), std::invalid_argument);
    p.learning_rate = {0.1, 0.1, 0.1};
    EXPECT_THROW(adam_ascent(quadratic, kBox, {0, 0}, p), std::invalid_argument);
    p.learning_rate = {-1};
    EXPECT_THROW(adam_ascent(quadratic, kBox, {0, 0}, p), std::invalid_argument);
    GradientFunction short_grad = [](const Vector&) { return ValueAndGradient{1.0, {1.0}}; };
    EXPECT_THROW(adam_ascent(short_grad, kBox, {0, 0}, AdamParams{}), std::invalid_argument);
}

}  // namespace
}  // namespace rps::opt
