#pragma once
// Whether an axis-aligned box of the plane (possibly flat: a segment or a point) lies within a
// union of triangles, up to slivers. Used to prove that every AP position a study's bounds allow
// is refused (core/study/study_feasibility.hpp): the parts of the box no triangle covers are
// kept as convex pieces and cut by each triangle that overlaps them, so overlapping triangles
// count once.
#include <array>
#include <cstddef>
#include <vector>

#include "core/common/triangle_overlap_2d.hpp"

namespace rps {

enum class BoxCover { Covered, NotCovered, Undecided };

// Boxes wider than this are not decided (Undecided): no floor plan is, and beyond it the
// coordinates lose the precision the slivers assume.
inline constexpr double kMaxCoverBox_m = 1e6;

// lo/hi: the box's corners (lo <= hi per axis). Uncovered pieces narrower than sliver_m (rounding
// along shared edges) are dropped, and a box narrower than sliver_m is decided along its middle
// line: Covered then means every point of the box lies within a few sliver_m (one per dropped
// piece next to it, at most max_pieces) of a covered point, which a caller's margin must allow.
// Undecided when the uncovered part splits into more than max_pieces pieces.
BoxCover box_covered_by_triangles(const Point2& lo, const Point2& hi,
                                  const std::vector<std::array<Point2, 3>>& triangles,
                                  double sliver_m, std::size_t max_pieces = 20000);

}  // namespace rps
