#pragma once
// The axes of a study's grid search (method "grid"): one per layout dimension, from the method's
// parameters. Shared by the runner, which walks them, and by parse_study, which refuses a grid
// larger than max_points before any store is created.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
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

// The distinct points of the product of the axes, one at a time, last axis fastest
// (itertools.product order): a grid may hold up to max_points (1e8) points, too many to list up
// front. A point that repeats an earlier one (an axis holding a value twice) is skipped, as a
// set of the points seen so far would.
class GridWalk {
public:
    explicit GridWalk(std::vector<GridAxis> axes);
    // The next point into `x` (resized to the dimension); false once every point was given.
    bool next(Vector& x);
    // Whether `x` is one of the grid's points: every coordinate equal to a value of its axis
    // (the equivalence of std::set<Vector>, so -0.0 matches 0.0).
    bool contains(const Vector& x) const;

private:
    std::vector<GridAxis> axes_;
    std::vector<std::vector<double>> sorted_;  // each axis's values ascending, for contains()
    std::vector<std::vector<bool>> first_;     // whether a value is its axis's first of that value
    std::vector<std::size_t> index_;           // the odometer of the next point
    bool done_ = false;
};

// The next up to chunk_size (0: no limit) points of `walk` that `keep` accepts, in grid order;
// empty once the walk is done. Chunk after chunk, these are opt::chunk() of the kept points
// listed up front, without the list.
std::vector<Vector> next_grid_chunk(GridWalk& walk, std::size_t chunk_size,
                                    const std::function<bool(const Vector&)>& keep);

}  // namespace rps
