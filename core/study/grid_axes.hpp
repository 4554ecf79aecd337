#pragma once
// The axes of a study's grid search (method "grid"): one per layout dimension, from the method's
// parameters. Shared by the runner, which walks them, and by parse_study, which refuses a grid
// larger than max_points before any store is created.
#include <nlohmann/json.hpp>

#include <vector>

#include "core/study/layout.hpp"

namespace rps {

// One axis of the first grid level: its values and their spacing (0 when a single value).
struct GridAxis {
    std::vector<double> values;
    double spacing = 0.0;
};

// `params`: the grid method's parameters with every default filled in (method_defaults).
std::vector<GridAxis> grid_axes(const LayoutSpace& space, const nlohmann::json& params);
// The product of the axis sizes, as a double: it may exceed any integer type.
double grid_axes_point_count(const std::vector<GridAxis>& axes);

}  // namespace rps
