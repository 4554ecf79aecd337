// Slab reflection/transmission (P.2040-3 eqs. 37, 43, 44) vs Sionna's numbers in
// ../shared/PHYSICS.md §2.4, its limits, energy conservation, and an independent transfer-matrix
// solution of the same boundary-value problem.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <complex>

#include "core/common/units.hpp"
#include "core/radio/itu_material_table.hpp"
#include "core/radio/radio_material.hpp"
#include "core/radio/slab_coefficients.hpp"
#include "tests/support/db_expect.hpp"

namespace {

using cd = std::complex<double>;
constexpr double kFreq_hz = 5.18e9;
const double kLambda = rps::wavelength_m(kFreq_hz);

rps::MaterialAtFrequency itu(const char* name, double thickness_m = 0.1) {
    rps::RadioMaterial material;
    material.itu_type = name;
    material.thickness_m = thickness_m;
    return rps::evaluate_material(material, kFreq_hz);
}

rps::MaterialAtFrequency custom(double eps, double sigma, double thickness_m) {
    rps::RadioMaterial material;
    material.relative_permittivity = eps;
    material.conductivity_s_per_m = sigma;
    material.thickness_m = thickness_m;
    return rps::evaluate_material(material, kFreq_hz);
}

double cos_deg(double deg) { return std::cos(rps::deg_to_rad(deg)); }

struct SlabRow {
    double theta_deg;
    double r_te, r_tm;        // half-space |r|^2
    double big_r_te, big_r_tm;  // slab |R|^2
    double t_te_db, t_tm_db;    // slab |T|^2 in dB
};

void check_rows(const char* name, const SlabRow* rows, int count) {
    const rps::MaterialAtFrequency m = itu(name);
    for (int i = 0; i < count; ++i) {
        const SlabRow& row = rows[i];
        SCOPED_TRACE(std::string(name) + " at " + std::to_string(row.theta_deg) + " deg");
        const double c = cos_deg(row.theta_deg);
        const rps::TeTm r = rps::fresnel_reflection(c, m.eta);
        EXPECT_NEAR(std::norm(r.te), row.r_te, 1e-5);
        EXPECT_NEAR(std::norm(r.tm), row.r_tm, 1e-5);
        const rps::SlabCoefficients s = rps::slab_coefficients(c, m, kLambda);
        EXPECT_NEAR(std::norm(s.r_te), row.big_r_te, 1e-5);
        EXPECT_NEAR(std::norm(s.r_tm), row.big_r_tm, 1e-5);
        EXPECT_NEAR_DB(std::norm(s.t_te), rps::db_to_linear(row.t_te_db), 0.005);
        EXPECT_NEAR_DB(std::norm(s.t_tm), rps::db_to_linear(row.t_tm_db), 0.005);
    }
}

TEST(Slab, ConcreteMatchesSionna) {
    const SlabRow rows[] = {
        {0, 0.155366, 0.155366, 0.141018, 0.141018, -13.309, -13.309},
        {30, 0.196701, 0.117276, 0.199937, 0.119273, -14.119, -13.300},
        {60, 0.384596, 0.011913, 0.397116, 0.012574, -17.186, -12.987},
        {80, 0.715624, 0.150932, 0.704418, 0.144656, -23.960, -14.587},
    };
    check_rows("concrete", rows, 4);
    // The linear |T|^2 values PHYSICS gives next to the dB ones.
    const rps::MaterialAtFrequency m = itu("concrete");
    EXPECT_NEAR(std::norm(rps::slab_coefficients(1.0, m, kLambda).t_te), 0.046677, 1e-6);
    EXPECT_NEAR(std::norm(rps::slab_coefficients(cos_deg(60), m, kLambda).t_tm), 0.050267, 1e-6);
    EXPECT_NEAR(std::norm(rps::slab_coefficients(cos_deg(80), m, kLambda).t_te), 0.004018, 1e-6);
}

TEST(Slab, PlasterboardMatchesSionna) {
    const SlabRow rows[] = {
        {0, 0.060789, 0.060789, 0.081744, 0.081744, -4.521, -4.521},
        {30, 0.084722, 0.040393, 0.149099, 0.073409, -5.175, -4.626},
        {60, 0.226980, 0.000292, 0.167543, 0.000193, -6.385, -4.633},
        {80, 0.591363, 0.224320, 0.720479, 0.328190, -14.003, -7.647},
    };
    check_rows("plasterboard", rows, 4);
}

TEST(Slab, MetalAndBrick) {
    const rps::MaterialAtFrequency metal = itu("metal");
    EXPECT_NEAR(std::norm(rps::fresnel_reflection(1.0, metal.eta).te), 0.999520, 5e-7);
    const rps::MaterialAtFrequency foil = itu("metal", 0.002);
    const rps::SlabCoefficients s = rps::slab_coefficients(1.0, foil, kLambda);
    EXPECT_NEAR(std::norm(s.r_te), 0.999520, 5e-7);
    EXPECT_NEAR(std::norm(s.r_tm), 0.999520, 5e-7);
    EXPECT_EQ(std::norm(s.t_te), 0.0);  // underflows, as in Sionna
    EXPECT_EQ(std::norm(s.t_tm), 0.0);

    const rps::SlabCoefficients brick = rps::slab_coefficients(1.0, itu("brick"), kLambda);
    EXPECT_NEAR(rps::linear_to_db(std::norm(brick.t_te)), -3.282, 5e-4);
}

TEST(Slab, PerfectConductor) {
    rps::MaterialAtFrequency pec;
    pec.perfect_conductor = true;
    for (double c : {0.0, 0.3, 1.0}) {
        const rps::SlabCoefficients s = rps::slab_coefficients(c, pec, kLambda);
        EXPECT_EQ(s.r_te, cd(-1.0));
        EXPECT_EQ(s.r_tm, cd(1.0));
        EXPECT_EQ(s.t_te, cd(0.0));
        EXPECT_EQ(s.t_tm, cd(0.0));
    }
}

TEST(Slab, ThicknessLimits) {
    for (const char* name : {"concrete", "plasterboard", "glass", "brick"}) {
        SCOPED_TRACE(name);
        const rps::MaterialAtFrequency thin = itu(name, 0.0);
        const rps::MaterialAtFrequency thick = itu(name, 100.0);
        for (double deg = 0.0; deg < 90.0; deg += 7.5) {
            const double c = cos_deg(deg);
            const rps::SlabCoefficients zero = rps::slab_coefficients(c, thin, kLambda);
            EXPECT_EQ(std::abs(zero.r_te), 0.0);
            EXPECT_EQ(std::abs(zero.r_tm), 0.0);
            EXPECT_DOUBLE_EQ(std::abs(zero.t_te), 1.0);
            EXPECT_DOUBLE_EQ(std::abs(zero.t_tm), 1.0);

            const rps::SlabCoefficients big = rps::slab_coefficients(c, thick, kLambda);
            const rps::TeTm half = rps::fresnel_reflection(c, thick.eta);
            EXPECT_NEAR(std::abs(big.r_te - half.te), 0.0, 1e-12);
            EXPECT_NEAR(std::abs(big.r_tm - half.tm), 0.0, 1e-12);
            EXPECT_LT(std::abs(big.t_te), 1e-12);
            EXPECT_LT(std::abs(big.t_tm), 1e-12);
        }
    }
}

TEST(Slab, NormalIncidenceTeEqualsMinusTm) {
    // At normal incidence TE and TM are the same physical wave; in Sionna's Jones basis
    // r_TM = -r_TE, and the transmission coefficients are equal (PHYSICS §2.2).
    for (const char* name : {"concrete", "plasterboard", "glass", "wood", "metal"}) {
        const rps::MaterialAtFrequency m = itu(name);
        const rps::SlabCoefficients s = rps::slab_coefficients(1.0, m, kLambda);
        EXPECT_NEAR(std::abs(s.r_te + s.r_tm), 0.0, 1e-12) << name;
        EXPECT_NEAR(std::abs(s.t_te - s.t_tm), 0.0, 1e-12) << name;
        EXPECT_NEAR(std::norm(s.r_te), std::norm(s.r_tm), 1e-14) << name;
        const rps::TeTm r = rps::fresnel_reflection(1.0, m.eta);
        EXPECT_NEAR(std::abs(r.te + r.tm), 0.0, 1e-12 * std::abs(r.te)) << name;
    }
}

TEST(Slab, GrazingIncidence) {
    // r_TE, r_TM -> -1 at grazing (PHYSICS §2.2); the slab reflects fully, transmits nothing.
    const rps::MaterialAtFrequency m = itu("concrete");
    const rps::TeTm r = rps::fresnel_reflection(0.0, m.eta);
    EXPECT_NEAR(std::abs(r.te - cd(-1.0)), 0.0, 1e-15);
    EXPECT_NEAR(std::abs(r.tm - cd(-1.0)), 0.0, 1e-15);
    const rps::SlabCoefficients s = rps::slab_coefficients(0.0, m, kLambda);
    EXPECT_EQ(s.r_te, cd(-1.0));
    EXPECT_EQ(s.t_tm, cd(0.0));
    // Vacuum is transparent at every angle, grazing included (no 0/0).
    const rps::MaterialAtFrequency vacuum = itu("vacuum");
    for (double c : {0.0, 1e-9, 0.5, 1.0}) {
        const rps::SlabCoefficients v = rps::slab_coefficients(c, vacuum, kLambda);
        EXPECT_NEAR(std::abs(v.r_te), 0.0, 1e-12);
        EXPECT_NEAR(std::abs(v.r_tm), 0.0, 1e-12);
        EXPECT_NEAR(std::abs(v.t_te), 1.0, 1e-12);
        EXPECT_NEAR(std::abs(v.t_tm), 1.0, 1e-12);
    }
}

TEST(Slab, LosslessSlabConservesEnergy) {
    for (double eps : {1.5, 2.73, 6.31, 30.0}) {
        for (double d : {0.001, 0.0125, 0.1, 0.37}) {
            const rps::MaterialAtFrequency m = custom(eps, 0.0, d);
            for (double deg = 0.0; deg <= 89.9; deg += 0.7) {
                const rps::SlabCoefficients s = rps::slab_coefficients(cos_deg(deg), m, kLambda);
                EXPECT_NEAR(std::norm(s.r_te) + std::norm(s.t_te), 1.0, 1e-12);
                EXPECT_NEAR(std::norm(s.r_tm) + std::norm(s.t_tm), 1.0, 1e-12);
            }
        }
    }
    // A lossy slab absorbs: |R|^2 + |T|^2 < 1.
    const rps::SlabCoefficients lossy = rps::slab_coefficients(0.5, itu("concrete"), kLambda);
    EXPECT_LT(std::norm(lossy.r_te) + std::norm(lossy.t_te), 1.0);
}

// Independent method: solve the boundary-value problem of a plane wave on a slab directly.
// Tangential field U (E_y for TE, H_y for TM) in three regions, e^{+j omega t} convention:
//   z < 0:      e^{-j k0 c z} + R e^{+j k0 c z}
//   0 < z < d:  B e^{-j k0 a z} + C e^{+j k0 a z},   a = sqrt(eta - sin^2)
//   z > d:      T e^{-j k0 c (z - d)}
// U and (1/mu)dU/dz (TE) or (1/eta)dU/dz (TM) are continuous at z = 0 and z = d: a 4x4 linear
// system in (R, B, C, T) with admittances p = c, a (TE) or c, a/eta (TM).
struct Solved {
    cd r, t;
};

Solved solve_boundary_problem(double c, cd eta, double d, bool tm) {
    const cd a = std::sqrt(eta - (1.0 - c * c));
    const cd p0 = c;
    const cd p1 = tm ? a / eta : a;
    const cd q = (2.0 * rps::kPi * d / kLambda) * a;
    const cd ef = std::exp(cd(0, -1) * q), eb = std::exp(cd(0, 1) * q);
    Eigen::Matrix4cd m;
    Eigen::Vector4cd rhs;
    // Unknowns x = (R, B, C, T).
    m << -1.0, 1.0, 1.0, 0.0,  // 1 + R = B + C
        p0, p1, -p1, 0.0,      // p0 (1 - R) = p1 (B - C)
        0.0, ef, eb, -1.0,     // B e^{-jq} + C e^{jq} = T
        0.0, p1 * ef, -p1 * eb, -p0;  // p1 (B e^{-jq} - C e^{jq}) = p0 T
    rhs << 1.0, p0, 0.0, 0.0;
    const Eigen::Vector4cd x = m.fullPivLu().solve(rhs);
    return {x(0), x(3)};
}

TEST(Slab, AgreesWithBoundaryValueSolution) {
    const rps::MaterialAtFrequency materials[] = {itu("concrete"), itu("plasterboard"),
                                                  itu("glass", 0.006), itu("wood", 0.04),
                                                  itu("brick", 0.23), custom(4.0, 0.0, 0.05)};
    for (const rps::MaterialAtFrequency& m : materials) {
        for (double deg = 0.0; deg <= 89.0; deg += 1.0) {
            const double c = cos_deg(deg);
            const rps::SlabCoefficients s = rps::slab_coefficients(c, m, kLambda);
            const Solved te = solve_boundary_problem(c, m.eta, m.thickness_m, false);
            const Solved tm = solve_boundary_problem(c, m.eta, m.thickness_m, true);
            SCOPED_TRACE("eta " + std::to_string(m.eta.real()) + " deg " + std::to_string(deg));
            EXPECT_NEAR(std::abs(s.r_te - te.r), 0.0, 1e-10);
            EXPECT_NEAR(std::abs(s.t_te - te.t), 0.0, 1e-10);
            EXPECT_NEAR(std::abs(s.r_tm - tm.r), 0.0, 1e-10);
            EXPECT_NEAR(std::abs(s.t_tm - tm.t), 0.0, 1e-10);
        }
    }
}

TEST(Slab, AbsCosIsUsed) {
    const rps::MaterialAtFrequency m = itu("concrete");
    const rps::SlabCoefficients a = rps::slab_coefficients(0.4, m, kLambda);
    const rps::SlabCoefficients b = rps::slab_coefficients(-0.4, m, kLambda);
    EXPECT_EQ(a.r_te, b.r_te);
    EXPECT_EQ(a.t_tm, b.t_tm);
}

}  // namespace
