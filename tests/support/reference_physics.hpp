#pragma once
// Closed forms the physics tests compare the engine with, written independently of the library
// (never the code under test): constants, Friis, the ITU-R P.2040 material formula and the
// single-layer slab coefficients.
#include <cmath>
#include <complex>
#include <numbers>

namespace rps::test {

using cd = std::complex<double>;

constexpr double kPi = std::numbers::pi;
constexpr double kSpeedOfLight = 299792458.0;
constexpr double kEps0 = 8.8541878128e-12;
constexpr double kFreq_hz = 5.18e9;
constexpr double kLambda = kSpeedOfLight / kFreq_hz;
constexpr double kWavenumber = 2.0 * kPi / kLambda;

inline double rad(double deg) { return deg * kPi / 180.0; }
inline double deg(double rad) { return rad * 180.0 / kPi; }
inline double db_to_linear(double db) { return std::pow(10.0, db / 10.0); }

// Free-space loss factor of the Friis equation, (λ / (4π d))².
inline double friis(double distance_m) {
    const double x = kLambda / (4.0 * kPi * distance_m);
    return x * x;
}

// ITU-R P.2040 Table 3 as PHYSICS.md §1 lists it: ε' = a f^b, σ = c f^d (f in GHz), and the
// complex relative permittivity η = ε' − jσ/(ε0 ω).
struct ItuReference {
    const char* name;
    double a, b, c, d;
    cd eta(double freq_hz = kFreq_hz) const {
        const double f_ghz = freq_hz / 1e9;
        return {a * std::pow(f_ghz, b), -c * std::pow(f_ghz, d) / (kEps0 * 2.0 * kPi * freq_hz)};
    }
};

inline constexpr ItuReference kConcreteItu{"concrete", 5.24, 0.0, 0.0462, 0.7822};
inline constexpr ItuReference kPlasterboardItu{"plasterboard", 2.73, 0.0, 0.0085, 0.9395};
inline constexpr ItuReference kGlassItu{"glass", 6.31, 0.0, 0.0036, 1.3394};
inline constexpr ItuReference kMetalItu{"metal", 1.0, 0.0, 1e7, 0.0};

struct SlabReference {
    cd r_te, r_tm, t_te, t_tm;
};

// P.2040-3 single-layer slab: a = sqrt(η − sin²θ) (principal branch),
// r'_TE = (cos − a)/(cos + a), r'_TM = (η cos − a)/(η cos + a)            (eq. 37a/b)
// q = (2π d/λ) a,  R = r'(1 − e^{−j2q}) / (1 − r'² e^{−j2q})              (eq. 43a/b)
//                  T = (1 − r'²) e^{−jq} / (1 − r'² e^{−j2q})              (eq. 44)
inline SlabReference slab_reference(double cos_theta, cd eta, double thickness_m,
                                    double wavelength_m = kLambda) {
    const double sin2 = 1.0 - cos_theta * cos_theta;
    const cd a = std::sqrt(eta - sin2);
    const cd r_te = (cos_theta - a) / (cos_theta + a);
    const cd r_tm = (eta * cos_theta - a) / (eta * cos_theta + a);
    const cd q = (2.0 * kPi * thickness_m / wavelength_m) * a;
    const cd j(0.0, 1.0);
    const cd e1 = std::exp(-j * q), e2 = std::exp(-2.0 * j * q);
    const auto big_r = [&](cd r) { return r * (1.0 - e2) / (1.0 - r * r * e2); };
    const auto big_t = [&](cd r) { return (1.0 - r * r) * e1 / (1.0 - r * r * e2); };
    return {big_r(r_te), big_r(r_tm), big_t(r_te), big_t(r_tm)};
}

}  // namespace rps::test
