#pragma once
// A planar face in the form the image-method hot loops want: its plane, its material, and its
// triangles projected to 2D (the plane's dominant axis dropped) for fast point-in-face tests.
#include <cmath>
#include <cstdint>
#include <vector>

#include "core/common/geometry.hpp"
#include "core/scene/planar_faces.hpp"

namespace rps {

struct EngineFace {
    Vec3 normal = Vec3::UnitZ();
    double offset_m = 0.0;
    int material = -1;  // scene material index; -1 for the dynamic plate
    int drop_axis = 2;  // coordinate dropped for the 2D tests (largest |normal| component)
    bool is_plate = false;
    std::vector<double> tri2d;    // 6 numbers per triangle: (a, b, c) in the 2D projection
    std::vector<double> tri_box;  // 4 numbers per triangle: 2D bounds (min x, max x, min y, max y)
    // 3 numbers per triangle: kEdgeSlack_m times the length of edge i (from vertex i to i + 1) in
    // the 2D projection, the band of the edge function within which a point is on that edge.
    std::vector<double> tri_edge_slack;
    static constexpr double kEdgeSlack_m = 1e-9;
    std::vector<Vec3> tri3d;      // 3 vertices per triangle, world frame
    double min2d[2] = {0, 0}, max2d[2] = {0, 0};
    // A convex outline of the face, counter-clockwise in the 2D projection: its convex hull, or
    // its bounding rectangle when the hull has more than 16 vertices (beam windows stay small).
    std::vector<Vec3> hull;
    Aabb bounds;

    double signed_distance(const Vec3& p) const { return normal.dot(p) - offset_m; }
    Vec3 mirror(const Vec3& p) const { return p - 2.0 * signed_distance(p) * normal; }
    size_t triangle_count() const { return tri3d.size() / 3; }
    // The point of the plane whose 2D projection is (u, v).
    Vec3 lift(double u, double v) const {
        Vec3 p;
        p[axis0()] = u;
        p[axis1()] = v;
        p[drop_axis] = (offset_m - normal[axis0()] * u - normal[axis1()] * v) / normal[drop_axis];
        return p;
    }
    int axis0() const { return drop_axis == 0 ? 1 : 0; }
    int axis1() const { return drop_axis == 2 ? 1 : 2; }

