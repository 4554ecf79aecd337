// Radio maps: grid geometry, cell values against the engine's own path lists, the cell mask,
// sub-sampled cells, the static-trace/plate re-evaluation path, and the plate's physics.
// References computed in the test:
//   - cell grid: default area = the scene's x/y bounding box, cell count ceil(size / cell)
//     (snapped up to whole cells, ../shared/PHYSICS.md §2.5 and docs/decisions.md);
//   - cell value (incoherent, centre sampling) = P_tx · Σ_paths path_gain at the cell centre;
//   - N×N sampling: the mean of the N² sub-point sums at origin + (i + 1/2)·cell/N;
//   - plate reflection: image method (mirror Tx in the plate plane, intersect image -> cell) and,
//     for a perfect conductor (|R_TE| = |R_TM| = 1) and an isotropic Tx, gain (lambda/(4 pi L))^2.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/engine/ap_trace.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/scene/scene.hpp"
#include "core/scene/scene_loader.hpp"
#include "tests/support/db_expect.hpp"
#include "tests/support/office_scene.hpp"
#include "tests/support/reference_physics.hpp"
#include "tests/support/scene_builders.hpp"
#include "tests/support/test_paths.hpp"

namespace {

using rps::Vec3;

using namespace rps::test;  // kPi, kLambda, friis, rad


// |a - b| <= tol·max(|a|, |b|), with exact zeros equal.
::testing::AssertionResult NearRelative(double a, double b, double tol) {
    const double scale = std::max(std::abs(a), std::abs(b));
    if (std::abs(a - b) <= tol * scale) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << a << " vs " << b << ": relative difference "
                                         << std::abs(a - b) / scale << " > " << tol;
}

const rps::Scene& l_shape() {
    static const rps::Scene scene =
        rps::load_scene(rps::test::shared_dir() / "scenes/seed/l_shape_scene.xml");
    return scene;
}

// An AP in the open-plan area of the office, facing the reflector mount wall (y = 34).
rps::TxPose office_tx() {
    rps::TxPose tx;
    tx.position = Vec3(26.0, 26.0, 3.8);
    tx.yaw_rad = rad(90.0);
    tx.downtilt_rad = rad(10.0);
    return tx;
}

// A 2 m x 2 m plate on the south face of the mount wall (y = 34, 0.2 m thick), centred at
// x = 25, z = 2, facing -y.
rps::PlateGeometry mount_plate(bool perfect_conductor = true) {
    rps::PlateGeometry plate;
    plate.center = Vec3(25.0, 33.9, 2.0);
    plate.normal = Vec3(0.0, -1.0, 0.0);
    plate.width_axis = Vec3(1.0, 0.0, 0.0);
    plate.width_m = 2.0;
    plate.height_m = 2.0;
    plate.perfect_conductor = perfect_conductor;
    return plate;
}

// Where segment a -> b crosses the plate's plane, when it does so inside the plate.
bool segment_through_plate(const rps::PlateGeometry& plate, const Vec3& a, const Vec3& b,
                           Vec3* point = nullptr) {
    const double da = plate.normal.dot(a - plate.center), db = plate.normal.dot(b - plate.center);
    if (da * db >= 0.0) return false;
    const Vec3 q = a + (da / (da - db)) * (b - a);
    const Vec3 r = q - plate.center;
    if (point) *point = q;
    return std::abs(r.dot(plate.width_axis)) <= 0.5 * plate.width_m &&
           std::abs(r.dot(plate.height_axis())) <= 0.5 * plate.height_m;
}

double traced_power(const rps::RadioEngine& engine, const rps::TxPose& tx, const Vec3& rx,
                    const rps::PlateGeometry* plate = nullptr) {
    double gain = 0.0;
    for (const rps::PropagationPath& p : engine.trace_paths(tx, rx, plate)) gain += p.path_gain;
    return std::pow(10.0, (engine.setup().tx_power_dbm - 30.0) / 10.0) * gain;
}

// Cells spread over the office: open plan, WC island, rooms behind walls, north rooms behind
// the mount wall, the core; none centred on a wall plane.
const std::pair<int, int> kSampleCells[] = {{30, 28}, {26, 26}, {5, 5},   {22, 20},
                                            {37, 37}, {25, 36}, {15, 5},  {12, 30},
                                            {33, 12}, {2, 38},  {27, 33}, {39, 1}};

TEST(RadioMap, DefaultGridIsSceneBoundsSnappedUpToWholeCells) {
    const rps::Aabb office_box = rps::test::office_scene().bounds();
    EXPECT_NEAR(office_box.lower.x(), 0.0, 1e-9);
    EXPECT_NEAR(office_box.upper.x(), 40.0, 1e-9);
    EXPECT_NEAR(office_box.lower.y(), 0.0, 1e-9);
    EXPECT_NEAR(office_box.upper.y(), 40.0, 1e-9);
    struct Case {
        double cell, height;
        int cells;
    };
    for (const Case c :
         {Case{1.0, 1.5, 40}, Case{3.0, 1.0, 14}, Case{1.5, 2.0, 27}, Case{0.5, 1.5, 80}}) {
        rps::MeasurementGridSpec spec;
        spec.cell_m = c.cell;
        spec.height_m = c.height;
        const rps::RadioEngine engine(rps::test::office_scene(), rps::RadioSetup{}, spec);
        const rps::MeasurementGrid& g = engine.grid();
        EXPECT_EQ(g.cells_x, c.cells) << c.cell;
        EXPECT_EQ(g.cells_y, c.cells) << c.cell;
        EXPECT_NEAR(g.origin_x_m, 0.0, 1e-9);
        EXPECT_NEAR(g.origin_y_m, 0.0, 1e-9);
        EXPECT_EQ(g.cell_m, c.cell);
        EXPECT_EQ(g.height_m, c.height);
        EXPECT_EQ(g.mask.size(), g.cell_count());
        // Snapped up: the cells cover the whole box.
        EXPECT_GE(g.cells_x * c.cell, 40.0 - 1e-9);
        const Vec3 last = g.cell_center(g.cells_x - 1, g.cells_y - 1);
        EXPECT_NEAR(last.x(), (c.cells - 0.5) * c.cell, 1e-9);
        EXPECT_EQ(last.z(), c.height);
    }
    // The L-shape: floor x, y in [-10, 20], blocker cube x, y in [-13, 3], a wall out to x = 30.
    const rps::Aabb l_box = l_shape().bounds();
    EXPECT_NEAR(l_box.lower.x(), -13.0, 1e-9);
    EXPECT_NEAR(l_box.upper.x(), 30.0, 1e-9);
    EXPECT_NEAR(l_box.lower.y(), -13.0, 1e-9);
    EXPECT_NEAR(l_box.upper.y(), 20.0, 1e-9);
    rps::MeasurementGridSpec spec;
    spec.cell_m = 2.0;
    const rps::RadioEngine engine(l_shape(), rps::RadioSetup{}, spec);
    EXPECT_EQ(engine.grid().cells_x, 22);  // ceil(43 / 2)
    EXPECT_EQ(engine.grid().cells_y, 17);  // ceil(33 / 2)
    EXPECT_NEAR(engine.grid().origin_x_m, -13.0, 1e-9);
    EXPECT_NEAR(engine.grid().origin_y_m, -13.0, 1e-9);
}

TEST(RadioMap, ExplicitOriginAndSize) {
    rps::MeasurementGridSpec spec;
    spec.cell_m = 1.0;
    spec.height_m = 1.2;
    spec.origin_x_m = 5.0;
    spec.origin_y_m = 7.0;
    spec.size_x_m = 10.5;  // not a multiple: snapped up to 11 cells
    spec.size_y_m = 4.0;
    const rps::RadioEngine engine(rps::test::office_scene(), rps::RadioSetup{}, spec);
    const rps::MeasurementGrid& g = engine.grid();
    EXPECT_EQ(g.cells_x, 11);
    EXPECT_EQ(g.cells_y, 4);
    EXPECT_EQ(g.origin_x_m, 5.0);
    EXPECT_EQ(g.origin_y_m, 7.0);
    EXPECT_EQ((g.cell_center(0, 0) - Vec3(5.5, 7.5, 1.2)).norm(), 0.0);
    EXPECT_EQ((g.cell_center(10, 3) - Vec3(15.5, 10.5, 1.2)).norm(), 0.0);
    EXPECT_EQ(g.index(10, 3), 3u * 11u + 10u);
    const rps::RadioMap map = engine.compute_map(office_tx());
    EXPECT_EQ(map.power_w.size(), 44u);
    EXPECT_EQ(map.grid.cells_x, 11);
    EXPECT_EQ(map.grid.cells_y, 4);
}

// Grids whose cell count does not fit an int (a cast of it once read as one cell) or that are
// not finite are refused, not shrunk.
TEST(RadioMap, HugeOrNonFiniteGridsAreRefused) {
    const auto refused = [](auto edit) {
        rps::MeasurementGridSpec spec;
        edit(spec);
        try {
            rps::RadioEngine(rps::test::office_scene(), rps::RadioSetup{}, spec);
        } catch (const std::invalid_argument&) {
            return true;
        }
        return false;
    };
    EXPECT_TRUE(refused([](auto& s) { s.cell_m = 1e-8; }));  // 4e9 cells per axis
    EXPECT_TRUE(refused([](auto& s) { s.cell_m = 1e-3; }));  // 1.6e9 cells
    EXPECT_TRUE(refused([](auto& s) { s.size_x_m = 3e9; }));
    EXPECT_TRUE(refused([](auto& s) { s.size_x_m = std::numeric_limits<double>::infinity(); }));
    EXPECT_TRUE(refused([](auto& s) { s.origin_y_m = std::nan(""); }));
    EXPECT_FALSE(refused([](auto& s) { s.cell_m = 0.25; }));
}

// Points farther than kMaxOutsideScene_m outside the scene's bounds are refused wherever they
// enter the engine (a grid 1e300 m away stopped the program in Embree's assertion): the grid,
// checked alone as by the constructor, a map's transmitter and a path list's receiver. The office
// spans [0, 40] m in x: a plane from x = -990 m is 990 m out and accepted, -1010 m is not.
TEST(RadioMap, PointsFarOutsideTheSceneAreRefused) {
    const rps::Scene& scene = rps::test::office_scene();
    rps::MeasurementGridSpec spec;
    spec.origin_x_m = 1e300;
    EXPECT_THROW(rps::RadioEngine::check_grid(scene, spec), std::invalid_argument);
    EXPECT_THROW(rps::RadioEngine(scene, rps::RadioSetup{}, spec), std::invalid_argument);
    spec.origin_x_m = -1010.0;
    EXPECT_THROW(rps::RadioEngine::check_grid(scene, spec), std::invalid_argument);
    spec.origin_x_m = -990.0;
    EXPECT_NO_THROW(rps::RadioEngine::check_grid(scene, spec));
    spec = {};
    spec.height_m = 1e9;
    EXPECT_THROW(rps::RadioEngine::check_grid(scene, spec), std::invalid_argument);

    rps::RadioSetup two_threads;  // the check comes before the map's threads (a throw in one
    two_threads.threads = 2;      // of them would end the program)
    const rps::RadioEngine engine(scene, two_threads, rps::MeasurementGridSpec{});
    rps::TxPose far = office_tx();
    far.position.x() = 2000.0;
    EXPECT_THROW(engine.compute_map(far), std::invalid_argument);
    EXPECT_THROW(engine.trace_static(far), std::invalid_argument);
    EXPECT_THROW(engine.trace_paths(far, Vec3(20, 20, 1.5)), std::invalid_argument);
    EXPECT_THROW(engine.trace_paths(office_tx(), Vec3(1e300, 20, 1.5)), std::invalid_argument);
    EXPECT_NO_THROW(engine.trace_paths(office_tx(), Vec3(900, 20, 1.5)));
}

// A transmit power whose watts overflow (or are not a number) is refused, not turned into a map
// of infinities; the range is a study file's, -100..100 dBm.
TEST(RadioMap, TransmitPowerOutOfRangeIsRefused) {
    for (const double power_dbm :
         {std::numeric_limits<double>::infinity(), 1e308, 101.0, -101.0, std::nan("")}) {
        rps::RadioSetup setup;
        setup.tx_power_dbm = power_dbm;
        EXPECT_THROW(rps::RadioEngine(rps::test::office_scene(), setup, {}), std::invalid_argument)
            << power_dbm;
    }
}

TEST(RadioMap, CellsEqualTxPowerTimesSumOfTracedPathGains) {
    rps::MeasurementGridSpec spec;  // default: office bounds, 1 m cells, 1.5 m high
    const rps::RadioEngine engine(rps::test::office_scene(), rps::RadioSetup{}, spec);
    const rps::TxPose tx = office_tx();
    const rps::RadioMap map = engine.compute_map(tx);
    ASSERT_EQ(map.power_w.size(), 1600u);
    for (const double p : map.power_w) {
        ASSERT_TRUE(std::isfinite(p));
        ASSERT_GE(p, 0.0);
    }
    for (const auto& [ix, iy] : kSampleCells) {
        SCOPED_TRACE("cell " + std::to_string(ix) + "," + std::to_string(iy));
        const double expected = traced_power(engine, tx, engine.grid().cell_center(ix, iy));
        EXPECT_GT(expected, 0.0);
        EXPECT_TRUE(NearRelative(map.power_w[engine.grid().index(ix, iy)], expected, 1e-9));
    }
}

// A coherent map adds the paths' receiver ports: each cell is P_tx·|Σ ports|² over the traced
// paths (what `rps probe --coherent` prints), not the incoherent Σ|field|². Each path's ports
// hold its whole power (its field is transverse).
TEST(RadioMap, CoherentCellsEqualTheSquaredSumOfTracedPathFields) {
    rps::RadioSetup setup;
    setup.coherent = true;
    const rps::RadioEngine engine(rps::test::office_scene(), setup, rps::MeasurementGridSpec{});
    const rps::TxPose tx = office_tx();
    const rps::RadioMap map = engine.compute_map(tx);
    const double tx_w = std::pow(10.0, (setup.tx_power_dbm - 30.0) / 10.0);
    int differing = 0;
    for (const auto& [ix, iy] : kSampleCells) {
        SCOPED_TRACE("cell " + std::to_string(ix) + "," + std::to_string(iy));
        const auto paths = engine.trace_paths(tx, engine.grid().cell_center(ix, iy));
        rps::Vec3c sum = rps::Vec3c::Zero();
        double incoherent = 0.0;
        for (const auto& p : paths) {
            EXPECT_NEAR(p.field.squaredNorm(), p.path_gain, 1e-12 * p.path_gain);
            EXPECT_NEAR(p.ports.squaredNorm(), p.path_gain, 1e-12 * p.path_gain);
            EXPECT_EQ(p.ports.z(), rps::Vec3c::Scalar(0));
            sum += p.ports;
            incoherent += p.path_gain;
        }
        EXPECT_TRUE(
            NearRelative(map.power_w[engine.grid().index(ix, iy)], tx_w * sum.squaredNorm(), 1e-9));
        differing += std::abs(10 * std::log10(sum.squaredNorm() / incoherent)) > 0.1;
    }
    EXPECT_GT(differing, 0);  // interference shows: the test can tell the two sums apart
}

// The L-shape scene's mask: cells count when their centre is above the floor (x, y in
// [-10, 20]) and not inside the closed blocker cube (x, y in [-13, 3], z in [0, 3]).
bool expected_l_shape_mask(const Vec3& c) {
    const bool on_floor = c.x() > -10 && c.x() < 20 && c.y() > -10 && c.y() < 20;
    const bool cube = c.x() > -13 && c.x() < 3 && c.y() > -13 && c.y() < 3;
    return on_floor && !cube;
}
// The cube's top face is two triangles sharing the diagonal x = y; a vertical ray from a cell
// centre on it meets both (the parity test of "inside a closed shape" must count it once).
bool on_cube_top_diagonal(const Vec3& c) { return c.x() == c.y() && c.x() > -13 && c.x() < 3; }

TEST(RadioMap, MaskExcludesBlockerCubeAndCellsOffTheFloor) {
    rps::MeasurementGridSpec spec;  // default: bounds x in [-13, 30], y in [-13, 20]
    const rps::RadioEngine engine(l_shape(), rps::RadioSetup{}, spec);
    const rps::MeasurementGrid& g = engine.grid();
    ASSERT_EQ(g.cells_x, 43);
    ASSERT_EQ(g.cells_y, 33);
    ASSERT_EQ(g.mask.size(), g.cell_count());
    int counted = 0, in_cube = 0, off_floor = 0;
    for (int iy = 0; iy < g.cells_y; ++iy)
        for (int ix = 0; ix < g.cells_x; ++ix) {
            const Vec3 c = g.cell_center(ix, iy);
            const bool expected = expected_l_shape_mask(c);
            counted += expected;
            off_floor += !(c.x() > -10 && c.x() < 20 && c.y() > -10 && c.y() < 20);
            in_cube += !expected && c.x() > -10 && c.x() < 3 && c.y() > -10 && c.y() < 3;
            if (on_cube_top_diagonal(c)) continue;  // MaskExcludesCubeCellsOnTopFaceDiagonal
            EXPECT_EQ(g.mask[g.index(ix, iy)], expected ? 1 : 0)
                << "cell centre " << c.x() << ", " << c.y();
        }
    EXPECT_EQ(in_cube, 13 * 13);  // floor cells x, y in [-10, 3]
    EXPECT_EQ(counted, 30 * 30 - 13 * 13);
    EXPECT_GT(off_floor, 0);
    EXPECT_EQ(engine.compute_map(rps::TxPose{Vec3(10.0, 10.0, 2.5)}).grid.mask, g.mask);
}

TEST(RadioMap, MaskExcludesCubeCellsOnTopFaceDiagonal) {
    rps::MeasurementGridSpec spec;
    const rps::RadioEngine engine(l_shape(), rps::RadioSetup{}, spec);
    const rps::MeasurementGrid& g = engine.grid();
    int checked = 0;
    for (int iy = 0; iy < g.cells_y; ++iy)
        for (int ix = 0; ix < g.cells_x; ++ix) {
            const Vec3 c = g.cell_center(ix, iy);
            if (!on_cube_top_diagonal(c)) continue;
            ++checked;
            EXPECT_EQ(g.mask[g.index(ix, iy)], 0) << "cell centre " << c.x() << ", " << c.y();
        }
    EXPECT_EQ(checked, 16);
}

// Two 0.2 m walls meeting at a corner (planes x = 0, y in [0, 5] and y = 0, x in [0, 5]) over a
// floor, 1 m cells centred on whole metres: centres on a wall, at its free end (0, 5) and at the
// corner lie in the masonry and are left out; (2, 2) counts. A receiver at the free end was
// counted before (its projection on the wall's edge was decided outside).
TEST(RadioMap, MaskExcludesCellsAtWallEndsAndCorners) {
    rps::Scene scene;
    scene.materials.push_back(rps::RadioMaterial{"slab", "concrete", 1.0, 0.0, 0.2, false});
    scene.materials.push_back(rps::RadioMaterial{"wall", "concrete", 1.0, 0.0, 0.2, false});
    using rps::test::add_rectangle;
    add_rectangle(scene, "floor", 0,
                  {Vec3(-10, -10, 0), Vec3(10, -10, 0), Vec3(10, 10, 0), Vec3(-10, 10, 0)});
    add_rectangle(scene, "wall-a", 1, {Vec3(0, 0, 0), Vec3(0, 5, 0), Vec3(0, 5, 3), Vec3(0, 0, 3)});
    add_rectangle(scene, "wall-b", 1, {Vec3(0, 0, 0), Vec3(5, 0, 0), Vec3(5, 0, 3), Vec3(0, 0, 3)});
    rps::MeasurementGridSpec spec;
    spec.origin_x_m = -0.5;
    spec.origin_y_m = -0.5;
    spec.size_x_m = 7.0;
    spec.size_y_m = 7.0;
    const rps::RadioEngine engine(scene, rps::RadioSetup{}, spec);
    const rps::MeasurementGrid& g = engine.grid();
    const auto counted = [&](int x, int y) {
        EXPECT_EQ(g.cell_center(x, y), Vec3(x, y, 1.5));
        return g.mask[g.index(x, y)] != 0;
    };
    EXPECT_FALSE(counted(0, 0));  // the corner
    EXPECT_FALSE(counted(0, 5));  // wall A's free end
    EXPECT_FALSE(counted(5, 0));  // wall B's free end
    EXPECT_FALSE(counted(0, 3));  // on wall A
    EXPECT_TRUE(counted(0, 6));   // 1 m past A's end
    EXPECT_TRUE(counted(2, 2));
}

TEST(RadioMap, SubSampledCellIsTheMeanOfItsSamples) {
    rps::MeasurementGridSpec spec;
    spec.cell_m = 2.0;
    spec.origin_x_m = 27.0;
    spec.origin_y_m = 29.0;
    spec.size_x_m = 4.0;
    spec.size_y_m = 4.0;
    spec.samples_per_axis = 3;
    const rps::RadioEngine engine(rps::test::office_scene(), rps::RadioSetup{}, spec);
    const rps::TxPose tx = office_tx();
    const rps::RadioMap map = engine.compute_map(tx);
    const rps::MeasurementGrid& g = engine.grid();
    ASSERT_EQ(g.cells_x, 2);
    ASSERT_EQ(g.cells_y, 2);
    EXPECT_EQ(g.samples_per_axis, 3);
    const double step = spec.cell_m / 3.0;
    for (int cy = 0; cy < 2; ++cy)
        for (int cx = 0; cx < 2; ++cx) {
            double sum = 0.0;
            for (int sy = 0; sy < 3; ++sy)
                for (int sx = 0; sx < 3; ++sx) {
                    const Vec3 p(27.0 + (cx * 3 + sx + 0.5) * step,
                                 29.0 + (cy * 3 + sy + 0.5) * step, spec.height_m);
                    sum += traced_power(engine, tx, p);
                }
            EXPECT_TRUE(NearRelative(map.power_w[g.index(cx, cy)], sum / 9.0, 1e-9))
                << "cell " << cx << "," << cy;
            // Not simply the centre value (the field varies over 2 m).
            EXPECT_FALSE(NearRelative(map.power_w[g.index(cx, cy)],
                                      traced_power(engine, tx, g.cell_center(cx, cy)), 1e-6));
        }
}

TEST(RadioMap, MapFromStaticTraceWithoutPlateEqualsComputeMap) {
    for (const bool coherent : {false, true}) {
        SCOPED_TRACE(coherent ? "coherent" : "incoherent");
        rps::RadioSetup setup;
        setup.coherent = coherent;
        rps::MeasurementGridSpec spec;
        spec.cell_m = 2.0;
        const rps::RadioEngine engine(rps::test::office_scene(), setup, spec);
        const rps::TxPose tx = office_tx();
        const rps::RadioMap direct = engine.compute_map(tx);
        const std::shared_ptr<const rps::ApTrace> trace = engine.trace_static(tx);
        ASSERT_TRUE(trace);
        const rps::RadioMap replay = engine.map_from_trace(*trace, nullptr);
        ASSERT_EQ(replay.power_w.size(), direct.power_w.size());
        // Bit-identical: a cached trace stands in for a fresh map (same branch-wise sums).
        EXPECT_EQ(0, std::memcmp(replay.power_w.data(), direct.power_w.data(),
                                 direct.power_w.size() * sizeof(double)));
        EXPECT_EQ(replay.grid.mask, direct.grid.mask);
    }
}

TEST(RadioMap, MapWithPlateEqualsTracedPathsWithPlate) {
    for (const bool perfect : {true, false}) {
        SCOPED_TRACE(perfect ? "perfect conductor" : "ITU metal slab");
        rps::MeasurementGridSpec spec;  // 1 m cells over the office
        const rps::RadioEngine engine(rps::test::office_scene(), rps::RadioSetup{}, spec);
        const rps::TxPose tx = office_tx();
        const rps::PlateGeometry plate = mount_plate(perfect);
        const auto trace = engine.trace_static(tx);
        const rps::RadioMap with_plate = engine.map_from_trace(*trace, &plate);
        for (const double p : with_plate.power_w) {
            ASSERT_TRUE(std::isfinite(p));
            ASSERT_GE(p, 0.0);
        }
        std::vector<std::pair<int, int>> cells(std::begin(kSampleCells), std::end(kSampleCells));
        cells.insert(cells.end(), {{25, 28}, {25, 36}, {24, 30}, {26, 37}, {20, 31}});
        for (const auto& [ix, iy] : cells) {
            SCOPED_TRACE("cell " + std::to_string(ix) + "," + std::to_string(iy));
            const double expected =
                traced_power(engine, tx, engine.grid().cell_center(ix, iy), &plate);
            EXPECT_TRUE(
                NearRelative(with_plate.power_w[engine.grid().index(ix, iy)], expected, 1e-9));
        }
    }
}

// Cells whose line of sight to the AP passes through the plate lose power (the plate is opaque
// and hides the wall behind it); the line-of-sight path disappears from their path list.
TEST(RadioMap, PlateShadowsCellsBehindIt) {
    rps::MeasurementGridSpec spec;
    const rps::RadioEngine engine(rps::test::office_scene(), rps::RadioSetup{}, spec);
    const rps::TxPose tx = office_tx();
    const rps::PlateGeometry plate = mount_plate();
    const auto trace = engine.trace_static(tx);
    const rps::RadioMap without = engine.map_from_trace(*trace, nullptr);
    const rps::RadioMap with = engine.map_from_trace(*trace, &plate);
    const rps::MeasurementGrid& g = engine.grid();
    int shadowed = 0;
    for (int iy = 0; iy < g.cells_y; ++iy)
        for (int ix = 0; ix < g.cells_x; ++ix) {
            const Vec3 c = g.cell_center(ix, iy);
            if (!segment_through_plate(plate, tx.position, c)) continue;
            ++shadowed;
            SCOPED_TRACE("cell " + std::to_string(ix) + "," + std::to_string(iy));
            EXPECT_GT(c.y(), 34.0);  // behind the mount wall
            EXPECT_LT(with.power_w[g.index(ix, iy)], without.power_w[g.index(ix, iy)]);
            const auto has_los = [](const std::vector<rps::PropagationPath>& paths) {
                return std::any_of(paths.begin(), paths.end(),
                                   [](const auto& p) { return p.reflection_count == 0; });
            };
            EXPECT_TRUE(has_los(engine.trace_paths(tx, c)));
            EXPECT_FALSE(has_los(engine.trace_paths(tx, c, &plate)));
        }
    EXPECT_GT(shadowed, 0);
    // The cell named in the set-up: (25.5, 36.5) sees the AP through (25.6, 33.9, 2.07).
    EXPECT_TRUE(segment_through_plate(plate, tx.position, g.cell_center(25, 36)));
}

// A cell in front of the plate where the specular geometry works gets the plate's reflection:
// image of Tx in the plate plane y = 33.9, segment image -> cell centre crosses the plate.
TEST(RadioMap, PlateAddsSpecularReflection) {
    rps::RadioSetup setup;
    setup.antenna = rps::AntennaModel::Isotropic;
    rps::MeasurementGridSpec spec;
    const rps::RadioEngine engine(rps::test::office_scene(), setup, spec);
    rps::TxPose tx;
    tx.position = office_tx().position;
    const rps::PlateGeometry plate = mount_plate();
    const rps::MeasurementGrid& g = engine.grid();
    const Vec3 cell = g.cell_center(25, 28);  // (25.5, 28.5, 1.5)
    const Vec3 image = tx.position - 2.0 * plate.normal.dot(tx.position - plate.center) *
                                         plate.normal;  // (26, 41.8, 3.8)
    Vec3 q;
    ASSERT_TRUE(segment_through_plate(plate, image, cell, &q));
    const double length = (image - cell).norm();

    const auto without = engine.trace_paths(tx, cell);
    for (const rps::PropagationPath& p : without) EXPECT_FALSE(p.uses_plate);
    const auto with = engine.trace_paths(tx, cell, &plate);
    int plate_paths = 0;
    for (const rps::PropagationPath& p : with) {
        if (!p.uses_plate || p.reflection_count != 1) continue;
        ++plate_paths;
        ASSERT_EQ(p.interactions.size(), 1u);  // nothing crossed on the way
        EXPECT_EQ(p.interactions[0].kind, rps::InteractionKind::Reflection);
        EXPECT_EQ(p.interactions[0].face, -1);
        EXPECT_EQ(p.interactions[0].material, -1);
        EXPECT_NEAR((p.interactions[0].point - q).norm(), 0.0, 1e-9);
        EXPECT_NEAR(p.interactions[0].cos_incidence,
                    std::abs((q - tx.position).normalized().dot(plate.normal)), 1e-9);
        EXPECT_NEAR(p.length_m, length, 1e-9);
        // Perfect conductor, isotropic Tx: |R| = 1 for both polarisations.
        EXPECT_NEAR_DB(p.path_gain, friis(length), 0.01);
    }
    EXPECT_EQ(plate_paths, 1);
    // The map cell gains exactly that path's power on top of the static paths the plate leaves.
    const auto trace = engine.trace_static(tx);
    const double p_tx = std::pow(10.0, (setup.tx_power_dbm - 30.0) / 10.0);
    EXPECT_TRUE(NearRelative(engine.map_from_trace(*trace, &plate).power_w[g.index(25, 28)],
                             traced_power(engine, tx, cell, &plate), 1e-9));
    EXPECT_GT(engine.map_from_trace(*trace, &plate).power_w[g.index(25, 28)],
              engine.map_from_trace(*trace, nullptr).power_w[g.index(25, 28)] +
                  0.5 * p_tx * friis(length));
}

}  // namespace
