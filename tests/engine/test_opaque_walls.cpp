// Walls opaque (RadioSetup::transmission = false, `rps map --no-transmission`): a path ends at the
// first wall it crosses, and only at a wall it really crosses. Embree reports hits within the
// edge margin of a wall's edge, inside or outside, for the engine to decide exactly; with walls
// opaque every such hit used to block, so a line of sight passing a wall's end 0.5 mm outside it
// was lost.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/engine/embree_scene.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/scene/scene.hpp"
#include "tests/support/engine_checks.hpp"
#include "tests/support/engine_grids.hpp"
#include "tests/support/reference_physics.hpp"
#include "tests/support/scene_builders.hpp"

namespace rps {
namespace {

// A wall in the plane x = 0 for y in [0, 4], z in [0, 4], ending at y = 4.
Scene short_wall() {
    return test::concrete_wall({Vec3(0, 0, 0), Vec3(0, 4, 0), Vec3(0, 4, 4), Vec3(0, 0, 4)});
}

TEST(OpaqueWalls, LineOfSightPastAWallsEndIsKeptAndThroughItIsBlocked) {
    const Scene scene = short_wall();
    ASSERT_GT(EmbreeScene::default_edge_margin_m(scene), 1e-3);  // 0.5 mm lies within it
    RadioSetup setup;
    setup.antenna = AntennaModel::Isotropic;
    setup.max_reflection_order = 0;
    setup.transmission = false;
    const RadioEngine engine(scene, setup, test::one_cell_at(Vec3(5.5, 5.5, 1.0)));
    for (const double offset_m : {5e-4, 1e-2, -5e-4, -1e-2}) {
        SCOPED_TRACE(testing::Message()
                     << "the line passes the wall's end by " << offset_m << " m");
        const Vec3 tx(-3.0, 4.0 + offset_m, 2.0), rx(3.0, 4.0 + offset_m, 1.0);
        const double gain = test::line_of_sight(engine, tx, rx).gain;
        if (offset_m > 0) {
            EXPECT_NEAR(10 * std::log10(gain), 10 * std::log10(test::friis((rx - tx).norm())),
                        1e-9);
        } else {
            EXPECT_EQ(gain, 0.0);
        }
    }
}

}  // namespace
}  // namespace rps
