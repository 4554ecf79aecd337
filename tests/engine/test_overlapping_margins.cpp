// Triangles are grown by the edge margin (1 mm + 1e-5 of the scene's half-size) so that Embree's
// float answer never misses a crossing; near a shared edge or vertex the grown triangles of one
// face overlap. A segment crosses a plane once: it must cross each face once, however many of its
// triangles report a hit there (a review found the 64-hit buffer filled by a disk's fan, which
// dropped the path, and a grazing segment crossing a wall twice near its diagonal).
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <vector>

#include "core/common/units.hpp"
#include "core/engine/embree_scene.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/scene/scene.hpp"
#include "tests/support/engine_checks.hpp"
#include "tests/support/engine_grids.hpp"
#include "tests/support/scene_builders.hpp"

namespace rps {
namespace {

using test::line_of_sight;
using test::LineOfSight;

RadioSetup line_of_sight_setup() {
    RadioSetup setup;
    setup.antenna = AntennaModel::Isotropic;
    setup.max_reflection_order = 0;
    return setup;
}

// A vertical disk as Mitsuba's `disk` is meshed (a fan of 64 triangles around its centre
// (0, 0, 2), radius 2, in the plane x = 0) and a wall x = 2.
Scene disk_and_wall() {
    Scene scene;
    scene.materials.push_back(RadioMaterial{"wall", "plasterboard", 1.0, 0.0, 0.1, false});
    std::vector<Vec3> vertices{Vec3(0, 0, 2)};
    std::vector<std::array<uint32_t, 3>> triangles;
    for (uint32_t k = 0; k < 64; ++k) {
        const double phi = 2 * kPi * k / 64;
        vertices.emplace_back(0, 2 * std::cos(phi), 2 + 2 * std::sin(phi));
        triangles.push_back({0u, 1 + k, 1 + (k + 1) % 64});
    }
    SceneShape disk;
    disk.id = "disk";
    disk.type = "disk";
    scene.add_shape(disk, vertices, triangles);
    test::add_rectangle(scene, "wall", 0,
                        {Vec3(2, -3, 0), Vec3(2, 3, 0), Vec3(2, 3, 4), Vec3(2, -3, 4)});
    return scene;
}

TEST(OverlappingMargins, ASegmentThroughADiskFanCrossesTheDiskOnce) {
    const Scene scene = disk_and_wall();
    const RadioEngine engine(scene, line_of_sight_setup(), test::one_cell_at(Vec3(5.5, 5.5, 1)));
    // Far from the centre the line crosses one fan triangle and the wall: the reference.
    const LineOfSight reference = line_of_sight(engine, Vec3(-3, 0.5, 2.15), Vec3(3, 0.5, 2.15));
    ASSERT_EQ(reference.transmissions, 2);
    for (const double d : {0.0, 2e-4, 5e-4, 9e-4, 2e-3}) {
        SCOPED_TRACE(testing::Message() << d << " m from the disk's centre");
        const LineOfSight los =
            line_of_sight(engine, Vec3(-3, d, 2 + 0.3 * d), Vec3(3, d, 2 + 0.3 * d));
        EXPECT_EQ(los.transmissions, 2);
        EXPECT_NEAR(10 * std::log10(los.gain), 10 * std::log10(reference.gain), 1e-3);
    }
    // The BVH with the faces as groups: one hit per face, no overflow.
    std::vector<uint32_t> face_of(scene.triangles.size(), 0);
    face_of.back() = face_of[face_of.size() - 2] = 1;  // the wall's two triangles
    const EmbreeScene grouped(scene, true, nullptr, EmbreeScene::default_edge_margin_m(scene),
                              &face_of);
    SegmentHits hits;
    grouped.collect_hits(Vec3(-3, 2e-4, 2), Vec3(1, 0, 0), 1e-4, 6.0, hits);
    EXPECT_EQ(hits.count, 2);
    EXPECT_FALSE(hits.overflow);
}

TEST(OverlappingMargins, AGrazingSegmentBesideAWallsDiagonalCrossesItOnce) {
    // A wall 40 m × 30 m at 30 degrees to the x axis, off the scene's centre; the segment runs at
    // |cos| = 3e-3 to its plane and crosses it within the margin of the two triangles' diagonal,
    // where Embree's distances for the two grown triangles differ by 1 mm.
    Scene scene;
    scene.materials.push_back(RadioMaterial{"wall", "plasterboard", 1.0, 0.0, 0.1, false});
    const Vec3 u(std::cos(0.5236), std::sin(0.5236), 0.0);
    const Vec3 base(37.3, 21.7, 0.0);
    test::add_rectangle(
        scene, "wall", 0,
        {base, base + 40 * u, base + 40 * u + Vec3(0, 0, 30), base + Vec3(0, 0, 30)});
    test::add_rectangle(
        scene, "far", 0,
        {Vec3(-60, -60, -1), Vec3(-59, -60, -1), Vec3(-59, -59, -1), Vec3(-60, -59, -1)});
    const RadioEngine engine(scene, line_of_sight_setup(), test::one_cell_at(Vec3(0.5, 0.5, 1)));
    const Vec3 tx(66.471801634704192, 38.556489812453208, 21.953216259224721);
    const Vec3 rx(59.813841893037953, 34.684314770240547, 22.804343354224589);
    const LineOfSight los = line_of_sight(engine, tx, rx);
    EXPECT_EQ(los.transmissions, 1);
    // The same segment moved 8 mm along the wall, away from the diagonal.
    const Vec3 n = u.cross(Vec3::UnitZ()).normalized();
    const Vec3 across = n.cross((40 * u + Vec3(0, 0, 30)).normalized());
    const LineOfSight moved = line_of_sight(engine, tx + 8e-3 * across, rx + 8e-3 * across);
    EXPECT_EQ(moved.transmissions, 1);
    EXPECT_NEAR(10 * std::log10(los.gain), 10 * std::log10(moved.gain), 0.01);
}

}  // namespace
}  // namespace rps
