#include "core/metrics/low_rank_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "core/common/units.hpp"
#include "core/metrics/map_metrics.hpp"

namespace rps {
namespace {

constexpr double kPercentile = 0.05;
// A round promotes the non-exact cells among the weakest window·r cells by their bound (r: the
// cells the percentile reads): one level below exact they go exact within 1.5·r, lower levels
// (cheap) move up one level within 2× more per level. Measured on the office example (docs/
// performance.md; windows of 1.25–2.5·r and growths of 2–4 were within 10 % of each other):
// about 10 % of the cells end up exact, in 2.5 exact rounds on average.
constexpr double kExactWindow = 1.5;
constexpr double kWindowGrowthPerLevel = 2.0;

bool is_valid(double power_w) { return power_w > kNoSignalPower_w && std::isfinite(power_w); }

}  // namespace

LowRankMetrics low_rank_metrics(const LeveledCells& source, std::size_t cell_count,
                                std::span<const std::uint8_t> mask) {
    if (source.levels < 1 || !source.evaluate)
        throw std::invalid_argument("low_rank_metrics: needs at least one level and an evaluator");
    if (!mask.empty() && mask.size() != cell_count)
        throw std::invalid_argument("low_rank_metrics: the mask must have one byte per cell");
    const int exact = source.levels - 1;
    LowRankMetrics result;
    std::vector<double> value(cell_count, 0.0);
    std::vector<int> level(cell_count, -1);  // -1: outside the mask
    std::vector<std::uint8_t> select(cell_count, 0);
    for (std::size_t c = 0; c < cell_count; ++c)
        if (mask.empty() || mask[c] != 0) {
            select[c] = 1;
            level[c] = 0;
            ++result.total_cells;
        }
    source.evaluate(0, select, value);
    if (exact == 0) {
        result.exact_cells = result.total_cells;
        result.rounds = 1;
    }

    std::vector<std::size_t> order;
    std::vector<std::vector<std::uint8_t>> promote(source.levels);
    while (true) {
        // Candidates for the weakest cells: every masked cell except the exact ones that turned
        // out to carry no signal. A non-exact cell whose bound shows no signal may or may not
        // carry any: it is promoted until exact.
        order.clear();
        bool validity_unknown = false;
        for (std::size_t c = 0; c < cell_count; ++c) {
            if (level[c] < 0) continue;
            if (!is_valid(value[c])) {
                if (level[c] == exact) continue;
                validity_unknown = true;
            }
            order.push_back(c);
        }
        const std::size_t n = order.size();  // the valid cells, once validity_unknown is false
        const std::size_t needed = std::max<std::size_t>(1, percentile_rank_count(n, kPercentile));
        // Only the widest promotion window needs to be in order (cells without signal, promoted
        // whatever their rank, sort first).
        const double widest = static_cast<double>(needed) * kExactWindow *
                              std::pow(kWindowGrowthPerLevel, std::max(0, exact - 1));
        const auto sorted_end = order.begin() + static_cast<std::ptrdiff_t>(std::min<double>(
                                                    static_cast<double>(n), std::ceil(widest)));
        // Cells without signal (NaN or inf included: a strict weak order needs numbers) first.
        const auto key = [&](std::size_t c) { return is_valid(value[c]) ? value[c] : -1.0; };
        std::partial_sort(order.begin(), sorted_end, order.end(),
                          [&](std::size_t a, std::size_t b) {
                              const double ka = key(a), kb = key(b);
                              return ka < kb || (ka == kb && a < b);
                          });
        order.erase(sorted_end, order.end());
        bool done = !validity_unknown;
        for (std::size_t i = 0; i < std::min(needed, order.size()) && done; ++i)
            done = level[order[i]] == exact;
        if (done) {
            std::vector<double> lowest;
            for (std::size_t i = 0; i < std::min(needed, n); ++i) lowest.push_back(value[order[i]]);
            result.valid_cells = n;
            result.min_w = n > 0 ? lowest.front() : 0.0;
            result.p5_w = percentile_of_lowest(lowest, n, kPercentile);
            return result;
        }
        // Promote: the window for cells at level L is needed · kExactWindow ·
        // kWindowGrowthPerLevel^(exact-1-L).
        for (auto& cells : promote) cells.assign(cell_count, 0);
        bool any = false;
        for (std::size_t i = 0; i < order.size(); ++i) {
            const std::size_t c = order[i];
            const int l = level[c];
            if (l == exact) continue;
            const double window = static_cast<double>(needed) * kExactWindow *
                                  std::pow(kWindowGrowthPerLevel, exact - 1 - l);
            if (static_cast<double>(i) < window || !is_valid(value[c])) {
                promote[l + 1][c] = 1;
                level[c] = l + 1;
                any = true;
            }
        }
        if (!any) throw std::logic_error("low_rank_metrics: no cell to refine");
        for (int l = 1; l <= exact; ++l) {
            if (std::find(promote[l].begin(), promote[l].end(), 1) == promote[l].end()) continue;
            source.evaluate(l, promote[l], value);
            if (l == exact) {
                ++result.rounds;
                result.exact_cells +=
                    static_cast<std::size_t>(std::count(promote[l].begin(), promote[l].end(), 1));
            }
        }
    }
}

}  // namespace rps
