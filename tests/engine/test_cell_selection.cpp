// Cell selections and lower-order maps (MapRequest): a selected cell gets exactly the value the
// full map gives it, bit for bit, and a map at a lower reflection order bounds every cell from
// below. Searches rely on both to rank layouts from a few exact cells (low_rank_metrics.hpp).
// Also: a ray exactly through the line where two walls meet counts the same way in a full map,
// a one-cell map and a probe (Embree's float answer near edges is re-decided in double).
#include <gtest/gtest.h>

#include <numeric>
#include <random>
#include <vector>

#include "core/common/units.hpp"
#include "core/engine/ap_trace.hpp"
#include "core/engine/radio_engine.hpp"
#include "tests/support/office_scene.hpp"

namespace rps {
namespace {

std::vector<TxPose> poses() {
    std::vector<TxPose> result;
    for (const Vec3& p : {Vec3(17, 14, 3.8), Vec3(10, 20, 3.8), Vec3(28.3, 30.1, 3.8)}) {
        TxPose tx;
        tx.position = p;
        tx.yaw_rad = 0.4;
        tx.downtilt_rad = 0.1;
        result.push_back(tx);
    }
    return result;
}

std::vector<uint8_t> random_selection(size_t cells, double fraction, unsigned seed) {
    std::mt19937 random(seed);
    std::bernoulli_distribution pick(fraction);
    std::vector<uint8_t> selection(cells);
    for (auto& s : selection) s = pick(random) ? 1 : 0;
    return selection;
}

void expect_selected_cells_match(const RadioEngine& engine, const TxPose& tx, unsigned seed) {
    const RadioMap full = engine.compute_map(tx);
    const std::vector<uint8_t> selection = random_selection(full.power_w.size(), 0.1, seed);
    MapRequest request;
    request.cells = selection;
    const RadioMap part = engine.compute_map(tx, request);
    ASSERT_EQ(part.power_w.size(), full.power_w.size());
    size_t selected = 0;
    for (size_t c = 0; c < full.power_w.size(); ++c) {
        if (selection[c]) {
            ++selected;
            EXPECT_EQ(part.power_w[c], full.power_w[c]) << "cell " << c;  // bit-identical
        } else {
            EXPECT_EQ(part.power_w[c], 0.0) << "cell " << c;
        }
    }
    EXPECT_GT(selected, full.power_w.size() / 20);
}

TEST(CellSelection, SelectedCellsMatchTheFullMapBitForBit) {
    const RadioEngine engine(test::office_scene(), RadioSetup{}, MeasurementGridSpec{});
    unsigned seed = 1;
    for (const TxPose& tx : poses()) expect_selected_cells_match(engine, tx, seed++);
}

TEST(CellSelection, CellAveragedMapsToo) {
    MeasurementGridSpec grid;
    grid.cell_m = 2.0;
    grid.samples_per_axis = 2;
    const RadioEngine engine(test::office_scene(), RadioSetup{}, grid);
    expect_selected_cells_match(engine, poses().front(), 7);
}

TEST(CellSelection, LowerOrdersBoundEveryCellFromBelow) {
    const RadioEngine engine(test::office_scene(), RadioSetup{}, MeasurementGridSpec{});
    for (const TxPose& tx : poses()) {
        std::vector<std::vector<double>> maps;
        for (int order = 0; order <= 2; ++order) {
            MapRequest request;
            request.max_reflection_order = order;
            maps.push_back(engine.compute_map(tx, request).power_w);
        }
        EXPECT_EQ(maps[2], engine.compute_map(tx).power_w);  // the setup's order is 2
        size_t raised = 0;
        for (size_t c = 0; c < maps[0].size(); ++c) {
            EXPECT_LE(maps[0][c], maps[1][c]) << "cell " << c;
            EXPECT_LE(maps[1][c], maps[2][c]) << "cell " << c;
            raised += maps[1][c] < maps[2][c];
        }
        EXPECT_GT(raised, maps[0].size() / 2) << "second-order paths reach most cells";
    }
}

// Traces from one position replay the beams of the previous one (per thread): an order-1 map
// computed right after an order-2 map (replaying its beams without the deeper ones), or a cell
// selection after a full map, must equal the same map computed first on a fresh engine.
TEST(CellSelection, ReplayedBeamsGiveTheSameMaps) {
    const TxPose tx = poses()[1];
    MapRequest order1;
    order1.max_reflection_order = 1;
    const std::vector<uint8_t> selection = random_selection(1600, 0.2, 11);
    MapRequest some;
    some.cells = selection;
    std::vector<double> fresh_order1, fresh_some;
    {
        const RadioEngine fresh(test::office_scene(), RadioSetup{}, MeasurementGridSpec{});
        fresh_order1 = fresh.compute_map(tx, order1).power_w;
    }
    {
        const RadioEngine fresh(test::office_scene(), RadioSetup{}, MeasurementGridSpec{});
        ASSERT_EQ(fresh.grid().cell_count(), selection.size());
        fresh_some = fresh.compute_map(tx, some).power_w;
    }
    const RadioEngine engine(test::office_scene(), RadioSetup{}, MeasurementGridSpec{});
    (void)engine.compute_map(tx);
    EXPECT_EQ(engine.compute_map(tx, order1).power_w, fresh_order1);
    EXPECT_EQ(engine.compute_map(tx, some).power_w, fresh_some);
    (void)engine.trace_static(tx);
    EXPECT_EQ(engine.compute_map(tx, order1).power_w, fresh_order1);
    // A trace of some cells gives those cells, and refuses a plate.
    const auto partial = engine.trace_static(tx, some);
    EXPECT_EQ(engine.map_from_trace(*partial, nullptr).power_w, fresh_some);
    PlateGeometry plate;
    plate.center = Vec3(25.0, 33.9, 2.0);
    plate.normal = Vec3(0, -1, 0);
    plate.width_axis = Vec3(1, 0, 0);
    EXPECT_THROW(engine.map_from_trace(*partial, &plate), std::invalid_argument);
}

TEST(CellSelection, RejectsBadRequests) {
    const RadioEngine engine(test::office_scene(), RadioSetup{}, MeasurementGridSpec{});
    MapRequest too_deep;
    too_deep.max_reflection_order = 3;
    EXPECT_THROW(engine.compute_map(poses().front(), too_deep), std::invalid_argument);
    const std::vector<uint8_t> short_selection(10, 1);
    MapRequest wrong_size;
    wrong_size.cells = short_selection;
    EXPECT_THROW(engine.compute_map(poses().front(), wrong_size), std::invalid_argument);
}

// AP at (17, 14): the straight path to the receiver at (19.5, 36.5) passes exactly through
// (18, 23), where two partitions meet. Before crossings near edges were decided in double, the
// full map (16-ray packets) and the probe (single rays) disagreed there by 0.1 dB.
TEST(CellSelection, RayThroughAWallJunctionCountsTheSameEverywhere) {
    const RadioEngine engine(test::office_scene(), RadioSetup{}, MeasurementGridSpec{});
    TxPose tx;
    tx.position = Vec3(17, 14, 3.8);
    const Vec3 rx(19.5, 36.5, 1.5);
    const MeasurementGrid& grid = engine.grid();
    const size_t cell = grid.index(static_cast<int>((rx.x() - grid.origin_x_m) / grid.cell_m),
                                   static_cast<int>((rx.y() - grid.origin_y_m) / grid.cell_m));
    ASSERT_EQ(grid.cell_center(static_cast<int>(cell % grid.cells_x),
                               static_cast<int>(cell / grid.cells_x)),
              rx);
    const double full = engine.compute_map(tx).power_w[cell];
    std::vector<uint8_t> one(grid.cell_count(), 0);
    one[cell] = 1;
    MapRequest request;
    request.cells = one;
    EXPECT_EQ(engine.compute_map(tx, request).power_w[cell], full);
    double gain = 0.0;
    int through_junction = 0;
    for (const PropagationPath& path : engine.trace_paths(tx, rx)) {
        gain += path.path_gain;
        for (const PathInteraction& i : path.interactions)
            through_junction += i.kind == InteractionKind::Transmission &&
                                std::abs(i.point.x() - 18.0) < 1e-3 &&
                                std::abs(i.point.y() - 23.0) < 1e-3;
    }
    ASSERT_GT(through_junction, 0) << "the scene no longer has this junction: pick another ray";
    EXPECT_NEAR(full, dbm_to_watts(RadioSetup{}.tx_power_dbm) * gain, 1e-12 * full);
}

}  // namespace
}  // namespace rps
