#include "core/metrics/map_difference.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/metrics/map_metrics.hpp"

namespace rps {

MapDifference map_difference(std::span<const double> first_w, std::span<const double> second_w,
                             std::span<const std::uint8_t> mask) {
    if (first_w.size() != second_w.size() || (!mask.empty() && mask.size() != first_w.size()))
        throw std::invalid_argument(
            fmt::format("Map difference: maps of {} and {} cells, a mask of {}", first_w.size(),
                        second_w.size(), mask.size()));
    MapDifference d;
    d.db.assign(first_w.size(), std::numeric_limits<double>::quiet_NaN());
    double sum = 0.0;
    std::size_t second_better = 0;
    for (std::size_t i = 0; i < first_w.size(); ++i) {
        if ((!mask.empty() && mask[i] == 0) || !has_signal(first_w[i]) || !has_signal(second_w[i]))
            continue;
        const double db = 10.0 * std::log10(first_w[i] / second_w[i]);
        d.db[i] = db;
        d.min_db = d.cells == 0 ? db : std::min(d.min_db, db);
        d.max_db = d.cells == 0 ? db : std::max(d.max_db, db);
        sum += db;
        second_better += db < 0.0;
        ++d.cells;
    }
    if (d.cells > 0) {
        d.mean_db = sum / static_cast<double>(d.cells);
        d.second_better_fraction =
            static_cast<double>(second_better) / static_cast<double>(d.cells);
    }
    return d;
}

}  // namespace rps
