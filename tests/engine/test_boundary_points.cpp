// Points exactly on the boundary of faces: a reflection on the seam between two coplanar faces
// (a wall and its window), and a ray exactly through a junction of walls. Both happen
// systematically in real plans (walls on whole metres, cells on half metres, APs on a search
// grid). Reference: the same configuration moved by a tiny step, on either side: the exact
// configuration must count each seam point on one face only and must give what one of the
// nearby configurations gives, never a path twice or a wall crossed by no nearby ray.
#include <gtest/gtest.h>

#include <cmath>
#include <utility>
#include <vector>

#include "core/engine/engine_face.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/scene/scene.hpp"
#include "core/scene/scene_loader.hpp"
#include "tests/support/office_scene.hpp"
#include "tests/support/radio_setups.hpp"
#include "tests/support/scene_builders.hpp"
#include "tests/support/test_paths.hpp"

namespace rps {
namespace {

using test::add_rectangle;

// The total gain of the paths with one reflection.
double reflected_gain(const std::vector<PropagationPath>& paths) {
    double sum = 0.0;
    for (const auto& p : paths)
        if (p.reflection_count == 1) sum += p.path_gain;
    return sum;
}

// A wall in the plane x = 0 made of a concrete piece (y < 0) and a glass piece (y > 0) that meet
// along the line y = 0: two faces of one plane.
Scene wall_with_window() {
    Scene scene;
    scene.materials.push_back(RadioMaterial{"concrete", "concrete", 1.0, 0.0, 0.2, false});
    scene.materials.push_back(RadioMaterial{"glass", "glass", 1.0, 0.0, 0.01, false});
    add_rectangle(scene, "concrete", 0,
                  {Vec3(0, -5, 0), Vec3(0, 0, 0), Vec3(0, 0, 4), Vec3(0, -5, 4)});
    add_rectangle(scene, "glass", 1, {Vec3(0, 0, 0), Vec3(0, 5, 0), Vec3(0, 5, 4), Vec3(0, 0, 4)});
    return scene;
}

TEST(BoundaryPoints, ReflectionOnASeamIsCountedOnOneFace) {
    const RadioEngine engine(wall_with_window(), test::isotropic_setup(1), MeasurementGridSpec{});
    // Tx and Rx mirror each other about y = 0: the specular point is (0, 0, 2), on the seam.
    const Vec3 tx(3, -1, 2), rx(3, 1, 2);
    const auto paths = engine.trace_paths(TxPose{tx}, rx);
    int reflections = 0;
    for (const auto& p : paths) reflections += p.reflection_count == 1;
    EXPECT_EQ(reflections, 1);
    // Its gain is that of the concrete or of the glass, as for a receiver a step to either side.
    const double concrete = reflected_gain(engine.trace_paths(TxPose{tx}, rx + Vec3(0, -1e-6, 0)));
    const double glass = reflected_gain(engine.trace_paths(TxPose{tx}, rx + Vec3(0, 1e-6, 0)));
    ASSERT_GT(std::abs(concrete / glass - 1.0), 0.01);  // the two materials differ
    const double exact = reflected_gain(paths);
    EXPECT_TRUE(std::abs(exact / concrete - 1.0) < 1e-4 || std::abs(exact / glass - 1.0) < 1e-4)
        << exact << " vs " << concrete << " / " << glass;
}

// Two collinear walls meeting at the origin (concrete for x < 0, plasterboard for x > 0, plane
// y = 0) and a partition abutting them from the north (plane x = 0, y in [0, 5]). A ray through
// the origin crosses, when moved a little either way, one of the two walls and maybe the
// partition: one or two walls, never all three.
TEST(BoundaryPoints, RayThroughAJunctionCrossesWhatANearbyRayCrosses) {
    Scene scene;
    scene.materials.push_back(RadioMaterial{"concrete", "concrete", 1.0, 0.0, 0.2, false});
    scene.materials.push_back(RadioMaterial{"board", "plasterboard", 1.0, 0.0, 0.1, false});
    scene.materials.push_back(RadioMaterial{"wood", "wood", 1.0, 0.0, 0.05, false});
    add_rectangle(scene, "west", 0, {Vec3(-5, 0, 0), Vec3(0, 0, 0), Vec3(0, 0, 4), Vec3(-5, 0, 4)});
    add_rectangle(scene, "east", 1, {Vec3(0, 0, 0), Vec3(5, 0, 0), Vec3(5, 0, 4), Vec3(0, 0, 4)});
    add_rectangle(scene, "partition", 2,
                  {Vec3(0, 0, 0), Vec3(0, 5, 0), Vec3(0, 5, 4), Vec3(0, 0, 4)});
    const RadioEngine engine(scene, test::isotropic_setup(0), MeasurementGridSpec{});
    const Vec3 tx(-2, -2, 2), rx(1, 1, 2);  // the line of sight passes through (0, 0, 2)
    const auto exact = engine.trace_paths(TxPose{tx}, rx);
    ASSERT_EQ(exact.size(), 1u);
    const size_t crossed = exact[0].interactions.size();
    EXPECT_GE(crossed, 1u);
    EXPECT_LE(crossed, 2u);
    std::vector<double> nearby;
    for (const Vec3& shift :
         {Vec3(1e-6, 0, 0), Vec3(-1e-6, 0, 0), Vec3(0, 1e-6, 0), Vec3(0, -1e-6, 0)}) {
        const auto paths = engine.trace_paths(TxPose{tx + shift}, rx + shift);
        ASSERT_EQ(paths.size(), 1u);
        nearby.push_back(paths[0].path_gain);
    }
    bool matches = false;
    for (double g : nearby) matches |= std::abs(exact[0].path_gain / g - 1.0) < 1e-4;
    EXPECT_TRUE(matches) << exact[0].path_gain;
}

}  // namespace
}  // namespace rps

