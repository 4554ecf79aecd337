#pragma once
// The one definition of every map metric (DESIGN §3): every optimiser, report and plot calls
// these functions. A map is the per-cell received power in W (after multi-AP combining); cells at
// or below kNoSignalPower_w (1e-16 W) are "no signal": they count against coverage but are left
// out of the percentile, min, soft-min and mean. No function here ever returns NaN.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace rps {

// The coverage threshold, in one place.
inline constexpr double kDefaultCoverageThreshold_dbm = -100.0;
// Soft-min temperature in natural-log units of power (see softmin_w).
inline constexpr double kDefaultSoftminTemperature = 0.2;
// dBm reported for a metric of 0 W (no valid cell): a floor instead of -inf.
inline constexpr double kNoSignal_dbm = -160.0;

struct MapMetrics {
    double p5_w = 0.0;               // 5th percentile over valid cells
    double min_w = 0.0;              // weakest valid cell
    double softmin_w = 0.0;          // soft-min over valid cells
    double mean_w = 0.0;             // mean power over valid cells
    double coverage_fraction = 0.0;  // masked cells (valid or not) >= threshold / masked cells
    std::size_t valid_cells = 0;     // masked cells with power > kNoSignalPower_w
    std::size_t total_cells = 0;     // masked cells
    // False when only the low-rank metrics (p5, min and the cell counts) were computed
    // (low_rank_metrics.hpp); soft-min, mean and coverage are then unknown, not zero.
    bool complete = true;
};

// Percentile q in [0, 1] (clamped) with linear interpolation between order statistics, as numpy's
// and torch's default: position q·(n-1) in the ascending values, over the cells with power >
// kNoSignalPower_w. Returns 0 when no cell qualifies. O(n) (selection, not a sort).
double percentile_w(std::span<const double> power_w, double q);

// The same percentile from the lowest values only: `lowest` holds the smallest
// min(valid_count, percentile_rank_count(valid_count, q)) valid values in ascending order, out of
// valid_count valid values in all. Bit-identical to percentile_w over all of them.
double percentile_of_lowest(std::span<const double> lowest, std::size_t valid_count, double q);
// How many of the lowest valid values the percentile q of valid_count values reads.
std::size_t percentile_rank_count(std::size_t valid_count, double q);

// Soft-min of the valid cells, taken in the log domain:
//   softmin = exp(-tau · ln((1/n) · sum_i exp(-ln(P_i) / tau))) = (mean_i P_i^(-1/tau))^(-tau),
// the power mean with exponent -1/tau, evaluated with log-sum-exp so it never overflows. tau is
// in natural-log units of power: with tau = 0.2 a cell 1 dB (0.23 Np) weaker weighs e^{1.15} = 3.2
// times more.
// Unlike the plain -tau·log-sum-exp it averages instead of summing, so it always lies between the
// min (tau -> 0) and the geometric mean (tau -> inf), hence below the mean, whatever the number of
// cells. tau <= 0 gives the min. Returns 0 when no cell is valid.
double softmin_w(std::span<const double> power_w, double temperature = kDefaultSoftminTemperature);

// All metrics over the cells whose mask byte is non-zero (an empty mask selects every cell; a
// non-empty mask must have one byte per cell, else std::invalid_argument).
MapMetrics compute_metrics(std::span<const double> power_w, std::span<const std::uint8_t> mask = {},
                           double coverage_threshold_dbm = kDefaultCoverageThreshold_dbm,
                           double softmin_temperature = kDefaultSoftminTemperature);

enum class Objective { P5, Min, SoftMin, Mean, Coverage };

// "p5", "min", "softmin", "mean", "coverage"; throws std::invalid_argument listing them.
Objective parse_objective(std::string_view name);
std::string_view to_string(Objective objective);

// The value an optimiser maximises: P5/min/soft-min/mean in dBm (floored at kNoSignal_dbm, so
// 0 W gives -160 dBm, never -inf), coverage in percent.
double objective_value(const MapMetrics& metrics, Objective objective);

// Whether a cell carries signal: power above kNoSignalPower_w. NaN and +inf (upstream bugs) do
// not, so that no metric can become NaN.
bool has_signal(double power_w);

// watts_to_dbm with the kNoSignal_dbm floor (0 W and anything below -160 dBm give -160).
double power_to_dbm_floored(double power_w);

}  // namespace rps
