// Beams through the convex pieces of non-convex faces (convex_pieces.hpp). The split must keep
// every triangle in exactly one convex piece, and a reflection on the line where two pieces of
// one face meet must be counted once: there the map of an L-shaped wall (two rectangles of one
// material) equals the map of the full rectangle wherever the paths meet the wall below the
// L's step, which an extra or a lost path on the seam would break by ~3 dB or more.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <set>

#include "core/engine/convex_pieces.hpp"
#include "core/engine/engine_face.hpp"
#include "core/engine/radio_engine.hpp"
#include "tests/support/scene_builders.hpp"

namespace rps {
namespace {

using test::add_rectangle;

// A wall in the plane y = 0 of 20 cm concrete: x in [0, 4] up to 4 m, and x in [4, 8] up to
// step_m (4: one rectangle, convex, or two; 2: an L); optionally on a concrete floor.
Scene wall_scene(double step_m, bool split_full_wall, bool with_floor) {
    Scene scene;
    scene.materials.push_back(RadioMaterial{"concrete", "concrete", 1.0, 0.0, 0.2, false});
    if (split_full_wall || step_m < 4.0) {
        add_rectangle(scene, "left", 0,
                      {Vec3(0, 0, 0), Vec3(4, 0, 0), Vec3(4, 0, 4), Vec3(0, 0, 4)});
        add_rectangle(scene, "right", 0,
                      {Vec3(4, 0, 0), Vec3(8, 0, 0), Vec3(8, 0, step_m), Vec3(4, 0, step_m)});
    } else {
        add_rectangle(scene, "wall", 0,
                      {Vec3(0, 0, 0), Vec3(8, 0, 0), Vec3(8, 0, 4), Vec3(0, 0, 4)});
    }
    if (with_floor)
        add_rectangle(scene, "floor", 0,
                      {Vec3(-6, -7, 0), Vec3(13, -7, 0), Vec3(13, 8, 0), Vec3(-6, 8, 0)});
    return scene;
}

// The area of the triangles' 2-D convex hull minus their area (x, z coordinates): 0 for a
// convex union. The hull by gift wrapping, independently of the splitter's monotone chain.
double hull_excess(const Scene& scene, const std::vector<uint32_t>& triangles) {
    std::vector<std::array<double, 2>> points;
    double area = 0.0;
    for (const uint32_t t : triangles) {
        std::array<std::array<double, 2>, 3> v;
        for (int i = 0; i < 3; ++i) {
            const Vec3& p = scene.vertices[scene.triangles[t][i]];
            v[i] = {p.x(), p.z()};
            points.push_back(v[i]);
        }
        area += 0.5 * std::abs((v[1][0] - v[0][0]) * (v[2][1] - v[0][1]) -
                               (v[1][1] - v[0][1]) * (v[2][0] - v[0][0]));
    }
    // Gift wrapping from the lowest-leftmost point.
    const auto start = *std::min_element(points.begin(), points.end());
    std::vector<std::array<double, 2>> hull;
    auto current = start;
    do {
        hull.push_back(current);
        auto next = points[0] == current ? points[1] : points[0];
        for (const auto& p : points) {
            const double c = (next[0] - current[0]) * (p[1] - current[1]) -
                             (next[1] - current[1]) * (p[0] - current[0]);
            const double farther = std::hypot(p[0] - current[0], p[1] - current[1]) >
                                   std::hypot(next[0] - current[0], next[1] - current[1]);
            if (c < 0 || (c == 0 && farther)) next = p;
        }
        current = next;
    } while (current != start && hull.size() <= points.size());
    double hull_area = 0.0;
    for (size_t i = 1; i + 1 < hull.size(); ++i)
        hull_area += 0.5 * ((hull[i][0] - hull[0][0]) * (hull[i + 1][1] - hull[0][1]) -
                            (hull[i][1] - hull[0][1]) * (hull[i + 1][0] - hull[0][0]));
    return std::abs(hull_area) - area;
}

TEST(ConvexPieces, SplitsNonConvexFacesIntoConvexPiecesOfAllTheirTriangles) {
    // A wall with a doorway: left and right of it full height, a lintel above it (a U).
    Scene door;
    door.materials.push_back(RadioMaterial{"concrete", "concrete", 1.0, 0.0, 0.2, false});
    add_rectangle(door, "left", 0, {Vec3(0, 0, 0), Vec3(3, 0, 0), Vec3(3, 0, 4), Vec3(0, 0, 4)});
    add_rectangle(door, "lintel", 0,
                  {Vec3(3, 0, 2.1), Vec3(4, 0, 2.1), Vec3(4, 0, 4), Vec3(3, 0, 4)});
    add_rectangle(door, "right", 0, {Vec3(4, 0, 0), Vec3(9, 0, 0), Vec3(9, 0, 4), Vec3(4, 0, 4)});
    struct Case {
        Scene scene;
        size_t pieces;
    };
    const Case cases[] = {{door, 3},
                          {wall_scene(2.0, true, false), 2},
                          {wall_scene(4.0, true, false), 1},
                          {wall_scene(4.0, false, false), 1}};
    for (const Case& c : cases) {
        const PlanarFaceGrouping grouping = group_planar_faces(c.scene);
        ASSERT_EQ(grouping.faces.size(), 1u);
        const auto pieces = convex_pieces(grouping.faces[0], c.scene);
        EXPECT_EQ(pieces.size(), c.pieces);
        std::multiset<uint32_t> seen;
        for (const auto& piece : pieces) {
            seen.insert(piece.begin(), piece.end());
            EXPECT_NEAR(hull_excess(c.scene, piece), 0.0, 1e-9);
        }
        EXPECT_EQ(seen, std::multiset<uint32_t>(grouping.faces[0].triangles.begin(),
                                                grouping.faces[0].triangles.end()));
    }
}

TEST(ConvexPieces, ReflectionOnTheSeamOfTwoPiecesCountsOnce) {
    RadioSetup setup;
    setup.antenna = AntennaModel::Isotropic;
    setup.max_reflection_order = 1;
    const RadioEngine l_wall(wall_scene(2.0, true, false), setup, MeasurementGridSpec{});
    const RadioEngine full_wall(wall_scene(4.0, false, false), setup, MeasurementGridSpec{});
    // The reflection point (4, 0, 1) lies on the seam x = 4 between the L's two rectangles.
    const TxPose tx{Vec3(3, 3, 1)};
    const Vec3 rx(5, 3, 1);
    const auto paths = l_wall.trace_paths(tx, rx);
    ASSERT_EQ(paths.size(), 2u);
    EXPECT_EQ(paths[1].reflection_count, 1);
    EXPECT_NEAR(paths[1].interactions[0].point.x(), 4.0, 1e-12);
    const auto reference = full_wall.trace_paths(tx, rx);
    ASSERT_EQ(reference.size(), 2u);
    EXPECT_NEAR(paths[1].path_gain / reference[1].path_gain, 1.0, 1e-12);
}

// The order-2 maps (isotropic Tx) of two scenes, 16 m × 12 m of 1 m cells with a column of
// centres on x = 4, agree cell by cell for each Tx position.
void expect_same_maps(const Scene& scene, const Scene& reference,
                      std::initializer_list<Vec3> tx_positions) {
    RadioSetup setup;
    setup.antenna = AntennaModel::Isotropic;
    setup.max_reflection_order = 2;
    MeasurementGridSpec spec;
    spec.origin_x_m = -4.5;
    spec.origin_y_m = -5.0;
    spec.size_x_m = 16.0;
    spec.size_y_m = 12.0;
    const RadioEngine engine(scene, setup, spec);
    const RadioEngine reference_engine(reference, setup, spec);
    for (const Vec3& position : tx_positions) {
        const RadioMap a = engine.compute_map(TxPose{position});
        const RadioMap b = reference_engine.compute_map(TxPose{position});
        ASSERT_EQ(a.power_w.size(), b.power_w.size());
        int compared = 0;
        for (size_t i = 0; i < a.power_w.size(); ++i) {
            if (!(b.power_w[i] > 0)) continue;
            ++compared;
            EXPECT_NEAR(a.power_w[i] / b.power_w[i], 1.0, 1e-12)
                << "Tx " << position.transpose() << ", cell " << i;
        }
        EXPECT_GT(compared, 150);
    }
}

TEST(ConvexPieces, MapOfAnLShapedWallEqualsTheFullWallBelowItsStep) {
    // Tx at z = 1 and receivers at z = 1.5 (one column exactly at x = 4, over the seam), a floor
    // at z = 0: every reflection on and crossing of the wall, after or before a floor reflection
    // too, lies below z = 1.5, where the two walls are the same.
    expect_same_maps(wall_scene(2.0, true, true), wall_scene(4.0, false, true),
                     {Vec3(4, 3, 1), Vec3(2.5, 3, 1), Vec3(6, 3, 1)});
}

// An L of two rectangles of one material in the plane y = 0, on a floor: x in [0, 4] up to 4 m
// and x in [x0, 8] up to 1 m, overlapping (x0 = 3) or touching (x0 = 4): the same wall. The
// overlap does not make the hull's area equal the triangles' summed area, so the face is split
// unless the overlap is seen.
Scene overlapping_l(bool overlap) {
    Scene scene;
    scene.materials.push_back(RadioMaterial{"concrete", "concrete", 1.0, 0.0, 0.2, false});
    add_rectangle(scene, "left", 0, {Vec3(0, 0, 0), Vec3(4, 0, 0), Vec3(4, 0, 4), Vec3(0, 0, 4)});
    const double x0 = overlap ? 3.0 : 4.0;
    add_rectangle(scene, "right", 0,
                  {Vec3(x0, 0, 0), Vec3(8, 0, 0), Vec3(8, 0, 1), Vec3(x0, 0, 1)});
    add_rectangle(scene, "floor", 0,
                  {Vec3(-6, -7, 0), Vec3(13, -7, 0), Vec3(13, 8, 0), Vec3(-6, 8, 0)});
    return scene;
}

TEST(ConvexPieces, FacesWithOverlappingTrianglesStayWhole) {
    // Two cube walls overlapping at a corner give such faces (a review found points of the
    // overlap counted once per piece: up to 1 dB).
    const Scene scene = overlapping_l(true);
    const PlanarFaceGrouping grouping = group_planar_faces(scene);
    int split_faces = 0;
    for (const PlanarFace& face : grouping.faces)
        split_faces += convex_pieces(face, scene).size() > 1 ? 1 : 0;
    EXPECT_EQ(split_faces, 0);
    EXPECT_EQ(convex_pieces(grouping.faces[0], overlapping_l(false)).size(), 2u);

    // Low Tx: the wall reflections of receivers more than 2 m from the wall lie below z = 1, in
    // the overlap (x in [3, 4]) for the first Tx.
    expect_same_maps(scene, overlapping_l(false), {Vec3(3.5, 3, 0.25), Vec3(6, 3, 0.25)});
}

TEST(ConvexPieces, PiecesMeetingAtATJunctionNeverBothOwnAPoint) {
    // Along x = 2 the left piece's edge is 3 m long, the right piece's 1 m: points within 1e-9 m
    // of the line are on both edges (the tie-break decides), not inside one and on the other's
    // edge, where both claimed them (a review's probe 1e-9 m beside such a seam found a
    // reflection twice).
    const Vec3 normal(0, 1, 0);
    const EngineFace left = make_engine_face(
        normal,
        {Vec3(0, 0, 0), Vec3(2, 0, 0), Vec3(2, 0, 3), Vec3(0, 0, 0), Vec3(2, 0, 3), Vec3(0, 0, 3)},
        0, false);
    const EngineFace right = make_engine_face(
        normal,
        {Vec3(2, 0, 0), Vec3(4, 0, 0), Vec3(4, 0, 1), Vec3(2, 0, 0), Vec3(4, 0, 1), Vec3(2, 0, 1)},
        0, false);
    for (const double offset : {-2e-9, -9e-10, -6e-10, -3e-10, 0.0, 3e-10, 6e-10, 9e-10, 2e-9})
        for (const Vec3& tie_break : {Vec3(1, 0, 0.3), Vec3(-1, 0, 0.3)}) {
            const Vec3 p(2.0 + offset, 0.0, 0.5);
            const int owners =
                (left.contains(p, tie_break) ? 1 : 0) + (right.contains(p, tie_break) ? 1 : 0);
            EXPECT_EQ(owners, 1) << "offset " << offset << ", tie-break x " << tie_break.x();
        }
}

}  // namespace
}  // namespace rps
