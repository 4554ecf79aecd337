#include "core/scene/overlapping_faces.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "core/common/triangle_overlap_2d.hpp"
#include "core/scene/planar_faces.hpp"

namespace rps {
namespace {

constexpr double kPlaneOffset_m = 1e-4;      // the planar grouping's distance tolerance
constexpr double kCosParallel = 1.0 - 5e-9;  // and its angle tolerance, 1e-4 rad
constexpr double kOverlapDepth_m = 1e-6;     // less than this deep is touching, not overlap

using Triangle2d = std::array<Point2, 3>;

Triangle2d project(const Scene& scene, uint32_t triangle, int drop_axis) {
    const int a0 = drop_axis == 0 ? 1 : 0, a1 = drop_axis == 2 ? 1 : 2;
    Triangle2d t;
    for (int i = 0; i < 3; ++i) {
        const Vec3& v = scene.vertices[scene.triangles[triangle][i]];
        t[i] = {v[a0], v[a1]};
    }
    return t;
}

// The first pair of triangles of faces f and g (on one plane) that overlap, as shape indices.
// Triangles of closed solids are passed over: a solid resting on a face (a building's base on
// the ground, a cabinet on the floor) is how scenes are drawn: it is crossed, never reflected
// on, from the side of the other face. (Deciding that after the first overlapping pair let a
// solid on the same two faces hide an overlap of two open shapes.)
std::optional<std::pair<uint32_t, uint32_t>> overlapping_shapes(const Scene& scene,
                                                                const PlanarFace& f,
                                                                const PlanarFace& g) {
    int drop_axis = 0;
    f.normal.cwiseAbs().maxCoeff(&drop_axis);
    // g's triangles projected once, with their boxes: most pairs of a large plane (a floor of
    // many triangles under a few walls' feet) are apart by their boxes alone.
    struct Projected {
        Triangle2d corners;
        Point2 lo, hi;
    };
    const auto projected = [&](uint32_t triangle) {
        Projected p{
            project(scene, triangle, drop_axis), {INFINITY, INFINITY}, {-INFINITY, -INFINITY}};
        for (const Point2& c : p.corners)
            for (int i = 0; i < 2; ++i)
                p.lo[i] = std::min(p.lo[i], c[i]), p.hi[i] = std::max(p.hi[i], c[i]);
        return p;
    };
    std::vector<Projected> others;
    others.reserve(g.triangles.size());
    std::vector<uint32_t> other_triangles;
    const auto open = [&](uint32_t t) { return !scene.shapes[scene.triangle_shape[t]].closed; };
    for (const uint32_t t : g.triangles)
        if (open(t)) others.push_back(projected(t)), other_triangles.push_back(t);
    if (others.empty()) return std::nullopt;
    for (const uint32_t s : f.triangles) {
        if (!open(s)) continue;
        const Projected a = projected(s);
        for (size_t k = 0; k < others.size(); ++k) {
            const Projected& b = others[k];
            if (a.hi[0] <= b.lo[0] + kOverlapDepth_m || b.hi[0] <= a.lo[0] + kOverlapDepth_m ||
                a.hi[1] <= b.lo[1] + kOverlapDepth_m || b.hi[1] <= a.lo[1] + kOverlapDepth_m)
                continue;
            if (triangle_interiors_overlap(a.corners.data(), b.corners.data(), kOverlapDepth_m))
                return std::pair{scene.triangle_shape[s], scene.triangle_shape[other_triangles[k]]};
        }
    }
    return std::nullopt;
}

bool boxes_meet(const Aabb& a, const Aabb& b) {
    return (a.lower.array() <= b.upper.array() + kPlaneOffset_m).all() &&
           (b.lower.array() <= a.upper.array() + kPlaneOffset_m).all();
}

}  // namespace

std::vector<std::string> overlapping_face_warnings(const Scene& scene,
                                                   const PlanarFaceGrouping& grouping) {
    const std::vector<PlanarFace>& faces = grouping.faces;
    // Faces by plane offset: the candidates for a plane lie within the tolerance after it.
    std::vector<size_t> order;
    for (size_t f = 0; f < faces.size(); ++f)
        if (faces[f].normal.squaredNorm() > 0.5) order.push_back(f);
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return faces[a].offset_m < faces[b].offset_m; });
    std::set<std::pair<uint32_t, uint32_t>> reported;
    std::vector<std::string> warnings;
    size_t more = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        const PlanarFace& f = faces[order[i]];
        for (size_t j = i + 1;
             j < order.size() && faces[order[j]].offset_m - f.offset_m <= kPlaneOffset_m; ++j) {
            const PlanarFace& g = faces[order[j]];
            if (g.material_index == f.material_index || !(f.normal.dot(g.normal) >= kCosParallel) ||
                !boxes_meet(f.bounds, g.bounds))
                continue;
            const auto shapes = overlapping_shapes(scene, f, g);
            if (!shapes || !reported.insert(std::minmax(shapes->first, shapes->second)).second)
                continue;
            if (warnings.size() == kMaxOverlapWarnings) {
                ++more;
                continue;
            }
            const SceneShape& a = scene.shapes[shapes->first];
            const SceneShape& b = scene.shapes[shapes->second];
            warnings.push_back(fmt::format(
                "shapes '{}' ({}, '{}') and '{}' ({}, '{}') overlap on one plane: a path "
                "reflects on each of them there and crosses both; cut the one out of the other "
                "(a window into a hole in its wall)",
                a.id, a.location(), scene.materials[a.material_index].id, b.id, b.location(),
                scene.materials[b.material_index].id));
        }
    }
    if (more > 0)
        warnings.push_back(fmt::format("{} more pairs of shapes overlap on one plane", more));
    return warnings;
}

}  // namespace rps
