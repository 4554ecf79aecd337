// HermiteTable: cubic Hermite interpolation on a uniform grid (hermite_table.hpp).
#include <gtest/gtest.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "core/common/hermite_table.hpp"

namespace rps {
namespace {

TEST(HermiteTable, ReproducesCubicsExactly) {
    // Cubic Hermite interpolation with exact slopes is exact for polynomials of degree <= 3.
    const auto f = [](double x) {
        return std::array<double, 2>{1.0 - 2.0 * x + 0.5 * x * x * x, 3.0 * x * x};
    };
    const auto df = [](double x) { return std::array<double, 2>{-2.0 + 1.5 * x * x, 6.0 * x}; };
    const HermiteTable<2> table(-1.0, 2.0, 7, f, df);
    for (double x = -1.0; x <= 2.0; x += 0.0371) {
        const auto got = table(x);
        EXPECT_NEAR(got[0], f(x)[0], 1e-13) << x;
        EXPECT_NEAR(got[1], f(x)[1], 1e-13) << x;
    }
}

TEST(HermiteTable, ErrorFollowsTheFourthPowerOfTheStep) {
    // |error| <= h^4/384 · max|f''''|; for exp on [0, 1], max|f''''| = e.
    const auto f = [](double x) { return std::array<double, 1>{std::exp(x)}; };
    for (const int intervals : {16, 64, 256}) {
        const HermiteTable<1> table(0.0, 1.0, intervals, f, f);
        const double h = 1.0 / intervals;
        const double bound = std::pow(h, 4) / 384.0 * std::exp(1.0);
        double worst = 0.0;
        for (double x = 0.0; x <= 1.0; x += 1.0 / 9973.0)
            worst = std::max(worst, std::abs(table(x)[0] - std::exp(x)));
        EXPECT_LE(worst, bound * 1.0001) << intervals;
        EXPECT_GT(worst, bound / 16.0) << intervals;  // the bound is tight within a small factor
    }
}

TEST(HermiteTable, ClampsToItsRangeAndPropagatesNaN) {
    const auto f = [](double x) { return std::array<double, 1>{x * x}; };
    const auto df = [](double x) { return std::array<double, 1>{2.0 * x}; };
    const HermiteTable<1> table(1.0, 3.0, 4, f, df);
    EXPECT_EQ(table(1.0)[0], 1.0);
    EXPECT_EQ(table(3.0)[0], 9.0);
    EXPECT_EQ(table(-5.0)[0], 1.0);
    EXPECT_EQ(table(7.0)[0], 9.0);
    EXPECT_EQ(table(1e300)[0], 9.0);
    EXPECT_EQ(table(std::numeric_limits<double>::infinity())[0], 9.0);
    EXPECT_EQ(table(-std::numeric_limits<double>::infinity())[0], 1.0);
    EXPECT_TRUE(std::isnan(table(std::numeric_limits<double>::quiet_NaN())[0]));
}

TEST(HermiteTable, BatchEvaluationEqualsOnePointAtATime) {
    const auto f = [](double x) { return std::array<double, 2>{std::sin(3.0 * x), std::exp(x)}; };
    const auto df = [](double x) {
        return std::array<double, 2>{3.0 * std::cos(3.0 * x), std::exp(x)};
    };
    const HermiteTable<2> table(-0.9, 0.9, 2048, f, df);
    constexpr double kInf = std::numeric_limits<double>::infinity();
    std::vector<double> x = {-0.9,        0.9,  -2.0,
                             5.0,         kInf, -kInf,
                             0.0,         -0.0, std::numeric_limits<double>::quiet_NaN(),
                             0.9 - 1e-17, 1e300};
    for (int i = 0; i < 200; ++i) x.push_back(-1.0 + 0.0101 * i);  // grid points and between
    std::vector<double> a(x.size()), b(x.size());
    table.evaluate(x.data(), static_cast<int>(x.size()), {a.data(), b.data()});
    for (size_t i = 0; i < x.size(); ++i) {
        const auto one = table(x[i]);
        if (std::isnan(x[i])) {
            EXPECT_TRUE(std::isnan(a[i]) && std::isnan(b[i]));
            continue;
        }
        EXPECT_EQ(std::bit_cast<uint64_t>(a[i]), std::bit_cast<uint64_t>(one[0])) << x[i];
        EXPECT_EQ(std::bit_cast<uint64_t>(b[i]), std::bit_cast<uint64_t>(one[1])) << x[i];
    }
}

}  // namespace
}  // namespace rps
