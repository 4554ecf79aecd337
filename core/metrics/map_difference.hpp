#pragma once
// The difference of two maps of one grid, in dB (first over second), as the studio's compare
// view draws it and `rps compare` summarises it.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace rps {

struct MapDifference {
    // Per cell, 10·log10(first / second): defined where the cell is counted (mask) and both maps
    // carry signal (has_signal); NaN elsewhere (the one place a metric has no value per cell).
    std::vector<double> db;
    // Over the cells where it is defined; all 0 when there is none (cells == 0).
    std::size_t cells = 0;
    double mean_db = 0.0, min_db = 0.0, max_db = 0.0;
    double second_better_fraction = 0.0;  // share of those cells where first < second (db < 0)
};

// Both maps and a non-empty mask must have the same number of cells (std::invalid_argument
// otherwise); an empty mask counts every cell.
MapDifference map_difference(std::span<const double> first_w, std::span<const double> second_w,
                             std::span<const std::uint8_t> mask = {});

}  // namespace rps
