// Multi-AP combining on hand-made maps.
#include <gtest/gtest.h>

#include <span>
#include <stdexcept>
#include <vector>

#include "core/common/units.hpp"
#include "core/metrics/combine_maps.hpp"

namespace {

using Maps = std::vector<std::span<const double>>;

TEST(CombineMaps, NoiseConstant) {
    // -174 dBm/Hz + 73.0103 dB(20 MHz) + 7 dB = -93.9897 dBm.
    EXPECT_NEAR(rps::watts_to_dbm(rps::default_noise_power_w()), -93.98970004336019, 1e-9);
    EXPECT_NEAR(rps::watts_to_dbm(rps::noise_power_w(1.0, 0.0)), -174.0, 1e-12);
}

TEST(CombineMaps, BestServerAndSum) {
    const std::vector<double> a{1e-9, 0.0, 5e-10, 2e-12};
    const std::vector<double> b{2e-10, 3e-11, 5e-10, 0.0};
    const std::vector<double> c{0.0, 1e-11, 1e-9, 1e-12};
    const Maps maps{a, b, c};
    std::vector<double> out(4, -1.0);
    rps::combine_maps(maps, rps::CombineMode::BestServer, 0.0, out);
    EXPECT_EQ(out, (std::vector<double>{1e-9, 3e-11, 1e-9, 2e-12}));
    rps::combine_maps(maps, rps::CombineMode::Sum, 0.0, out);
    EXPECT_DOUBLE_EQ(out[0], 1.2e-9);
    EXPECT_DOUBLE_EQ(out[1], 4e-11);
    EXPECT_DOUBLE_EQ(out[2], 2e-9);
    EXPECT_DOUBLE_EQ(out[3], 3e-12);
}

TEST(CombineMaps, Sinr) {
    const std::vector<double> a{1e-9, 0.0, 4e-10, 0.0};
    const std::vector<double> b{1e-10, 2e-10, 4e-10, 0.0};
    const std::vector<double> c{1e-10, 0.0, 2e-10, 0.0};
    const Maps maps{a, b, c};
    const double noise = 1e-12;
    std::vector<double> out(4);
    rps::combine_maps(maps, rps::CombineMode::Sinr, noise, out);
    EXPECT_DOUBLE_EQ(out[0], 1e-9 / (2e-10 + noise));
    EXPECT_DOUBLE_EQ(out[1], 2e-10 / noise);           // no interferer: SNR
    EXPECT_DOUBLE_EQ(out[2], 4e-10 / (6e-10 + noise));  // tie: the other equal AP interferes
    EXPECT_EQ(out[3], 0.0);                             // dead cell
    // A single AP gives its SNR.
    const Maps one{a};
    rps::combine_maps(one, rps::CombineMode::Sinr, noise, out);
    EXPECT_DOUBLE_EQ(out[0], 1e-9 / noise);
    // Zero noise and no interferer: no division by zero.
    rps::combine_maps(one, rps::CombineMode::Sinr, 0.0, out);
    EXPECT_EQ(out[1], 0.0);
}

TEST(CombineMaps, EdgeCasesAndNames) {
    std::vector<double> out(3, 7.0);
    rps::combine_maps(Maps{}, rps::CombineMode::BestServer, 0.0, out);
    EXPECT_EQ(out, (std::vector<double>(3, 0.0)));
    const std::vector<double> short_map{1.0, 2.0};
    EXPECT_THROW(rps::combine_maps(Maps{short_map}, rps::CombineMode::Sum, 0.0, out),
                 std::invalid_argument);
    for (rps::CombineMode m :
         {rps::CombineMode::BestServer, rps::CombineMode::Sum, rps::CombineMode::Sinr})
        EXPECT_EQ(rps::parse_combine_mode(rps::to_string(m)), m);
    EXPECT_EQ(rps::parse_combine_mode("best"), rps::CombineMode::BestServer);
    EXPECT_THROW(rps::parse_combine_mode("max"), std::invalid_argument);
}

}  // namespace
