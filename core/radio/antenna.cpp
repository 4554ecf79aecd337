#include "core/radio/antenna.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "core/common/units.hpp"

namespace rps {

namespace {

bool equals_ignore_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

constexpr double kTr38901MaxGain_dbi = 8.0;  // TR 38.901 Table 7.3-1, G_E,max
constexpr double kDipoleGain = 1.5;          // short (Hertzian) dipole directivity

// TR 38.901 Table 7.3-1 element amplitude C~ = sqrt(10^{A/10}) as Sionna's v_tr38901_pattern:
// A_V = -min(12((theta-90)/65)^2, 30), A_H = -min(12(phi/65)^2, 30) (degrees, 65 deg 3-dB width,
// 30 dB front-back and side-lobe caps), A = -min(-(A_V + A_H), 30) + 8 dBi.
// Takes theta - 90 deg (= -asin(cos theta)) and phi in radians; called once per path, so it uses
// exp instead of pow.
double tr38901_amplitude(double elevation_offset_rad, double phi_rad) {
    constexpr double kBeamwidth_rad = 65.0 * kPi / 180.0;
    const double u = elevation_offset_rad / kBeamwidth_rad;
    const double v = phi_rad / kBeamwidth_rad;
    const double a_v = -std::min(12.0 * u * u, 30.0);
    const double a_h = -std::min(12.0 * v * v, 30.0);
    const double a_db = -std::min(-(a_v + a_h), 30.0) + kTr38901MaxGain_dbi;
    return std::exp(a_db * (std::numbers::ln10 / 20.0));  // 10^{A/20}
}

// Beyond |phi| = 65 deg * sqrt(30/12) from boresight A_H is capped at -30 dB, so A is capped
// too: the amplitude is tr38901_amplitude(., pi) whatever theta. Directions with cos(phi) below
// that angle's cosine (less a margin far above atan2's error) skip asin, atan2 and exp.
const double kCappedCosPhi = std::cos(65.0 * kPi / 180.0 * std::sqrt(30.0 / 12.0)) - 1e-12;
const double kCappedAmplitude = tr38901_amplitude(0.0, kPi);

double tr38901_amplitude(double cos_theta, double sin_theta, double cos_phi, double x, double y) {
    if (sin_theta > 0.0 && cos_phi < kCappedCosPhi) return kCappedAmplitude;
    // On the axis phi = 0 (x and y may be -0 there, and atan2(-0, -0) = -pi is no direction).
    const double phi = sin_theta > 0.0 ? std::atan2(y, x) : 0.0;
    return tr38901_amplitude(-std::asin(cos_theta), phi);
}

}  // namespace

AntennaModel parse_antenna_model(std::string_view name) {
    if (equals_ignore_case(name, "iso")) return AntennaModel::Isotropic;
    if (equals_ignore_case(name, "dipole")) return AntennaModel::ShortDipole;
    if (equals_ignore_case(name, "tr38901")) return AntennaModel::Tr38901;
    if (equals_ignore_case(name, "ap2x1")) return AntennaModel::Ap2x1;
    throw std::invalid_argument(fmt::format(
        "Unknown antenna model '{}' (valid: iso, dipole, tr38901, ap2x1)", name));
}

std::string_view to_string(AntennaModel model) {
    switch (model) {
        case AntennaModel::Isotropic: return "iso";
        case AntennaModel::ShortDipole: return "dipole";
        case AntennaModel::Tr38901: return "tr38901";
        case AntennaModel::Ap2x1: return "ap2x1";
    }
    return "?";
}

Polarization parse_polarization(std::string_view name) {
    if (equals_ignore_case(name, "V")) return Polarization::V;
    if (equals_ignore_case(name, "H")) return Polarization::H;
    if (equals_ignore_case(name, "VH")) return Polarization::VH;
    throw std::invalid_argument(
        fmt::format("Unknown polarization '{}' (valid: V, H, VH)", name));
}

std::string_view to_string(Polarization polarization) {
    switch (polarization) {
        case Polarization::V: return "V";
        case Polarization::H: return "H";
        case Polarization::VH: return "VH";
    }
    return "?";
}

Mat3 rotation_matrix(const AntennaPose& pose) {
    // TR 38.901 eq. 7.1-4 with gamma = 0: R = R_z(alpha)·R_y(beta).
    const double ca = std::cos(pose.yaw_rad), sa = std::sin(pose.yaw_rad);
    const double cb = std::cos(pose.downtilt_rad), sb = std::sin(pose.downtilt_rad);
    Mat3 rz, ry;
    rz << ca, -sa, 0.0, sa, ca, 0.0, 0.0, 0.0, 1.0;
    ry << cb, 0.0, sb, 0.0, 1.0, 0.0, -sb, 0.0, cb;
    return rz * ry;
}

AntennaPose look_at(const Vec3& from, const Vec3& to) {
    const Vec3 d = to - from;
    const double horizontal = std::hypot(d.x(), d.y());
    if (horizontal == 0.0 && d.z() == 0.0) return {};
    // Zenith angle theta of the direction; downtilt = theta - pi/2 (> 0 for a target below).
    const double theta = std::atan2(horizontal, d.z());
    return {std::atan2(d.y(), d.x()), theta - 0.5 * kPi};
}

Antenna::Antenna(AntennaModel model, Polarization polarization, AntennaPose pose,
                 double wavelength_m)
    : model_(model),
      polarization_(polarization),
      pose_(pose),
      wavelength_m_(wavelength_m),
      rotation_(rotation_matrix(pose)),
      rotation_inv_(rotation_.transpose()),
      // Ap2x1 elements sit at local z = +-lambda/4 (PlanarArray, 2 rows, 0.5 lambda spacing):
      // k0·lambda/4 = pi/2 whatever the wavelength.
      array_phase_((2.0 * kPi / wavelength_m) * (0.25 * wavelength_m)) {
    if (!(wavelength_m > 0.0))
        throw std::invalid_argument(fmt::format("Invalid antenna wavelength {} m", wavelength_m));
}

Vec3c Antenna::field(const Vec3& direction_world) const {
    const Vec3 d = rotation_inv_ * direction_world;
    const double norm = d.norm();
    if (!(norm > 0.0)) return Vec3c::Zero();
    const double x = d.x() / norm, y = d.y() / norm, z = d.z() / norm;

    // Spherical angles in the antenna frame (theta from local +z, phi from local +x).
    const double sin_theta = std::sqrt(x * x + y * y);  // unit vector: no hypot scaling needed
    const double cos_theta = std::clamp(z, -1.0, 1.0);
    double cos_phi = 1.0, sin_phi = 0.0;  // on the axis phi = atan2(0, 0) = 0, as in Sionna
    if (sin_theta > 0.0) {
        cos_phi = x / sin_theta;
        sin_phi = y / sin_theta;
    }

    // Amplitude C~ of the (vertically polarised) pattern, times the array factor.
    double amplitude = 1.0;
    switch (model_) {
        case AntennaModel::Isotropic: break;
        case AntennaModel::ShortDipole: amplitude = std::sqrt(kDipoleGain) * sin_theta; break;
        case AntennaModel::Tr38901:
            amplitude = tr38901_amplitude(cos_theta, sin_theta, cos_phi, x, y);
            break;
        case AntennaModel::Ap2x1:
            // Synthetic array (PHYSICS §2.5): sum over the two elements of e^{+j k0 k·d_n} with
            // k·d_n = +-(lambda/4) cos theta, precoded by 1/sqrt(2) per element (Sionna's
            // 1/sqrt(num_ant); the polarisation ports' share is in the vector below):
            // (e^{j pi/2 cos} + e^{-j pi/2 cos}) / sqrt(2) = sqrt(2)·cos((pi/2) cos theta), real.
            amplitude = tr38901_amplitude(cos_theta, sin_theta, cos_phi, x, y) * std::sqrt(2.0) *
                        std::cos(array_phase_ * cos_theta);
            break;
    }

    // Polarisation model tr38901_2 (Sionna's default): C_theta = cos(zeta)·C~, C_phi =
    // sin(zeta)·C~. VH feeds both ports co-phased with 1/sqrt(2) each (1/sqrt(num_ant)), a
    // slant-45 field of the same gain, not 3 dB more.
    const Vec3 theta_hat(cos_theta * cos_phi, cos_theta * sin_phi, -sin_theta);
    const Vec3 phi_hat(-sin_phi, cos_phi, 0.0);
    double weight_theta = amplitude, weight_phi = 0.0;  // V
    if (polarization_ == Polarization::H) {
        weight_theta = 0.0;
        weight_phi = amplitude;
    } else if (polarization_ == Polarization::VH) {
        weight_theta = weight_phi = amplitude * std::sqrt(0.5);
    }
    const Vec3 local = weight_theta * theta_hat + weight_phi * phi_hat;
    return (rotation_ * local).cast<std::complex<double>>();
}

double Antenna::gain(const Vec3& direction_world) const {
    return field(direction_world).squaredNorm();
}

double Antenna::peak_gain() const {
    switch (model_) {
        case AntennaModel::Isotropic: return 1.0;
        case AntennaModel::ShortDipole: return kDipoleGain;
        case AntennaModel::Tr38901: return db_to_linear(kTr38901MaxGain_dbi);
        case AntennaModel::Ap2x1: return 2.0 * db_to_linear(kTr38901MaxGain_dbi);
    }
    return 1.0;
}

}  // namespace rps
