#pragma once
// Closed-form gain patterns G(θ, φ) in the antenna frame (PHYSICS.md §3), templated on the scalar
// so that the study surrogate can differentiate them exactly (dual numbers). The field-level
// model with polarisation is Antenna (antenna.hpp); tests check both agree on the gain.
#include <cmath>
#include <numbers>

#include "core/radio/antenna.hpp"

namespace rps {

// TR 38.901 Table 7.3-1 element: 8 dBi peak, 65° beamwidths, 30 dB caps.
template <class T>
T tr38901_element_gain(const T& theta, const T& phi) {
    using std::min;
    constexpr double kDeg = 180.0 / std::numbers::pi;
    const T vertical = (theta * kDeg - 90.0) / 65.0;
    const T horizontal = (phi * kDeg) / 65.0;
    const T a_v = -min(12.0 * vertical * vertical, 30.0);
    const T a_h = -min(12.0 * horizontal * horizontal, 30.0);
    const T a_db = -min(-(a_v + a_h), 30.0) + 8.0;
    return exp(a_db * (std::numbers::ln10 / 10.0));
}

// Linear gain for a direction in the antenna frame (theta from +z, phi from +x in [-π, π]).
template <class T>
T antenna_gain_local(AntennaModel model, const T& theta, const T& phi) {
    switch (model) {
        case AntennaModel::Isotropic: return T(1.0);
        case AntennaModel::ShortDipole: {
            const T s = sin(theta);
            return 1.5 * s * s;
        }
        case AntennaModel::Tr38901: return tr38901_element_gain(theta, phi);
        case AntennaModel::Ap2x1: {
            // Two elements λ/2 apart along local z, co-phased: 2·cos²((π/2)·cos θ)·G_e.
            const T c = cos(0.5 * std::numbers::pi * cos(theta));
            return 2.0 * c * c * tr38901_element_gain(theta, phi);
        }
    }
    return T(0.0);
}

}  // namespace rps
