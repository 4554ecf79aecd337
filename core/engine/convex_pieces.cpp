#include "core/engine/convex_pieces.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "core/common/convex_hull_2d.hpp"
#include "core/common/triangle_overlap_2d.hpp"

namespace rps {
namespace {

double cross(const Point2& o, const Point2& a, const Point2& b) {
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

// Area of the convex hull of the points (shoelace formula over the hull's fan).
double hull_area(const std::vector<Point2>& points) {
    const std::vector<Point2> hull = convex_hull_2d(
        points, [](const Point2& p) { return p[0]; }, [](const Point2& p) { return p[1]; },
        std::numeric_limits<double>::denorm_min(), 0.0);  // exact duplicates count once
    double twice_area = 0.0;
    for (size_t i = 1; i + 1 < hull.size(); ++i) twice_area += cross(hull[0], hull[i], hull[i + 1]);
    return 0.5 * twice_area;
}

struct Piece {
    std::vector<uint32_t> triangles;
    std::vector<Point2> points;
    double area = 0.0;
};

// For triangles that do not overlap (checked first), a union is convex exactly when its hull
// adds no area (to rounding, relative to the union's size).
bool convex_union(const std::vector<Point2>& points, double area) {
    return hull_area(points) <= area * (1.0 + 1e-9) + 1e-12;
}

// Whether any two of the triangles overlap. The loader does not forbid it (two `cube` walls
// overlapping at a corner put two copies of the corner square into one face's top), and the
// face's point test counts such a point once only while it tests all the triangles together.
bool any_overlap(const std::vector<std::array<Point2, 3>>& triangles) {
    for (size_t i = 0; i < triangles.size(); ++i)
        for (size_t j = i + 1; j < triangles.size(); ++j)
            if (triangle_interiors_overlap(triangles[i].data(), triangles[j].data(), 1e-9))
                return true;
    return false;
}

}  // namespace

std::vector<std::vector<uint32_t>> convex_pieces(const PlanarFace& face, const Scene& scene) {
    int drop = 0;
    face.normal.cwiseAbs().maxCoeff(&drop);
    const int a0 = drop == 0 ? 1 : 0, a1 = drop == 2 ? 1 : 2;
    std::vector<uint32_t> all = face.triangles;
    std::sort(all.begin(), all.end());
    if (face.triangles.size() <= 1 || face.triangles.size() > kMaxSplitTriangles) return {all};
    std::vector<Piece> pieces;
    std::vector<std::array<Point2, 3>> triangles;
    Piece whole;
    for (const uint32_t t : face.triangles) {
        Piece piece{{t}, {}, 0.0};
        for (const uint32_t v : scene.triangles[t])
            piece.points.push_back({scene.vertices[v][a0], scene.vertices[v][a1]});
        piece.area = 0.5 * std::abs(cross(piece.points[0], piece.points[1], piece.points[2]));
        whole.points.insert(whole.points.end(), piece.points.begin(), piece.points.end());
        whole.area += piece.area;
        triangles.push_back({piece.points[0], piece.points[1], piece.points[2]});
        pieces.push_back(std::move(piece));
    }
    if (convex_union(whole.points, whole.area) || any_overlap(triangles)) return {all};
    // Greedy: merge any two pieces whose union is convex (they need not share an edge) until no
    // pair is left.
    for (bool merged = true; merged;) {
        merged = false;
        for (size_t i = 0; i < pieces.size(); ++i)
            for (size_t j = i + 1; j < pieces.size();) {
                std::vector<Point2> points = pieces[i].points;
                points.insert(points.end(), pieces[j].points.begin(), pieces[j].points.end());
                const double area = pieces[i].area + pieces[j].area;
                if (!convex_union(points, area)) {
                    ++j;
                    continue;
                }
                pieces[i].points = std::move(points);
                pieces[i].area = area;
                pieces[i].triangles.insert(pieces[i].triangles.end(), pieces[j].triangles.begin(),
                                           pieces[j].triangles.end());
                pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(j));
                merged = true;
            }
    }
    std::vector<std::vector<uint32_t>> result;
    for (Piece& piece : pieces) {
        std::sort(piece.triangles.begin(), piece.triangles.end());
        result.push_back(std::move(piece.triangles));
    }
    std::sort(result.begin(), result.end());
    return result;
}

}  // namespace rps