namespace rps {
namespace {

// A reflection on the ceiling exactly above a wall's top edge: nearby paths cross the wall just
// below its top (on the way up or on the way down), so the exact one must cross it once too.
TEST(BoundaryPoints, ReflectionAboveAWallTopCrossesTheWallOnce) {
    Scene scene;
    scene.materials.push_back(RadioMaterial{"slab", "concrete", 1.0, 0.0, 0.2, false});
    scene.materials.push_back(RadioMaterial{"ceiling", "ceiling_board", 1.0, 0.0, 0.02, false});
    scene.materials.push_back(RadioMaterial{"wall", "plasterboard", 1.0, 0.0, 0.1, false});
    test::add_rectangle(scene, "floor", 0,
                        {Vec3(-20, -20, 0), Vec3(20, -20, 0), Vec3(20, 20, 0), Vec3(-20, 20, 0)});
    test::add_rectangle(scene, "ceiling", 1,
                        {Vec3(-20, -20, 4), Vec3(-20, 20, 4), Vec3(20, 20, 4), Vec3(20, -20, 4)});
    test::add_rectangle(scene, "wall", 2,
                        {Vec3(-5, 0, 0), Vec3(5, 0, 0), Vec3(5, 0, 4), Vec3(-5, 0, 4)});
    const RadioEngine engine(scene, test::isotropic_setup(1), MeasurementGridSpec{});
    // Ceiling image of the Tx at z = 4.2; the line to the Rx meets z = 4 at y = 0.
    const Vec3 tx(0.3, 1.0, 3.8), rx(0.3, -12.5, 1.5);
    const auto ceiling_path = [&](const Vec3& from) {
        for (const auto& p : engine.trace_paths(TxPose{from}, rx))
            if (p.reflection_count == 1 && p.interactions.size() >= 2 &&
                std::abs(p.length_m - std::hypot(13.5 + (from.y() - 1.0), 2.7)) < 1e-3)
                return p;
        return PropagationPath{};
    };
    const PropagationPath exact = ceiling_path(tx);
    ASSERT_EQ(exact.reflection_count, 1);
    int transmissions = 0;
    for (const auto& i : exact.interactions)
        transmissions += i.kind == InteractionKind::Transmission;
    EXPECT_EQ(transmissions, 1);
    for (double dy : {-1e-6, 1e-6}) {
        const PropagationPath nearby = ceiling_path(tx + Vec3(0, dy, 0));
        ASSERT_EQ(nearby.reflection_count, 1);
        EXPECT_NEAR(exact.path_gain / nearby.path_gain, 1.0, 1e-3) << dy;
    }
}

}  // namespace
}  // namespace rps

