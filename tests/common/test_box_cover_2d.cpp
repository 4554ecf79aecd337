// box_covered_by_triangles against cases whose answer is plain geometry: a square split along
// its diagonal, one half of it, overlapping halves, a gap 1 mm wide, a fan of thin triangles,
// flat boxes (segments and points) on the shared edge and beyond it, and the cases a review
// found called covered: a 5 cm hole at map-grid coordinates (5.4e6 m), a box of 1e-5 m with
// nothing under it, a 2 mm hole among fans of triangles.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <tuple>

#include "core/common/box_cover_2d.hpp"

namespace rps {
namespace {

using Triangles = std::vector<std::array<Point2, 3>>;

constexpr double kSliver_m = 1e-9;

BoxCover cover(const Point2& lo, const Point2& hi, const Triangles& triangles,
               std::size_t max_pieces = 20000) {
    return box_covered_by_triangles(lo, hi, triangles, kSliver_m, max_pieces);
}

// A square of half side `outer` around c with a square hole of half side `hole`: four trapezoids.
Triangles square_with_hole(const Point2& c, double outer, double hole) {
    Triangles t;
    const auto at = [&](double x, double y) { return Point2{c[0] + x, c[1] + y}; };
    for (int k = 0; k < 4; ++k) {  // rotate (x, y) -> (-y, x) k times
        const auto rot = [&](double x, double y) {
            for (int i = 0; i < k; ++i) std::tie(x, y) = std::make_tuple(-y, x);
            return at(x, y);
        };
        t.push_back({rot(-outer, -outer), rot(outer, -outer), rot(hole, -hole)});
        t.push_back({rot(-outer, -outer), rot(hole, -hole), rot(-hole, -hole)});
    }
    return t;
}

const Triangles kSquare = {{{{0, 0}, {1, 0}, {1, 1}}}, {{{1, 1}, {0, 1}, {0, 0}}}};

TEST(BoxCover2d, SquareSplitAlongItsDiagonal) {
    EXPECT_EQ(cover({0, 0}, {1, 1}, kSquare), BoxCover::Covered);
    EXPECT_EQ(cover({0.2, 0.3}, {0.9, 0.5}, kSquare), BoxCover::Covered);
    EXPECT_EQ(cover({0, 0}, {1.001, 1}, kSquare), BoxCover::NotCovered);
    EXPECT_EQ(cover({0, 0}, {1, 1}, {kSquare[0]}), BoxCover::NotCovered);
    EXPECT_EQ(cover({0.6, 0.1}, {0.9, 0.4}, {kSquare[1]}), BoxCover::NotCovered);
}

TEST(BoxCover2d, OverlapsCountOnceAndGapsShow) {
    Triangles overlapping = kSquare;
    overlapping.push_back({{{-1, -1}, {2, -1}, {0.5, 0.6}}});  // over both halves
    EXPECT_EQ(cover({0, 0}, {1, 1}, overlapping), BoxCover::Covered);
    // Two halves 1 mm apart: the strip between them is open.
    const Triangles apart = {{{{0, 0}, {1, 0}, {1, 1}}}, {{{0.999, 1}, {-0.001, 1}, {-0.001, 0}}}};
    EXPECT_EQ(cover({0, 0}, {1, 1}, apart), BoxCover::NotCovered);
}

// A disk of radius 2 as a fan of 720 thin triangles covers the unit square around its centre.
TEST(BoxCover2d, FanOfThinTriangles) {
    Triangles fan;
    for (int i = 0; i < 720; ++i) {
        const double a = 2 * std::numbers::pi * i / 720, b = 2 * std::numbers::pi * (i + 1) / 720;
        fan.push_back(
            {{{0, 0}, {2 * std::cos(a), 2 * std::sin(a)}, {2 * std::cos(b), 2 * std::sin(b)}}});
    }
    EXPECT_EQ(cover({-0.5, -0.5}, {0.5, 0.5}, fan), BoxCover::Covered);
    EXPECT_EQ(cover({-0.5, -0.5}, {1.5, 1.5}, fan), BoxCover::NotCovered);
    EXPECT_EQ(cover({-0.5, -0.5}, {0.5, 0.5}, fan, 0), BoxCover::Undecided);
}

TEST(BoxCover2d, FlatBoxes) {
    EXPECT_EQ(cover({0, 0.5}, {1, 0.5}, kSquare), BoxCover::Covered);
    EXPECT_EQ(cover({0.5, 0}, {0.5, 1}, {kSquare[0]}), BoxCover::NotCovered);
    EXPECT_EQ(cover({0, 0.5}, {1.2, 0.5}, kSquare), BoxCover::NotCovered);
    EXPECT_EQ(cover({0.5, 0.5}, {0.5, 0.5}, {kSquare[0]}), BoxCover::Covered);
    EXPECT_EQ(cover({0.2, 0.7}, {0.2, 0.7}, {kSquare[0]}), BoxCover::NotCovered);
}

TEST(BoxCover2d, HolesAndEmptyPlacesAreNotCovered) {
    EXPECT_EQ(cover({-0.5, -0.5}, {0.5, 0.5}, square_with_hole({0, 0}, 5, 1e-3)),
              BoxCover::NotCovered);
    EXPECT_EQ(cover({-0.5, -0.5}, {0.5, 0.5}, square_with_hole({0, 0}, 5, 0)), BoxCover::Covered);
    for (const Point2 c : {Point2{5.4e6, 4.9e6}, Point2{1e7, -1e7}}) {
        const Triangles floor = square_with_hole(c, 5, 0.025);
        EXPECT_EQ(cover({c[0] - 4, c[1] - 4}, {c[0] + 4, c[1] + 4}, floor), BoxCover::NotCovered);
        EXPECT_EQ(cover({c[0] - 0.01, c[1] - 0.01}, {c[0] + 0.01, c[1] + 0.01}, floor),
                  BoxCover::NotCovered);
        EXPECT_EQ(cover({c[0] + 0.5, c[1] + 0.5}, {c[0] + 4, c[1] + 4}, floor), BoxCover::Covered);
    }
    // Far from every triangle: a box of 1e-5 m, one of 1e-10 m (decided along its middle line).
    EXPECT_EQ(cover({15, 15}, {15.00001, 15.00001}, kSquare), BoxCover::NotCovered);
    EXPECT_EQ(cover({15, 15}, {15 + 1e-10, 15.5}, kSquare), BoxCover::NotCovered);
    EXPECT_EQ(cover({0.5, 0.2}, {0.5 + 1e-10, 0.7}, kSquare), BoxCover::Covered);
}

// Triangles that do not reach a piece must not cut it: a 2 mm hole ringed by fans of thin
// triangles stays open.
TEST(BoxCover2d, FansAroundAHoleDoNotCloseIt) {
    Triangles ring = square_with_hole({0, 0}, 1, 1e-3);
    for (int f = 0; f < 8; ++f) {
        const double cx = 2 * std::cos(f * std::numbers::pi / 4),
                     cy = 2 * std::sin(f * std::numbers::pi / 4);
        for (int i = 0; i < 80; ++i) {
            const double a = 2 * std::numbers::pi * i / 80, b = 2 * std::numbers::pi * (i + 1) / 80;
            ring.push_back({{{cx, cy},
                             {cx + 0.9 * std::cos(a), cy + 0.9 * std::sin(a)},
                             {cx + 0.9 * std::cos(b), cy + 0.9 * std::sin(b)}}});
        }
    }
    EXPECT_EQ(cover({-0.5, -0.5}, {0.5, 0.5}, ring), BoxCover::NotCovered);
}

TEST(BoxCover2d, BoxesTooLargeOrNotFiniteAreUndecided) {
    EXPECT_EQ(cover({-1e307, -1e307}, {1e307, 1e307}, kSquare), BoxCover::Undecided);
    EXPECT_EQ(cover({0, 0}, {2e6, 1}, kSquare), BoxCover::Undecided);
}

}  // namespace
}  // namespace rps
