// Map metrics (DESIGN §3) vs a straightforward reference implementation written here.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "core/common/units.hpp"
#include "core/metrics/map_metrics.hpp"

namespace {

// The reference: copy the masked cells, full sort, numpy's linear-interpolation percentile.
struct Reference {
    double p5 = 0, min = 0, mean = 0, coverage = 0;
    std::size_t valid = 0, total = 0;
};

double reference_percentile(std::vector<double> sorted, double q) {
    if (sorted.empty()) return 0.0;
    std::sort(sorted.begin(), sorted.end());
    const double pos = q * static_cast<double>(sorted.size() - 1);
    const std::size_t lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

Reference reference_metrics(const std::vector<double>& power, const std::vector<uint8_t>& mask,
                            double threshold_dbm) {
    std::vector<double> masked;
    for (std::size_t i = 0; i < power.size(); ++i)
        if (mask.empty() || mask[i]) masked.push_back(power[i]);
    Reference r;
    r.total = masked.size();
    std::vector<double> valid;
    std::size_t covered = 0;
    for (double p : masked) {
        if (p > 1e-16) valid.push_back(p);
        if (10.0 * std::log10(p) + 30.0 >= threshold_dbm) ++covered;
    }
    r.valid = valid.size();
    r.coverage = r.total ? static_cast<double>(covered) / static_cast<double>(r.total) : 0.0;
    if (valid.empty()) return r;
    r.min = *std::min_element(valid.begin(), valid.end());
    double sum = 0;
    for (double p : valid) sum += p;
    r.mean = sum / static_cast<double>(valid.size());
    r.p5 = reference_percentile(valid, 0.05);
    return r;
}

void expect_rel(double actual, double expected, double rel) {
    EXPECT_NEAR(actual, expected, rel * std::abs(expected)) << actual << " vs " << expected;
}

TEST(MapMetrics, MatchesReferenceOnRandomMaps) {
    std::mt19937_64 rng(2024);
    std::uniform_int_distribution<int> size_dist(0, 3000);
    std::uniform_real_distribution<double> dbm(-140.0, -20.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int trial = 0; trial < 1000; ++trial) {
        const std::size_t n = trial < 5 ? static_cast<std::size_t>(trial)
                                        : static_cast<std::size_t>(size_dist(rng));
        const double zero_share = unit(rng) * 0.5;
        std::vector<double> power(n);
        for (double& p : power) {
            const double u = unit(rng);
            if (u < zero_share) p = 0.0;                       // no signal
            else if (u < zero_share + 0.02) p = 1e-16;         // exactly the floor: invalid
            else if (u < zero_share + 0.05) p = 1e-10;         // ties
            else p = rps::dbm_to_watts(dbm(rng));
        }
        std::vector<uint8_t> mask;
        if (trial % 3 != 0) {
            mask.resize(n);
            const double keep = unit(rng);
            for (uint8_t& m : mask) m = unit(rng) < keep ? static_cast<uint8_t>(1 + trial % 7) : 0;
        }
        const double threshold = trial % 2 ? rps::kDefaultCoverageThreshold_dbm : -85.0;
        const rps::MapMetrics m = rps::compute_metrics(power, mask, threshold);
        const Reference r = reference_metrics(power, mask, threshold);
        SCOPED_TRACE("trial " + std::to_string(trial) + ", " + std::to_string(n) + " cells");
        EXPECT_EQ(m.total_cells, r.total);
        EXPECT_EQ(m.valid_cells, r.valid);
        expect_rel(m.p5_w, r.p5, 1e-12);
        expect_rel(m.min_w, r.min, 1e-12);
        expect_rel(m.mean_w, r.mean, 1e-12);
        expect_rel(m.coverage_fraction, r.coverage, 1e-12);
        EXPECT_FALSE(std::isnan(m.softmin_w));
        if (r.valid > 0) {
            EXPECT_GE(m.softmin_w, m.min_w);
            EXPECT_LE(m.softmin_w, m.mean_w * (1 + 1e-12));
        }
        if (mask.empty()) {
            expect_rel(rps::percentile_w(power, 0.05), r.p5, 1e-12);
        }
    }
}

TEST(MapMetrics, PercentileInterpolatesLikeNumpy) {
    // numpy.percentile([1, 2, 3, 4], 5) = 1.15; q = 0.5 of [1, 2, 3, 4] = 2.5.
    const std::vector<double> v{4e-9, 1e-9, 3e-9, 2e-9};
    EXPECT_NEAR(rps::percentile_w(v, 0.05), 1.15e-9, 1e-24);
    EXPECT_NEAR(rps::percentile_w(v, 0.5), 2.5e-9, 1e-24);
    EXPECT_EQ(rps::percentile_w(v, 0.0), 1e-9);
    EXPECT_EQ(rps::percentile_w(v, 1.0), 4e-9);
    EXPECT_EQ(rps::percentile_w(v, 7.0), 4e-9);  // clamped
    // Cells at or below 1e-16 W are left out.
    const std::vector<double> w{0.0, 1e-16, 5e-9, 0.0};
    EXPECT_EQ(rps::percentile_w(w, 0.05), 5e-9);
    EXPECT_EQ(rps::percentile_w(std::vector<double>{0.0, 1e-17}, 0.05), 0.0);
    EXPECT_EQ(rps::percentile_w({}, 0.05), 0.0);
}

TEST(MapMetrics, SoftminBetweenMinAndMeanAndTendsToMin) {
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> dbm(-120.0, -30.0);
    for (int trial = 0; trial < 50; ++trial) {
        std::vector<double> power(1 + trial * 37);
        for (double& p : power) p = rps::dbm_to_watts(dbm(rng));
        const double mn = *std::min_element(power.begin(), power.end());
        const rps::MapMetrics m = rps::compute_metrics(power);
        EXPECT_GE(m.softmin_w, m.min_w);
        EXPECT_LE(m.softmin_w, m.mean_w * (1 + 1e-12));
        EXPECT_EQ(m.softmin_w, rps::softmin_w(power, rps::kDefaultSoftminTemperature));
        // Monotone in tau, and tau -> 0 gives the min.
        double previous = mn;
        for (double tau : {1e-4, 1e-3, 0.01, 0.1, 0.2, 1.0, 10.0}) {
            const double s = rps::softmin_w(power, tau);
            EXPECT_GE(s, previous * (1 - 1e-12)) << tau;
            previous = s;
        }
        EXPECT_NEAR(rps::softmin_w(power, 1e-4), mn, 1e-3 * mn);
        EXPECT_EQ(rps::softmin_w(power, 0.0), mn);
        // Large tau approaches the geometric mean.
        double log_sum = 0.0;
        for (double p : power) log_sum += std::log(p);
        const double geometric = std::exp(log_sum / static_cast<double>(power.size()));
        EXPECT_NEAR(rps::softmin_w(power, 1e6), geometric, 1e-4 * geometric);
    }
    // Extreme spreads do not overflow (P^(-1/tau) would for tau = 0.2 and 1e-16 W).
    const std::vector<double> spread{1e-15, 1.0, 1e3};
    const double s = rps::softmin_w(spread, 0.2);
    EXPECT_TRUE(std::isfinite(s));
    EXPECT_GE(s, 1e-15);
    // A single cell and equal cells give that value.
    EXPECT_NEAR(rps::softmin_w(std::vector<double>{3e-9}, 0.2), 3e-9, 1e-22);
    EXPECT_NEAR(rps::softmin_w(std::vector<double>(100, 2e-10), 0.2), 2e-10, 1e-23);
    // Closed form for two cells: (mean of P^-5)^(-1/5) at tau = 0.2.
    const std::vector<double> two{1e-9, 4e-9};
    const double expected = std::pow(0.5 * (std::pow(1e-9, -5.0) + std::pow(4e-9, -5.0)), -0.2);
    EXPECT_NEAR(rps::softmin_w(two, 0.2), expected, 1e-12 * expected);
}

TEST(MapMetrics, NoNanForEmptyOrDeadMaps) {
    for (std::size_t n : {0u, 1u, 100u}) {
        const std::vector<double> zeros(n, 0.0);
        const rps::MapMetrics m = rps::compute_metrics(zeros);
        EXPECT_EQ(m.p5_w, 0.0);
        EXPECT_EQ(m.min_w, 0.0);
        EXPECT_EQ(m.softmin_w, 0.0);
        EXPECT_EQ(m.mean_w, 0.0);
        EXPECT_EQ(m.coverage_fraction, 0.0);
        EXPECT_EQ(m.valid_cells, 0u);
        EXPECT_EQ(m.total_cells, n);
        for (rps::Objective o : {rps::Objective::P5, rps::Objective::Min, rps::Objective::SoftMin,
                                 rps::Objective::Mean, rps::Objective::Coverage}) {
            const double v = rps::objective_value(m, o);
            EXPECT_FALSE(std::isnan(v));
            EXPECT_TRUE(std::isfinite(v));
            EXPECT_EQ(v, o == rps::Objective::Coverage ? 0.0 : rps::kNoSignal_dbm);
        }
    }
    // An all-masked-out map and garbage values.
    const std::vector<double> power{1e-9, 2e-9};
    const std::vector<uint8_t> none{0, 0};
    EXPECT_EQ(rps::compute_metrics(power, none).total_cells, 0u);
    EXPECT_EQ(rps::compute_metrics(power, none).coverage_fraction, 0.0);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const rps::MapMetrics g = rps::compute_metrics(std::vector<double>{nan, inf, -1.0, 1e-9});
    EXPECT_EQ(g.valid_cells, 1u);
    EXPECT_EQ(g.min_w, 1e-9);
    EXPECT_FALSE(std::isnan(g.softmin_w));
    EXPECT_FALSE(std::isnan(g.mean_w));
}

TEST(MapMetrics, CoverageCountsInvalidMaskedCells) {
    // -100 dBm = 1e-13 W. Cells: 1e-12 (covered), 1e-13 (covered, >=), 1e-14, 0 (no signal).
    const std::vector<double> power{1e-12, 1e-13, 1e-14, 0.0, 1.0};
    const std::vector<uint8_t> mask{1, 1, 1, 1, 0};
    const rps::MapMetrics m = rps::compute_metrics(power, mask);
    EXPECT_EQ(m.total_cells, 4u);
    EXPECT_EQ(m.valid_cells, 3u);
    EXPECT_DOUBLE_EQ(m.coverage_fraction, 0.5);
    EXPECT_DOUBLE_EQ(rps::objective_value(m, rps::Objective::Coverage), 50.0);
    EXPECT_EQ(m.min_w, 1e-14);
    EXPECT_DOUBLE_EQ(m.mean_w, (1e-12 + 1e-13 + 1e-14) / 3.0);
    EXPECT_DOUBLE_EQ(rps::objective_value(m, rps::Objective::Min), -110.0);
    EXPECT_THROW(rps::compute_metrics(power, std::vector<uint8_t>{1, 1}), std::invalid_argument);
}

TEST(MapMetrics, ObjectiveNamesAndDbm) {
    for (rps::Objective o : {rps::Objective::P5, rps::Objective::Min, rps::Objective::SoftMin,
                             rps::Objective::Mean, rps::Objective::Coverage})
        EXPECT_EQ(rps::parse_objective(rps::to_string(o)), o);
    EXPECT_THROW(rps::parse_objective("median"), std::invalid_argument);
    rps::MapMetrics m;
    m.p5_w = 1e-9;
    m.mean_w = 1e-3;
    m.min_w = 1e-30;  // below the floor
    EXPECT_DOUBLE_EQ(rps::objective_value(m, rps::Objective::P5), -60.0);
    EXPECT_DOUBLE_EQ(rps::objective_value(m, rps::Objective::Mean), 0.0);
    EXPECT_EQ(rps::objective_value(m, rps::Objective::Min), rps::kNoSignal_dbm);
    EXPECT_EQ(rps::power_to_dbm_floored(0.0), -160.0);
    EXPECT_EQ(rps::power_to_dbm_floored(-1.0), -160.0);
}

}  // namespace
