#pragma once
// Mitsuba's built-in shapes as triangle meshes, in their object space (the XML's to_world
// transform places them):
//   rectangle  [-1, 1]^2 at z = 0, normal +z, 2 triangles
//   cube       [-1, 1]^3, 12 triangles, outward normals, closed
//   disk       unit disk at z = 0, normal +z, `segments` triangles around the centre
#include "core/scene/triangle_mesh.hpp"

namespace rps {

inline constexpr int kDiskSegments = 64;

TriangleMesh make_rectangle();
TriangleMesh make_cube();
TriangleMesh make_disk(int segments = kDiskSegments);

}  // namespace rps
