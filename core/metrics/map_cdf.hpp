#pragma once
// The empirical CDF of a map's cells in dBm, as the studio's compare view plots it and
// `rps compare` reads it: over the counted (masked) cells, where cells without signal sit below
// every value, so that the curve starts at their share.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace rps {

struct MapCdf {
    std::vector<double> dbm;    // the cells with signal (has_signal), in dBm, ascending
    std::size_t counted = 0;    // masked cells, with or without signal
    std::size_t no_signal = 0;  // counted cells without signal

    // Percentage of the counted cells at or below dbm[i] (the curve's step at dbm[i]).
    double percent_at(std::size_t i) const;
    // Where the curve reaches `percent` (clamped to [0, 100]): the smallest dbm[i] with
    // percent_at(i) >= percent, read off the steps without interpolation (unlike percentile_w,
    // which interpolates over the cells with signal only). kNoSignal_dbm when the cells without
    // signal reach it, or when no cell is counted.
    double level_dbm(double percent) const;
};

// The CDF over the cells whose mask byte is non-zero (an empty mask selects every cell; a
// non-empty mask must have one byte per cell, else std::invalid_argument).
MapCdf map_cdf(std::span<const double> power_w, std::span<const std::uint8_t> mask = {});

}  // namespace rps
