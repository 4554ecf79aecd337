#pragma once
// A planar face in the form the image-method hot loops want: its plane, its material, and its
// triangles projected to 2D (the plane's dominant axis dropped) for fast point-in-face tests.
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

    // True when p (assumed on the plane) lies inside one of the face's triangles (edges count).
    bool contains(const Vec3& p) const {
        const int a0 = drop_axis == 0 ? 1 : 0;
        const int a1 = drop_axis == 2 ? 1 : 2;
        const double x = p[a0], y = p[a1];
        constexpr double kEdgeSlack = 1e-9;
        if (x < min2d[0] - kEdgeSlack || x > max2d[0] + kEdgeSlack || y < min2d[1] - kEdgeSlack ||
            y > max2d[1] + kEdgeSlack)
            return false;
        // Faces made of several wall pieces along one plane: most triangles fail their box.
        constexpr double kBoxSlack = 1e-7;
        for (size_t t = 0, b = 0; t < tri2d.size(); t += 6, b += 4) {
            const double* box = &tri_box[b];
            if (x < box[0] - kBoxSlack || x > box[1] + kBoxSlack || y < box[2] - kBoxSlack ||
                y > box[3] + kBoxSlack)
                continue;
            const double* v = &tri2d[t];
            const double e0 = (v[2] - v[0]) * (y - v[1]) - (v[3] - v[1]) * (x - v[0]);
            const double e1 = (v[4] - v[2]) * (y - v[3]) - (v[5] - v[3]) * (x - v[2]);
            const double e2 = (v[0] - v[4]) * (y - v[5]) - (v[1] - v[5]) * (x - v[4]);
            const bool has_neg = e0 < -kEdgeSlack || e1 < -kEdgeSlack || e2 < -kEdgeSlack;
            const bool has_pos = e0 > kEdgeSlack || e1 > kEdgeSlack || e2 > kEdgeSlack;
            if (!(has_neg && has_pos)) return true;
        }
        return false;
    }
};

// Distance (m) from p to the nearest point of the face's triangles (0 on the face).
double distance_to_face(const EngineFace& face, const Vec3& p);

// Builds the engine face from a planar face of the scene.
EngineFace make_engine_face(const PlanarFace& face, const Scene& scene);
// Builds an engine face from explicit triangles (the plate: a rectangle as two triangles).
EngineFace make_engine_face(const Vec3& normal, const std::vector<Vec3>& triangle_vertices,
                            int material, bool is_plate);

}  // namespace rps
