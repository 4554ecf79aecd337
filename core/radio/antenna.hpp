#pragma once
// Transmit antennas with Sionna RT's patterns and conventions (../shared/PHYSICS.md §3):
// isotropic, short dipole, the 3GPP TR 38.901 element and the seed AP (a 2x1 "VH" TR 38.901
// PlanarArray). Patterns are not normalised: |field|^2 is the linear gain, peak 8 dBi for the
// TR 38.901 element, as in Sionna.
#include <string_view>

#include "core/common/geometry.hpp"

namespace rps {

enum class AntennaModel { Isotropic, ShortDipole, Tr38901, Ap2x1 };

// Polarisation of the feed (Sionna's slant angles: V = 0, H = pi/2, VH = both ports co-phased).
enum class Polarization { V, H, VH };

// "iso", "dipole", "tr38901", "ap2x1"; throws std::invalid_argument listing the valid names.
AntennaModel parse_antenna_model(std::string_view name);
std::string_view to_string(AntennaModel model);
// "V", "H", "VH" (case-insensitive); throws std::invalid_argument listing the valid names.
Polarization parse_polarization(std::string_view name);
std::string_view to_string(Polarization polarization);

// Orientation of the antenna's local frame (boresight = local +x, local +z up before tilting):
// R = R_z(yaw)·R_y(downtilt), Sionna's rotation_matrix(alpha, beta, 0) (TR 38.901 eq. 7.1-4).
// downtilt > 0 tilts the boresight below the horizon (R_y(beta)·x = (cos b, 0, -sin b)).
struct AntennaPose {
    double yaw_rad = 0.0;
    double downtilt_rad = 0.0;
};

Mat3 rotation_matrix(const AntennaPose& pose);

// The pose whose boresight points from `from` to `to` (Sionna's look_at: (phi, theta - pi/2, 0)
// of the direction). Coincident points give the default pose.
AntennaPose look_at(const Vec3& from, const Vec3& to);

class Antenna {
public:
    // wavelength_m sets the element spacing of arrays (Ap2x1: lambda/2); single elements ignore it.
    explicit Antenna(AntennaModel model = AntennaModel::Isotropic,
                     Polarization polarization = Polarization::V, AntennaPose pose = {},
                     double wavelength_m = 1.0);

    // Complex far-field vector in world coordinates for a wave leaving along direction_world
    // (need not be unit length; zero gives zero): C_theta·theta_hat + C_phi·phi_hat with theta,
    // phi taken in the antenna frame and the unit vectors rotated back to world. Perpendicular
    // to the direction, |field|^2 = linear gain. No allocation: called once per path.
    Vec3c field(const Vec3& direction_world) const;
    // field() of count directions (out[i] for directions_world[i]), the same values: the engine
    // asks for a batch of paths' first segments at once.
    void fields(const Vec3* directions_world, int count, Vec3c* out) const;

    // Linear gain, field(direction_world).squaredNorm().
    double gain(const Vec3& direction_world) const;

    // Largest gain over all directions (upper bound for pruning): 1, 1.5, 10^0.8, 2·10^0.8.
    double peak_gain() const;

    Vec3 boresight() const { return rotation_.col(0); }
    AntennaModel model() const { return model_; }
    Polarization polarization() const { return polarization_; }
    const AntennaPose& pose() const { return pose_; }
    const Mat3& rotation() const { return rotation_; }
    double wavelength_m() const { return wavelength_m_; }

    static constexpr int kFieldChunk = 16;  // directions fields() evaluates together

private:
    // Up to kFieldChunk directions in the antenna frame, one array per quantity (fields()).
    struct DirectionChunk {
        double x[kFieldChunk], y[kFieldChunk], z[kFieldChunk];
        double sin_theta[kFieldChunk], cos_theta[kFieldChunk], cos_phi[kFieldChunk],
            sin_phi[kFieldChunk];
        double zero[kFieldChunk];  // 1 for a zero direction (no field), else 0
        // The n world directions in the antenna frame, normalised unless (nearly) unit.
        void set_local(const Mat3& world_to_local, const Vec3* world, int n);
        void find_angles(int n);
    };
    void pattern_amplitudes(const DirectionChunk& chunk, int n, double* amplitude) const;
    void world_fields(const DirectionChunk& chunk, int n, const double* amplitude,
                      Vec3c* out) const;

    AntennaModel model_;
    Polarization polarization_;
    AntennaPose pose_;
    double wavelength_m_;
    Mat3 rotation_;       // local -> world
    Mat3 rotation_inv_;   // world -> local (transpose)
};

}  // namespace rps
