// low_rank_metrics: P5 and min from lower bounds and a few exact cells must equal, bit for bit,
// what compute_metrics gives on the exact map, whatever the bounds (tight, loose, useless), with
// masked-out cells and cells without signal; and it must evaluate fewer cells exactly when the
// bounds are informative.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "core/metrics/low_rank_metrics.hpp"
#include "core/metrics/map_metrics.hpp"

namespace rps {
namespace {

struct Case {
    std::vector<std::vector<double>> levels;  // levels.back() is exact
    std::vector<uint8_t> mask;
};

// Exact values log-uniform over 60 dB, some without signal; each lower level multiplies by a
// random factor in [looseness, 1].
Case random_case(unsigned seed, size_t cells, int levels, double looseness, double no_signal) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> db(-110.0, -50.0), unit(0.0, 1.0);
    Case c;
    c.levels.assign(levels, std::vector<double>(cells));
    c.mask.resize(cells);
    for (size_t i = 0; i < cells; ++i) {
        double v = unit(random) < no_signal ? 1e-17 * unit(random)
                                            : std::pow(10.0, db(random) / 10.0 - 3.0);
        c.levels[levels - 1][i] = v;
        for (int l = levels - 2; l >= 0; --l)
            c.levels[l][i] = v *= looseness + (1.0 - looseness) * unit(random);
        c.mask[i] = unit(random) < 0.9 ? 1 : 0;
    }
    return c;
}

LowRankMetrics run(const Case& c, std::vector<size_t>* evaluated_per_level = nullptr) {
    LeveledCells source;
    source.levels = static_cast<int>(c.levels.size());
    if (evaluated_per_level) evaluated_per_level->assign(c.levels.size(), 0);
    source.evaluate = [&](int level, std::span<const uint8_t> cells, std::span<double> out) {
        for (size_t i = 0; i < cells.size(); ++i)
            if (cells[i]) {
                out[i] = c.levels[level][i];
                if (evaluated_per_level) ++(*evaluated_per_level)[level];
            }
    };
    return low_rank_metrics(source, c.mask.size(), c.mask);
}

void expect_exact(const Case& c, const LowRankMetrics& low) {
    const MapMetrics full = compute_metrics(c.levels.back(), c.mask);
    EXPECT_EQ(low.p5_w, full.p5_w);
    EXPECT_EQ(low.min_w, full.min_w);
    EXPECT_EQ(low.valid_cells, full.valid_cells);
    EXPECT_EQ(low.total_cells, full.total_cells);
}

TEST(LowRankMetrics, MatchesTheFullMetricsBitForBit) {
    unsigned seed = 1;
    for (double looseness : {0.99, 0.5, 0.01, 1e-9})
        for (int levels : {1, 2, 3})
            for (size_t cells : {1u, 2u, 7u, 40u, 1600u})
                for (double no_signal : {0.0, 0.03, 0.5}) {
                    SCOPED_TRACE(testing::Message()
                                 << "looseness " << looseness << ", levels " << levels << ", cells "
                                 << cells << ", no signal " << no_signal);
                    const Case c = random_case(seed++, cells, levels, looseness, no_signal);
                    expect_exact(c, run(c));
                }
}

TEST(LowRankMetrics, TightBoundsLeaveMostCellsInexact) {
    const Case c = random_case(42, 1600, 3, 0.7, 0.0);  // bounds within 1.5 dB
    std::vector<size_t> evaluated;
    const LowRankMetrics low = run(c, &evaluated);
    expect_exact(c, low);
    EXPECT_EQ(evaluated[0], low.total_cells);
    EXPECT_EQ(evaluated[2], low.exact_cells);
    // The percentile reads 0.05·n + 2 cells; a handful of rounds stay within a few times that.
    EXPECT_LT(low.exact_cells, low.total_cells / 5);
    EXPECT_GE(low.exact_cells, static_cast<size_t>(0.05 * low.valid_cells));
}

// NaN and inf (upstream bugs) count as no signal, as in compute_metrics, and never break the
// ordering.
TEST(LowRankMetrics, NanAndInfCountAsNoSignal) {
    Case c = random_case(9, 300, 2, 0.5, 0.0);
    for (size_t i = 0; i < 300; i += 7) {
        c.levels[1][i] = i % 2 ? std::nan("") : HUGE_VAL;
        c.levels[0][i] = i % 3 ? std::nan("") : 0.0;
    }
    expect_exact(c, run(c));
}

TEST(LowRankMetrics, AllCellsWithoutSignalGiveZero) {
    Case c;
    c.levels = {std::vector<double>(50, 0.0), std::vector<double>(50, 1e-18)};
    c.mask.assign(50, 1);
    const LowRankMetrics low = run(c);
    EXPECT_EQ(low.valid_cells, 0u);
    EXPECT_EQ(low.p5_w, 0.0);
    EXPECT_EQ(low.min_w, 0.0);
    EXPECT_EQ(low.total_cells, 50u);
}

TEST(LowRankMetrics, PercentileOfLowestMatchesPercentile) {
    std::mt19937 random(3);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (size_t n : {1u, 2u, 3u, 20u, 21u, 101u, 1589u}) {
        std::vector<double> values(n);
        for (double& v : values) v = unit(random);
        std::vector<double> sorted = values;
        std::sort(sorted.begin(), sorted.end());
        for (double q : {0.0, 0.05, 0.5, 1.0}) {
            const size_t k = percentile_rank_count(n, q);
            ASSERT_LE(k, n);
            EXPECT_EQ(percentile_of_lowest(std::span(sorted).first(k), n, q),
                      percentile_w(values, q));
        }
    }
    EXPECT_THROW(percentile_of_lowest({}, 10, 0.05), std::invalid_argument);
}

}  // namespace
}  // namespace rps
