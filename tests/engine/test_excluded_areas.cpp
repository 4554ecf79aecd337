// Excluded areas of the measurement grid (MeasurementGridSpec::excluded_areas): the polygon test
// against hand-placed points, the half-open rule on shared edges, the checks on bad polygons, and
// the engine's mask: exactly the cells whose centre lies inside leave it, nothing else changes
// (the cell values stay those of the map without the area).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/engine/cell_mask.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/scene/scene_loader.hpp"
#include "tests/support/test_paths.hpp"

namespace rps {
namespace {

// An L: the square [0, 4]² without its upper-right quarter [2, 4]².
const Polygon2d kL = {{0, 0}, {4, 0}, {4, 2}, {2, 2}, {2, 4}, {0, 4}};

TEST(ExcludedAreas, PolygonContainsPointsOfAConcavePolygon) {
    EXPECT_TRUE(polygon_contains(kL, 1, 1));
    EXPECT_TRUE(polygon_contains(kL, 3, 1));
    EXPECT_TRUE(polygon_contains(kL, 1, 3));
    EXPECT_FALSE(polygon_contains(kL, 3, 3));  // the missing quarter
    EXPECT_FALSE(polygon_contains(kL, -0.5, 1));
    EXPECT_FALSE(polygon_contains(kL, 5, 1));
    EXPECT_FALSE(polygon_contains(kL, 1, 4.5));
    // Vertex order does not matter.
    const Polygon2d reversed(kL.rbegin(), kL.rend());
    EXPECT_TRUE(polygon_contains(reversed, 3, 1));
    EXPECT_FALSE(polygon_contains(reversed, 3, 3));
}

// Two rectangles that tile [0, 2] x [0, 1]: every point on their shared edge x = 1 belongs to
// exactly one of them, so adjacent excluded areas never count a cell twice or drop it.
TEST(ExcludedAreas, SharedEdgeGoesToExactlyOnePolygon) {
    const Polygon2d left = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    const Polygon2d right = {{1, 0}, {2, 0}, {2, 1}, {1, 1}};
    for (double y : {0.1, 0.25, 0.5, 0.75, 0.9})
        EXPECT_EQ(int(polygon_contains(left, 1.0, y)) + int(polygon_contains(right, 1.0, y)), 1)
            << y;
}

TEST(ExcludedAreas, BadPolygonsAreRefusedWithTheirName) {
    EXPECT_THROW(check_polygon({{0, 0}, {1, 1}}, "area 1"), std::invalid_argument);
    EXPECT_THROW(check_polygon({{0, 0}, {1, 1}, {2, 2}}, "area 1"), std::invalid_argument);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_THROW(check_polygon({{0, 0}, {1, 0}, {nan, 1}}, "area 1"), std::invalid_argument);
    try {
        check_polygon({{0, 0}, {1, 0}}, "excluded area 3");
        FAIL();
    } catch (const std::invalid_argument& error) {
        EXPECT_NE(std::string(error.what()).find("excluded area 3"), std::string::npos);
    }
    EXPECT_NO_THROW(check_polygon(kL, "L"));
    // The engine checks the spec's areas when it is built.
    MeasurementGridSpec spec;
    spec.excluded_areas = {{{0, 0}, {1, 1}}};
    const Scene scene = load_scene(test::source_dir() / "scenes/l_hall/l_hall.xml");
    EXPECT_THROW(RadioEngine(scene, RadioSetup{}, spec), std::invalid_argument);
}

TEST(ExcludedAreas, MaskDropsExactlyTheCellsInsideAndValuesStay) {
    const Scene scene = load_scene(test::source_dir() / "scenes/office/office.xml");
    RadioSetup setup;
    setup.max_reflection_order = 1;
    const RadioEngine whole(scene, setup, MeasurementGridSpec{});
    MeasurementGridSpec spec;
    // The stair/lift core (x, y in [0, 10]) and a triangle in the open-plan area.
    const Polygon2d triangle = {{20, 12}, {30, 12}, {20, 22}};
    spec.excluded_areas = {{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, triangle};
    const RadioEngine excluded(scene, setup, spec);
    const MeasurementGrid& a = whole.grid();
    const MeasurementGrid& b = excluded.grid();
    ASSERT_EQ(a.cell_count(), b.cell_count());
    EXPECT_EQ(b.excluded_areas.size(), 2u);
    int removed = 0, in_core = 0, in_triangle = 0, triangle_cells = 0;
    for (int iy = 0; iy < a.cells_y; ++iy)
        for (int ix = 0; ix < a.cells_x; ++ix) {
            const Vec3 c = a.cell_center(ix, iy);
            const bool core = c.x() < 10 && c.y() < 10;
            // Inside the triangle: above y = 12, right of x = 20, below x + y = 42.
            const bool tri = c.x() > 20 && c.y() > 12 && c.x() + c.y() < 42;
            const size_t i = a.index(ix, iy);
            EXPECT_EQ(b.mask[i], (core || tri) ? 0 : a.mask[i]) << c.x() << ", " << c.y();
            removed += a.mask[i] && !b.mask[i];
            in_core += core && a.mask[i];
            in_triangle += tri && a.mask[i];
            triangle_cells += tri;
        }
    EXPECT_EQ(in_core, 100);
    // Centres (20.5 + i, 12.5 + j) with i + j <= 8: 9·10/2 (i + j = 9 lies on the hypotenuse,
    // outside by the half-open rule).
    EXPECT_EQ(triangle_cells, 45);
    EXPECT_GT(in_triangle, 40);
    EXPECT_EQ(removed, in_core + in_triangle);
    const TxPose tx{Vec3(20.3, 20.7, 3.8)};
    EXPECT_EQ(excluded.compute_map(tx).power_w, whole.compute_map(tx).power_w);
}

}  // namespace
}  // namespace rps
