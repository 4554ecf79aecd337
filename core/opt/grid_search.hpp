#pragma once
// Exhaustive grids and the coarse-to-fine schedule built on them.
#include <cstddef>
#include <vector>

#include "core/opt/problem.hpp"

namespace rps::opt {

// n points from a to b inclusive, like numpy.linspace(a, b, n): the last point is exactly b and
// n == 1 gives {a}. n must be >= 1.
std::vector<double> linspace(double a, double b, int n);

// Points per dimension for a target spacing: round(width / resolution) + 1, at least 1. The
// spacing is then adjusted so both bounds are hit exactly (the original's arange(min,
// max + res/2, res) could stop short of or overshoot the upper bound).
std::vector<int> steps_for_resolution(const Box& box, const Vector& resolution);

// Cartesian product of linspace(lower[i], upper[i], steps_per_dim[i]), row-major with the LAST
// dimension varying fastest (the order of itertools.product). Throws std::invalid_argument when
// sizes disagree or a step count is < 1.
std::vector<Vector> grid_points(const Box& box, const std::vector<int>& steps_per_dim);

// Splits points into consecutive chunks of chunk_size (the last may be shorter): one chunk per
// task/batch. chunk_size == 0 gives one chunk holding everything.
std::vector<std::vector<Vector>> chunk(const std::vector<Vector>& points, std::size_t chunk_size);

// The box of half-width `half_width` around `center`, intersected with `box` (so near an edge the
// window is clipped, never shifted outside). half_width has one entry per dimension, or one
// entry for all.
Box refine_around(const Vector& center, const Box& box, const Vector& half_width);

// Evaluates the whole grid, one batch per chunk, in grid order. Each chunk is one iteration of
// the trace. Infeasible points are skipped (constraint).
OptimisationTrace grid_search(const Box& box, const std::vector<int>& steps_per_dim,
                              const BatchFitness& fitness, const Constraint& constraint = {},
                              std::size_t chunk_size = 0, const ProgressCallback& progress = {});

struct CoarseToFineParams {
    std::vector<int> steps;  // points per dimension at every level
    int levels = 3;
    // Half-width of the next level's window around the best point, in cells of the current
    // grid: 1 keeps the two neighbouring cells, so the spacing shrinks by 2 / (steps - 1).
    double window_cells = 1.0;
    std::size_t chunk_size = 0;  // batch size within a level (0 = the whole level at once)
};

// Grid, then grids on shrinking windows around the best point found so far. Points identical to
// ones already evaluated are not evaluated again. One iteration per level.
OptimisationTrace coarse_to_fine_search(const Box& box, const CoarseToFineParams& params,
                                        const BatchFitness& fitness,
                                        const Constraint& constraint = {},
                                        const ProgressCallback& progress = {});

}  // namespace rps::opt
