#pragma once
// The low-rank metrics of a map (its P5 and its min) computed exactly without evaluating every
// cell. Searches rank a layout by its weakest cells only; a full second-order map spends most of
// its time on cells far above them. Given cheap lower bounds per cell (a map at a lower
// reflection order: an incoherent sum only gains non-negative terms as the order grows), only
// the cells whose bound is among the weakest are evaluated exactly, round by round, until the
// weakest cells are all exact: every other cell is then known to be at least as strong as them,
// so the result is bit for bit the one compute_metrics gives on the full map (docs/decisions.md).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>

namespace rps {

// Cell values at increasing levels of exactness: level 0 is the cheapest, level `levels - 1`
// is exact, and each level is a lower bound of every higher one, cell by cell.
struct LeveledCells {
    int levels = 2;
    // Writes the value (W) of every cell flagged non-zero in `cells` at `level` into out[cell];
    // leaves the other entries alone.
    std::function<void(int level, std::span<const std::uint8_t> cells, std::span<double> out)>
        evaluate;
};

struct LowRankMetrics {
    double p5_w = 0.0;   // as MapMetrics::p5_w (percentile_w at 0.05 over the valid masked cells)
    double min_w = 0.0;  // as MapMetrics::min_w
    std::size_t valid_cells = 0;
    std::size_t total_cells = 0;
    std::size_t exact_cells = 0;  // cells evaluated at the exact level
    int rounds = 0;               // exact-level evaluation calls
};

// P5 and min over the cells whose mask byte is non-zero (empty mask: every cell) of a map with
// cell_count cells, evaluating as few cells exactly as the bounds allow.
LowRankMetrics low_rank_metrics(const LeveledCells& source, std::size_t cell_count,
                                std::span<const std::uint8_t> mask = {});

}  // namespace rps
