#include "core/metrics/map_metrics.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "core/common/units.hpp"

namespace rps {

namespace {

// Where the percentile q of n values reads: order statistic `lower`, and the next one with
// weight `fraction` (numpy's linear interpolation).
struct PercentilePosition {
    std::size_t lower;
    double fraction;
    bool needs_next(std::size_t n) const { return fraction != 0.0 && lower + 1 < n; }
};

PercentilePosition percentile_position(std::size_t n, double q) {
    const double position = std::clamp(q, 0.0, 1.0) * static_cast<double>(n - 1);
    const std::size_t lower = static_cast<std::size_t>(position);
    return {lower, position - static_cast<double>(lower)};
}

double interpolate(double low, double high, double fraction) {
    return low + fraction * (high - low);
}

// Percentile of `values` (all valid), reordering them in place.
double percentile_in_place(std::vector<double>& values, double q) {
    if (values.empty()) return 0.0;
    const PercentilePosition at = percentile_position(values.size(), q);
    const auto lower_it = values.begin() + static_cast<std::ptrdiff_t>(at.lower);
    std::nth_element(values.begin(), lower_it, values.end());
    const double low = *lower_it;
    if (!at.needs_next(values.size())) return low;
    // After nth_element everything right of `lower` is >= low: the next order statistic is the
    // smallest of them.
    const double high = *std::min_element(lower_it + 1, values.end());
    return interpolate(low, high, at.fraction);
}

// Soft-min of valid values (see header), by log-sum-exp around the largest exponent.
double softmin_of(std::span<const double> values, double temperature) {
    if (values.empty()) return 0.0;
    const double min_value = *std::min_element(values.begin(), values.end());
    if (!(temperature > 0.0)) return min_value;
    // Exponents -ln(P_i)/tau; the largest belongs to the min.
    const double log_min = std::log(min_value);
    double sum = 0.0;
    for (double p : values) sum += std::exp(-(std::log(p) - log_min) / temperature);
    const double log_mean =
        -log_min / temperature + std::log(sum / static_cast<double>(values.size()));
    const double result = std::exp(-temperature * log_mean);
    // Guard the last-ulp rounding so the documented bounds hold exactly.
    return std::max(result, min_value);
}

std::vector<double> valid_values(std::span<const double> power_w) {
    std::vector<double> values;
    values.reserve(power_w.size());
    for (double p : power_w)
        if (has_signal(p)) values.push_back(p);
    return values;
}

}  // namespace

double percentile_w(std::span<const double> power_w, double q) {
    std::vector<double> values = valid_values(power_w);
    return percentile_in_place(values, q);
}

std::size_t percentile_rank_count(std::size_t valid_count, double q) {
    if (valid_count == 0) return 0;
    const PercentilePosition at = percentile_position(valid_count, q);
    return at.lower + (at.needs_next(valid_count) ? 2 : 1);
}

double percentile_of_lowest(std::span<const double> lowest, std::size_t valid_count, double q) {
    if (valid_count == 0) return 0.0;
    const PercentilePosition at = percentile_position(valid_count, q);
    if (lowest.size() < percentile_rank_count(valid_count, q))
        throw std::invalid_argument("percentile_of_lowest: too few of the lowest values");
    if (!at.needs_next(valid_count)) return lowest[at.lower];
    return interpolate(lowest[at.lower], lowest[at.lower + 1], at.fraction);
}

double softmin_w(std::span<const double> power_w, double temperature) {
    const std::vector<double> values = valid_values(power_w);
    return softmin_of(values, temperature);
}

MapMetrics compute_metrics(std::span<const double> power_w, std::span<const std::uint8_t> mask,
                           double coverage_threshold_dbm, double softmin_temperature) {
    if (!mask.empty() && mask.size() != power_w.size())
        throw std::invalid_argument(fmt::format("Metric mask has {} cells but the map has {}",
                                                mask.size(), power_w.size()));
    const double threshold_w = dbm_to_watts(coverage_threshold_dbm);

    MapMetrics metrics;
    std::vector<double> values;
    values.reserve(power_w.size());
    std::size_t covered = 0;
    double sum = 0.0;
    double min_value = 0.0;
    for (std::size_t i = 0; i < power_w.size(); ++i) {
        if (!mask.empty() && mask[i] == 0) continue;
        ++metrics.total_cells;
        const double p = power_w[i];
        if (p >= threshold_w) ++covered;
        if (!has_signal(p)) continue;
        min_value = values.empty() ? p : std::min(min_value, p);
        values.push_back(p);
        sum += p;
    }
    metrics.valid_cells = values.size();
    if (metrics.total_cells > 0)
        metrics.coverage_fraction =
            static_cast<double>(covered) / static_cast<double>(metrics.total_cells);
    if (values.empty()) return metrics;

    metrics.min_w = min_value;
    metrics.mean_w = sum / static_cast<double>(values.size());
    metrics.softmin_w = softmin_of(values, softmin_temperature);
    metrics.p5_w = percentile_in_place(values, 0.05);  // reorders `values`: last
    return metrics;
}

Objective parse_objective(std::string_view name) {
    if (name == "p5") return Objective::P5;
    if (name == "min") return Objective::Min;
    if (name == "softmin") return Objective::SoftMin;
    if (name == "mean") return Objective::Mean;
    if (name == "coverage") return Objective::Coverage;
    throw std::invalid_argument(
        fmt::format("Unknown objective '{}' (valid: p5, min, softmin, mean, coverage)", name));
}

std::string_view to_string(Objective objective) {
    switch (objective) {
        case Objective::P5:
            return "p5";
        case Objective::Min:
            return "min";
        case Objective::SoftMin:
            return "softmin";
        case Objective::Mean:
            return "mean";
        case Objective::Coverage:
            return "coverage";
    }
    return "?";
}

bool has_signal(double power_w) { return power_w > kNoSignalPower_w && std::isfinite(power_w); }

double power_to_dbm_floored(double power_w) {
    if (!(power_w > 0.0)) return kNoSignal_dbm;
    return std::max(watts_to_dbm(power_w), kNoSignal_dbm);
}

double objective_value(const MapMetrics& metrics, Objective objective) {
    switch (objective) {
        case Objective::P5:
            return power_to_dbm_floored(metrics.p5_w);
        case Objective::Min:
            return power_to_dbm_floored(metrics.min_w);
        case Objective::SoftMin:
            return power_to_dbm_floored(metrics.softmin_w);
        case Objective::Mean:
            return power_to_dbm_floored(metrics.mean_w);
        case Objective::Coverage:
            return 100.0 * metrics.coverage_fraction;
    }
    return 0.0;
}

}  // namespace rps
