#pragma once
// A bare indexed triangle mesh, as the mesh readers (PLY, OBJ) and the primitive generators
// (rectangle, cube, disk) produce it before it becomes a scene shape.
#include <array>
#include <cstdint>
#include <vector>

#include "core/common/geometry.hpp"

namespace rps {

struct TriangleMesh {
    std::vector<Vec3> vertices;
    std::vector<std::array<uint32_t, 3>> triangles;

    // Applies an affine map (4x4, last row 0 0 0 1) to every vertex.
    void transform(const Eigen::Matrix4d& to_world);
};

// True when every edge is shared by exactly two triangles, i.e. the mesh bounds a solid.
// Vertices are welded by exact position first: exported meshes split vertices along UV seams
// (Sionna's box.ply has 14 vertices for 8 corners), and a seam must not make a box look open.
bool is_closed_mesh(const std::vector<Vec3>& vertices,
                    const std::vector<std::array<uint32_t, 3>>& triangles);

// Twice the enclosed volume over the surface area of a closed mesh (m): a slab's thickness. A
// solid thinner than the planar grouping's tolerance is a sheet: its sides become one face.
double mean_thickness_m(const std::vector<Vec3>& vertices,
                        const std::vector<std::array<uint32_t, 3>>& triangles);

}  // namespace rps
