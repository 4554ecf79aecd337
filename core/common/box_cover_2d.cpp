#include "core/common/box_cover_2d.hpp"

#include <algorithm>
#include <cmath>

namespace rps {
namespace {

constexpr double kSliver = 1e-9;  // m² for areas, m for lengths

using Polygon = std::vector<Point2>;

// > 0 when p lies left of the directed line a -> b.
double side(const Point2& a, const Point2& b, const Point2& p) {
    return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
}

// The part of a convex polygon on the side of the line a -> b where keep_left says.
Polygon clip(const Polygon& polygon, const Point2& a, const Point2& b, bool keep_left) {
    Polygon out;
    const size_t n = polygon.size();
    for (size_t i = 0; i < n; ++i) {
        const Point2& p = polygon[i];
        const Point2& q = polygon[(i + 1) % n];
        const double sp = keep_left ? side(a, b, p) : -side(a, b, p);
        const double sq = keep_left ? side(a, b, q) : -side(a, b, q);
        if (sp >= 0) out.push_back(p);
        if ((sp > 0 && sq < 0) || (sp < 0 && sq > 0)) {
            const double t = sp / (sp - sq);
            out.push_back({p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])});
        }
    }
    return out;
}

double area(const Polygon& polygon) {
    double twice = 0;
    for (size_t i = 0; i < polygon.size(); ++i) {
        const Point2& p = polygon[i];
        const Point2& q = polygon[(i + 1) % polygon.size()];
        twice += p[0] * q[1] - q[0] * p[1];
    }
    return 0.5 * std::abs(twice);
}

// The uncovered pieces of a box of positive area: each piece minus each triangle, as up to three
// convex pieces (outside the first edge; inside it, outside the second; inside both, outside the
// third).
BoxCover cover_area(const Point2& lo, const Point2& hi,
                    const std::vector<std::array<Point2, 3>>& triangles, std::size_t max_pieces) {
    std::vector<Polygon> open = {{lo, {hi[0], lo[1]}, hi, {lo[0], hi[1]}}};
    for (const auto& t : triangles) {
        const bool ccw = side(t[0], t[1], t[2]) > 0;
        if (side(t[0], t[1], t[2]) == 0) continue;  // no area, covers nothing
        std::vector<Polygon> next;
        for (const Polygon& piece : open) {
            Polygon inside = piece;
            for (int e = 0; e < 3 && !inside.empty(); ++e) {
                const Point2& a = t[e];
                const Point2& b = t[(e + 1) % 3];
                Polygon outside = clip(inside, a, b, !ccw);
                if (area(outside) > kSliver) next.push_back(std::move(outside));
                inside = clip(inside, a, b, ccw);
            }
        }
        open = std::move(next);
        if (open.empty()) return BoxCover::Covered;
        if (open.size() > max_pieces) return BoxCover::Undecided;
    }
    return open.empty() ? BoxCover::Covered : BoxCover::NotCovered;
}

// A flat box (a segment, or a point): the parameter intervals the triangles cover, merged.
BoxCover cover_segment(const Point2& lo, const Point2& hi,
                       const std::vector<std::array<Point2, 3>>& triangles) {
    const double length = std::hypot(hi[0] - lo[0], hi[1] - lo[1]);
    std::vector<std::array<double, 2>> covered;
    for (const auto& t : triangles) {
        const double orientation = side(t[0], t[1], t[2]);
        if (orientation == 0) continue;
        double t0 = 0, t1 = 1;  // the part of lo + s (hi - lo) inside every edge
        for (int e = 0; e < 3 && t0 <= t1; ++e) {
            const double s_lo = side(t[e], t[(e + 1) % 3], lo) * orientation;
            const double s_hi = side(t[e], t[(e + 1) % 3], hi) * orientation;
            if (s_lo < 0 && s_hi < 0)
                t0 = 2, t1 = -1;
            else if (s_lo < 0)
                t0 = std::max(t0, s_lo / (s_lo - s_hi));
            else if (s_hi < 0)
                t1 = std::min(t1, s_lo / (s_lo - s_hi));
        }
        if (t0 <= t1) covered.push_back({t0, t1});
    }
    std::sort(covered.begin(), covered.end());
    double reached = 0;  // [0, reached] is covered
    const double gap = length > 0 ? kSliver / length : 0;
    for (const auto& [a, b] : covered) {
        if (a > reached + gap) return BoxCover::NotCovered;
        reached = std::max(reached, b);
    }
    return reached >= 1 - gap && !covered.empty() ? BoxCover::Covered : BoxCover::NotCovered;
}

}  // namespace

BoxCover box_covered_by_triangles(const Point2& lo, const Point2& hi,
                                  const std::vector<std::array<Point2, 3>>& triangles,
                                  std::size_t max_pieces) {
    if (hi[0] > lo[0] && hi[1] > lo[1]) return cover_area(lo, hi, triangles, max_pieces);
    return cover_segment(lo, hi, triangles);
}

}  // namespace rps
