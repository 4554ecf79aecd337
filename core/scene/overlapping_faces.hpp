#pragma once
// Shapes of different materials laid over each other on one plane (a glass window drawn on top
// of a concrete wall instead of into a hole in it, a wall duplicated with another material). The
// image method then reflects on each of them at one point, counting the reflection twice, and
// a path through the overlap crosses both slabs: a modelling error the loader warns about.
#include <string>
#include <vector>

#include "core/scene/planar_faces.hpp"

namespace rps {

// One warning per pair of shapes whose triangles overlap with a positive area on a shared plane
// (within the planar grouping's tolerances) and whose materials differ; touching along an edge
// (a window set into its wall) is no overlap, nor is a closed solid resting on a face. At most
// kMaxOverlapWarnings, then a count. `grouping` is group_planar_faces(scene).
std::vector<std::string> overlapping_face_warnings(const Scene& scene,
                                                   const PlanarFaceGrouping& grouping);
inline constexpr size_t kMaxOverlapWarnings = 10;

}  // namespace rps
