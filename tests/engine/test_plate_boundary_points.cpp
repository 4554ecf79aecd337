// The plate where plans put it: flush with the end of its mount wall (a corner where a partition
// meets the wall), its bottom edge in the receiver plane, APs on whole and half metres. Paths then
// reflect exactly on the plate's edges and pass exactly by its edges and through the wall's
// junction. As for the bare map (test_boundary_points), every such decision must be the one for
// the Tx moved an infinitesimal step along the tie-break direction: the map with the plate must
// equal the map of the Tx moved 0.1 mm that way, cell by cell, both through the plate-only update
// that studies use and through a full trace with the plate.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>

#include "core/engine/ap_trace.hpp"
#include "core/engine/engine_face.hpp"
#include "core/engine/radio_engine.hpp"
#include "tests/support/office_scene.hpp"

namespace rps {
namespace {

// A plate on the south side of the office's mount wall (y = 34), 1 cm off it, its east edge at
// the wall's end x = 34 (where the partition x = 34 runs north), its bottom edge at z = 1.5.
PlateGeometry plate_at_the_corner(double width_m) {
    PlateGeometry plate;
    plate.width_m = width_m;
    plate.height_m = 1.0;
    plate.center = Vec3(34.0 - 0.5 * width_m, 33.99, 2.0);
    plate.normal = Vec3(0, -1, 0);
    plate.width_axis = Vec3(1, 0, 0);
    return plate;
}

int cells_off(const RadioEngine& engine, const RadioMap& exact, const RadioMap& moved,
              const std::string& what) {
    int differing = 0;
    for (size_t c = 0; c < exact.power_w.size(); ++c) {
        if (!engine.grid().mask[c]) continue;
        const double db = 10 * std::log10(exact.power_w[c] / moved.power_w[c]);
        if (!(std::abs(db) <= 0.01)) {
            ++differing;
            ADD_FAILURE() << what << " cell " << c << ": " << db << " dB";
        }
    }
    return differing;
}

TEST(PlateBoundaryPoints, MapWithAPlateAtTheWallsEndIsTheMapOfTheTxMovedAlongTheTieBreak) {
    const RadioEngine engine(test::office_scene(), RadioSetup{}, MeasurementGridSpec{});
    const Vec3 step = 1e-4 * EngineFace::tie_break_direction();
    // With the 1.5 m plate (x from 32.5 to 34) an AP at x = 32.5 reflects on the plate's west edge
    // for every receiver of the cell column x = 32.5.
    const std::pair<double, double> aps[] = {{30.0, 30.0}, {28.0, 24.0}, {33.5, 28.5},
                                             {20.0, 30.0}, {36.0, 30.0}, {31.0, 20.5},
                                             {32.5, 28.0}, {32.5, 30.5}};
    for (const double width_m : {1.0, 1.5, 2.0}) {
        const PlateGeometry plate = plate_at_the_corner(width_m);
        for (const auto& [x, y] : aps) {
            const Vec3 ap(x, y, 3.8);
            ASSERT_GT(engine.nearest_face(ap).distance_m, 0.05);
            const std::string what = "plate " + std::to_string(width_m) + " m, AP (" +
                                     std::to_string(x) + ", " + std::to_string(y) + ")";
            const RadioMap exact = engine.map_from_trace(*engine.trace_static(TxPose{ap}), &plate);
            const RadioMap moved =
                engine.map_from_trace(*engine.trace_static(TxPose{ap + step}), &plate);
            EXPECT_EQ(cells_off(engine, exact, moved, what), 0) << what;
        }
    }
}

}  // namespace
}  // namespace rps
