#include "core/engine/measurement_grid.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>
#include <string>

#include "core/engine/cell_mask.hpp"
#include "core/engine/scene_reach.hpp"
#include "core/scene/scene.hpp"

namespace rps {

MeasurementGrid make_grid(const Scene& scene, const MeasurementGridSpec& spec) {
    if (!(spec.cell_m > 0)) throw std::invalid_argument("cell size must be > 0 m");
    if (spec.samples_per_axis < 1 || spec.samples_per_axis > 16)
        throw std::invalid_argument("samples per cell axis must be in 1..16");
    const Aabb box = scene.bounds();
    MeasurementGrid grid;
    grid.cell_m = spec.cell_m;
    grid.height_m = spec.height_m;
    grid.samples_per_axis = spec.samples_per_axis;
    const double x0 = spec.origin_x_m.value_or(box.empty() ? -1.0 : box.lower.x());
    const double y0 = spec.origin_y_m.value_or(box.empty() ? -1.0 : box.lower.y());
    const double sx = spec.size_x_m.value_or(box.empty() ? 2.0 : box.size().x());
    const double sy = spec.size_y_m.value_or(box.empty() ? 2.0 : box.size().y());
    grid.origin_x_m = x0;
    grid.origin_y_m = y0;
    // A flat scene (one wall) has a zero size along one axis: one cell there.
    if (!std::isfinite(x0) || !std::isfinite(y0) || !(sx >= 0 && std::isfinite(sx)) ||
        !(sy >= 0 && std::isfinite(sy)) || !std::isfinite(spec.height_m))
        throw std::invalid_argument(
            "measurement grid: origin, size and height must be finite, sizes >= 0");
    // Snap up to whole cells so every cell is a full cell_m square (docs/decisions.md). Counted
    // in double first: a cast of a count beyond INT_MAX is undefined (it read as 1 cell).
    constexpr double kMaxCells = 50'000'000;
    const double nx = std::max(1.0, std::ceil(sx / spec.cell_m - 1e-9));
    const double ny = std::max(1.0, std::ceil(sy / spec.cell_m - 1e-9));
    if (!(nx * ny <= kMaxCells))
        throw std::invalid_argument(
            fmt::format("measurement grid too large: {:.0f} x {:.0f} cells (at most 5e7)", nx, ny));
    grid.cells_x = static_cast<int>(nx);
    grid.cells_y = static_cast<int>(ny);
    // The plane's corners are its receivers' extremes (a box's distance is convex).
    for (const double x : {x0, x0 + nx * spec.cell_m})
        for (const double y : {y0, y0 + ny * spec.cell_m})
            check_within_reach(box, Vec3(x, y, spec.height_m),
                               "measurement grid: a corner of the plane");
    for (size_t i = 0; i < spec.excluded_areas.size(); ++i)
        check_polygon(spec.excluded_areas[i], "excluded area " + std::to_string(i + 1));
    grid.excluded_areas = spec.excluded_areas;
    return grid;
}

}  // namespace rps
