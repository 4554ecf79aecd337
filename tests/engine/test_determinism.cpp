// Determinism: the same scene, setup and pose give bit-identical maps (memcmp of the power
// arrays), whether computed twice by one engine, by two separately built engines, or by several
// threads at once on one engine (RadioEngine promises thread-safe const calls). The reference
// is the engine's own first result: any reordering of the floating-point sums would show up as
// a last-bit difference.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/engine/ap_trace.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/scene/scene.hpp"
#include "tests/support/engine_grids.hpp"
#include "tests/support/office_scene.hpp"

namespace {

using rps::Vec3;

rps::TxPose tx_pose() {
    rps::TxPose tx;
    tx.position = Vec3(22.3, 27.1, 3.8);
    tx.yaw_rad = 0.7;
    tx.downtilt_rad = 0.15;
    return tx;
}

rps::PlateGeometry plate() {
    rps::PlateGeometry p;
    p.center = Vec3(25.0, 33.9, 2.0);
    p.normal = Vec3(0.0, -1.0, 0.0);
    p.width_axis = Vec3(1.0, 0.0, 0.0);
    return p;
}

bool bit_identical(const rps::RadioMap& a, const rps::RadioMap& b) {
    return a.power_w.size() == b.power_w.size() &&
           std::memcmp(a.power_w.data(), b.power_w.data(), a.power_w.size() * sizeof(double)) == 0;
}

struct Setups {
    const char* name;
    rps::RadioSetup setup;
};
std::vector<Setups> setups() {
    rps::RadioSetup incoherent;  // defaults: ap2x1, order 2, incoherent, transmission on
    rps::RadioSetup coherent;
    coherent.coherent = true;
    rps::RadioSetup order3;
    order3.max_reflection_order = 3;
    order3.antenna = rps::AntennaModel::Tr38901;
    order3.polarization = rps::Polarization::H;
    return {{"incoherent", incoherent}, {"coherent", coherent}, {"order 3", order3}};
}

TEST(Determinism, RepeatedCallsOnOneEngineAreBitIdentical) {
    for (const auto& [name, setup] : setups()) {
        SCOPED_TRACE(name);
        const rps::RadioEngine engine(rps::test::office_scene(), setup, rps::test::coarse_grid());
        const rps::RadioMap first = engine.compute_map(tx_pose());
        ASSERT_FALSE(first.power_w.empty());
        double total = 0.0;
        for (const double p : first.power_w) total += p;
        ASSERT_GT(total, 0.0);
        for (int repeat = 0; repeat < 3; ++repeat)
            EXPECT_TRUE(bit_identical(engine.compute_map(tx_pose()), first));
        // Another pose in between must not leave state behind.
        rps::TxPose other = tx_pose();
        other.position = Vec3(30.0, 15.0, 3.8);
        (void)engine.compute_map(other);
        EXPECT_TRUE(bit_identical(engine.compute_map(tx_pose()), first));
    }
}

// A map split over several threads (one branch per first face, summed in order) equals the
// one-thread map, with and without a cell selection; the repeat also replays the beam cache.
TEST(Determinism, MapsAreBitIdenticalWhateverTheThreadCount) {
    for (const auto& [name, setup] : setups()) {
        SCOPED_TRACE(name);
        const rps::RadioEngine one(rps::test::office_scene(), setup, rps::test::coarse_grid());
        const rps::RadioMap reference = one.compute_map(tx_pose());
        std::vector<uint8_t> cells(reference.power_w.size(), 0);
        for (size_t c = 0; c < cells.size(); c += 3) cells[c] = 1;
        rps::MapRequest some;
        some.cells = cells;
        const rps::RadioMap reference_some = one.compute_map(tx_pose(), some);
        for (int threads : {2, 3}) {
            rps::RadioSetup threaded = setup;
            threaded.threads = threads;
            const rps::RadioEngine engine(rps::test::office_scene(), threaded,
                                          rps::test::coarse_grid());
            for (int repeat = 0; repeat < 2; ++repeat) {
                EXPECT_TRUE(bit_identical(engine.compute_map(tx_pose()), reference)) << threads;
                EXPECT_TRUE(bit_identical(engine.compute_map(tx_pose(), some), reference_some));
            }
        }
    }
}

TEST(Determinism, TwoEnginesGiveBitIdenticalMaps) {
    for (const auto& [name, setup] : setups()) {
        SCOPED_TRACE(name);
        const auto a = std::make_unique<rps::RadioEngine>(rps::test::office_scene(), setup,
                                                          rps::test::coarse_grid());
        const rps::RadioMap from_a = a->compute_map(tx_pose());
        const rps::Scene copy = rps::test::office_scene();  // a second engine from a separate scene copy
        const rps::RadioEngine b(copy, setup, rps::test::coarse_grid());
        EXPECT_TRUE(bit_identical(b.compute_map(tx_pose()), from_a));
        EXPECT_EQ(b.grid().mask, a->grid().mask);
    }
}

TEST(Determinism, ConcurrentCallsOnOneEngineAreBitIdentical) {
    const rps::RadioEngine engine(rps::test::office_scene(), rps::RadioSetup{},
                                  rps::test::coarse_grid());
    const rps::RadioMap reference = engine.compute_map(tx_pose());
    const auto trace = engine.trace_static(tx_pose());
    const rps::PlateGeometry p = plate();
    const rps::RadioMap plate_reference = engine.map_from_trace(*trace, &p);
    const std::vector<rps::PropagationPath> path_reference =
        engine.trace_paths(tx_pose(), Vec3(31.5, 29.5, 1.5), &p);

    constexpr int kThreads = 4;
    std::vector<rps::RadioMap> maps(kThreads), plate_maps(kThreads);
    std::vector<std::vector<rps::PropagationPath>> paths(kThreads);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            maps[t] = engine.compute_map(tx_pose());
            plate_maps[t] = engine.map_from_trace(*trace, &p);
            paths[t] = engine.trace_paths(tx_pose(), Vec3(31.5, 29.5, 1.5), &p);
        });
    for (std::thread& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
        SCOPED_TRACE("thread " + std::to_string(t));
        EXPECT_TRUE(bit_identical(maps[t], reference));
        EXPECT_TRUE(bit_identical(plate_maps[t], plate_reference));
        ASSERT_EQ(paths[t].size(), path_reference.size());
        for (size_t i = 0; i < paths[t].size(); ++i) {
            EXPECT_EQ(
                std::memcmp(&paths[t][i].path_gain, &path_reference[i].path_gain, sizeof(double)),
                0);
            EXPECT_EQ(
                std::memcmp(&paths[t][i].length_m, &path_reference[i].length_m, sizeof(double)), 0);
        }
    }
}

TEST(Determinism, StaticTraceReplayIsBitIdentical) {
    const rps::RadioEngine engine(rps::test::office_scene(), rps::RadioSetup{},
                                  rps::test::coarse_grid());
    const rps::PlateGeometry p = plate();
    const auto first_trace = engine.trace_static(tx_pose());
    const auto second_trace = engine.trace_static(tx_pose());
    EXPECT_EQ(first_trace->path_count(), second_trace->path_count());
    const rps::RadioMap a = engine.map_from_trace(*first_trace, &p);
    EXPECT_TRUE(bit_identical(engine.map_from_trace(*second_trace, &p), a));
    EXPECT_TRUE(bit_identical(engine.map_from_trace(*first_trace, &p), a));
}

}  // namespace
