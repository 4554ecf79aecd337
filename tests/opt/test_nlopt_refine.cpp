// NLopt refinement: improves a nearby start, budget and determinism, COBYLA constraint never
// violated, 1-D and fixed parameters, NaN regions and exceptions from the evaluator.
#include <gtest/gtest.h>

#include "core/opt/nlopt_refine.hpp"
#include "opt_test_support.hpp"

namespace rps::opt {
namespace {

using test::TestEvaluator;

const Box kBox{{0, 0, 0}, {10, 10, 10}};
const Vector kCentre{3.3, 6.1, 4.7};
double shifted_sphere(const Vector& x) { return test::neg_sphere(x, kCentre); }

TEST(NloptRefine, ImprovesANearbyStart) {
    TestEvaluator ev(shifted_sphere);
    NloptRefineParams p;
    p.max_evaluations = 80;
    p.initial_step = {0.5};
    p.xtol_abs = 1e-5;
    const Vector start{3.0, 6.5, 4.2};
    const auto t = nlopt_refine(kBox, start, ev.fn(), p);
    ASSERT_FALSE(t.evaluations.empty());
    EXPECT_EQ(t.evaluations.front().x, start);  // the start is evaluated first
    EXPECT_EQ(ev.batch_sizes, std::vector<std::size_t>(ev.batch_sizes.size(), 1));
    EXPECT_LE(t.evaluations.size(), 80u);
    EXPECT_LT(test::distance(t.best.x, kCentre), 1e-3);
    EXPECT_GT(t.best.fitness, shifted_sphere(start));
    test::ExpectNoNaN(t);
}

// An initial step above half the range (a study's initial_step may be up to the whole range)
// made BOBYQA refuse the problem ("insufficient space between the bounds", an internal error
// after the study's earlier methods had run): the step is kept to half the range.
TEST(NloptRefine, InitialStepLargerThanHalfTheRange) {
    for (const double step : {6.0, 10.0, 25.0}) {
        TestEvaluator ev(shifted_sphere);
        NloptRefineParams p;
        p.max_evaluations = 150;
        p.initial_step = {step};
        p.xtol_abs = 1e-5;
        const auto t = nlopt_refine(kBox, {3.0, 6.5, 4.2}, ev.fn(), p);
        EXPECT_LT(test::distance(t.best.x, kCentre), 1e-2) << step;
        test::ExpectNoNaN(t);
    }
}

TEST(NloptRefine, RespectsTheBudgetAndIsDeterministic) {
    NloptRefineParams p;
    p.max_evaluations = 7;
    TestEvaluator a(test::neg_rosenbrock), b(test::neg_rosenbrock);
    const Box box{{-2, -2}, {2, 2}};
    const auto ta = nlopt_refine(box, {-1, 1.5}, a.fn(), p);
    const auto tb = nlopt_refine(box, {-1, 1.5}, b.fn(), p);
    EXPECT_EQ(ta.evaluations.size(), 7u);
    test::ExpectSameTrace(ta, tb);

    p.max_evaluations = 200;
    p.xtol_abs = 1e-7;
    TestEvaluator c(test::neg_rosenbrock);
    const auto tc = nlopt_refine(box, {0.5, 0.5}, c.fn(), p);
    EXPECT_LT(test::distance(tc.best.x, {1, 1}), 1e-3);
}

TEST(NloptRefine, ConstraintUsesCobylaAndIsNeverViolated) {
    // Feasible iff x0 + x1 <= 8; the unconstrained optimum (3.3 + 6.1 = 9.4) is outside.
    ConstraintMargin margin = [](const Vector& x) { return x[0] + x[1] - 8.0; };
    TestEvaluator ev(shifted_sphere);
    NloptRefineParams p;
    p.max_evaluations = 150;
    p.initial_step = {0.5};
    p.xtol_abs = 1e-6;
    const auto t = nlopt_refine(kBox, {2, 5, 4}, ev.fn(), p, margin);
    for (const auto& x : ev.seen) EXPECT_LE(margin(x), 0.0);
    // Projection of the centre onto the plane: (2.6, 5.4, 4.7), value -(1.4^2 / 2) = -0.98.
    EXPECT_NEAR(t.best.fitness, -0.98, 1e-3);
    EXPECT_NEAR(t.best.x[2], 4.7, 1e-2);
}

TEST(NloptRefine, OneDimensionAndFixedParameters) {
    TestEvaluator one([](const Vector& x) { return -(x[0] - 0.7) * (x[0] - 0.7); });
    NloptRefineParams p;
    p.xtol_abs = 1e-6;
    const auto t1 = nlopt_refine(Box{{0}, {1}}, {0.2}, one.fn(), p);
    EXPECT_NEAR(t1.best.x[0], 0.7, 1e-3);

    TestEvaluator fixed(shifted_sphere);
    const Box box{{0, 6.1, 0}, {10, 6.1, 10}};  // x1 fixed
    const auto t2 = nlopt_refine(box, {2, 6.1, 5}, fixed.fn(), p);
    EXPECT_LT(test::distance(t2.best.x, kCentre), 1e-3);
    for (const auto& x : fixed.seen) EXPECT_EQ(x[1], 6.1);
}

TEST(NloptRefine, NaNAndExceptions) {
    TestEvaluator nan_region(
        [](const Vector& x) { return x[0] > 3.5 ? std::nan("") : shifted_sphere(x); });
    NloptRefineParams p;
    p.max_evaluations = 100;
    const auto t = nlopt_refine(kBox, {2, 6, 5}, nan_region.fn(), p);
    test::ExpectNoNaN(t);
    EXPECT_LE(t.best.x[0], 3.5);
    EXPECT_GT(t.best.fitness, shifted_sphere({2, 6, 5}));

    int calls = 0;
    EXPECT_THROW(nlopt_refine(kBox, {2, 6, 5}, test::throws_on_third_call(calls), p), test::Boom);
}

}  // namespace
}  // namespace rps::opt
