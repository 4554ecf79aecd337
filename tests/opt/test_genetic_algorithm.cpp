// GA: optimum of smooth and multimodal functions, one batch per generation, bit-identical
// results whatever the evaluator's internal order, elitism, constraints, hall of fame, NaN.
#include <gtest/gtest.h>

#include "core/opt/genetic_algorithm.hpp"
#include "opt_test_support.hpp"

namespace rps::opt {
namespace {

using test::TestEvaluator;

const Box kBox4{{-5, -5, -5, -5}, {5, 5, 5, 5}};
const Vector kCentre4{1.5, -2.0, 0.5, 3.0};

double shifted_sphere(const Vector& x) { return test::neg_sphere(x, kCentre4); }

TEST(GeneticAlgorithm, FindsTheShiftedSphereOptimum) {
    TestEvaluator ev(shifted_sphere);
    GeneticAlgorithmParams p;
    p.population = 40;
    p.generations = 60;
    p.sigma = {0.3};
    const auto r = genetic_algorithm(kBox4, ev.fn(), p, 11);
    EXPECT_LT(test::distance(r.trace.best.x, kCentre4), 0.15);
    EXPECT_GT(r.trace.best.fitness, -0.02);
    test::ExpectNoNaN(r.trace);
}

TEST(GeneticAlgorithm, FindsTheGlobalOfAMultimodalFunction) {
    GeneticAlgorithmParams p;
    p.population = 60;
    p.generations = 50;
    p.sigma = {0.5};
    const Box box{{-5.12, -5.12}, {5.12, 5.12}};
    // Rastrigin has ~100 local maxima in this box.
    const int ok = test::successes(10, {0, 0}, 0.1, [&](std::uint64_t seed) {
        return genetic_algorithm(box, sequential_batch(test::neg_rastrigin), p, seed).trace.best.x;
    });
    EXPECT_GE(ok, 8);
}

TEST(GeneticAlgorithm, BatchesArePopulationThenChangedOffspring) {
    TestEvaluator ev(shifted_sphere);
    GeneticAlgorithmParams p;  // defaults: 50 x 20, elite 1
    const auto r = genetic_algorithm(kBox4, ev.fn(), p, 5);
    ASSERT_EQ(ev.batch_sizes.size(), 21u);
    EXPECT_EQ(ev.batch_sizes[0], 50u);
    std::size_t total = 0;
    for (std::size_t i = 1; i < ev.batch_sizes.size(); ++i) {
        EXPECT_LE(ev.batch_sizes[i], 49u);
        EXPECT_GT(ev.batch_sizes[i], 0u);
        total += ev.batch_sizes[i];
    }
    EXPECT_EQ(r.trace.evaluations.size(), 50u + total);
    EXPECT_EQ(r.trace.best_per_iteration.size(), 21u);
}

TEST(GeneticAlgorithm, DeterministicWhateverTheEvaluatorOrder) {
    GeneticAlgorithmParams p;
    p.population = 30;
    p.generations = 10;
    TestEvaluator plain(shifted_sphere), scrambled(shifted_sphere, true), other(shifted_sphere);
    const auto a = genetic_algorithm(kBox4, plain.fn(), p, 42);
    const auto b = genetic_algorithm(kBox4, scrambled.fn(), p, 42);
    const auto c = genetic_algorithm(kBox4, other.fn(), p, 43);
    test::ExpectSameTrace(a.trace, b.trace);
    EXPECT_EQ(plain.batch_sizes, scrambled.batch_sizes);
    EXPECT_FALSE(test::SameEvaluations(a.trace, c.trace));
}

TEST(GeneticAlgorithm, ElitismMakesThePopulationBestNonDecreasing) {
    TestEvaluator ev(test::neg_rastrigin);
    GeneticAlgorithmParams p;
    p.population = 20;
    p.generations = 30;
    p.mutpb = 0.9;  // heavy variation: without elitism the best would regress
    p.sigma = {2.0};
    std::vector<double> pop_best;
    int calls = 0;
    const auto r =
        genetic_algorithm(Box{{-5.12, -5.12}, {5.12, 5.12}}, ev.fn(), p, 9, {},
                          [&](int gen, const Evaluation& best, const std::vector<Evaluation>& pop) {
                              EXPECT_EQ(gen, calls++);
                              EXPECT_EQ(pop.size(), 20u);
                              double b = kInfeasibleFitness;
                              for (const auto& e : pop) b = std::max(b, e.fitness);
                              EXPECT_EQ(b, best.fitness);
                              pop_best.push_back(b);
                          });
    EXPECT_EQ(calls, 31);
    for (std::size_t i = 1; i < pop_best.size(); ++i) EXPECT_GE(pop_best[i], pop_best[i - 1]);
    EXPECT_EQ(pop_best, r.trace.best_per_iteration);
}

TEST(GeneticAlgorithm, ConstraintIsNeverViolatedByAnEvaluatedPoint) {
    // Optimum (1.5, -2, 0.5, 3) lies outside x0 + x3 <= 2: the best feasible is on that plane.
    Constraint c = [](const Vector& x) { return x[0] + x[3] <= 2.0; };
    TestEvaluator ev(shifted_sphere);
    GeneticAlgorithmParams p;
    p.population = 40;
    p.generations = 40;
    p.sigma = {0.3};
    const auto r = genetic_algorithm(kBox4, ev.fn(), p, 1, c);
    for (const auto& x : ev.seen) EXPECT_TRUE(c(x));
    EXPECT_TRUE(c(r.trace.best.x));
    EXPECT_GT(r.trace.infeasible_skipped, 0u);
    // Best feasible value: distance from centre to the plane is 2.5 / sqrt(2).
    EXPECT_NEAR(r.trace.best.fitness, -3.125, 0.2);
    for (const auto& e : r.final_population) {
        if (!c(e.x)) {
            EXPECT_EQ(e.fitness, kInfeasibleFitness);
        }
    }
}

TEST(GeneticAlgorithm, HallOfFameAndInitialIndividuals) {
    TestEvaluator ev(shifted_sphere);
    GeneticAlgorithmParams p;
    p.population = 10;
    p.generations = 0;
    p.hall_of_fame = 3;
    p.initial = {kCentre4, {9, 9, 9, 9}};  // the second is clamped to the box
    const auto r = genetic_algorithm(kBox4, ev.fn(), p, 2);
    ASSERT_EQ(ev.seen.size(), 10u);
    EXPECT_EQ(ev.seen[0], kCentre4);
    EXPECT_EQ(ev.seen[1], (Vector{5, 5, 5, 5}));
    ASSERT_EQ(r.hall_of_fame.size(), 3u);
    EXPECT_EQ(r.hall_of_fame[0].x, kCentre4);
    EXPECT_GE(r.hall_of_fame[0].fitness, r.hall_of_fame[1].fitness);
    EXPECT_GE(r.hall_of_fame[1].fitness, r.hall_of_fame[2].fitness);
    EXPECT_NE(r.hall_of_fame[1].x, r.hall_of_fame[2].x);
}

TEST(GeneticAlgorithm, NaNRegionDoesNotCorruptTheRun) {
    TestEvaluator ev([](const Vector& x) { return x[0] > 2.0 ? std::nan("") : shifted_sphere(x); });
    GeneticAlgorithmParams p;
    p.population = 30;
    p.generations = 20;
    const auto r = genetic_algorithm(kBox4, ev.fn(), p, 4);
    test::ExpectNoNaN(r.trace);
    EXPECT_GT(r.trace.non_finite_results, 0u);
    EXPECT_LE(r.trace.best.x[0], 2.0);
}

TEST(GeneticAlgorithm, RejectsBadParameters) {
    TestEvaluator ev(shifted_sphere);
    GeneticAlgorithmParams p;
    p.n_elite = p.population;
    EXPECT_THROW(genetic_algorithm(kBox4, ev.fn(), p, 1), std::invalid_argument);
    p = {};
    p.sigma = {1, 2};
    EXPECT_THROW(genetic_algorithm(kBox4, ev.fn(), p, 1), std::invalid_argument);
}

}  // namespace
}  // namespace rps::opt
