// box_covered_by_triangles against cases whose answer is plain geometry: a square split along
// its diagonal, one half of it, overlapping halves, a gap 1 mm wide, a fan of thin triangles,
// and flat boxes (segments and points) on the shared edge and beyond it.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/common/box_cover_2d.hpp"

namespace rps {
namespace {

using Triangles = std::vector<std::array<Point2, 3>>;

const Triangles kSquare = {{{{0, 0}, {1, 0}, {1, 1}}}, {{{1, 1}, {0, 1}, {0, 0}}}};

TEST(BoxCover2d, SquareSplitAlongItsDiagonal) {
    EXPECT_EQ(box_covered_by_triangles({0, 0}, {1, 1}, kSquare), BoxCover::Covered);
    EXPECT_EQ(box_covered_by_triangles({0.2, 0.3}, {0.9, 0.5}, kSquare), BoxCover::Covered);
    EXPECT_EQ(box_covered_by_triangles({0, 0}, {1.001, 1}, kSquare), BoxCover::NotCovered);
    EXPECT_EQ(box_covered_by_triangles({0, 0}, {1, 1}, {kSquare[0]}), BoxCover::NotCovered);
    EXPECT_EQ(box_covered_by_triangles({0.6, 0.1}, {0.9, 0.4}, {kSquare[1]}), BoxCover::NotCovered);
}

TEST(BoxCover2d, OverlapsCountOnceAndGapsShow) {
    Triangles overlapping = kSquare;
    overlapping.push_back({{{-1, -1}, {2, -1}, {0.5, 0.6}}});  // over both halves
    EXPECT_EQ(box_covered_by_triangles({0, 0}, {1, 1}, overlapping), BoxCover::Covered);
    // Two halves 1 mm apart: the strip between them is open.
    const Triangles apart = {{{{0, 0}, {1, 0}, {1, 1}}}, {{{0.999, 1}, {-0.001, 1}, {-0.001, 0}}}};
    EXPECT_EQ(box_covered_by_triangles({0, 0}, {1, 1}, apart), BoxCover::NotCovered);
}

// A disk of radius 2 as a fan of 720 thin triangles covers the unit square around its centre.
TEST(BoxCover2d, FanOfThinTriangles) {
    Triangles fan;
    for (int i = 0; i < 720; ++i) {
        const double a = 2 * std::numbers::pi * i / 720, b = 2 * std::numbers::pi * (i + 1) / 720;
        fan.push_back(
            {{{0, 0}, {2 * std::cos(a), 2 * std::sin(a)}, {2 * std::cos(b), 2 * std::sin(b)}}});
    }
    EXPECT_EQ(box_covered_by_triangles({-0.5, -0.5}, {0.5, 0.5}, fan), BoxCover::Covered);
    EXPECT_EQ(box_covered_by_triangles({-0.5, -0.5}, {1.5, 1.5}, fan), BoxCover::NotCovered);
    EXPECT_EQ(box_covered_by_triangles({-0.5, -0.5}, {0.5, 0.5}, fan, 0), BoxCover::Undecided);
}

TEST(BoxCover2d, FlatBoxes) {
    EXPECT_EQ(box_covered_by_triangles({0, 0.5}, {1, 0.5}, kSquare), BoxCover::Covered);
    EXPECT_EQ(box_covered_by_triangles({0.5, 0}, {0.5, 1}, {kSquare[0]}), BoxCover::NotCovered);
    EXPECT_EQ(box_covered_by_triangles({0, 0.5}, {1.2, 0.5}, kSquare), BoxCover::NotCovered);
    EXPECT_EQ(box_covered_by_triangles({0.5, 0.5}, {0.5, 0.5}, {kSquare[0]}), BoxCover::Covered);
    EXPECT_EQ(box_covered_by_triangles({0.2, 0.7}, {0.2, 0.7}, {kSquare[0]}), BoxCover::NotCovered);
}

}  // namespace
}  // namespace rps
