#pragma once
// The measurement plane: a horizontal grid of cells at a fixed height (Sionna's radio-map plane).
// Cell (ix, iy) covers [origin + ix·cell, origin + (ix+1)·cell) in x and likewise in y; its value
// is taken at the cell centre by default, or averaged over samples_per_axis² points.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/common/geometry.hpp"

namespace rps {

struct Scene;

// A closed polygon in the measurement plane: (x, y) vertices in metres, in order, at least 3.
using Polygon2d = std::vector<std::array<double, 2>>;

struct MeasurementGridSpec {
    double height_m = 1.5;
    double cell_m = 1.0;
    // Area covered; default (nullopt) = the scene's bounding box in x and y, snapped up to whole
    // cells (Sionna v1.0.1 does not snap and biases cells low; see docs/decisions.md).
    std::optional<double> origin_x_m, origin_y_m, size_x_m, size_y_m;
    int samples_per_axis = 1;  // 1 = value at the cell centre; N = mean over an N×N sub-grid
    // Areas left out of every metric (stairwells, lift shafts, plant rooms: what planners leave
    // out of the requirement area). A cell whose centre lies inside one is masked out.
    std::vector<Polygon2d> excluded_areas;
};

struct MeasurementGrid {
    double origin_x_m = 0, origin_y_m = 0;  // lower-left corner of cell (0,0)
    double cell_m = 1.0;
    double height_m = 1.5;
    int cells_x = 0, cells_y = 0;
    int samples_per_axis = 1;
    std::vector<uint8_t> mask;  // 1 = cell counts (inside the floor outline, not inside a wall,
                                // not in an excluded area)
    std::vector<Polygon2d> excluded_areas;

    size_t cell_count() const { return static_cast<size_t>(cells_x) * cells_y; }
    size_t index(int ix, int iy) const { return static_cast<size_t>(iy) * cells_x + ix; }
    Vec3 cell_center(int ix, int iy) const {
        return {origin_x_m + (ix + 0.5) * cell_m, origin_y_m + (iy + 0.5) * cell_m, height_m};
    }
};

// The grid a spec asks for over a scene: the spec's area (default: the scene's bounding box in x
// and y) snapped up to whole cells. Throws std::invalid_argument naming what is wrong (a cell
// size, a non-finite origin, over 5e7 cells, a corner beyond the engine's reach, an excluded
// area that is no polygon). The mask is left empty (cell_mask.hpp fills it).
MeasurementGrid make_grid(const Scene& scene, const MeasurementGridSpec& spec);

}  // namespace rps
