// Walls found once per beam (beam_walls.hpp) against one Embree query per path segment: two
// independent ways of finding the walls a segment crosses (cone sides on the receiver plane
// against a BVH traversal), whose maps must agree bit for bit — any wall missed, added or
// decided differently at an edge changes a cell. Real scenes (the office, the L hall, Sionna's
// street canyon) and a stress scene of tilted, crossing walls, at orders 1 to 3, incoherent and
// coherent, with a plate and with cell selections.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/engine/ap_trace.hpp"
#include "core/engine/beam_walls.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/scene/scene.hpp"
#include "core/scene/scene_loader.hpp"
#include "tests/support/engine_grids.hpp"
#include "tests/support/scene_builders.hpp"
#include "tests/support/test_paths.hpp"

namespace {

using rps::Vec3;
using WallFinding = rps::RadioEngine::WallFinding;

bool bit_identical(const rps::RadioMap& a, const rps::RadioMap& b) {
    return a.power_w.size() == b.power_w.size() &&
           std::memcmp(a.power_w.data(), b.power_w.data(), a.power_w.size() * sizeof(double)) == 0;
}

size_t differing_cells(const rps::RadioMap& a, const rps::RadioMap& b) {
    size_t count = 0;
    for (size_t i = 0; i < a.power_w.size(); ++i) count += a.power_w[i] != b.power_w[i];
    return count;
}

// Both ways on one engine; the per-beam map must have found its walls per beam.
void expect_same_maps(rps::RadioEngine& engine, const std::vector<rps::TxPose>& poses,
                      const std::string& what, const rps::MapRequest& request = {}) {
    for (const rps::TxPose& tx : poses) {
        engine.set_wall_finding(WallFinding::PerSegmentQuery);
        const rps::RadioMap queried = engine.compute_map(tx, request);
        engine.set_wall_finding(WallFinding::PerBeam);
        rps::RadioEngine::reset_thread_counters();
        const rps::RadioMap per_beam = engine.compute_map(tx, request);
        const rps::RadioEngine::Counters counters = rps::RadioEngine::thread_counters();
        EXPECT_GT(counters.beams_walls_per_beam, 0u) << what;
        EXPECT_LE(counters.beams_walls_per_beam, counters.beams) << what;
        EXPECT_TRUE(bit_identical(per_beam, queried))
            << what << ", Tx (" << tx.position.transpose()
            << "): " << differing_cells(per_beam, queried) << " cells differ";
    }
}

std::vector<rps::TxPose> poses(const std::vector<Vec3>& positions) {
    std::vector<rps::TxPose> result;
    for (const Vec3& p : positions) {
        rps::TxPose tx;
        tx.position = p;
        tx.yaw_rad = 0.3 * static_cast<double>(result.size());
        result.push_back(tx);
    }
    return result;
}

rps::Scene load(const std::filesystem::path& path) { return rps::load_scene(path.string()); }

TEST(BeamWalls, OfficeMapsMatchTheQueriesAtOrdersOneToThree) {
    const rps::Scene office = load(rps::test::source_dir() / "scenes/office/office.xml");
    for (int order = 1; order <= 3; ++order) {
        rps::RadioSetup setup;
        setup.max_reflection_order = order;
        rps::RadioEngine engine(office, setup,
                                order == 3 ? rps::test::coarse_grid() : rps::MeasurementGridSpec{});
        const auto txs = order == 3
                             ? poses({{20.5, 20.5, 3.8}})
                             : poses({{7.3, 30.1, 3.8}, {20.0, 20.0, 3.8}, {33.2, 6.4, 2.5}});
        expect_same_maps(engine, txs, "office, order " + std::to_string(order));
    }
    rps::RadioSetup opaque;  // the first wall crossed blocks: collect stops there
    opaque.transmission = false;
    rps::RadioEngine engine(office, opaque, rps::MeasurementGridSpec{});
    expect_same_maps(engine, poses({{12.5, 28.0, 3.8}, {30.5, 15.5, 2.0}}), "office, walls opaque");
}

TEST(BeamWalls, HallAndStreetCanyonMapsMatchTheQueries) {
    const rps::Scene hall = load(rps::test::source_dir() / "scenes/l_hall/l_hall.xml");
    for (int order = 1; order <= 3; ++order) {
        rps::RadioSetup setup;
        setup.max_reflection_order = order;
        rps::RadioEngine engine(hall, setup, rps::MeasurementGridSpec{});
        expect_same_maps(engine, poses({{5.5, 5.5, 3.0}, {12.3, 3.1, 1.5}}),
                         "L hall, order " + std::to_string(order));
    }
    const rps::Scene canyon = load(rps::test::shared_dir() /
                                   "scenes/sionna/simple_street_canyon/simple_street_canyon.xml");
    rps::RadioSetup setup;
    setup.antenna = rps::AntennaModel::Isotropic;
    rps::MeasurementGridSpec grid;
    grid.cell_m = 2.0;
    rps::RadioEngine engine(canyon, setup, grid);
    expect_same_maps(engine, poses({{-50.0, 7.0, 10.0}, {17.0, -14.0, 10.0}, {30.0, 20.0, 30.0}}),
                     "street canyon, order 2");
}

TEST(BeamWalls, CoherentMapsCellSelectionsAndPlatesMatchTheQueries) {
    const rps::Scene office = load(rps::test::source_dir() / "scenes/office/office.xml");
    rps::RadioSetup coherent;
    coherent.coherent = true;
    rps::RadioEngine coherent_engine(office, coherent, rps::test::coarse_grid());
    expect_same_maps(coherent_engine, poses({{12.5, 17.5, 3.8}}), "coherent");

    rps::RadioEngine engine(office, rps::RadioSetup{}, rps::MeasurementGridSpec{});
    std::vector<uint8_t> cells(engine.grid().cell_count(), 0);
    for (size_t i = 0; i < cells.size(); i += 7) cells[i] = 1;
    rps::MapRequest selection;
    selection.cells = cells;
    expect_same_maps(engine, poses({{25.0, 12.0, 3.8}}), "cell selection", selection);

    // The static trace and its plate re-evaluation (the studies' path).
    rps::PlateGeometry plate;
    plate.center = Vec3(25.0, 33.9, 2.0);
    plate.normal = Vec3(0.0, -1.0, 0.0);
    plate.width_axis = Vec3(1.0, 0.0, 0.0);
    const rps::TxPose tx = poses({{18.0, 24.0, 3.8}})[0];
    engine.set_wall_finding(WallFinding::PerSegmentQuery);
    const auto queried = engine.trace_static(tx);
    const rps::RadioMap queried_map = engine.map_from_trace(*queried, &plate);
    engine.set_wall_finding(WallFinding::PerBeam);
    const auto per_beam = engine.trace_static(tx);
    EXPECT_TRUE(bit_identical(engine.map_from_trace(*per_beam, &plate), queried_map));
    EXPECT_TRUE(bit_identical(engine.map_from_trace(*per_beam, nullptr),
                              engine.map_from_trace(*queried, nullptr)));
}

// Walls in every orientation, tilted, crossing each other and the receiver plane, over a
// floor: cone sides of every slope, walls cut by the slab between two reflections, shadows
// with vertices behind the apex.
TEST(BeamWalls, TiltedCrossingWallsMatchTheQueries) {
    rps::Scene scene;
    scene.materials.push_back(rps::RadioMaterial{"concrete", "concrete", 1.0, 0.0, 0.2, false});
    scene.materials.push_back(rps::RadioMaterial{"glass", "glass", 1.0, 0.0, 0.01, false});
    rps::test::add_rectangle(scene, "floor", 0,
                             {Vec3(0, 0, 0), Vec3(20, 0, 0), Vec3(20, 20, 0), Vec3(0, 20, 0)});
    std::mt19937_64 random(20261126);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int w = 0; w < 14; ++w) {
        const Vec3 centre(2 + 16 * unit(random), 2 + 16 * unit(random), 0.5 + 2.5 * unit(random));
        const double azimuth = 6.283185307179586 * unit(random);
        const double tilt = w % 3 == 0 ? 0.6 * (unit(random) - 0.5) : 0.0;
        const Vec3 along(std::cos(azimuth), std::sin(azimuth), 0.0);
        const Vec3 up =
            Vec3(std::sin(tilt) * along.y(), -std::sin(tilt) * along.x(), std::cos(tilt));
        const double half_width = 1.0 + 3.0 * unit(random), half_height = 0.5 + 1.5 * unit(random);
        const Vec3 u = along * half_width, v = up * half_height;
        rps::test::add_rectangle(scene, "wall" + std::to_string(w), w % 2,
                                 {centre - u - v, centre + u - v, centre + u + v, centre - u + v});
    }
    // A disk of 40 fan triangles (its outline is kept as its bounding rectangle: every crossing
    // of it is decided by the exact test) and a non-convex L-shaped face kept whole.
    rps::SceneShape disk;
    disk.id = "disk";
    disk.type = "disk";
    disk.material_index = 0;
    std::vector<Vec3> disk_vertices = {Vec3(9.0, 11.0, 1.6)};
    std::vector<std::array<uint32_t, 3>> disk_triangles;
    for (int i = 0; i < 40; ++i) {
        const double angle = 6.283185307179586 * i / 40;
        disk_vertices.push_back(
            Vec3(9.0 + 1.5 * std::cos(angle), 11.0, 1.6 + 1.5 * std::sin(angle)));
        disk_triangles.push_back({0u, uint32_t(1 + i), uint32_t(1 + (i + 1) % 40)});
    }
    scene.add_shape(disk, disk_vertices, disk_triangles);
    for (int order = 1; order <= 2; ++order) {
        rps::RadioSetup setup;
        setup.max_reflection_order = order;
        setup.antenna = rps::AntennaModel::Isotropic;
        rps::MeasurementGridSpec grid;
        grid.cell_m = 0.5;
        rps::RadioEngine engine(scene, setup, grid);
        expect_same_maps(engine, poses({{3.3, 4.1, 2.2}, {15.7, 9.9, 1.1}, {10.2, 16.8, 3.4}}),
                         "tilted walls, order " + std::to_string(order));
    }
}

}  // namespace

