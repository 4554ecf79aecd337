// A value short of a limit prints short of it (shortfall_format.hpp).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "core/common/shortfall_format.hpp"

namespace rps {
namespace {

TEST(ShortfallFormat, ThreeDecimalsWhenTheyShowTheShortfall) {
    EXPECT_EQ(format_below_limit(0.012, 0.05), "0.012");
    EXPECT_EQ(format_below_limit(0.0, 0.05), "0.000");
}

TEST(ShortfallFormat, MoreDecimalsWhenThreeRoundUpToTheLimit) {
    EXPECT_EQ(format_below_limit(0.04999, 0.05), "0.04999");
    EXPECT_EQ(format_below_limit(0.0499999, 0.05), "0.0499999");
}

TEST(ShortfallFormat, EveryPrintedValueReadsBelowTheLimit) {
    // Just below the limit by 1 ulp up to 1e-3 of it: the printed text must parse below it.
    const double limit = 0.05;
    for (double below = std::nextafter(limit, 0.0); limit - below < 1e-3;
         below = limit - (limit - below) * 3.0) {
        const std::string text = format_below_limit(below, limit);
        EXPECT_LT(std::strtod(text.c_str(), nullptr), limit) << text;
    }
}

TEST(ShortfallFormat, ValuesAtOrAboveTheLimitKeepThreeDecimals) {
    EXPECT_EQ(format_below_limit(0.05, 0.05), "0.050");
    EXPECT_EQ(format_below_limit(1.23456, 0.05), "1.235");
}

}  // namespace
}  // namespace rps
