#pragma once
// Which cells of the measurement grid count (DESIGN §1: inside the floor, outside walls).
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/engine/embree_scene.hpp"
#include "core/engine/measurement_grid.hpp"
#include "core/scene/planar_faces.hpp"

namespace rps {

// A cell counts when (1) a floor lies below its centre (a near-horizontal face; skipped when the
// scene has no floor under any cell), (2) its centre is not inside a closed shape (ray parity),
// and (3) its centre is not within half a wall's slab thickness of a wall face (its edges and
// ends included).
std::vector<uint8_t> compute_cell_mask(const Scene& scene, const EmbreeScene& embree,
                                       const PlanarFaceGrouping& grouping,
                                       const MeasurementGrid& grid);

// Whether the mask holds a cell to measure.
inline bool any_cell_measured(const std::vector<uint8_t>& mask) {
    return std::any_of(mask.begin(), mask.end(), [](uint8_t m) { return m != 0; });
}

// Why a grid whose mask holds no cell cannot be measured (rps map and studies refuse it: its
// metrics would read -160 dBm over no cells).
inline constexpr const char* kNoMeasuredCell =
    "no cell of the grid is measured: every cell centre lies off the floor, inside a solid or "
    "within a wall (move or resize the grid, or its height)";

// The rectangle [x_min, x_max] x [y_min, y_max] as a polygon (counter-clockwise).
inline Polygon2d rectangle_polygon(double x_min, double y_min, double x_max, double y_max) {
    return {{x_min, y_min}, {x_max, y_min}, {x_max, y_max}, {x_min, y_max}};
}

// Throws std::invalid_argument unless the polygon has at least 3 finite vertices and a non-zero
// area; `what` names it in the message.
void check_polygon(const Polygon2d& polygon, const std::string& what);

// Whether (x, y) lies inside the polygon (even-odd rule; a point on an edge counts on the side
// the half-open crossing test puts it, so that cells on a shared edge go to exactly one of two
// polygons that tile an area).
bool polygon_contains(const Polygon2d& polygon, double x, double y);

// Masks out the cells whose centre lies inside one of grid.excluded_areas.
void mask_excluded_areas(MeasurementGrid& grid);

}  // namespace rps
