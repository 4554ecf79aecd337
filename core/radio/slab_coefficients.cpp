#include "core/radio/slab_coefficients.hpp"

#include <cmath>
#include <stdexcept>

#include "core/common/units.hpp"

namespace rps {

namespace {

using cd = std::complex<double>;

double clamp_cos(double cos_theta) { return std::min(std::abs(cos_theta), 1.0); }

// sqrt(eta - sin^2 theta), principal branch (Sionna's cpx_sqrt: Re >= 0, Im with the sign of the
// argument's Im). For a passive medium Im(eta) <= 0, so the root has Im <= 0 and e^{-jq} decays
// through the slab. A lossless medium (Im = 0) with eta < sin^2 theta would hit the branch cut;
// forcing Im = -0.0 picks the evanescent (decaying) root instead of the growing one.
// eta - sin^2 is formed as (eta - 1) + cos^2 so that it stays exact for vacuum (eta = 1) near
// grazing, where 1 - cos^2 would round to 1 and give a = 0 instead of a = cos.
cd normal_wavenumber_ratio(double cos_theta, cd eta) {
    cd arg = (eta - 1.0) + cos_theta * cos_theta;
    if (arg.imag() == 0.0) arg.imag(-0.0);
    return std::sqrt(arg);
}

TeTm fresnel_from_root(double cos_theta, cd eta, cd a) {
    // Grazing incidence on vacuum (eta = 1, a = 0) is 0/0; its limit along eta = 1 is r = 0.
    if (a == cd(0.0) && cos_theta == 0.0) return {cd(0.0), cd(0.0)};
    // P.2040 eqs. 37a/b.
    return {(cos_theta - a) / (cos_theta + a), (eta * cos_theta - a) / (eta * cos_theta + a)};
}

// P.2040-3 eqs. 43a/b and 44 for one polarisation.
void slab_one(cd r, cd e1, cd e2, cd& big_r, cd& big_t) {
    const cd r2 = r * r;
    const cd denominator = 1.0 - r2 * e2;
    big_r = r * (1.0 - e2) / denominator;
    big_t = (1.0 - r2) * e1 / denominator;
}

}  // namespace

TeTm fresnel_reflection(double cos_theta, std::complex<double> eta) {
    const double c = clamp_cos(cos_theta);
    return fresnel_from_root(c, eta, normal_wavenumber_ratio(c, eta));
}

SlabCoefficients slab_coefficients(double cos_theta, const MaterialAtFrequency& material,
                                   double wavelength_m) {
    if (material.perfect_conductor) return {cd(-1.0), cd(1.0), cd(0.0), cd(0.0)};
    if (material.thickness_m <= 0.0) return {cd(0.0), cd(0.0), cd(1.0), cd(1.0)};

    const double c = clamp_cos(cos_theta);
    const cd eta = material.eta;
    const cd a = normal_wavenumber_ratio(c, eta);
    const TeTm r = fresnel_from_root(c, eta, a);
    // At exact grazing r' = -1 (unless eta = 1, where r' = 0): the formula tends to R = -1, T = 0
    // but evaluates to 0/0 when e^{-j2q} = 1, so return the limit.
    if (c == 0.0 && r.te != cd(0.0)) return {cd(-1.0), cd(-1.0), cd(0.0), cd(0.0)};

    const cd q = (2.0 * kPi * material.thickness_m / wavelength_m) * a;
    const cd minus_j(0.0, -1.0);
    const cd e1 = std::exp(minus_j * q);        // e^{-jq}
    const cd e2 = std::exp(2.0 * minus_j * q);  // e^{-j2q}; underflows to 0 for thick lossy slabs
    SlabCoefficients s;
    slab_one(r.te, e1, e2, s.r_te, s.t_te);
    slab_one(r.tm, e1, e2, s.r_tm, s.t_tm);
    return s;
}

SlabCoefficientTable::SlabCoefficientTable(const MaterialAtFrequency& material,
                                           double wavelength_m, std::size_t samples)
    : material_(material), wavelength_m_(wavelength_m) {
    if (samples < 2) throw std::invalid_argument("SlabCoefficientTable needs at least 2 samples");
    const double step = 1.0 / static_cast<double>(samples - 1);
    const auto eval = [&](double c) { return slab_coefficients(c, material, wavelength_m); };
    // Derivative step: small against the grid (error ~ delta^2·f''') yet far above rounding
    // (~ 1e-16 / delta). One-sided second-order differences at the ends of [0, 1].
    const double delta = 1e-6;
    const auto combine = [&](const SlabCoefficients& a, const SlabCoefficients& b,
                             const SlabCoefficients& c, double wa, double wb, double wc) {
        const double k = step / delta;
        return SlabCoefficients{k * (wa * a.r_te + wb * b.r_te + wc * c.r_te),
                                k * (wa * a.r_tm + wb * b.r_tm + wc * c.r_tm),
                                k * (wa * a.t_te + wb * b.t_te + wc * c.t_te),
                                k * (wa * a.t_tm + wb * b.t_tm + wc * c.t_tm)};
    };
    reflection_.resize(samples);
    transmission_.resize(samples);
    for (std::size_t i = 0; i < samples; ++i) {
        // The last sample is exactly cos = 1 (normal incidence), not 1 - rounding.
        const double c = (i + 1 == samples) ? 1.0 : static_cast<double>(i) * step;
        const SlabCoefficients value = eval(c);
        SlabCoefficients slope;
        if (i == 0)
            slope = combine(value, eval(c + delta), eval(c + 2 * delta), -1.5, 2.0, -0.5);
        else if (i + 1 == samples)
            slope = combine(value, eval(c - delta), eval(c - 2 * delta), 1.5, -2.0, 0.5);
        else
            slope = combine(eval(c + delta), eval(c - delta), value, 0.5, -0.5, 0.0);
        reflection_[i] = {value.r_te, value.r_tm, slope.r_te, slope.r_tm};
        transmission_[i] = {value.t_te, value.t_tm, slope.t_te, slope.t_tm};
    }
    scale_ = static_cast<double>(samples - 1);
    last_interval_ = samples - 2;
}

}  // namespace rps
