#pragma once
// A planar face split into convex pieces for the beams of the image method. A face is the
// union of its coplanar triangles of one material: a wall plane with its doorways, the glass
// panes of one facade. Its beam window is its convex outline, so the receivers behind a
// doorway or between two panes reach the exact test only to fail it (on the office, half of
// the receivers tested at order 2). Beams through convex pieces test only receivers that can
// have the path; each piece keeps a subset of the face's triangles, so that a point on the
// line between two pieces belongs to one of them (the triangles' shared-edge tie-break), and a
// path is found once.
#include <cstdint>
#include <vector>

#include "core/scene/planar_faces.hpp"

namespace rps {

// The face's triangles (scene indices, ascending within a piece) in groups whose unions are
// convex, by greedy merging of pairs; pieces ordered by their first triangle. A convex face, one
// whose triangles overlap (a point covered twice would be found in two pieces), or one of more
// than kMaxSplitTriangles triangles (left whole: each merging pass tries every pair) is one
// piece.
constexpr size_t kMaxSplitTriangles = 64;
std::vector<std::vector<uint32_t>> convex_pieces(const PlanarFace& face, const Scene& scene);

}  // namespace rps
