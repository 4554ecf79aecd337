// reflect_lanes (structure-of-arrays reflections, with an AVX-512 clone on x86-64) must give
// exactly reflect_field's bits for every regular lane, and flag the lanes at normal incidence.
#include <gtest/gtest.h>

#include <bit>
#include <random>

#include "core/engine/path_field.hpp"
#include "core/engine/reflection_lanes.hpp"

namespace rps {

// The same source built for the baseline processor only (support/reflection_lanes_baseline.cpp).
void reflect_lanes_baseline(ReflectionLanes& lanes, int count, const Vec3& n);

namespace {

struct Lane {
    Vec3 k;
    Vec3c field;
    std::complex<double> te, tm;
};

bool same_bits(double a, double b) {
    return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b);
}

TEST(ReflectionLanes, EqualReflectFieldBitForBit) {
    std::mt19937_64 random(20261126);
    std::uniform_real_distribution<double> uniform(-1.0, 1.0);
    const auto unit = [&] {
        for (;;) {
            const Vec3 v(uniform(random), uniform(random), uniform(random));
            if (v.norm() > 0.1) return Vec3(v.normalized());
        }
    };
    int regular = 0, normal_incidence = 0;
    for (int round = 0; round < 400; ++round) {
        // Walls, floors and tilted faces.
        const Vec3 n = round % 3 == 0 ? Vec3(0, 0, 1) : round % 3 == 1 ? Vec3(0.6, 0.8, 0) : unit();
        const int count = 1 + round % ReflectionLanes::kLanes;
        std::vector<Lane> lanes(count);
        ReflectionLanes soa;
        for (int i = 0; i < count; ++i) {
            Lane& lane = lanes[i];
            lane.k = unit();
            if (i == 3) lane.k = -n;  // head-on: TE and TM coincide
            if (i == 5) lane.k = (n + Vec3(1e-13, 0, 0)).normalized();       // within 1e-12 of it
            if (i == 7) lane.k = (lane.k - lane.k.dot(n) * n).normalized();  // grazing
            for (int c = 0; c < 3; ++c) lane.field[c] = {uniform(random), uniform(random)};
            lane.te = std::polar(std::abs(uniform(random)), 3.0 * uniform(random));
            lane.tm = std::polar(std::abs(uniform(random)), 3.0 * uniform(random));
            soa.kx[i] = lane.k.x();
            soa.ky[i] = lane.k.y();
            soa.kz[i] = lane.k.z();
            for (int c = 0; c < 3; ++c) {
                soa.field_re[c][i] = lane.field[c].real();
                soa.field_im[c][i] = lane.field[c].imag();
            }
            soa.te_re[i] = lane.te.real();
            soa.te_im[i] = lane.te.imag();
            soa.tm_re[i] = lane.tm.real();
            soa.tm_im[i] = lane.tm.imag();
        }
        ReflectionLanes baseline = soa;
        reflect_lanes(soa, count, n);
        reflect_lanes_baseline(baseline, count, n);
        for (int i = 0; i < count; ++i) {
            Lane& lane = lanes[i];
            const bool expect_regular = lane.k.cross(n).squaredNorm() > 1e-24;
            ASSERT_EQ(soa.regular[i] != 0.0, expect_regular) << "round " << round << " lane " << i;
            if (!expect_regular) {
                ++normal_incidence;
                continue;
            }
            ++regular;
            // Every version of the kernel (AVX-512, AVX2, baseline) gives the same bits.
            for (int c = 0; c < 3; ++c) {
                ASSERT_TRUE(same_bits(soa.field_re[c][i], baseline.field_re[c][i]));
                ASSERT_TRUE(same_bits(soa.field_im[c][i], baseline.field_im[c][i]));
            }
            ASSERT_TRUE(same_bits(soa.kx[i], baseline.kx[i]) &&
                        same_bits(soa.ky[i], baseline.ky[i]) &&
                        same_bits(soa.kz[i], baseline.kz[i]));
            const Vec3c reflected = reflect_field(lane.field, lane.k, n, lane.te, lane.tm);
            const double k_out[3] = {soa.kx[i], soa.ky[i], soa.kz[i]};
            for (int c = 0; c < 3; ++c) {
                ASSERT_TRUE(same_bits(k_out[c], lane.k[c])) << "round " << round << " lane " << i;
                ASSERT_TRUE(same_bits(soa.field_re[c][i], reflected[c].real()))
                    << "round " << round << " lane " << i << " component " << c << ": "
                    << soa.field_re[c][i] << " vs " << reflected[c].real();
                ASSERT_TRUE(same_bits(soa.field_im[c][i], reflected[c].imag()))
                    << "round " << round << " lane " << i << " component " << c;
            }
        }
    }
    EXPECT_GT(regular, 2500);
    EXPECT_GT(normal_incidence, 300);  // lanes 3 and 5 of most rounds
}

}  // namespace
}  // namespace rps
