#pragma once
// Which walls can pass through a reflection point: per face, the faces meeting its plane, binned
// where they meet it (the rare slow path of a reflection, radio_engine.cpp's cross_at_vertex).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "core/engine/engine_face.hpp"

namespace rps {

// The faces that meet one face, binned on a coarse 2-D grid over it (its projection): a
// reflection point looks up the few walls that can pass through it.
class VertexWalls {
public:
    using Box = std::array<double, 4>;  // min x, max x, min y, max y in the face's projection
    void build(const double* min2d, const double* max2d,
               const std::vector<std::pair<int, Box>>& walls, double margin);
    std::span<const int> near(double x, double y) const {
        if (walls_.empty()) return {};
        // Points on the face lie inside the (widened) grid; clamp anyway.
        const int i = std::clamp(static_cast<int>((x - x0_) * inv_sx_), 0, nx_ - 1);
        const int j = std::clamp(static_cast<int>((y - y0_) * inv_sy_), 0, ny_ - 1);
        const size_t b = static_cast<size_t>(j) * nx_ + i;
        return {walls_.data() + offsets_[b], walls_.data() + offsets_[b + 1]};
    }

private:
    static int cell(double v, double origin, double size, int count) {
        return std::clamp(static_cast<int>(std::floor((v - origin) / size)), 0, count - 1);
    }
    double x0_ = 0, y0_ = 0, sx_ = 1, sy_ = 1, inv_sx_ = 1, inv_sy_ = 1;
    int nx_ = 0, ny_ = 0;
    std::vector<uint32_t> offsets_;
    std::vector<int> walls_;
};

// For each face F, the faces W that meet F's plane (walls standing on the floor, a partition
// abutting a wall or a wall that F abuts, two walls at a corner, walls crossing), binned by
// where they meet it: the points of W's triangles on the plane (vertices on it, edges
// through it), on a 2-D grid in F's projection, cells of 0.25 m, bins widened by
// 2·ε (ε = segment_epsilon_m, the margin the segment queries leave at a segment's ends). Vertices alone missed a wall passing through F's edge (F abutting it): a reflection
// on F exactly at the junction then crossed that wall for free. A vertex within ε of the
// plane counts (a wall standing 50 µm above the floor is crossed within ε of a floor
// reflection beside it, where the segment queries do not look; a review found it unlisted).
std::vector<VertexWalls> build_vertex_walls(const std::vector<EngineFace>& faces,
                                            const std::vector<uint8_t>& face_usable,
                                            double segment_epsilon_m);

}  // namespace rps
