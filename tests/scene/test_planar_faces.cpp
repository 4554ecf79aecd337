// Planar face grouping: coplanar triangles of one material become one face whatever their
// winding, different planes or materials stay apart, and the shared scenes group as expected.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "core/scene/planar_faces.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/scene/scene_summary.hpp"
#include "scene/scene_test_files.hpp"
#include "support/test_paths.hpp"

namespace rps {
namespace {

using Triangle = std::array<Vec3, 3>;

// A scene of loose triangles; `materials[i]` is the material index of triangle i.
Scene scene_of(const std::vector<Triangle>& triangles, const std::vector<uint32_t>& materials) {
    Scene scene;
    scene.materials.resize(3);
    for (size_t i = 0; i < triangles.size(); ++i) {
        SceneShape shape;
        shape.id = "t";
        shape.id += std::to_string(i);
        shape.material_index = materials.empty() ? 0 : materials[i];
        scene.add_shape(shape, {triangles[i][0], triangles[i][1], triangles[i][2]}, {{0, 1, 2}});
    }
    return scene;
}

void expect_consistent(const Scene& scene, const PlanarFaceGrouping& grouping,
                       double tolerance = 1e-4) {
    ASSERT_EQ(grouping.triangle_face.size(), scene.triangles.size());
    size_t listed = 0;
    for (size_t f = 0; f < grouping.faces.size(); ++f) {
        const PlanarFace& face = grouping.faces[f];
        listed += face.triangles.size();
        EXPECT_FALSE(face.triangles.empty());
        for (uint32_t t : face.triangles) {
            EXPECT_EQ(grouping.triangle_face[t], f);
            EXPECT_EQ(scene.triangle_material(t), face.material_index);
            for (uint32_t v : scene.triangles[t]) {
                const Vec3& p = scene.vertices[v];
                if (face.normal.squaredNorm() > 0) {
                    EXPECT_LE(std::abs(face.signed_distance(p)), tolerance);
                }
                EXPECT_TRUE((p.array() >= face.bounds.lower.array()).all());
                EXPECT_TRUE((p.array() <= face.bounds.upper.array()).all());
            }
        }
        if (face.normal.squaredNorm() > 0) {
            EXPECT_NEAR(face.normal.norm(), 1.0, 1e-12);
        }
    }
    EXPECT_EQ(listed, scene.triangles.size());
}

void expect_vec(const Vec3& actual, const Vec3& expected, double tolerance = 1e-12) {
    EXPECT_NEAR((actual - expected).norm(), 0.0, tolerance)
        << "actual (" << actual.transpose() << "), expected (" << expected.transpose() << ")";
}

TEST(PlanarFaces, LShapeScene) {
    const Scene scene = load_scene(test::shared_scenes_dir() / "seed/l_shape_scene.xml");
    const PlanarFaceGrouping grouping = group_planar_faces(scene);
    expect_consistent(scene, grouping);
    ASSERT_EQ(grouping.faces.size(), 9u);  // floor 1, cube 6, south wall 1, east wall 1

    // The floor's two triangles are one face on z = 0.
    const PlanarFace& floor = grouping.faces[grouping.triangle_face[0]];
    EXPECT_EQ(grouping.triangle_face[1], grouping.triangle_face[0]);
    EXPECT_EQ(floor.triangles.size(), 2u);
    expect_vec(floor.normal, {0, 0, 1});
    EXPECT_NEAR(floor.offset_m, 0.0, 1e-12);
    expect_vec(floor.bounds.lower, {-10, -10, 0});
    expect_vec(floor.bounds.upper, {20, 20, 0});

    // The cube: six faces of two triangles each, axis-aligned.
    const SceneShape& cube = scene.shapes[1];
    std::set<uint32_t> cube_faces;
    for (uint32_t t = cube.first_triangle; t < cube.first_triangle + cube.triangle_count; ++t)
        cube_faces.insert(grouping.triangle_face[t]);
    EXPECT_EQ(cube_faces.size(), 6u);
    for (uint32_t f : cube_faces) {
        EXPECT_EQ(grouping.faces[f].triangles.size(), 2u);
        EXPECT_NEAR(grouping.faces[f].normal.cwiseAbs().maxCoeff(), 1.0, 1e-12);
    }

    // The east wall: plane y = 5, x in [0, 30], z in [0, 3].
    const PlanarFace& east = grouping.faces[grouping.triangle_face[scene.shapes[3].first_triangle]];
    expect_vec(east.normal, {0, 1, 0});
    EXPECT_NEAR(east.offset_m, 5.0, 1e-12);
    expect_vec(east.bounds.lower, {0, 5, 0});
    expect_vec(east.bounds.upper, {30, 5, 3});
}

TEST(PlanarFaces, SharedScenes) {
    struct Case {
        const char* file;
        size_t faces;
    };
    for (const Case& c :
         {Case{"sionna/box/box.xml", 6}, Case{"sionna/box_one_screen/box_one_screen.xml", 7},
          Case{"sionna/simple_reflector/simple_reflector.xml", 1},
          Case{"sionna/floor_wall/floor_wall.xml", 2}}) {
        SCOPED_TRACE(c.file);
        const Scene scene = load_scene(test::shared_scenes_dir() / c.file);
        const PlanarFaceGrouping grouping = group_planar_faces(scene);
        expect_consistent(scene, grouping);
        EXPECT_EQ(grouping.faces.size(), c.faces);
    }
    for (const char* file : {"sionna/simple_street_canyon/simple_street_canyon.xml",
                             "sionna/double_reflector/double_reflector.xml",
                             "sionna/triple_reflector/triple_reflector.xml"}) {
        SCOPED_TRACE(file);
        const Scene scene = load_scene(test::shared_scenes_dir() / file);
        const PlanarFaceGrouping grouping = group_planar_faces(scene);
        expect_consistent(scene, grouping);
        EXPECT_LT(grouping.faces.size(), scene.triangles.size());
    }
}

TEST(PlanarFaces, OppositeWindingMergesWithCanonicalNormal) {
    const Scene scene = scene_of({{Vec3(0, 0, 1), Vec3(1, 0, 1), Vec3(0, 1, 1)},
                                  {Vec3(3, 3, 1), Vec3(2, 3, 1), Vec3(3, 2, 1)},   // flipped
                                  {Vec3(2, 0, 1), Vec3(2, 1, 1), Vec3(3, 0, 1)}},  // flipped
                                 {});
    const PlanarFaceGrouping grouping = group_planar_faces(scene);
    expect_consistent(scene, grouping);
    ASSERT_EQ(grouping.faces.size(), 1u);
    expect_vec(grouping.faces[0].normal, {0, 0, 1});
    EXPECT_NEAR(grouping.faces[0].offset_m, 1.0, 1e-12);
    expect_vec(grouping.faces[0].mirror(Vec3(5, 6, 3)), {5, 6, -1});
    // A wall facing -x reports +x (first nonzero component positive), offset to match.
    const Scene wall = scene_of({{Vec3(-2, 0, 0), Vec3(-2, 0, 1), Vec3(-2, 1, 0)}}, {});
    const PlanarFaceGrouping walls = group_planar_faces(wall);
    expect_vec(walls.faces[0].normal, {1, 0, 0});
    EXPECT_NEAR(walls.faces[0].offset_m, -2.0, 1e-12);
}

TEST(PlanarFaces, MaterialsAndDistinctPlanesStayApart) {
    const Triangle a = {Vec3(0, 0, 0), Vec3(1, 0, 0), Vec3(0, 1, 0)};
    auto shifted = [](const Triangle& t, const Vec3& by) {
        return Triangle{t[0] + by, t[1] + by, t[2] + by};
    };
    const Scene scene = scene_of({a, shifted(a, {2, 0, 0}),   // same plane, material 0
                                  shifted(a, {4, 0, 0}),      // same plane, material 1
                                  shifted(a, {0, 0, 1e-3}),   // parallel, 1 mm away
                                  shifted(a, {6, 0, 1e-6})},  // within tolerance
                                 {0, 0, 1, 0, 0});
    const PlanarFaceGrouping grouping = group_planar_faces(scene);
    expect_consistent(scene, grouping);
    EXPECT_EQ(grouping.faces.size(), 3u);
    EXPECT_EQ(grouping.triangle_face[0], grouping.triangle_face[1]);
    EXPECT_EQ(grouping.triangle_face[0], grouping.triangle_face[4]);
    EXPECT_NE(grouping.triangle_face[0], grouping.triangle_face[2]);
    EXPECT_NE(grouping.triangle_face[0], grouping.triangle_face[3]);
    // Coarser tolerance: the 1 mm step merges too.
    EXPECT_EQ(group_planar_faces(scene, 1e-4, 1e-2).faces.size(), 2u);
}

TEST(PlanarFaces, AngleTolerance) {
    const double tilt = 1e-6;  // below the default 1e-4 rad
    const Scene close = scene_of({{Vec3(0, 0, 0), Vec3(1, 0, 0), Vec3(0, 1, 0)},
                                  {Vec3(0, 0, 0), Vec3(-1, 0, tilt), Vec3(0, -1, 0)}},
                                 {});
    EXPECT_EQ(group_planar_faces(close).faces.size(), 1u);
    const Scene far = scene_of({{Vec3(0, 0, 0), Vec3(1, 0, 0), Vec3(0, 1, 0)},
                                {Vec3(0, 0, 0), Vec3(-1, 0, 0.01), Vec3(0, -1, 0)}},
                               {});
    EXPECT_EQ(group_planar_faces(far).faces.size(), 2u);
}

// Normals that straddle the canonical-sign rule (a tiny x component of either sign) still
// describe the same plane and must merge.
TEST(PlanarFaces, NearlyAxisAlignedNormalsOfEitherSignMerge) {
    auto wall = [](double eps, double z) {
        return Triangle{Vec3(0, 0, z), Vec3(1, eps, z), Vec3(0, 0, z + 1)};  // normal (eps,-1,0)
    };
    const Scene scene = scene_of({wall(2e-9, 0), wall(0.5e-9, 2), wall(-3e-9, 4)}, {});
    const PlanarFaceGrouping grouping = group_planar_faces(scene);
    expect_consistent(scene, grouping);
    ASSERT_EQ(grouping.faces.size(), 1u);
    EXPECT_NEAR(std::abs(grouping.faces[0].normal.y()), 1.0, 1e-12);
}

TEST(PlanarFaces, DegenerateTrianglesGetTheirOwnZeroNormalFace) {
    const Scene scene = scene_of({{Vec3(0, 0, 0), Vec3(1, 0, 0), Vec3(0, 1, 0)},
                                  {Vec3(0, 0, 0), Vec3(1, 0, 0), Vec3(2, 0, 0)},   // collinear
                                  {Vec3(5, 5, 5), Vec3(5, 5, 5), Vec3(5, 5, 5)}},  // a point
                                 {});
    const PlanarFaceGrouping grouping = group_planar_faces(scene);
    expect_consistent(scene, grouping);
    ASSERT_EQ(grouping.faces.size(), 3u);
    EXPECT_EQ(grouping.faces[grouping.triangle_face[1]].normal, Vec3::Zero());
    EXPECT_EQ(grouping.faces[grouping.triangle_face[2]].normal, Vec3::Zero());
}

TEST(PlanarFaces, LargeTessellatedWallFarFromOriginIsOneFace) {
    // A 200 x 100 grid of quads on the plane x = 10 km with +-0.2 um noise on x: each small
    // triangle tilts a little (< 1e-4 rad) and the offsets differ by angle x 10 km.
    Scene scene;
    scene.materials.resize(1);
    std::vector<Vec3> vertices;
    std::vector<std::array<uint32_t, 3>> triangles;
    const int nx = 200;
    const int nz = 100;
    for (int i = 0; i <= nx; ++i)
        for (int k = 0; k <= nz; ++k)
            vertices.emplace_back(1e4 + ((i * 7 + k * 3) % 5 - 2) * 1e-7, 0.5 * i, 0.1 * k);
    auto at = [&](int i, int k) { return static_cast<uint32_t>(i * (nz + 1) + k); };
    for (int i = 0; i < nx; ++i)
        for (int k = 0; k < nz; ++k) {
            triangles.push_back({at(i, k), at(i + 1, k), at(i + 1, k + 1)});
            triangles.push_back({at(i, k), at(i, k + 1), at(i + 1, k + 1)});  // other winding
        }
    scene.add_shape(SceneShape{}, vertices, triangles);
    const PlanarFaceGrouping grouping = group_planar_faces(scene);
    expect_consistent(scene, grouping);
    ASSERT_EQ(grouping.faces.size(), 1u);
    expect_vec(grouping.faces[0].normal, {1, 0, 0}, 1e-6);
    EXPECT_NEAR(grouping.faces[0].offset_m, 1e4, 1e-5);
}

TEST(SceneSummary, CountsMaterialsAndWarnings) {
    const Scene scene = load_scene(test::shared_scenes_dir() / "seed/l_shape_scene.xml");
    const SceneSummary summary = summarize_scene(scene);
    EXPECT_EQ(summary.shape_count, 4u);
    EXPECT_EQ(summary.closed_shape_count, 1u);
    EXPECT_EQ(summary.triangle_count, 18u);
    EXPECT_EQ(summary.planar_face_count, 9u);
    ASSERT_EQ(summary.materials.size(), 2u);
    EXPECT_EQ(summary.materials[0].id, "itu_concrete");
    EXPECT_EQ(summary.materials[0].itu_type, "concrete");
    EXPECT_EQ(summary.materials[0].shape_count, 1u);
    EXPECT_EQ(summary.materials[0].triangle_count, 2u);
    EXPECT_EQ(summary.materials[1].triangle_count, 16u);
    EXPECT_EQ(summary.materials[1].shape_count, 3u);
    expect_vec(summary.bounds.lower, {-13, -13, 0});
    expect_vec(summary.bounds.upper, {30, 20, 3});
    EXPECT_EQ(summary.warnings.size(), 1u);

    const SceneSummary empty = summarize_scene(Scene{});
    EXPECT_EQ(empty.triangle_count, 0u);
    EXPECT_TRUE(empty.bounds.empty());
}

}  // namespace
}  // namespace rps
