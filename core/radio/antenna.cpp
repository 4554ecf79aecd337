#include "core/radio/antenna.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "core/common/hermite_table.hpp"
#include "core/common/units.hpp"
#include "core/common/vector_kernel.hpp"

namespace rps {

// The direction stages below (RPS_VECTOR_KERNEL) are loops of plain arithmetic over a chunk of
// directions, choices made by selection rather than branches, so that they vectorise; every
// version rounds as Eigen's scalar expressions did (the same operations in the same order), so
// the fields are the same bits on any processor (test_antenna.cpp, docs/decisions.md).
namespace {

bool equals_ignore_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

constexpr double kTr38901MaxGain_dbi = 8.0;  // TR 38.901 Table 7.3-1, G_E,max
constexpr double kDipoleGain = 1.5;          // short (Hertzian) dipole directivity
constexpr double kBeamwidth_rad = 65.0 * kPi / 180.0;

// TR 38.901 Table 7.3-1 element amplitude C~ = sqrt(10^{A/10}) as Sionna's v_tr38901_pattern:
// A_V = -min(12((theta-90)/65)^2, 30), A_H = -min(12(phi/65)^2, 30) (degrees, 65 deg 3-dB width,
// 30 dB front-back and side-lobe caps), A = -min(-(A_V + A_H), 30) + 8 dBi.
// Takes theta - 90 deg (= -asin(cos theta)) and phi in radians.
double tr38901_amplitude(double elevation_offset_rad, double phi_rad) {
    const double u = elevation_offset_rad / kBeamwidth_rad;
    const double v = phi_rad / kBeamwidth_rad;
    const double a_v = -std::min(12.0 * u * u, 30.0);
    const double a_h = -std::min(12.0 * v * v, 30.0);
    const double a_db = -std::min(-(a_v + a_h), 30.0) + kTr38901MaxGain_dbi;
    return std::exp(a_db * (std::numbers::ln10 / 20.0));  // 10^{A/20}
}

// Beyond |phi| = 65 deg * sqrt(30/12) from boresight A_H is capped at -30 dB, so A is capped
// too: the amplitude is tr38901_amplitude(., pi) whatever theta. Directions with cos(phi) below
// that angle's cosine (less a margin far above atan2's error) skip the pattern.
const double kCappedCosPhi = std::cos(65.0 * kPi / 180.0 * std::sqrt(30.0 / 12.0)) - 1e-12;
const double kCappedAmplitude = tr38901_amplitude(0.0, kPi);
const double kPeakAmplitude = tr38901_amplitude(0.0, 0.0);

// The pattern as a product. |theta - 90 deg| <= 90 deg keeps 12 u^2 below 23 dB, so A_V is never
// capped, and once A_H is capped A is too: A = 8 dB - min(12 (u^2 + v^2), 30 dB), i.e.
// C~ = max(C~_max · exp(-kappa psi_v^2) · exp(-kappa phi^2), C~_cap) for the elevation offset
// psi_v = asin(cos theta) and the azimuth phi = acos(cos phi) in radians, kappa = 12 ln10 / 20 /
// (65 deg)^2. Each factor is a smooth function of one direction cosine, tabulated (cubic
// Hermite, hermite_table.hpp) instead of calling asin, atan2, exp and cos once per path (4 % of
// a map); within 1e-11 of the closed form, tested against it in test_antenna.cpp.
constexpr double kKappa = 12.0 * std::numbers::ln10 / 20.0 / (kBeamwidth_rad * kBeamwidth_rad);
constexpr double kArrayPhase_rad = 0.5 * kPi;  // Ap2x1: k0 · lambda/4 whatever the wavelength
// asin has infinite slope at the poles: directions within 26 deg of the local z axis (rare for
// an AP) take the closed form.
constexpr double kTabulatedCosTheta = 0.9;

// exp(-kappa asin(z)^2) and the 2x1 array factor sqrt(2)·cos(k0 (lambda/4) z) (see field()).
std::array<double, 2> elevation_factors_exact(double z) {
    const double psi = std::asin(z);
    return {std::exp(-kKappa * psi * psi), std::sqrt(2.0) * std::cos(kArrayPhase_rad * z)};
}

const HermiteTable<2>& elevation_table() {
    static const HermiteTable<2> table(
        -kTabulatedCosTheta, kTabulatedCosTheta, 2048, elevation_factors_exact, [](double z) {
            const auto [g, af] = elevation_factors_exact(z);
            const double psi = std::asin(z);
            return std::array<double, 2>{
                -2.0 * kKappa * psi / std::sqrt((1.0 - z) * (1.0 + z)) * g,
                -std::sqrt(2.0) * kArrayPhase_rad * std::sin(kArrayPhase_rad * z)};
        });
    return table;
}

// exp(-kappa acos(c)^2) for c = cos(phi) in [kCappedCosPhi, 1] (analytic there: acos(c)^2 is
// smooth at c = 1, and the cap keeps c away from -1).
const HermiteTable<1>& azimuth_table() {
    static const HermiteTable<1> table(
        kCappedCosPhi, 1.0, 1024,
        [](double c) {
            const double phi = std::acos(c);
            return std::array<double, 1>{std::exp(-kKappa * phi * phi)};
        },
        [](double c) {
            const double phi = std::acos(c);
            // d/dc acos(c)^2 = -2 acos(c) / sqrt(1 - c^2), which tends to -2 at c = 1.
            const double ratio = c < 1.0 ? phi / std::sqrt((1.0 - c) * (1.0 + c)) : 1.0;
            return std::array<double, 1>{2.0 * kKappa * ratio * std::exp(-kKappa * phi * phi)};
        });
    return table;
}

// C~ (times the 2x1 array factor when `array`) for n <= Antenna::kFieldChunk directions of the
// antenna frame: both tables' lookups for all of them (one loop each, vectorised), the elevation
// factors within 26 deg of the local z axis then from the closed form.
RPS_VECTOR_KERNEL
void tr38901_amplitudes(const double* cos_theta, const double* sin_theta, const double* cos_phi,
                        int n, bool array, double* amplitude) {
    double gain[Antenna::kFieldChunk], array_factor[Antenna::kFieldChunk];
    double azimuth[Antenna::kFieldChunk];
    elevation_table().evaluate(cos_theta, n, {gain, array_factor});
    azimuth_table().evaluate(cos_phi, n, {azimuth});  // capped directions: not used
    for (int i = 0; i < n; ++i) {
        if (std::abs(cos_theta[i]) <= kTabulatedCosTheta) [[likely]]
            continue;
        const std::array<double, 2> exact = elevation_factors_exact(cos_theta[i]);
        gain[i] = exact[0];
        array_factor[i] = exact[1];
    }
    for (int i = 0; i < n; ++i) {
        const bool capped = (sin_theta[i] > 0.0) & (cos_phi[i] < kCappedCosPhi);
        // On the axis (sin theta = 0) phi = 0, as in Sionna: cos_phi is 1 there.
        const double a = capped ? kCappedAmplitude
                                : std::max(kPeakAmplitude * gain[i] * azimuth[i], kCappedAmplitude);
        amplitude[i] = array ? a * array_factor[i] : a;
    }
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
      rotation_inv_(rotation_.transpose()) {
    if (!(wavelength_m > 0.0))
        throw std::invalid_argument(fmt::format("Invalid antenna wavelength {} m", wavelength_m));
}

RPS_VECTOR_KERNEL
void Antenna::DirectionChunk::set_local(const Mat3& world_to_local, const Vec3* world, int n) {
    const double m00 = world_to_local(0, 0), m01 = world_to_local(0, 1), m02 = world_to_local(0, 2);
    const double m10 = world_to_local(1, 0), m11 = world_to_local(1, 1), m12 = world_to_local(1, 2);
    const double m20 = world_to_local(2, 0), m21 = world_to_local(2, 1), m22 = world_to_local(2, 2);
    for (int i = 0; i < n; ++i) {
        const double wx = world[i].x(), wy = world[i].y(), wz = world[i].z();
        const double dx = m00 * wx + m01 * wy + m02 * wz;
        const double dy = m10 * wx + m11 * wy + m12 * wz;
        const double dz = m20 * wx + m21 * wy + m22 * wz;
        const double norm2 = dx * dx + dy * dy + dz * dz;
        const bool is_zero = !(norm2 > 0.0);
        zero[i] = is_zero ? 1.0 : 0.0;
        // The engine passes unit directions: they skip the square root and the divisions.
        const bool normalise = !is_zero & (std::abs(norm2 - 1.0) > 1e-14);
        const double norm = std::sqrt(is_zero ? 1.0 : norm2);
        x[i] = normalise ? dx / norm : dx;
        y[i] = normalise ? dy / norm : dy;
        z[i] = normalise ? dz / norm : dz;
    }
}

// Spherical angles in the antenna frame (theta from local +z, phi from local +x).
RPS_VECTOR_KERNEL
void Antenna::DirectionChunk::find_angles(int n) {
    for (int i = 0; i < n; ++i) {
        const double s = std::sqrt(x[i] * x[i] + y[i] * y[i]);  // unit: no hypot scaling
        sin_theta[i] = s;
        cos_theta[i] = std::clamp(z[i], -1.0, 1.0);
        // On the axis phi = atan2(0, 0) = 0, as in Sionna.
        const bool off_axis = s > 0.0;
        const double inverse = 1.0 / (off_axis ? s : 1.0);
        cos_phi[i] = off_axis ? x[i] * inverse : 1.0;
        sin_phi[i] = off_axis ? y[i] * inverse : 0.0;
    }
}

Vec3c Antenna::field(const Vec3& direction_world) const {
    Vec3c out;
    fields(&direction_world, 1, &out);
    return out;
}

// In stages over up to kFieldChunk directions (the frame, the angles, the pattern, the vector):
// each stage's iterations are independent, so they vectorise and their table lookups overlap
// (docs/performance.md). The same operations per direction as one at a time, so the same bits.
void Antenna::fields(const Vec3* directions_world, int count, Vec3c* out) const {
    for (int first = 0; first < count; first += kFieldChunk) {
        const int n = std::min(kFieldChunk, count - first);
        DirectionChunk chunk;
        chunk.set_local(rotation_inv_, directions_world + first, n);
        chunk.find_angles(n);
        double amplitude[kFieldChunk];
        pattern_amplitudes(chunk, n, amplitude);
        world_fields(chunk, n, amplitude, out + first);
    }
}

// Amplitude C~ of the (vertically polarised) pattern, times the array factor.
void Antenna::pattern_amplitudes(const DirectionChunk& chunk, int n, double* amplitude) const {
    switch (model_) {
        case AntennaModel::Isotropic:
            std::fill_n(amplitude, n, 1.0);
            break;
        case AntennaModel::ShortDipole:
            for (int i = 0; i < n; ++i) amplitude[i] = std::sqrt(kDipoleGain) * chunk.sin_theta[i];
            break;
        case AntennaModel::Tr38901:
            tr38901_amplitudes(chunk.cos_theta, chunk.sin_theta, chunk.cos_phi, n, false,
                               amplitude);
            break;
        case AntennaModel::Ap2x1:
            // Synthetic array (PHYSICS §2.5): sum over the two elements of e^{+j k0 k·d_n} with
            // k·d_n = +-(lambda/4) cos theta, precoded by 1/sqrt(2) per element (Sionna's
            // 1/sqrt(num_ant); the polarisation ports' share is in world_fields): (e^{j pi/2 cos}
            // + e^{-j pi/2 cos}) / sqrt(2) = sqrt(2)·cos((pi/2) cos theta), real.
            tr38901_amplitudes(chunk.cos_theta, chunk.sin_theta, chunk.cos_phi, n, true, amplitude);
            break;
    }
}

// Polarisation model tr38901_2 (Sionna's default): C_theta = cos(zeta)·C~, C_phi = sin(zeta)·C~.
// VH feeds both ports co-phased with 1/sqrt(2) each (1/sqrt(num_ant)), a slant-45 field of the
// same gain, not 3 dB more.
RPS_VECTOR_KERNEL
void Antenna::world_fields(const DirectionChunk& chunk, int n, const double* amplitude,
                           Vec3c* out) const {
    double share_theta = 1.0, share_phi = 0.0;  // V
    if (polarization_ == Polarization::H) {
        share_theta = 0.0;
        share_phi = 1.0;
    } else if (polarization_ == Polarization::VH) {
        share_theta = share_phi = std::sqrt(0.5);
    }
    const double r00 = rotation_(0, 0), r01 = rotation_(0, 1), r02 = rotation_(0, 2);
    const double r10 = rotation_(1, 0), r11 = rotation_(1, 1), r12 = rotation_(1, 2);
    const double r20 = rotation_(2, 0), r21 = rotation_(2, 1), r22 = rotation_(2, 2);
    double world[3][kFieldChunk];
    for (int i = 0; i < n; ++i) {
        const double cos_theta = chunk.cos_theta[i], sin_theta = chunk.sin_theta[i];
        const double cos_phi = chunk.cos_phi[i], sin_phi = chunk.sin_phi[i];
        // theta_hat = (cos t cos p, cos t sin p, -sin t), phi_hat = (-sin p, cos p, 0).
        const double weight_theta = amplitude[i] * share_theta;
        const double weight_phi = amplitude[i] * share_phi;
        const double lx = weight_theta * (cos_theta * cos_phi) + weight_phi * -sin_phi;
        const double ly = weight_theta * (cos_theta * sin_phi) + weight_phi * cos_phi;
        const double lz = weight_theta * -sin_theta + weight_phi * 0.0;
        const bool zero = chunk.zero[i] != 0.0;
        world[0][i] = zero ? 0.0 : r00 * lx + r01 * ly + r02 * lz;
        world[1][i] = zero ? 0.0 : r10 * lx + r11 * ly + r12 * lz;
        world[2][i] = zero ? 0.0 : r20 * lx + r21 * ly + r22 * lz;
    }
    for (int i = 0; i < n; ++i)
        out[i] = Vec3(world[0][i], world[1][i], world[2][i]).cast<std::complex<double>>();
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
