#pragma once
// Comparing powers in dB with a tolerance: the one helper every physics test uses.
#include <gtest/gtest.h>

#include <cmath>

namespace rps::test {

inline double to_db(double linear) { return 10.0 * std::log10(linear); }

// Asserts |10·log10(actual/expected)| <= tolerance_db.
inline ::testing::AssertionResult NearDb(double actual_linear, double expected_linear,
                                         double tolerance_db) {
    if (!(actual_linear > 0.0) || !(expected_linear > 0.0))
        return ::testing::AssertionFailure()
               << "non-positive power: actual " << actual_linear << ", expected " << expected_linear;
    const double diff = to_db(actual_linear) - to_db(expected_linear);
    if (std::abs(diff) <= tolerance_db) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "actual " << to_db(actual_linear) << " dB vs expected " << to_db(expected_linear)
           << " dB: off by " << diff << " dB (tolerance " << tolerance_db << " dB)";
}

}  // namespace rps::test

#define EXPECT_NEAR_DB(actual, expected, tol) EXPECT_TRUE(::rps::test::NearDb((actual), (expected), (tol)))
