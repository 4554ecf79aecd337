#pragma once
// Reflection and transmission of a plane wave by a wall, Sionna RT's only interaction model
// (../shared/PHYSICS.md §2.1): a homogeneous slab in vacuum, ITU-R P.2040-3 eqs. 37a/b, 43a/b, 44.
// Angles enter as cos_theta = |cos| of the incidence angle to the face normal, in [0, 1].
// Sign conventions follow Sionna's Jones basis (PHYSICS §2.2): r_TM = -r_TE at normal incidence.
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <vector>

#include "core/radio/radio_material.hpp"

namespace rps {

struct TeTm {
    std::complex<double> te, tm;
};

// Half-space Fresnel reflection coefficients for a wave incident from vacuum on a medium of
// complex relative permittivity eta (P.2040 eqs. 37a/b, principal square root).
TeTm fresnel_reflection(double cos_theta, std::complex<double> eta);

struct SlabCoefficients {
    std::complex<double> r_te, r_tm, t_te, t_tm;
};

// Slab of thickness material.thickness_m (P.2040-3 eqs. 43a/b and 44, PHYSICS §2.1):
//   q = (2 pi d / lambda)·sqrt(eta - sin^2 theta)
//   R = r'(1 - e^{-j2q}) / (1 - r'^2 e^{-j2q}),   T = (1 - r'^2) e^{-jq} / (1 - r'^2 e^{-j2q})
// for r' = r_TE and r' = r_TM. T is referred to the exit face; the wave keeps its direction.
// A perfect conductor gives r_te = -1, r_tm = +1, t = 0; thickness 0 gives R = 0, T = 1.
SlabCoefficients slab_coefficients(double cos_theta, const MaterialAtFrequency& material,
                                   double wavelength_m);

// slab_coefficients() sampled once per (material, wavelength) on a uniform grid in cos_theta over
// [0, 1] and interpolated: the engine's hot loop calls at() once per wall crossing or reflection.
// Interpolation is cubic Hermite on the values and their exact derivatives (central differences of
// the formula): with 1025 samples (128 KB) the interpolated |R|^2, |T|^2 stay within 1e-5 dB of the
// formula for the ITU building materials, even near Brewster angles where |R_TM| is tiny. Linear
// interpolation, tried first, needed 8193 samples to hold 1e-4 dB there. Below cos_theta = 1/64
// (within 0.9 deg of grazing) at() evaluates the formula itself: T vanishes and metals' R_TM dips
// (pseudo-Brewster at cos ~ 1/|sqrt(eta)|) on a scale finer than any affordable grid, and such
// rays are rare. Tests: tests/radio/test_slab_table.cpp.
class SlabCoefficientTable {
public:
    static constexpr std::size_t kDefaultSamples = 1025;
    static constexpr double kExactBelowCos = 1.0 / 64.0;

    SlabCoefficientTable() = default;  // empty: at() must not be called
    SlabCoefficientTable(const MaterialAtFrequency& material, double wavelength_m,
                         std::size_t samples = kDefaultSamples);

    // Interpolated coefficients; like slab_coefficients() it uses min(|cos_theta|, 1).
    SlabCoefficients at(double cos_theta) const {
        const TeTm r = reflection(cos_theta);
        const TeTm t = transmission(cos_theta);
        return {r.te, r.tm, t.te, t.tm};
    }
    // Only the reflection (or only the transmission) pair: an interaction needs one of the two,
    // and the hot loop then interpolates half as many numbers.
    TeTm reflection(double cos_theta) const { return interpolate<true>(cos_theta); }
    TeTm transmission(double cos_theta) const { return interpolate<false>(cos_theta); }

    bool empty() const { return reflection_.empty(); }
    std::size_t size() const { return reflection_.size(); }

private:
    template <bool kReflection>
    TeTm interpolate(double cos_theta) const {
        const double c = std::min(std::abs(cos_theta), 1.0);
        if (c < kExactBelowCos) [[unlikely]] {
            const SlabCoefficients exact = slab_coefficients(c, material_, wavelength_m_);
            return kReflection ? TeTm{exact.r_te, exact.r_tm} : TeTm{exact.t_te, exact.t_tm};
        }
        const double x = c * scale_;
        const std::size_t i = std::min(static_cast<std::size_t>(x), last_interval_);
        const double t = x - static_cast<double>(i);
        const double s = 1.0 - t;
        // Cubic Hermite basis; slopes are stored pre-multiplied by the grid step.
        const double h00 = (1.0 + 2.0 * t) * s * s;
        const double h10 = t * s * s;
        const double h01 = t * t * (3.0 - 2.0 * t);
        const double h11 = -t * t * s;
        const PairNode& a = (kReflection ? reflection_ : transmission_)[i];
        const PairNode& b = (kReflection ? reflection_ : transmission_)[i + 1];
        return {h00 * a.te + h10 * a.slope_te + h01 * b.te + h11 * b.slope_te,
                h00 * a.tm + h10 * a.slope_tm + h01 * b.tm + h11 * b.slope_tm};
    }

    // One pair (reflection or transmission) per node with its slopes (d/d(cos_theta) times the
    // grid step): one 64-byte line per node, so a lookup reads two lines instead of four.
    struct alignas(64) PairNode {
        std::complex<double> te, tm, slope_te, slope_tm;
    };
    std::vector<PairNode> reflection_, transmission_;  // at cos_theta = i / (size - 1)
    MaterialAtFrequency material_;                     // for the exact evaluation near grazing
    double wavelength_m_ = 1.0;
    double scale_ = 0.0;             // size - 1
    std::size_t last_interval_ = 0;  // size - 2
};

}  // namespace rps
