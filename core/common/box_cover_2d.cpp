#include "core/common/box_cover_2d.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

namespace rps {
namespace {

using Polygon = std::vector<Point2>;
using Triangles = std::vector<std::array<Point2, 3>>;

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

// An upper bound of a convex polygon's width (its least extent across): a convex set of area A
// and diameter D is at most 2 A / D wide. 0 for fewer than three corners.
double width_bound(const Polygon& polygon) {
    if (polygon.size() < 3) return 0.0;
    double twice_area = 0, diameter = 0;
    const Point2& o = polygon[0];  // relative to a corner: no cancellation at large coordinates
    for (size_t i = 1; i + 1 < polygon.size(); ++i)
        twice_area += (polygon[i][0] - o[0]) * (polygon[i + 1][1] - o[1]) -
                      (polygon[i + 1][0] - o[0]) * (polygon[i][1] - o[1]);
    for (const Point2& p : polygon)
        for (const Point2& q : polygon)
            diameter = std::max(diameter, std::hypot(p[0] - q[0], p[1] - q[1]));
    return diameter > 0 ? std::abs(twice_area) / diameter : 0.0;
}

// Whether a convex polygon lies on the outer side (or on the line) of some edge of a triangle:
// then the triangle covers none of its interior and must not cut it into pieces.
bool apart(const Polygon& polygon, const std::array<Point2, 3>& t, bool ccw) {
    for (int e = 0; e < 3; ++e) {
        bool all_outside = true;
        for (const Point2& p : polygon) {
            const double s = side(t[e], t[(e + 1) % 3], p);
            if (ccw ? s > 0 : s < 0) {
                all_outside = false;
                break;
            }
        }
        if (all_outside) return true;
    }
    return false;
}

// The uncovered pieces of a box of positive area: each piece a triangle overlaps, minus it, as up
// to three convex pieces (outside the first edge; inside it, outside the second; inside both,
// outside the third).
BoxCover cover_area(const Point2& hi, const Triangles& triangles, double sliver_m,
                    std::size_t max_pieces) {
    std::vector<Polygon> open = {{{0, 0}, {hi[0], 0}, hi, {0, hi[1]}}};
    for (const auto& t : triangles) {
        const double orientation = side(t[0], t[1], t[2]);
        if (orientation == 0) continue;  // no area, covers nothing
        const bool ccw = orientation > 0;
        std::vector<Polygon> next;
        for (Polygon& piece : open) {
            if (apart(piece, t, ccw)) {
                next.push_back(std::move(piece));
                continue;
            }
            Polygon inside = std::move(piece);
            for (int e = 0; e < 3 && !inside.empty(); ++e) {
                const Point2& a = t[e];
                const Point2& b = t[(e + 1) % 3];
                Polygon outside = clip(inside, a, b, !ccw);
                if (width_bound(outside) >= sliver_m) next.push_back(std::move(outside));
                inside = clip(inside, a, b, ccw);
            }
        }
        open = std::move(next);
        if (open.empty()) return BoxCover::Covered;
        if (open.size() > max_pieces) return BoxCover::Undecided;
    }
    return BoxCover::NotCovered;
}

// A segment from the origin to `hi` (or a point): the parameter intervals the triangles cover,
// merged; gaps shorter than sliver_m are closed.
BoxCover cover_segment(const Point2& hi, const Triangles& triangles, double sliver_m) {
    const Point2 lo = {0, 0};
    const double length = std::hypot(hi[0], hi[1]);
    std::vector<std::array<double, 2>> covered;
    for (const auto& t : triangles) {
        const double orientation = side(t[0], t[1], t[2]);
        if (orientation == 0) continue;
        double t0 = 0, t1 = 1;  // the part of s * hi inside every edge
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
    if (covered.empty()) return BoxCover::NotCovered;
    std::sort(covered.begin(), covered.end());
    const double gap = length > 0 ? sliver_m / length : 0;
    double reached = 0;  // [0, reached] is covered
    for (const auto& [a, b] : covered) {
        if (a > reached + gap) return BoxCover::NotCovered;
        reached = std::max(reached, b);
    }
    return reached >= 1 - gap ? BoxCover::Covered : BoxCover::NotCovered;
}

}  // namespace

BoxCover box_covered_by_triangles(const Point2& lo, const Point2& hi, const Triangles& triangles,
                                  double sliver_m, std::size_t max_pieces) {
    const Point2 size = {hi[0] - lo[0], hi[1] - lo[1]};
    if (!(std::isfinite(size[0]) && std::isfinite(size[1])) || size[0] < 0 || size[1] < 0 ||
        std::max(size[0], size[1]) > kMaxCoverBox_m)
        return BoxCover::Undecided;
    // Relative to the box's corner (coordinates may be map-grid eastings of millions of metres),
    // and only the triangles whose boxes meet it.
    Triangles near;
    for (const auto& t : triangles) {
        std::array<Point2, 3> shifted;
        Point2 t_lo = {INFINITY, INFINITY}, t_hi = {-INFINITY, -INFINITY};
        for (int i = 0; i < 3; ++i) {
            shifted[i] = {t[i][0] - lo[0], t[i][1] - lo[1]};
            for (int k = 0; k < 2; ++k)
                t_lo[k] = std::min(t_lo[k], shifted[i][k]),
                t_hi[k] = std::max(t_hi[k], shifted[i][k]);
        }
        if (t_hi[0] >= 0 && t_hi[1] >= 0 && t_lo[0] <= size[0] && t_lo[1] <= size[1])
            near.push_back(shifted);
    }
    // In rows (by the lowest corner's y, then x), so that the uncovered part stays one front
    // instead of splitting around triangles met in scene order.
    const auto key = [](const std::array<Point2, 3>& t) {
        const Point2 low = std::min({t[0], t[1], t[2]}, [](const Point2& a, const Point2& b) {
            return std::tie(a[1], a[0]) < std::tie(b[1], b[0]);
        });
        return std::make_pair(low[1], low[0]);
    };
    std::stable_sort(near.begin(), near.end(),
                     [&](const auto& a, const auto& b) { return key(a) < key(b); });
    // A box thinner than a sliver is decided along its middle line (or at its centre).
    if (size[0] < sliver_m || size[1] < sliver_m) {
        const Point2 from = {size[0] < sliver_m ? 0.5 * size[0] : 0.0,
                             size[1] < sliver_m ? 0.5 * size[1] : 0.0};
        for (auto& t : near)
            for (Point2& p : t) p = {p[0] - from[0], p[1] - from[1]};
        return cover_segment(
            {size[0] < sliver_m ? 0.0 : size[0], size[1] < sliver_m ? 0.0 : size[1]}, near,
            sliver_m);
    }
    return cover_area(size, near, sliver_m, max_pieces);
}

}  // namespace rps
