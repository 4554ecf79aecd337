#pragma once
// The convex hull of points in a plane by Andrew's monotone chain (de Berg et al., Computational
// Geometry, §1.1): sort by (x, y), then build the lower and upper chains, dropping every turn
// that is not strictly counter-clockwise. Used for face outlines (engine_face.cpp) and for the
// convexity test of face pieces (convex_pieces.cpp).
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace rps {

// The hull of `points` (any type; x(p) and y(p) give its 2-D coordinates), counter-clockwise,
// without repeating the first point. Sorted neighbours closer than `same_point` in both
// coordinates count once; turns whose cross product is at most `collinear` are dropped. Fewer
// than three distinct points come back as they are (sorted).
template <class Point, class X, class Y>
std::vector<Point> convex_hull_2d(std::vector<Point> points, X&& x, Y&& y, double same_point,
                                  double collinear) {
    std::sort(points.begin(), points.end(), [&](const Point& p, const Point& q) {
        return x(p) < x(q) || (x(p) == x(q) && y(p) < y(q));
    });
    points.erase(std::unique(points.begin(), points.end(),
                             [&](const Point& p, const Point& q) {
                                 return std::abs(x(p) - x(q)) < same_point &&
                                        std::abs(y(p) - y(q)) < same_point;
                             }),
                 points.end());
    if (points.size() < 3) return points;
    const auto cross = [&](const Point& o, const Point& a, const Point& b) {
        return (x(a) - x(o)) * (y(b) - y(o)) - (y(a) - y(o)) * (x(b) - x(o));
    };
    std::vector<Point> hull(2 * points.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], points[i]) <= collinear) --k;
        hull[k++] = points[i];
    }
    for (std::size_t i = points.size() - 1, t = k + 1; i > 0; --i) {
        while (k >= t && cross(hull[k - 2], hull[k - 1], points[i - 1]) <= collinear) --k;
        hull[k++] = points[i - 1];
    }
    hull.resize(k - 1);
    return hull;
}

}  // namespace rps
