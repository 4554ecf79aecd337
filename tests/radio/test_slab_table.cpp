// SlabCoefficientTable (the engine's interpolated lookup) vs the exact slab formula.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <random>
#include <string>

#include "core/common/units.hpp"
#include "core/radio/radio_material.hpp"
#include "core/radio/slab_coefficients.hpp"

namespace {

rps::MaterialAtFrequency itu(const char* name, double freq_hz, double thickness_m = 0.1) {
    rps::RadioMaterial material;
    material.itu_type = name;
    material.thickness_m = thickness_m;
    return rps::evaluate_material(material, freq_hz);
}

double db_error(std::complex<double> approx, std::complex<double> exact) {
    if (std::norm(exact) == 0.0) return std::norm(approx) == 0.0 ? 0.0 : INFINITY;
    return std::abs(10.0 * std::log10(std::norm(approx) / std::norm(exact)));
}

// Worst dB error of the four |.|^2 over 5000 evenly spaced and 20000 random angles in
// [0, 90) deg, a dense sweep of the last 5 deg, and the grid points and midpoints.
void check_table(const rps::MaterialAtFrequency& m, double wavelength_m, double tol_db) {
    const rps::SlabCoefficientTable table(m, wavelength_m);
    double worst = 0.0, worst_cos = 0.0, excess = -1.0;
    const auto check = [&](double c) {
        const rps::SlabCoefficients exact = rps::slab_coefficients(c, m, wavelength_m);
        const rps::SlabCoefficients approx = table.at(c);
        for (double e : {db_error(approx.r_te, exact.r_te), db_error(approx.r_tm, exact.r_tm),
                         db_error(approx.t_te, exact.t_te), db_error(approx.t_tm, exact.t_tm)}) {
            if (!(e <= worst)) {
                worst = e;
                worst_cos = c;
            }
        }
        // Interpolation never makes a passive wall amplify.
        excess = std::max({excess, std::norm(approx.r_te) + std::norm(approx.t_te) - 1.0,
                           std::norm(approx.r_tm) + std::norm(approx.t_tm) - 1.0});
    };
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> angle(0.0, 90.0);
    for (int i = 0; i < 5000; ++i) check(std::cos(rps::deg_to_rad(90.0 * i / 5000.0)));
    for (int i = 0; i < 20000; ++i) check(std::cos(rps::deg_to_rad(angle(rng))));
    for (int i = 0; i < 5000; ++i) check(std::cos(rps::deg_to_rad(85.0 + 5.0 * i / 5000.0)));
    const double n = static_cast<double>(table.size() - 1);
    for (int i = 0; i <= 2 * static_cast<int>(n); ++i) check(0.5 * i / n);
    EXPECT_LE(worst, tol_db) << "worst at theta = " << rps::rad_to_deg(std::acos(worst_cos))
                             << " deg";
    // Interpolation never makes a passive wall amplify (beyond the interpolation error).
    EXPECT_LE(excess, 1e-7);
}

TEST(SlabTable, BuildingMaterialsAt518GHzWithin1e5Db) {
    const double lambda = rps::wavelength_m(5.18e9);
    for (const char* name : {"concrete", "plasterboard", "glass", "brick", "wood", "chipboard",
                             "ceiling_board", "marble", "plywood"}) {
        SCOPED_TRACE(name);
        check_table(itu(name, 5.18e9), lambda, 1e-5);
    }
    SCOPED_TRACE("thin glass");
    check_table(itu("glass", 5.18e9, 0.006), lambda, 1e-5);
}

TEST(SlabTable, MetalWithin1e4DbAtEveryAngle) {
    for (double f : {1e9, 2.4e9, 5.18e9, 28e9, 60e9, 100e9}) {
        SCOPED_TRACE(std::to_string(f / 1e9) + " GHz");
        check_table(itu("metal", f, 0.002), rps::wavelength_m(f), 1e-4);
    }
}

TEST(SlabTable, OtherFrequenciesWithin1e4Db) {
    for (double f : {1e9, 2.4e9, 28e9, 60e9, 100e9}) {
        for (const char* name : {"concrete", "plasterboard", "glass", "wood"}) {
            SCOPED_TRACE(std::string(name) + " at " + std::to_string(f / 1e9) + " GHz");
            check_table(itu(name, f), rps::wavelength_m(f), 1e-4);
        }
    }
}

TEST(SlabTable, LosslessAndSpecialMaterials) {
    const double lambda = rps::wavelength_m(5.18e9);
    rps::RadioMaterial lossless;
    lossless.relative_permittivity = 4.0;
    lossless.thickness_m = 0.3;
    check_table(rps::evaluate_material(lossless, 5.18e9), lambda, 1e-4);
    check_table(itu("vacuum", 5.18e9), lambda, 1e-9);

    rps::MaterialAtFrequency pec;
    pec.perfect_conductor = true;
    const rps::SlabCoefficientTable table(pec, lambda);
    for (double c : {0.0, 0.001, 0.3, 1.0}) {
        EXPECT_EQ(table.at(c).r_te, std::complex<double>(-1.0));
        EXPECT_EQ(table.at(c).r_tm, std::complex<double>(1.0));
        EXPECT_EQ(table.at(c).t_te, std::complex<double>(0.0));
    }
    rps::MaterialAtFrequency transparent = itu("concrete", 5.18e9, 0.0);
    EXPECT_EQ(rps::SlabCoefficientTable(transparent, lambda).at(0.7).t_tm,
              std::complex<double>(1.0));
}

TEST(SlabTable, GridPointsAreExactAndAbsCosIsUsed) {
    const double lambda = rps::wavelength_m(5.18e9);
    const rps::MaterialAtFrequency m = itu("concrete", 5.18e9);
    const rps::SlabCoefficientTable table(m, lambda);
    EXPECT_EQ(table.size(), rps::SlabCoefficientTable::kDefaultSamples);
    const rps::SlabCoefficients normal = rps::slab_coefficients(1.0, m, lambda);
    EXPECT_EQ(table.at(1.0).r_te, normal.r_te);
    EXPECT_EQ(table.at(1.5).t_tm, normal.t_tm);
    const rps::SlabCoefficients grazing = rps::slab_coefficients(0.0, m, lambda);
    EXPECT_EQ(table.at(0.0).r_tm, grazing.r_tm);
    const double c = 0.25;  // a grid point: 256 / 1024
    EXPECT_EQ(table.at(c).t_te, rps::slab_coefficients(c, m, lambda).t_te);
    EXPECT_EQ(table.at(-c).t_te, table.at(c).t_te);
    EXPECT_EQ(table.at(-0.001).r_te, table.at(0.001).r_te);
}

}  // namespace
