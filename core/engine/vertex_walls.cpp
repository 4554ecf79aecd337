#include "core/engine/vertex_walls.hpp"

#include <cmath>

namespace rps {
namespace {

constexpr double kVertexWallCell_m = 0.25;

}  // namespace

void VertexWalls::build(const double* min2d, const double* max2d,
                        const std::vector<std::pair<int, Box>>& walls, double margin) {
    if (walls.empty()) return;
    x0_ = min2d[0] - margin;
    y0_ = min2d[1] - margin;
    nx_ = std::clamp(static_cast<int>(std::ceil((max2d[0] + margin - x0_) / kVertexWallCell_m)), 1,
                     256);
    ny_ = std::clamp(static_cast<int>(std::ceil((max2d[1] + margin - y0_) / kVertexWallCell_m)), 1,
                     256);
    sx_ = (max2d[0] + margin - x0_) / nx_;
    sy_ = (max2d[1] + margin - y0_) / ny_;
    inv_sx_ = 1.0 / sx_;
    inv_sy_ = 1.0 / sy_;
    std::vector<std::vector<int>> bins(static_cast<size_t>(nx_) * ny_);
    for (const auto& [wall, box] : walls) {
        const int i0 = cell(box[0] - margin, x0_, sx_, nx_),
                  i1 = cell(box[1] + margin, x0_, sx_, nx_);
        const int j0 = cell(box[2] - margin, y0_, sy_, ny_),
                  j1 = cell(box[3] + margin, y0_, sy_, ny_);
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i) bins[static_cast<size_t>(j) * nx_ + i].push_back(wall);
    }
    offsets_.push_back(0);
    for (const auto& bin : bins) {
        walls_.insert(walls_.end(), bin.begin(), bin.end());
        offsets_.push_back(static_cast<uint32_t>(walls_.size()));
    }
}

std::vector<VertexWalls> build_vertex_walls(const std::vector<EngineFace>& faces,
                                            const std::vector<uint8_t>& face_usable,
                                            double segment_epsilon_m) {
    constexpr double kOnPlane_m = 1e-6;
    std::vector<VertexWalls> vertex_walls(faces.size());
    for (size_t f = 0; f < faces.size(); ++f) {
        const EngineFace& face = faces[f];
        if (!face_usable[f]) continue;
        const int a0 = face.axis0(), a1 = face.axis1();
        std::vector<std::pair<int, std::array<double, 4>>> touching;  // face, 2-D box
        for (size_t w = 0; w < faces.size(); ++w) {
            if (w == f || !face_usable[w]) continue;
            // A face parallel to this one (a window or door in the same wall plane) is never
            // crossed at a reflection point (cross_at_vertex skips it): listing it sent every
            // reflection on such a wall down the slow path (3 % of a map).
            if (std::abs(faces[w].normal.dot(face.normal)) > 1.0 - 1e-12) continue;
            std::array<double, 4> box = {1e300, -1e300, 1e300, -1e300};
            const auto extend = [&](const Vec3& v) {
                box = {std::min(box[0], v[a0]), std::max(box[1], v[a0]), std::min(box[2], v[a1]),
                       std::max(box[3], v[a1])};
            };
            const std::vector<Vec3>& tri = faces[w].tri3d;
            for (size_t t = 0; t + 2 < tri.size(); t += 3)
                for (int e = 0; e < 3; ++e) {
                    const Vec3& p = tri[t + e];
                    const Vec3& q = tri[t + (e + 1) % 3];
                    const double dp = face.signed_distance(p), dq = face.signed_distance(q);
                    if (std::abs(dp) <= segment_epsilon_m) extend(p);
                    if ((dp < -kOnPlane_m && dq > kOnPlane_m) ||
                        (dp > kOnPlane_m && dq < -kOnPlane_m))
                        extend(p + (dp / (dp - dq)) * (q - p));
                }
            if (box[0] <= box[1]) touching.emplace_back(static_cast<int>(w), box);
        }
        vertex_walls[f].build(face.min2d, face.max2d, touching, 2.0 * segment_epsilon_m);
    }
    return vertex_walls;
}

}  // namespace rps
