// RadioEngine::time_wall_queries, the benchmark's measure of what a map spends in Embree: it must
// replay exactly the segment queries the map makes (the engine's own ray counter for the same
// map, an independent count), whatever the engine's thread count, and leave later maps unchanged.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "core/engine/radio_engine.hpp"
#include "tests/support/engine_grids.hpp"
#include "tests/support/office_scene.hpp"

namespace {

rps::TxPose tx_pose() {
    rps::TxPose tx;
    tx.position = rps::Vec3(12.4, 21.7, 3.8);
    tx.yaw_rad = -0.4;
    return tx;
}

uint64_t rays_of_map(const rps::RadioEngine& engine, const rps::TxPose& tx) {
    rps::RadioEngine::reset_thread_counters();
    (void)engine.compute_map(tx);
    return rps::RadioEngine::thread_counters().rays;
}

TEST(WallQueryTiming, ReplaysEveryQueryOfTheMap) {
    rps::RadioSetup setup;
    setup.max_reflection_order = 2;
    const rps::RadioEngine engine(rps::test::office_scene(), setup, rps::test::coarse_grid());
    const uint64_t rays = rays_of_map(engine, tx_pose());
    ASSERT_GT(rays, 1000u);  // the office at order 2: thousands of segments cross its walls

    const rps::RadioEngine::WallQueryTiming timing = engine.time_wall_queries(tx_pose(), 2);
    EXPECT_EQ(timing.queries, rays);
    EXPECT_GT(timing.seconds, 0.0);
    EXPECT_TRUE(std::isfinite(timing.seconds));
}

TEST(WallQueryTiming, SameQueriesWhateverTheThreadCount) {
    rps::RadioSetup setup;
    const rps::RadioEngine one(rps::test::office_scene(), setup, rps::test::coarse_grid());
    setup.threads = 2;
    const rps::RadioEngine two(rps::test::office_scene(), setup, rps::test::coarse_grid());
    EXPECT_EQ(two.time_wall_queries(tx_pose(), 1).queries, rays_of_map(one, tx_pose()));
}

TEST(WallQueryTiming, LeavesTheMapsUnchanged) {
    const rps::RadioEngine engine(rps::test::office_scene(), rps::RadioSetup{},
                                  rps::test::coarse_grid());
    const rps::RadioMap before = engine.compute_map(tx_pose());
    (void)engine.time_wall_queries(tx_pose(), 1);
    const rps::RadioMap after = engine.compute_map(tx_pose());
    ASSERT_EQ(before.power_w.size(), after.power_w.size());
    EXPECT_EQ(0, std::memcmp(before.power_w.data(), after.power_w.data(),
                             before.power_w.size() * sizeof(double)));
}

}  // namespace
