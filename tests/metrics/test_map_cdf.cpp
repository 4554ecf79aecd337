// map_cdf (the compare view's CDF curve, read at levels by `rps compare`): the steps written out
// by hand for small maps, cells without signal below every value, masked cells left out.
#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "core/common/units.hpp"
#include "core/metrics/map_cdf.hpp"
#include "core/metrics/map_metrics.hpp"

namespace {

std::vector<double> watts(const std::vector<double>& dbm) {
    std::vector<double> w;
    for (double v : dbm) w.push_back(v <= -200 ? 0.0 : rps::dbm_to_watts(v));
    return w;
}

TEST(MapCdf, StepsOverCountedCells) {
    // 5 counted cells: one without signal, four with; the sixth is masked out.
    const std::vector<double> power = watts({-70, -250, -90, -60, -80, -10});
    const std::vector<std::uint8_t> mask = {1, 1, 1, 1, 1, 0};
    const rps::MapCdf cdf = rps::map_cdf(power, mask);
    EXPECT_EQ(cdf.counted, 5u);
    EXPECT_EQ(cdf.no_signal, 1u);
    ASSERT_EQ(cdf.dbm.size(), 4u);
    EXPECT_NEAR(cdf.dbm[0], -90, 1e-9);
    EXPECT_NEAR(cdf.dbm[3], -60, 1e-9);
    EXPECT_DOUBLE_EQ(cdf.percent_at(0), 40.0);  // the no-signal cell and -90
    EXPECT_DOUBLE_EQ(cdf.percent_at(3), 100.0);
    // Levels read off the steps: 20 % is the no-signal cell, just above it -90 dBm.
    EXPECT_EQ(cdf.level_dbm(5), rps::kNoSignal_dbm);
    EXPECT_EQ(cdf.level_dbm(20), rps::kNoSignal_dbm);
    EXPECT_NEAR(cdf.level_dbm(20.1), -90, 1e-9);
    EXPECT_NEAR(cdf.level_dbm(40), -90, 1e-9);
    EXPECT_NEAR(cdf.level_dbm(50), -80, 1e-9);
    EXPECT_NEAR(cdf.level_dbm(90), -60, 1e-9);
    EXPECT_NEAR(cdf.level_dbm(100), -60, 1e-9);
    EXPECT_NEAR(cdf.level_dbm(250), -60, 1e-9);  // clamped
}

TEST(MapCdf, ExactShareOfManyCells) {
    // 20 cells -100..-81 dBm: 5 % is exactly the first cell, 10 % the second, 50 % the tenth.
    std::vector<double> dbm;
    for (int i = 0; i < 20; ++i) dbm.push_back(-100.0 + i);
    const rps::MapCdf cdf = rps::map_cdf(watts(dbm));
    EXPECT_NEAR(cdf.level_dbm(5), -100, 1e-9);
    EXPECT_NEAR(cdf.level_dbm(10), -99, 1e-9);
    EXPECT_NEAR(cdf.level_dbm(50), -91, 1e-9);
    EXPECT_NEAR(cdf.level_dbm(90), -83, 1e-9);
    EXPECT_NEAR(cdf.level_dbm(0), -100, 1e-9);
}

TEST(MapCdf, NothingCountedAndSizeMismatch) {
    const std::vector<double> power = watts({-70, -80});
    const std::vector<std::uint8_t> none = {0, 0};
    const rps::MapCdf cdf = rps::map_cdf(power, none);
    EXPECT_EQ(cdf.counted, 0u);
    EXPECT_EQ(cdf.level_dbm(50), rps::kNoSignal_dbm);
    const std::vector<std::uint8_t> short_mask = {1};
    EXPECT_THROW(rps::map_cdf(power, short_mask), std::invalid_argument);
}

}  // namespace