    // Whether p (assumed on the plane) lies on the face. A point exactly on a triangle's edge
    // (within 1e-9 m in the projection) is decided as a point moved an infinitesimal step along
    // `tie_break` (a direction in the plane; symbolic perturbation): two coplanar faces or
    // triangles sharing an edge then never both own a point of it, and the decision is the limit
    // of nearby points.
    // With edges simply counting inside, a ray through the line where a partition meets a wall
    // crossed both, a reflection on the seam between a wall and its window was counted on each,
    // and an AP on a grid line could read 1 dB of P5 below its neighbours 0.1 mm away.
    bool contains(const Vec3& p) const {
        return contains_with(p, [&] { return in_plane_tie_break; });
    }
    // The same for the point where a ray along k meets the plane: decided as for that ray moved
    // an infinitesimal step along the fixed direction kTieBreak, so every face the ray meets at
    // one point (a T-junction, a seam) is decided as for one and the same nearby ray.
    bool contains_along(const Vec3& p, const Vec3& k) const {
        return contains_with(p, [&] { return ray_tie_break(k); });
    }
    // With an explicit tie-break direction (in the plane).
    bool contains(const Vec3& p, const Vec3& tie_break) const {
        return contains_with(p, [&] { return tie_break; });
    }
    // The test itself; tie_break() is evaluated only for a point on an edge.
    template <class TieBreak>
    bool contains_with(const Vec3& p, TieBreak&& tie_break_of) const {
        const int a0 = drop_axis == 0 ? 1 : 0;
        const int a1 = drop_axis == 2 ? 1 : 2;
        const double x = p[a0], y = p[a1];
        if (x < min2d[0] - kEdgeSlack_m || x > max2d[0] + kEdgeSlack_m ||
            y < min2d[1] - kEdgeSlack_m || y > max2d[1] + kEdgeSlack_m)
            return false;
        // Faces made of several wall pieces along one plane: most triangles fail their box.
        constexpr double kBoxSlack = 1e-7;
        for (size_t t = 0, b = 0, m = 0; t < tri2d.size(); t += 6, b += 4, m += 3) {
            const double* box = &tri_box[b];
            if (x < box[0] - kBoxSlack || x > box[1] + kBoxSlack || y < box[2] - kBoxSlack ||
                y > box[3] + kBoxSlack)
                continue;
            const double* v = &tri2d[t];
            // Edge functions are the edge's length times the distance from it: the slack scales
            // with the length, so that the triangles meeting along one line (a T-junction's long
            // and short edges) agree on which points lie on it; a fixed slack made a band beside
            // the line inside one and on the edge of the other, where two pieces of a face both
            // claimed the point.
            const double* slack = &tri_edge_slack[m];
            const double e0 = (v[2] - v[0]) * (y - v[1]) - (v[3] - v[1]) * (x - v[0]);
            const double e1 = (v[4] - v[2]) * (y - v[3]) - (v[5] - v[3]) * (x - v[2]);
            const double e2 = (v[0] - v[4]) * (y - v[5]) - (v[1] - v[5]) * (x - v[4]);
            const bool has_neg = e0 < -slack[0] || e1 < -slack[1] || e2 < -slack[2];
            const bool has_pos = e0 > slack[0] || e1 > slack[1] || e2 > slack[2];
            if (has_neg && has_pos) continue;  // outside this triangle
            const bool on_edge = !(has_neg ? (e0 < -slack[0] && e1 < -slack[1] && e2 < -slack[2])
                                           : (e0 > slack[0] && e1 > slack[1] && e2 > slack[2]));
            if (!on_edge) [[likely]]
                return true;  // strictly inside
            if (on_edge_inside(v, slack, e0, e1, e2, tie_break_of())) return true;
        }
        return false;
    }
    // For a point on an edge of the triangle v (edge functions e0..e2, their slacks): whether the
    // point moved an infinitesimal step along tie_break lies inside. Each edge function's change
    // along that direction gives the side (0 only for an edge parallel to it: then inclusive).
    [[gnu::noinline]] bool on_edge_inside(const double* v, const double* slack, double e0,
                                          double e1, double e2, const Vec3& tie_break) const {
        const double dx = tie_break[axis0()], dy = tie_break[axis1()];
        double e[3] = {e0, e1, e2};
        double band[3] = {slack[0], slack[1], slack[2]};
        for (int i = 0; i < 3; ++i) {
            if (std::abs(e[i]) > slack[i]) continue;
            const double* a = v + 2 * i;
            const double* c = v + 2 * ((i + 1) % 3);
            const double slope = (c[0] - a[0]) * dy - (c[1] - a[1]) * dx;
            e[i] = slope > 0 ? 1.0 : slope < 0 ? -1.0 : 0.0;
            band[i] = 0.0;
        }
        const bool neg = e[0] < -band[0] || e[1] < -band[1] || e[2] < -band[2];
        const bool pos = e[0] > band[0] || e[1] > band[1] || e[2] > band[2];
        return !(neg && pos);
    }
    // A fixed direction with no special relation to building geometry, for the tie-breaks above:
    // (1, golden ratio, e) normalised, components in irrational ratios. Plans drawn on whole and
    // half metres make rational slopes common: the former (1, 2, 3)/√14 ran along a path of slope
    // 2 in the office (AP (32.5, 9.5)), moving none of its points off a wall's end, so the
    // rounding of the coordinates decided it (6 dB in five cells).
    static Vec3 tie_break_direction() {
        return Vec3(0.30141422144104246, 0.48769845498419401, 0.81932880098231642);
    }
    // Where a ray along k meets the plane moves by G - (G·n)/(k·n)·k when the ray moves by G.
    Vec3 ray_tie_break(const Vec3& k) const {
        const Vec3 g = tie_break_direction();
        const double kn = k.dot(normal);
        if (std::abs(kn) < 1e-300) return in_plane_tie_break;
        return g - (g.dot(normal) / kn) * k;
    }
    Vec3 in_plane_tie_break = Vec3::Zero();  // G projected onto the plane (make_engine_face)
};

// Whether b lies on a's plane (either orientation, to the planar grouping's 1e-4 m): a ray that
// reflects on a leaves that plane, so b cannot be its next reflection. (Two faces of different
// materials laid on one plane, a window drawn over a metal wall, made "reflections" on both at
// one point, whose path ran on straight through the wall.)
bool on_same_plane(const EngineFace& a, const EngineFace& b);

// Distance (m) from p to the nearest point of the face's triangles (0 on the face).
double distance_to_face(const EngineFace& face, const Vec3& p);

// Builds the engine face from a planar face of the scene.
EngineFace make_engine_face(const PlanarFace& face, const Scene& scene);
// Builds an engine face from explicit triangles (the plate: a rectangle as two triangles).
EngineFace make_engine_face(const Vec3& normal, const std::vector<Vec3>& triangle_vertices,
                            int material, bool is_plate);

}  // namespace rps
