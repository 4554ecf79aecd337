#include "core/scene/triangle_mesh.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace rps {

void TriangleMesh::transform(const Eigen::Matrix4d& to_world) {
    const Eigen::Matrix3d linear = to_world.topLeftCorner<3, 3>();
    const Vec3 offset = to_world.topRightCorner<3, 1>();
    for (Vec3& v : vertices) v = linear * v + offset;
}

bool is_closed_mesh(const std::vector<Vec3>& vertices,
                    const std::vector<std::array<uint32_t, 3>>& triangles) {
    if (triangles.empty()) return false;

    // Weld: map every vertex index to the first vertex index with the same position.
    auto position_less = [](const Vec3& a, const Vec3& b) {
        return std::lexicographical_compare(a.data(), a.data() + 3, b.data(), b.data() + 3);
    };
    std::map<Vec3, uint32_t, decltype(position_less)> first_at(position_less);
    std::vector<uint32_t> welded(vertices.size());
    for (size_t i = 0; i < vertices.size(); ++i)
        welded[i] = first_at.try_emplace(vertices[i], static_cast<uint32_t>(i)).first->second;

    std::vector<std::pair<uint32_t, uint32_t>> edges;
    edges.reserve(triangles.size() * 3);
    for (const auto& t : triangles) {
        for (int k = 0; k < 3; ++k) {
            uint32_t a = welded[t[k]];
            uint32_t b = welded[t[(k + 1) % 3]];
            if (a == b) return false;  // a degenerate triangle leaves no well-defined solid
            edges.emplace_back(std::min(a, b), std::max(a, b));
        }
    }
    std::sort(edges.begin(), edges.end());
    for (size_t i = 0; i < edges.size();) {
        size_t j = i;
        while (j < edges.size() && edges[j] == edges[i]) ++j;
        if (j - i != 2) return false;
        i = j;
    }
    return true;
}

double mean_thickness_m(const std::vector<Vec3>& vertices,
                        const std::vector<std::array<uint32_t, 3>>& triangles) {
    double six_volume = 0.0, twice_area = 0.0;  // divergence theorem: Σ a·(b×c) = 6 V
    for (const auto& t : triangles) {
        const Vec3& a = vertices[t[0]];
        const Vec3& b = vertices[t[1]];
        const Vec3& c = vertices[t[2]];
        six_volume += a.dot(b.cross(c));
        twice_area += (b - a).cross(c - a).norm();
    }
    return twice_area > 0 ? 2.0 * (std::abs(six_volume) / 6.0) / (0.5 * twice_area) : 0.0;
}

}  // namespace rps
