// map_difference (the compare view's and `rps compare`'s difference map) vs per-cell arithmetic
// written out here: dB of first over second where both carry signal in counted cells.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "core/common/units.hpp"
#include "core/metrics/map_difference.hpp"

namespace {

TEST(MapDifference, DbOfTheRatioOverCountedCellsWithSignal) {
    // dBm: first {-60, -70, -80, -90, (none), -50}, second {-63, -70, -75, (none), -80, -40}.
    const std::vector<double> first = {rps::dbm_to_watts(-60),
                                       rps::dbm_to_watts(-70),
                                       rps::dbm_to_watts(-80),
                                       rps::dbm_to_watts(-90),
                                       0.0,
                                       rps::dbm_to_watts(-50)};
    const std::vector<double> second = {rps::dbm_to_watts(-63), rps::dbm_to_watts(-70),
                                        rps::dbm_to_watts(-75), 1e-20,
                                        rps::dbm_to_watts(-80), rps::dbm_to_watts(-40)};
    const std::vector<std::uint8_t> mask = {1, 1, 1, 1, 1, 0};  // the last cell is not counted
    const rps::MapDifference d = rps::map_difference(first, second, mask);
    ASSERT_EQ(d.db.size(), 6u);
    EXPECT_NEAR(d.db[0], 3.0, 1e-9);
    EXPECT_NEAR(d.db[1], 0.0, 1e-9);
    EXPECT_NEAR(d.db[2], -5.0, 1e-9);
    EXPECT_TRUE(std::isnan(d.db[3]));  // the second has no signal
    EXPECT_TRUE(std::isnan(d.db[4]));  // the first has no signal
    EXPECT_TRUE(std::isnan(d.db[5]));  // not counted
    EXPECT_EQ(d.cells, 3u);
    EXPECT_NEAR(d.mean_db, (3.0 + 0.0 - 5.0) / 3.0, 1e-9);
    EXPECT_NEAR(d.min_db, -5.0, 1e-9);
    EXPECT_NEAR(d.max_db, 3.0, 1e-9);
    EXPECT_DOUBLE_EQ(d.second_better_fraction, 1.0 / 3.0);  // an equal cell is not "better"

    // Without a mask every cell counts.
    const rps::MapDifference all = rps::map_difference(first, second);
    EXPECT_EQ(all.cells, 4u);
    EXPECT_NEAR(all.max_db, 3.0, 1e-9);
    EXPECT_NEAR(all.min_db, -10.0, 1e-9);
}

TEST(MapDifference, NoCommonCellAndSizeMismatch) {
    const std::vector<double> none = {0.0, 0.0};
    const rps::MapDifference d = rps::map_difference(none, none);
    EXPECT_EQ(d.cells, 0u);
    EXPECT_EQ(d.mean_db, 0.0);
    EXPECT_EQ(d.second_better_fraction, 0.0);
    const std::vector<double> three = {1e-9, 1e-9, 1e-9};
    EXPECT_THROW(rps::map_difference(none, three), std::invalid_argument);
    const std::vector<std::uint8_t> mask = {1};
    EXPECT_THROW(rps::map_difference(none, none, mask), std::invalid_argument);
}

}  // namespace
