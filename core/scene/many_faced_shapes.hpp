#pragma once
// Shapes whose triangles do not group into a few planar faces (a curved or finely tessellated
// surface: a column, a dome, a scanned object). The image method mirrors the transmitter in every
// face, so a map's cost grows about as the number of faces to the power of the reflection order:
// a 6 000-triangle curved mesh in the L hall took 19 s per map at order 3 and minutes at order 4.
// The loader warns about such shapes, so that `rps validate` says why before a study is slow.
#include <string>
#include <vector>

#include "core/scene/planar_faces.hpp"

namespace rps {

// A shape forming more planar faces than this is warned about (a 32-sided column with its two
// caps forms 34).
inline constexpr size_t kManyFacesPerShape = 64;

// One warning per shape whose triangles lie in more than kManyFacesPerShape planar faces of
// `grouping` (= group_planar_faces(scene)), naming the shape, its source, its face count and the
// scene's; degenerate triangles (no plane) are not counted.
std::vector<std::string> many_faced_shape_warnings(const Scene& scene,
                                                   const PlanarFaceGrouping& grouping);

}  // namespace rps
