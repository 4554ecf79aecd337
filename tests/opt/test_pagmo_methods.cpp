// PSO and CMA-ES through pagmo: optima of smooth and multimodal functions, exactly one full batch
// per generation, bit-identical results whatever the evaluator's order, constraints and NaN.
#include <gtest/gtest.h>

#include "core/opt/pagmo_methods.hpp"
#include "opt_test_support.hpp"

namespace rps::opt {
namespace {

using test::TestEvaluator;

const Box kBox3{{-5, -5, -5}, {5, 5, 5}};
const Vector kCentre3{1.5, -2.0, 3.25};
double shifted_sphere(const Vector& x) { return test::neg_sphere(x, kCentre3); }

TEST(Pso, FindsTheShiftedSphereOptimum) {
    TestEvaluator ev(shifted_sphere);
    PsoParams p;
    p.generations = 60;
    p.population = 20;
    const auto t = pso_optimise(kBox3, ev.fn(), p, 1);
    EXPECT_LT(test::distance(t.best.x, kCentre3), 0.05);
    test::ExpectNoNaN(t);
}

TEST(Pso, FindsTheGlobalOfMultimodalFunctions) {
    PsoParams p;
    p.generations = 40;
    p.population = 20;
    const Box box{{-5, -5}, {5, 5}};
    EXPECT_GE(test::successes(
                  10, {2, 2}, 0.05,
                  [&](std::uint64_t seed) {
                      return pso_optimise(box, sequential_batch(test::two_bumps), p, seed).best.x;
                  }),
              8);
    EXPECT_GE(
        test::successes(
            10, {0, 0}, 0.1,
            [&](std::uint64_t seed) {
                return pso_optimise(box, sequential_batch(test::neg_rastrigin), p, seed).best.x;
            }),
        8);
}

TEST(Pso, OneBatchPerGenerationDeterministicWhateverTheOrder) {
    PsoParams p;
    p.generations = 15;
    p.population = 12;
    TestEvaluator plain(shifted_sphere), scrambled(shifted_sphere, true), other(shifted_sphere);
    std::vector<int> iterations;
    const auto a = pso_optimise(kBox3, plain.fn(), p, 77, {},
                                [&](int it, const Evaluation&) { iterations.push_back(it); });
    const auto b = pso_optimise(kBox3, scrambled.fn(), p, 77);
    const auto c = pso_optimise(kBox3, other.fn(), p, 78);
    EXPECT_EQ(plain.batch_sizes, std::vector<std::size_t>(16, 12));  // initial swarm + 15
    EXPECT_EQ(iterations.size(), 16u);
    EXPECT_EQ(a.best_per_iteration.size(), 16u);
    EXPECT_EQ(a.evaluations.size(), 16u * 12u);
    test::ExpectSameTrace(a, b);
    EXPECT_FALSE(test::SameEvaluations(a, c));
}

TEST(Cmaes, FindsTheRosenbrockOptimum) {
    TestEvaluator ev(test::neg_rosenbrock);
    CmaesParams p;
    p.generations = 120;
    p.population = 10;
    p.ftol = 0;  // run the whole budget
    p.xtol = 0;
    const auto t = cmaes_optimise(Box{{-3, -3}, {3, 3}}, ev.fn(), p, 5);
    EXPECT_LT(test::distance(t.best.x, {1, 1}), 0.02);
    test::ExpectNoNaN(t);
}

TEST(Cmaes, FindsTheGlobalOfTwoBumpsMostOfTheTime) {
    // CMA-ES without restarts is a local method with a wide first look: with lambda = 20 and
    // sigma0 = 0.5 it picks the right bump in ~7 of 8 seeds.
    CmaesParams p;
    p.generations = 60;
    p.population = 20;
    const Box box{{-5, -5}, {5, 5}};
    EXPECT_GE(test::successes(
                  10, {2, 2}, 0.05,
                  [&](std::uint64_t seed) {
                      return cmaes_optimise(box, sequential_batch(test::two_bumps), p, seed).best.x;
                  }),
              7);
}

TEST(Cmaes, FindsTheShiftedSphereInsideTheBox) {
    TestEvaluator ev(shifted_sphere);
    CmaesParams p;
    p.generations = 60;
    p.population = 12;
    const auto t = cmaes_optimise(kBox3, ev.fn(), p, 9);
    EXPECT_LT(test::distance(t.best.x, kCentre3), 1e-3);
    for (const auto& x : ev.seen) EXPECT_TRUE(kBox3.contains(x));  // force_bounds
}

TEST(Cmaes, EveryGenerationIsOneFullBatchDeterministicWhateverTheOrder) {
    CmaesParams p;
    p.generations = 12;
    p.population = 8;
    p.ftol = 0;
    p.xtol = 0;
    TestEvaluator plain(shifted_sphere), scrambled(shifted_sphere, true), other(shifted_sphere);
    const auto a = cmaes_optimise(kBox3, plain.fn(), p, 1234);
    const auto b = cmaes_optimise(kBox3, scrambled.fn(), p, 1234);
    const auto c = cmaes_optimise(kBox3, other.fn(), p, 1235);
    // A replay miss would show up as a batch of one.
    EXPECT_EQ(plain.batch_sizes, std::vector<std::size_t>(13, 8));
    EXPECT_EQ(a.best_per_iteration.size(), 13u);
    test::ExpectSameTrace(a, b);
    EXPECT_FALSE(test::SameEvaluations(a, c));
}

TEST(Cmaes, StopsEarlyOnPagmoTolerances) {
    TestEvaluator ev([](const Vector&) { return 1.0; });  // flat: ftol fires at once
    CmaesParams p;
    p.generations = 50;
    p.population = 6;
    const auto t = cmaes_optimise(kBox3, ev.fn(), p, 3);
    EXPECT_EQ(ev.batch_sizes, std::vector<std::size_t>{6});
    EXPECT_EQ(t.evaluations.size(), 6u);
}

TEST(PagmoMethods, ConstraintAndNaNHandling) {
    Constraint c = [](const Vector& x) { return x[0] <= 1.0; };  // optimum x0 = 1.5 is outside
    TestEvaluator ev([](const Vector& x) { return x[1] > 4 ? std::nan("") : shifted_sphere(x); });
    PsoParams pp;
    pp.generations = 40;
    const auto t = pso_optimise(kBox3, ev.fn(), pp, 8, c);
    for (const auto& x : ev.seen) EXPECT_TRUE(c(x));
    test::ExpectNoNaN(t);
    EXPECT_NEAR(t.best.fitness, -0.25, 0.05);

    TestEvaluator ev2([](const Vector& x) { return x[1] > 4 ? std::nan("") : shifted_sphere(x); });
    CmaesParams cp;
    cp.generations = 40;
    const auto u = cmaes_optimise(kBox3, ev2.fn(), cp, 8, c);
    for (const auto& x : ev2.seen) EXPECT_TRUE(c(x));
    test::ExpectNoNaN(u);
    EXPECT_NEAR(u.best.fitness, -0.25, 0.05);
}

TEST(PagmoMethods, EvaluatorExceptionsPropagateUnchanged) {
    int calls = 0;
    const BatchFitness throws = test::throws_on_third_call(calls);
    EXPECT_THROW(pso_optimise(kBox3, throws, PsoParams{}, 1), test::Boom);
    calls = 0;
    CmaesParams cp;
    cp.ftol = 0;
    EXPECT_THROW(cmaes_optimise(kBox3, throws, cp, 1), test::Boom);
}

TEST(PagmoMethods, RejectsBadParameters) {
    TestEvaluator ev(shifted_sphere);
    CmaesParams cp;
    cp.population = 4;
    EXPECT_THROW(cmaes_optimise(kBox3, ev.fn(), cp, 1), std::invalid_argument);
    PsoParams pp;
    pp.omega = 2.0;
    EXPECT_THROW(pso_optimise(kBox3, ev.fn(), pp, 1), std::invalid_argument);
    EXPECT_THROW(pso_optimise(Box{{1}, {0}}, ev.fn(), PsoParams{}, 1), std::invalid_argument);
}

}  // namespace
}  // namespace rps::opt
