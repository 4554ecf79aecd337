#pragma once
// Whether an axis-aligned box of the plane (possibly flat: a segment or a point) lies within a
// union of triangles. Used to prove that every AP position a study's bounds allow is refused
// (core/study/study_feasibility.hpp): the parts of the box no triangle covers are kept as convex
// pieces and cut by each triangle in turn, so overlapping triangles are counted once.
#include <array>
#include <cstddef>
#include <vector>

#include "core/common/triangle_overlap_2d.hpp"

namespace rps {

enum class BoxCover { Covered, NotCovered, Undecided };

// lo/hi: the box's corners (lo <= hi per axis). Pieces of area below 1e-9 m² (segments: length
// below 1e-9 m) count as covered: they are slivers of rounding along shared edges. Undecided when
// the uncovered part splits into more than max_pieces pieces.
BoxCover box_covered_by_triangles(const Point2& lo, const Point2& hi,
                                  const std::vector<std::array<Point2, 3>>& triangles,
                                  std::size_t max_pieces = 20000);

}  // namespace rps