namespace rps {
namespace {

// The office with APs on whole and half metres: paths that pass exactly through wall junctions,
// reflect on a face's edge, reflect where a wall meets or abuts the face, or double-reflect on a
// corner line, in hundreds of cells. Every such decision is taken as for the Tx moved an
// infinitesimal step along EngineFace::tie_break_direction(), so the exact map must be the map of
// the Tx moved 0.1 mm that way, cell by cell (the smooth change over 0.1 mm is below 0.002 dB).
// Deciding each segment's junctions for its own nearby ray (the previous rule) mixed two nearby
// paths into one no Tx gives: 18-43 cells per AP differed, by up to 12 dB.
TEST(BoundaryPoints, OfficeMapIsTheMapOfTheTxMovedAlongTheTieBreak) {
    const RadioEngine engine(test::office_scene(), RadioSetup{}, MeasurementGridSpec{});
    const Vec3 step = 1e-4 * EngineFace::tie_break_direction();
    // (32.5, 9.5): a path of slope 2 that a rational tie-break direction (1, 2, 3) left on a
    // wall's end, decided by rounding.
    const std::pair<double, double> aps[] = {{20.0, 20.0}, {15.0, 15.0}, {12.0, 28.0}, {20.5, 10.5},
                                             {8.0, 8.0},   {22.0, 14.0}, {32.5, 9.5}};
    for (const auto& [x, y] : aps) {
        const Vec3 ap(x, y, 3.8);
        ASSERT_GT(engine.nearest_face(ap).distance_m, 0.05);  // not on a wall (refused there)
        const RadioMap exact = engine.compute_map(TxPose{ap});
        const RadioMap moved = engine.compute_map(TxPose{ap + step});
        int differing = 0;
        for (size_t c = 0; c < exact.power_w.size(); ++c) {
            if (!engine.grid().mask[c]) continue;
            const double db = 10 * std::log10(exact.power_w[c] / moved.power_w[c]);
            if (std::abs(db) > 0.01) {
                ++differing;
                ADD_FAILURE() << "AP (" << x << ", " << y << ") cell " << c << ": " << db << " dB";
            }
        }
        EXPECT_EQ(differing, 0) << "AP (" << x << ", " << y << ")";
    }
}

// Higher orders in the L hall, where walls, floor and ceiling meet in triple corners: with APs
// on whole and half metres, at the receivers' height (every corner line along the grid then lies
// in a plane with a row of receivers) and above it, paths reflect up to four times on corner
// lines and through corner points; each must be the path of the Tx moved a step along the
// tie-break direction (1e-6 m here: smooth changes stay far below 0.01 dB).
TEST(BoundaryPoints, LHallMapsAtOrdersThreeAndFourAreTheMapsOfTheTxMovedAlongTheTieBreak) {
    const Scene hall = load_scene(test::source_dir() / "scenes/l_hall/l_hall.xml");
    const Vec3 step = 1e-6 * EngineFace::tie_break_direction();
    const std::pair<int, std::vector<Vec3>> cases[] = {
        {3,
         {Vec3(2.5, 2.5, 1.5), Vec3(5.0, 8.5, 1.5), Vec3(7.5, 15.0, 1.5), Vec3(12.0, 5.0, 3.0),
          Vec3(5.0, 5.0, 3.0), Vec3(2.5, 15.0, 3.0)}},
        {4, {Vec3(2.5, 2.5, 1.5), Vec3(7.5, 8.5, 1.5)}}};
    for (const auto& [order, aps] : cases) {
        RadioSetup setup;
        setup.max_reflection_order = order;
        const RadioEngine engine(hall, setup, MeasurementGridSpec{});
        for (const Vec3& ap : aps) {
            ASSERT_GT(engine.nearest_face(ap).distance_m, 0.05);
            const RadioMap exact = engine.compute_map(TxPose{ap});
            const RadioMap moved = engine.compute_map(TxPose{ap + step});
            int differing = 0;
            const MeasurementGrid& grid = engine.grid();
            for (size_t c = 0; c < exact.power_w.size(); ++c) {
                if (!grid.mask[c]) continue;
                // The cell whose centre is the AP itself: its line of sight has no length.
                const int ix = static_cast<int>(c % grid.cells_x);
                const int iy = static_cast<int>(c / grid.cells_x);
                if ((grid.cell_center(ix, iy) - ap).norm() < 1e-3) continue;
                const double db = 10 * std::log10(exact.power_w[c] / moved.power_w[c]);
                if (!(std::abs(db) <= 0.01)) {
                    ++differing;
                    ADD_FAILURE() << "order " << order << ", AP " << ap.transpose() << ", cell "
                                  << c << ": " << db << " dB";
                }
            }
            EXPECT_EQ(differing, 0);
        }
    }
}

}  // namespace
}  // namespace rps
