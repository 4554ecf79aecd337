#include "core/engine/engine_face.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/common/convex_hull_2d.hpp"

namespace rps {
namespace {

// The outline of the face's vertices in its 2D projection, counter-clockwise.
std::vector<Vec3> convex_hull(const EngineFace& face) {
    const int a0 = face.axis0(), a1 = face.axis1();
    return convex_hull_2d(
        face.tri3d, [a0](const Vec3& p) { return p[a0]; }, [a1](const Vec3& p) { return p[a1]; },
        1e-12, 1e-12);
}

// Closest point to p on triangle abc (Ericson, Real-Time Collision Detection, §5.1.5).
Vec3 closest_point_on_triangle(const Vec3& p, const Vec3& a, const Vec3& b, const Vec3& c) {
    const Vec3 ab = b - a, ac = c - a, ap = p - a;
    const double d1 = ab.dot(ap), d2 = ac.dot(ap);
    if (d1 <= 0 && d2 <= 0) return a;
    const Vec3 bp = p - b;
    const double d3 = ab.dot(bp), d4 = ac.dot(bp);
    if (d3 >= 0 && d4 <= d3) return b;
    const double vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) return a + (d1 / (d1 - d3)) * ab;
    const Vec3 cp = p - c;
    const double d5 = ab.dot(cp), d6 = ac.dot(cp);
    if (d6 >= 0 && d5 <= d6) return c;
    const double vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) return a + (d2 / (d2 - d6)) * ac;
    const double va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0)
        return b + ((d4 - d3) / ((d4 - d3) + (d5 - d6))) * (c - b);
    const double denom = 1.0 / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

// Beam windows hold at most BeamWindow::kMaxVertices vertices (beam_window.hpp); a face whose
// hull has more (a disk is a 64-gon) is outlined by its bounding rectangle in its projection,
// lifted onto its plane: a larger convex outline only lets more receivers reach the exact test,
// while a truncated one silently lost reflections.
constexpr size_t kMaxHullVertices = 16;

void bound_hull(EngineFace& face) {
    if (face.hull.size() <= kMaxHullVertices) return;
    const int a0 = face.axis0(), a1 = face.axis1();
    double lo[2] = {std::numeric_limits<double>::infinity(),
                    std::numeric_limits<double>::infinity()};
    double hi[2] = {-lo[0], -lo[1]};
    for (const Vec3& v : face.hull) {
        lo[0] = std::min(lo[0], v[a0]), hi[0] = std::max(hi[0], v[a0]);
        lo[1] = std::min(lo[1], v[a1]), hi[1] = std::max(hi[1], v[a1]);
    }
    face.hull = {face.lift(lo[0], lo[1]), face.lift(hi[0], lo[1]), face.lift(hi[0], hi[1]),
                 face.lift(lo[0], hi[1])};
}

}  // namespace

bool on_same_plane(const EngineFace& a, const EngineFace& b) {
    constexpr double kCosParallel = 1.0 - 5e-9;  // within 1e-4 rad, the grouping's tolerance
    constexpr double kOffset_m = 1e-4;
    if (!(std::abs(a.normal.dot(b.normal)) >= kCosParallel)) return false;
    for (const Vec3& vertex : b.tri3d)
        if (!(std::abs(a.signed_distance(vertex)) <= kOffset_m)) return false;
    return !b.tri3d.empty();
}

double distance_to_face(const EngineFace& face, const Vec3& p) {
    double best = std::numeric_limits<double>::infinity();
    for (size_t t = 0; t + 2 < face.tri3d.size(); t += 3)
        best = std::min(best, (p - closest_point_on_triangle(p, face.tri3d[t], face.tri3d[t + 1],
                                                             face.tri3d[t + 2]))
                                  .norm());
    return best;
}

EngineFace make_engine_face(const Vec3& normal, const std::vector<Vec3>& triangle_vertices,
                            int material, bool is_plate) {
    EngineFace face;
    face.normal = normal.normalized();
    face.material = material;
    face.is_plate = is_plate;
    face.tri3d = triangle_vertices;
    double offset_sum = 0.0;
    for (const Vec3& v : triangle_vertices) {
        offset_sum += face.normal.dot(v);
        face.bounds.extend(v);
    }
    face.offset_m = triangle_vertices.empty() ? 0.0 : offset_sum / triangle_vertices.size();
    const Vec3 magnitude = face.normal.cwiseAbs();
    magnitude.maxCoeff(&face.drop_axis);
    const int a0 = face.drop_axis == 0 ? 1 : 0;
    const int a1 = face.drop_axis == 2 ? 1 : 2;
    face.min2d[0] = face.min2d[1] = std::numeric_limits<double>::infinity();
    face.max2d[0] = face.max2d[1] = -std::numeric_limits<double>::infinity();
    for (const Vec3& v : triangle_vertices) {
        face.tri2d.push_back(v[a0]);
        face.tri2d.push_back(v[a1]);
        face.min2d[0] = std::min(face.min2d[0], v[a0]);
        face.min2d[1] = std::min(face.min2d[1], v[a1]);
        face.max2d[0] = std::max(face.max2d[0], v[a0]);
        face.max2d[1] = std::max(face.max2d[1], v[a1]);
    }
    for (size_t t = 0; t < face.tri2d.size(); t += 6) {
        const double* v = &face.tri2d[t];
        face.tri_box.insert(face.tri_box.end(),
                            {std::min({v[0], v[2], v[4]}), std::max({v[0], v[2], v[4]}),
                             std::min({v[1], v[3], v[5]}), std::max({v[1], v[3], v[5]})});
        for (int i = 0; i < 3; ++i) {
            const int j = (i + 1) % 3;
            face.tri_edge_slack.push_back(
                EngineFace::kEdgeSlack_m *
                std::hypot(v[2 * j] - v[2 * i], v[2 * j + 1] - v[2 * i + 1]));
        }
    }
    face.hull = convex_hull(face);
    bound_hull(face);
    const Vec3 g = EngineFace::tie_break_direction();
    face.in_plane_tie_break = g - g.dot(face.normal) * face.normal;
    return face;
}

EngineFace make_engine_face(const PlanarFace& face, const Scene& scene) {
    std::vector<Vec3> vertices;
    vertices.reserve(face.triangles.size() * 3);
    for (uint32_t t : face.triangles)
        for (uint32_t v : scene.triangles[t]) vertices.push_back(scene.vertices[v]);
    EngineFace result =
        make_engine_face(face.normal, vertices, static_cast<int>(face.material_index), false);
    result.offset_m = face.offset_m;
    result.hull = convex_hull(result);  // on the final plane
    bound_hull(result);
    return result;
}

}  // namespace rps
