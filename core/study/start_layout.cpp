#include "core/study/start_layout.hpp"

#include <algorithm>
#include <cmath>

#include "core/engine/transmitter_clearance.hpp"

namespace rps {
namespace {

bool over_measured_cell(const MeasurementGrid& grid, double x_m, double y_m) {
    const double fx = (x_m - grid.origin_x_m) / grid.cell_m;
    const double fy = (y_m - grid.origin_y_m) / grid.cell_m;
    if (!(fx >= 0 && fy >= 0 && fx < grid.cells_x && fy < grid.cells_y)) return false;
    return grid.mask[grid.index(static_cast<int>(fx), static_cast<int>(fy))] != 0;
}

struct LatticeOffset {
    double dx_m, dy_m, distance_m, angle_rad;
};

// The offsets of a lattice of `step_m` within the search radius, nearest first, then by angle in
// [0, 2π).
std::vector<LatticeOffset> offsets_nearest_first(double step_m = kStartLatticeStep_m) {
    const int reach = static_cast<int>(std::floor(kStartSearchRadius_m / step_m));
    std::vector<LatticeOffset> offsets;
    for (int i = -reach; i <= reach; ++i) {
        for (int j = -reach; j <= reach; ++j) {
            if (i == 0 && j == 0) continue;
            const double dx = i * step_m, dy = j * step_m;
            const double distance = std::hypot(dx, dy);
            if (distance > kStartSearchRadius_m) continue;
            double angle = std::atan2(dy, dx);
            if (angle < 0) angle += 2 * M_PI;
            offsets.push_back({dx, dy, distance, angle});
        }
    }
    // Lattice distances are square roots of integers times the step: ties are exact.
    std::sort(offsets.begin(), offsets.end(), [](const LatticeOffset& a, const LatticeOffset& b) {
        return a.distance_m != b.distance_m ? a.distance_m < b.distance_m
                                            : a.angle_rad < b.angle_rad;
    });
    return offsets;
}

bool keeps_separation(const Layout& layout, size_t moving, double x_m, double y_m,
                      double min_separation_m) {
    for (size_t other = 0; other < layout.aps.size(); ++other)
        if (other != moving &&
            std::hypot(layout.aps[other].x_m - x_m, layout.aps[other].y_m - y_m) < min_separation_m)
            return false;
    return true;
}

// Whether an AP may move to (x, y): inside the AP bounds, apart from the other APs, acceptable.
bool may_move_to(const LayoutEvaluator& evaluator, const Layout& layout, size_t moving, double x_m,
                 double y_m) {
    const ApBounds& bounds = evaluator.spec().bounds;
    if (x_m < bounds.x_min_m || x_m > bounds.x_max_m || y_m < bounds.y_min_m ||
        y_m > bounds.y_max_m)
        return false;
    return keeps_separation(layout, moving, x_m, y_m, evaluator.space().min_separation_m()) &&
           acceptable_start_point(evaluator, Vec3(x_m, y_m, layout.aps[moving].z_m));
}

}  // namespace

bool acceptable_start_point(const LayoutEvaluator& evaluator, const Vec3& p) {
    return over_measured_cell(evaluator.engine().grid(), p.x(), p.y()) &&
           antenna_placement_problem(evaluator.engine(), p, "AP").empty();
}

Layout accepted_start_layout(const LayoutEvaluator& evaluator, Layout layout, size_t first_ap) {
    std::vector<LatticeOffset> offsets;
    for (size_t a = first_ap; a < layout.aps.size(); ++a) {
        ApPlacement& ap = layout.aps[a];
        if (acceptable_start_point(evaluator, Vec3(ap.x_m, ap.y_m, ap.z_m))) continue;
        if (offsets.empty()) offsets = offsets_nearest_first();
        for (const LatticeOffset& offset : offsets) {
            const double x = ap.x_m + offset.dx_m, y = ap.y_m + offset.dy_m;
            if (!may_move_to(evaluator, layout, a, x, y)) continue;
            ap.x_m = x;
            ap.y_m = y;
            break;
        }
    }
    return layout;
}

CellsInSight::CellsInSight(const LayoutEvaluator& evaluator)
    : measured_(evaluator.engine().grid().mask) {
    RadioSetup line_of_sight = evaluator.engine().setup();
    line_of_sight.antenna = AntennaModel::Isotropic;
    line_of_sight.max_reflection_order = 0;
    line_of_sight.transmission = false;
    line_of_sight.threads = 1;
    line_of_sight_ = std::make_unique<RadioEngine>(evaluator.engine().scene(), line_of_sight,
                                                   evaluator.spec().grid);
}

int CellsInSight::count(const Vec3& p) const {
    const RadioMap map = line_of_sight_->compute_map(TxPose{p});
    if (map.power_w.size() != measured_.size()) return 0;  // another grid: no opinion
    int seen = 0;
    for (size_t c = 0; c < measured_.size(); ++c) seen += measured_[c] && map.power_w[c] > 0.0;
    return seen;
}

Layout open_floor_start_layout(const LayoutEvaluator& evaluator, Layout layout, size_t first_ap) {
    if (first_ap >= layout.aps.size()) return layout;
    const CellsInSight sight(evaluator);
    const std::vector<LatticeOffset> offsets = offsets_nearest_first(kOpenFloorLatticeStep_m);
    for (size_t a = first_ap; a < layout.aps.size(); ++a) {
        ApPlacement& ap = layout.aps[a];
        const int here = sight.count(Vec3(ap.x_m, ap.y_m, ap.z_m));
        int best = here;
        double best_x = ap.x_m, best_y = ap.y_m;
        for (const LatticeOffset& offset : offsets) {
            const double x = ap.x_m + offset.dx_m, y = ap.y_m + offset.dy_m;
            if (!may_move_to(evaluator, layout, a, x, y)) continue;
            const int seen = sight.count(Vec3(x, y, ap.z_m));
            if (seen > best) best = seen, best_x = x, best_y = y;
        }
        if (best > 2 * here) ap.x_m = best_x, ap.y_m = best_y;
    }
    return layout;
}

}  // namespace rps
