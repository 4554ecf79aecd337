#include "core/engine/cell_mask.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <vector>

#include "core/engine/engine_face.hpp"

namespace rps {
namespace {

constexpr double kFloorNormalZ = 0.7;  // faces steeper than ~45° are walls, not floors
constexpr double kFar_m = 1e4;

bool has_floor_below(const Scene& scene, const EmbreeScene& embree,
                     const PlanarFaceGrouping& grouping, const Vec3& p) {
    double distance = 0.0;
    const int64_t hit = embree.first_hit(p, -Vec3::UnitZ(), kFar_m, &distance);
    if (hit < 0) return false;
    (void)scene;
    return std::abs(grouping.faces[grouping.triangle_face[hit]].normal.z()) > kFloorNormalZ;
}

bool inside_closed_shape(const Scene& scene, const EmbreeScene& embree, const Vec3& p) {
    SegmentHits hits;
    embree.collect_hits(p, Vec3::UnitZ(), 0.0, kFar_m, hits);
    // A ray through an edge (or vertex) shared by triangles of one surface reports every one of
    // them at the same distance: count one crossing per distinct distance of each shape.
    std::map<uint32_t, std::vector<float>> distances;
    for (int i = 0; i < hits.count; ++i) {
        const uint32_t shape = scene.triangle_shape[hits.triangle[i]];
        if (scene.shapes[shape].closed) distances[shape].push_back(hits.distance[i]);
    }
    for (auto& [shape, d] : distances) {
        std::sort(d.begin(), d.end());
        int crossings = 0;
        for (size_t i = 0; i < d.size(); ++i)
            if (i == 0 || d[i] - d[i - 1] > 1e-4f) ++crossings;
        if (crossings % 2 == 1) return true;
    }
    return false;
}

}  // namespace

std::vector<uint8_t> compute_cell_mask(const Scene& scene, const EmbreeScene& embree,
                                       const PlanarFaceGrouping& grouping,
                                       const MeasurementGrid& grid) {
    std::vector<uint8_t> mask(grid.cell_count(), 1);
    if (grid.cell_count() == 0) return mask;

    std::vector<uint8_t> floor(grid.cell_count(), 0);
    bool any_floor = false;
    for (int iy = 0; iy < grid.cells_y; ++iy)
        for (int ix = 0; ix < grid.cells_x; ++ix) {
            const bool f = has_floor_below(scene, embree, grouping, grid.cell_center(ix, iy));
            floor[grid.index(ix, iy)] = f;
            any_floor |= f;
        }
    if (any_floor) mask = floor;

    const bool any_closed =
        std::any_of(scene.shapes.begin(), scene.shapes.end(), [](const SceneShape& s) {
            return s.closed;
        });
    if (any_closed)
        for (int iy = 0; iy < grid.cells_y; ++iy)
            for (int ix = 0; ix < grid.cells_x; ++ix)
                if (mask[grid.index(ix, iy)] &&
                    inside_closed_shape(scene, embree, grid.cell_center(ix, iy)))
                    mask[grid.index(ix, iy)] = 0;

    // Cells whose centre lies inside a wall's slab.
    for (const PlanarFace& planar : grouping.faces) {
        if (planar.normal.squaredNorm() < 0.5 || std::abs(planar.normal.z()) > kFloorNormalZ)
            continue;
        const double half = 0.5 * scene.materials[planar.material_index].thickness_m;
        const EngineFace face = make_engine_face(planar, scene);
        if (face.bounds.lower.z() > grid.height_m + half ||
            face.bounds.upper.z() < grid.height_m - half)
            continue;
        const int ix0 = std::max(0, static_cast<int>(std::floor(
                                        (face.bounds.lower.x() - half - grid.origin_x_m) / grid.cell_m)));
        const int ix1 = std::min(grid.cells_x - 1,
                                 static_cast<int>((face.bounds.upper.x() + half - grid.origin_x_m) / grid.cell_m));
        const int iy0 = std::max(0, static_cast<int>(std::floor(
                                        (face.bounds.lower.y() - half - grid.origin_y_m) / grid.cell_m)));
        const int iy1 = std::min(grid.cells_y - 1,
                                 static_cast<int>((face.bounds.upper.y() + half - grid.origin_y_m) / grid.cell_m));
        for (int iy = iy0; iy <= iy1; ++iy)
            for (int ix = ix0; ix <= ix1; ++ix) {
                // Within half the slab of the wall itself, its ends and edges included: a cell
                // centre exactly at a wall's free end or at a junction is inside the masonry too,
                // and a receiver there gets a value that hangs on rounding (grids of 2 m cells
                // put centres on odd-metre walls).
                const Vec3 c = grid.cell_center(ix, iy);
                if (std::abs(face.signed_distance(c)) < half && distance_to_face(face, c) < half)
                    mask[grid.index(ix, iy)] = 0;
            }
    }
    return mask;
}

void check_polygon(const Polygon2d& polygon, const std::string& what) {
    if (polygon.size() < 3)
        throw std::invalid_argument(what + ": a polygon needs at least 3 vertices, got " +
                                    std::to_string(polygon.size()));
    double twice_area = 0.0;
    for (size_t i = 0; i < polygon.size(); ++i) {
        const auto& a = polygon[i];
        const auto& b = polygon[(i + 1) % polygon.size()];
        if (!std::isfinite(a[0]) || !std::isfinite(a[1]))
            throw std::invalid_argument(what + ": vertex " + std::to_string(i) +
                                        " is not a finite (x, y)");
        twice_area += a[0] * b[1] - b[0] * a[1];  // shoelace formula
    }
    if (!(std::abs(twice_area) > 1e-12))
        throw std::invalid_argument(what + ": the polygon has no area");
}

bool polygon_contains(const Polygon2d& polygon, double x, double y) {
    // Crossing number (W. R. Franklin's PNPOLY): a horizontal ray to +x crosses the edges whose
    // y range holds y half-open, [min, max), so a vertex on the ray counts once.
    bool inside = false;
    for (size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const double xi = polygon[i][0], yi = polygon[i][1];
        const double xj = polygon[j][0], yj = polygon[j][1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
}

void mask_excluded_areas(MeasurementGrid& grid) {
    for (const Polygon2d& area : grid.excluded_areas)
        for (int iy = 0; iy < grid.cells_y; ++iy)
            for (int ix = 0; ix < grid.cells_x; ++ix) {
                const Vec3 c = grid.cell_center(ix, iy);
                if (polygon_contains(area, c.x(), c.y())) grid.mask[grid.index(ix, iy)] = 0;
            }
}

}  // namespace rps
