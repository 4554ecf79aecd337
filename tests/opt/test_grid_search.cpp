// Grids like numpy.linspace, their order and chunking, and grid / coarse-to-fine search finding
// the optimum with the expected batches.
#include <gtest/gtest.h>

#include <set>

#include "core/opt/grid_search.hpp"
#include "opt_test_support.hpp"

namespace rps::opt {
namespace {

using test::TestEvaluator;

TEST(GridSearch, LinspaceLikeNumpy) {
    EXPECT_EQ(linspace(0, 1, 5), (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
    EXPECT_EQ(linspace(2, 3, 1), (std::vector<double>{2}));
    const auto v = linspace(5.5, 34.5, 30);
    EXPECT_EQ(v.front(), 5.5);
    EXPECT_EQ(v.back(), 34.5);
    EXPECT_NEAR(v[1] - v[0], 1.0, 1e-12);
    EXPECT_THROW(linspace(0, 1, 0), std::invalid_argument);
}

TEST(GridSearch, StepsForResolutionMatchTheOriginalGrids) {
    const Box office{{5.5, 5.5}, {34.5, 34.5}};
    EXPECT_EQ(steps_for_resolution(office, {1.0}), (std::vector<int>{30, 30}));  // 900 points
    EXPECT_EQ(steps_for_resolution(office, {0.5}), (std::vector<int>{59, 59}));  // 3481
    EXPECT_EQ(steps_for_resolution(office, {2.0, 1.0}), (std::vector<int>{16, 30}));
    EXPECT_THROW(steps_for_resolution(office, {0.0}), std::invalid_argument);
}

TEST(GridSearch, PointsAreRowMajorLastDimensionFastest) {
    const Box box{{0, 10}, {1, 12}};
    const auto pts = grid_points(box, {2, 3});
    ASSERT_EQ(pts.size(), 6u);
    EXPECT_EQ(pts[0], (Vector{0, 10}));
    EXPECT_EQ(pts[1], (Vector{0, 11}));
    EXPECT_EQ(pts[2], (Vector{0, 12}));
    EXPECT_EQ(pts[3], (Vector{1, 10}));
    EXPECT_EQ(pts[5], (Vector{1, 12}));
    EXPECT_THROW(grid_points(box, {2}), std::invalid_argument);
}

TEST(GridSearch, ChunksAndRefineWindow) {
    const auto pts = grid_points(Box{{0}, {1}}, {10});
    const auto chunks = chunk(pts, 4);
    ASSERT_EQ(chunks.size(), 3u);
    EXPECT_EQ(chunks[0].size(), 4u);
    EXPECT_EQ(chunks[2].size(), 2u);
    EXPECT_EQ(chunks[2][1], pts[9]);
    EXPECT_EQ(chunk(pts, 0).size(), 1u);
    EXPECT_TRUE(chunk({}, 3).empty());

    const Box box{{0, 0}, {10, 10}};
    const Box w = refine_around({1, 5}, box, {2});
    EXPECT_EQ(w.lower, (Vector{0, 3}));  // clipped at the lower edge
    EXPECT_EQ(w.upper, (Vector{3, 7}));
}

TEST(GridSearch, FindsTheBestGridPointWithOneBatchPerChunk) {
    const Vector c{0.33, -0.57};
    TestEvaluator ev([&](const Vector& x) { return test::neg_sphere(x, c); });
    const Box box{{-1, -1}, {1, 1}};
    const auto trace = grid_search(box, {11, 21}, ev.fn(), {}, 50);
    EXPECT_EQ(trace.evaluations.size(), 231u);
    EXPECT_EQ(ev.batch_sizes, (std::vector<std::size_t>{50, 50, 50, 50, 31}));
    EXPECT_EQ(trace.best_per_iteration.size(), 5u);
    EXPECT_NEAR(trace.best.x[0], 0.4, 1e-12);
    EXPECT_NEAR(trace.best.x[1], -0.6, 1e-12);
}

TEST(GridSearch, ConstraintSkipsPoints) {
    TestEvaluator ev([](const Vector& x) { return x[0] + x[1]; });
    Constraint below = [](const Vector& x) { return x[0] + x[1] <= 1.0 + 1e-12; };
    const auto trace = grid_search(Box{{0, 0}, {1, 1}}, {5, 5}, ev.fn(), below);
    for (const auto& x : ev.seen) EXPECT_LE(x[0] + x[1], 1.0 + 1e-12);
    EXPECT_EQ(trace.infeasible_skipped + trace.evaluations.size(), 25u);
    EXPECT_NEAR(trace.best.fitness, 1.0, 1e-12);
}

TEST(GridSearch, CoarseToFineZoomsInWithoutRepeats) {
    const Vector c{0.4321, -0.1234};
    TestEvaluator ev([&](const Vector& x) { return test::neg_sphere(x, c); });
    CoarseToFineParams p;
    p.steps = {9, 9};
    p.levels = 6;
    const auto trace = coarse_to_fine_search(Box{{-1, -1}, {1, 1}}, p, ev.fn());
    EXPECT_LT(test::distance(trace.best.x, c), 2e-3);
    EXPECT_EQ(trace.best_per_iteration.size(), 6u);
    std::set<Vector> unique(ev.seen.begin(), ev.seen.end());
    EXPECT_EQ(unique.size(), ev.seen.size());
    for (std::size_t i = 1; i < trace.best_per_iteration.size(); ++i)
        EXPECT_GE(trace.best_per_iteration[i], trace.best_per_iteration[i - 1]);
}

}  // namespace
}  // namespace rps::opt
