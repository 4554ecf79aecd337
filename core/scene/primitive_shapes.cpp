#include "core/scene/primitive_shapes.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace rps {

TriangleMesh make_rectangle() {
    TriangleMesh mesh;
    mesh.vertices = {{-1, -1, 0}, {1, -1, 0}, {1, 1, 0}, {-1, 1, 0}};
    mesh.triangles = {{0, 1, 2}, {2, 3, 0}};
    return mesh;
}

TriangleMesh make_cube() {
    TriangleMesh mesh;
    // Corner i has x = bit 0, y = bit 1, z = bit 2 (0 -> -1, 1 -> +1).
    for (int i = 0; i < 8; ++i)
        mesh.vertices.emplace_back(i & 1 ? 1.0 : -1.0, i & 2 ? 1.0 : -1.0, i & 4 ? 1.0 : -1.0);
    // Counter-clockwise seen from outside, so that (b - a) x (c - a) points outward.
    mesh.triangles = {
        {0, 2, 3}, {0, 3, 1},  // z = -1
        {4, 5, 7}, {4, 7, 6},  // z = +1
        {0, 1, 5}, {0, 5, 4},  // y = -1
        {2, 6, 7}, {2, 7, 3},  // y = +1
        {0, 4, 6}, {0, 6, 2},  // x = -1
        {1, 3, 7}, {1, 7, 5},  // x = +1
    };
    return mesh;
}

TriangleMesh make_disk(int segments) {
    segments = std::max(segments, 3);
    TriangleMesh mesh;
    mesh.vertices.emplace_back(0.0, 0.0, 0.0);
    for (int k = 0; k < segments; ++k) {
        const double phi = 2.0 * std::numbers::pi * k / segments;
        mesh.vertices.emplace_back(std::cos(phi), std::sin(phi), 0.0);
    }
    for (int k = 0; k < segments; ++k) {
        const auto a = static_cast<uint32_t>(1 + k);
        const auto b = static_cast<uint32_t>(1 + (k + 1) % segments);
        mesh.triangles.push_back({0, a, b});
    }
    return mesh;
}

}  // namespace rps
