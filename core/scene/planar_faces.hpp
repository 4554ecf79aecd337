#pragma once
// Planar faces for the image method: triangles grouped by plane and material. One image source
// per face (not per triangle) keeps the number of image sequences small: a wall made of many
// triangles, or several coplanar wall pieces of one material, mirror the same way.
#include <cstdint>
#include <vector>

#include "core/scene/scene.hpp"

namespace rps {

struct PlanarFace {
    Vec3 normal = Vec3::UnitZ();  // unit; orientation is arbitrary (both sides interact alike)
    double offset_m = 0.0;        // plane: normal · x = offset_m
    uint32_t material_index = 0;
    std::vector<uint32_t> triangles;  // scene triangle indices
    Aabb bounds;

    Vec3 mirror(const Vec3& p) const { return p - 2.0 * (normal.dot(p) - offset_m) * normal; }
    double signed_distance(const Vec3& p) const { return normal.dot(p) - offset_m; }
};

struct PlanarFaceGrouping {
    std::vector<PlanarFace> faces;
    std::vector<uint32_t> triangle_face;  // face index of each scene triangle
};

// Groups the scene's triangles into planar faces: same material and the same plane within
// `angle_tolerance_rad` and `distance_tolerance_m`. Degenerate (zero-area) triangles get their own
// face with a zero normal and never reflect.
PlanarFaceGrouping group_planar_faces(const Scene& scene, double angle_tolerance_rad = 1e-4,
                                      double distance_tolerance_m = 1e-4);

}  // namespace rps