// The rows' candidate test (two candidates per SSE2 instruction) against the comparisons written
// out one by one: every count from 0 to 64 (odd counts end on the scalar step), receivers exactly
// on a bound, infinite bounds (flat cone sides) and empty intervals.
TEST(BeamWalls, ReachedMaskEqualsTheComparisonsOneByOne) {
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int> pick(0, 5);
    std::uniform_real_distribution<double> coordinate(-3.0, 3.0);
    const double inf = std::numeric_limits<double>::infinity();
    for (int trial = 0; trial < 200; ++trial) {
        const int count = trial % 65;
        const double x = std::round(coordinate(rng) * 4.0) / 4.0;  // on the grid of the bounds
        std::vector<double> lo(count), hi(count);
        for (int e = 0; e < count; ++e) {
            const auto bound = [&] {
                switch (pick(rng)) {
                    case 0:
                        return x;
                    case 1:
                        return -inf;
                    case 2:
                        return inf;
                    default:
                        return std::round(coordinate(rng) * 4.0) / 4.0;
                }
            };
            lo[e] = bound();
            hi[e] = bound();
        }
        uint64_t expected = 0;
        for (int e = 0; e < count; ++e)
            if (lo[e] <= x && x <= hi[e]) expected |= uint64_t{1} << e;
        EXPECT_EQ(rps::reached_mask(lo.data(), hi.data(), count, x), expected)
            << "count " << count << " x " << x;
    }
}
