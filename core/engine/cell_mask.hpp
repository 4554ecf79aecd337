#pragma once
// Which cells of the measurement grid count (DESIGN §1: inside the floor, outside walls).
#include <cstdint>
#include <vector>

#include "core/engine/embree_scene.hpp"
#include "core/engine/measurement_grid.hpp"
#include "core/scene/planar_faces.hpp"

namespace rps {

// A cell counts when (1) a floor lies below its centre (a near-horizontal face; skipped when the
// scene has no floor under any cell), (2) its centre is not inside a closed shape (ray parity),
// and (3) its centre is not within half a wall's slab thickness of a wall face.
std::vector<uint8_t> compute_cell_mask(const Scene& scene, const EmbreeScene& embree,
                                       const PlanarFaceGrouping& grouping,
                                       const MeasurementGrid& grid);

}  // namespace rps
