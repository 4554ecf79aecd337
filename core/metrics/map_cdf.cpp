#include "core/metrics/map_cdf.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/metrics/map_metrics.hpp"

namespace rps {

double MapCdf::percent_at(std::size_t i) const {
    return 100.0 * static_cast<double>(no_signal + i + 1) / static_cast<double>(counted);
}

double MapCdf::level_dbm(double percent) const {
    if (counted == 0) return kNoSignal_dbm;
    // The number of cells the level needs: the smallest r >= 1 with 100·r >= percent·counted,
    // compared in integers scaled by 100 so that 5 % of 20 cells is exactly 1 cell.
    const double needed = std::clamp(percent, 0.0, 100.0) * static_cast<double>(counted);
    std::size_t rank =
        std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(needed / 100.0)));
    while (rank > 1 && 100.0 * static_cast<double>(rank - 1) >= needed) --rank;
    while (100.0 * static_cast<double>(rank) < needed) ++rank;
    if (rank <= no_signal) return kNoSignal_dbm;
    return dbm[std::min(rank - no_signal, dbm.size()) - 1];
}

MapCdf map_cdf(std::span<const double> power_w, std::span<const std::uint8_t> mask) {
    if (!mask.empty() && mask.size() != power_w.size())
        throw std::invalid_argument(
            fmt::format("CDF mask has {} cells but the map has {}", mask.size(), power_w.size()));
    MapCdf cdf;
    for (std::size_t i = 0; i < power_w.size(); ++i) {
        if (!mask.empty() && mask[i] == 0) continue;
        ++cdf.counted;
        if (has_signal(power_w[i]))
            cdf.dbm.push_back(power_to_dbm_floored(power_w[i]));
        else
            ++cdf.no_signal;
    }
    std::sort(cdf.dbm.begin(), cdf.dbm.end());
    return cdf;
}

}  // namespace rps
