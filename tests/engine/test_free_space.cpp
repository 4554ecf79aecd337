// Free space: the engine's line-of-sight path against the Friis transmission equation,
//   path gain = G(theta', phi') · (lambda / (4 pi d))^2,
// with G the transmit antenna's closed-form pattern (../shared/PHYSICS.md §3, Sionna RT's
// antenna_pattern.py; 3GPP TR 38.901 Table 7.3-1) evaluated at the angles of the direction in the
// antenna frame, which the test computes itself from the pose (yaw about z, then downtilt).
// Nothing here uses rps::Antenna: the patterns and the frame are written out below.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "core/engine/radio_engine.hpp"
#include "core/scene/scene.hpp"
#include "tests/support/db_expect.hpp"
#include "tests/support/engine_grids.hpp"
#include "tests/support/reference_physics.hpp"

namespace {

using rps::Vec3;

using namespace rps::test;  // kPi, kLambda, friis, rad, deg, db_to_linear
constexpr double kTolDb = 0.01;

// A scene that must not be empty but cannot interact with the rays used here: one 1 cm
// material-tagged triangle 170 m away (every point used here lies within the engine's reach of
// 1 km from the scene's bounds, kMaxOutsideScene_m).
rps::Scene far_triangle_scene() {
    rps::Scene scene;
    scene.materials.push_back(rps::RadioMaterial{"concrete", "concrete", 1.0, 0.0, 0.2, false});
    rps::SceneShape shape;
    shape.id = "speck";
    shape.type = "generated";
    shape.material_index = 0;
    scene.add_shape(
        shape, {Vec3(100.0, 100.0, 100.0), Vec3(100.01, 100.0, 100.0), Vec3(100.0, 100.01, 100.0)},
        {{0, 1, 2}});
    return scene;
}


// The antenna frame for yaw alpha (about world z) and downtilt beta (TR 38.901 eq. 7.1-4 with
// R = R_z(alpha)·R_y(beta)): boresight x' = (cos b cos a, cos b sin a, -sin b) points below the
// horizon for beta > 0, y' = (-sin a, cos a, 0) stays horizontal, z' = x' × y'.
struct Frame {
    Vec3 x, y, z;
};
Frame antenna_frame(double yaw_rad, double downtilt_rad) {
    const double ca = std::cos(yaw_rad), sa = std::sin(yaw_rad);
    const double cb = std::cos(downtilt_rad), sb = std::sin(downtilt_rad);
    Frame f;
    f.x = Vec3(cb * ca, cb * sa, -sb);
    f.y = Vec3(-sa, ca, 0.0);
    f.z = f.x.cross(f.y);
    return f;
}

// World direction of local spherical angles (theta from z', phi from x' toward y').
Vec3 world_direction(const Frame& f, double theta_rad, double phi_rad) {
    return std::sin(theta_rad) * std::cos(phi_rad) * f.x +
           std::sin(theta_rad) * std::sin(phi_rad) * f.y + std::cos(theta_rad) * f.z;
}

struct LocalAngles {
    double theta_rad, phi_rad;  // phi in [-pi, pi]
};
LocalAngles local_angles(const Frame& f, const Vec3& direction) {
    const Vec3 u = direction.normalized();
    return {std::acos(std::clamp(u.dot(f.z), -1.0, 1.0)), std::atan2(u.dot(f.y), u.dot(f.x))};
}

// TR 38.901 Table 7.3-1 element as Sionna's v_tr38901_pattern (PHYSICS.md §3), angles in degrees:
//   A_V = -min(12((theta-90)/65)^2, 30), A_H = -min(12(phi/65)^2, 30),
//   A = -min(-(A_V + A_H), 30) + 8 dBi.
double tr38901_gain(double theta_rad, double phi_rad) {
    const double th = deg(theta_rad), ph = deg(phi_rad);
    const double a_v = -std::min(12.0 * std::pow((th - 90.0) / 65.0, 2), 30.0);
    const double a_h = -std::min(12.0 * std::pow(ph / 65.0, 2), 30.0);
    return db_to_linear(-std::min(-(a_v + a_h), 30.0) + 8.0);
}

// Linear gain of each model (PHYSICS.md §3): iso 1; short dipole 1.5 sin^2 theta; TR 38.901
// element; the 2x1 "VH" array G = 2 cos^2((pi/2) cos theta)·G_e (lambda/2 vertical spacing).
double pattern_gain(rps::AntennaModel model, double theta_rad, double phi_rad) {
    switch (model) {
        case rps::AntennaModel::Isotropic: return 1.0;
        case rps::AntennaModel::ShortDipole: return 1.5 * std::pow(std::sin(theta_rad), 2);
        case rps::AntennaModel::Tr38901: return tr38901_gain(theta_rad, phi_rad);
        case rps::AntennaModel::Ap2x1:
            return 2.0 * std::pow(std::cos(0.5 * kPi * std::cos(theta_rad)), 2) *
                   tr38901_gain(theta_rad, phi_rad);
    }
    return 0.0;
}

std::string name_of(rps::AntennaModel model) {
    switch (model) {
        case rps::AntennaModel::Isotropic: return "iso";
        case rps::AntennaModel::ShortDipole: return "dipole";
        case rps::AntennaModel::Tr38901: return "tr38901";
        case rps::AntennaModel::Ap2x1: return "ap2x1";
    }
    return "?";
}

constexpr std::array<rps::AntennaModel, 4> kModels = {
    rps::AntennaModel::Isotropic, rps::AntennaModel::ShortDipole, rps::AntennaModel::Tr38901,
    rps::AntennaModel::Ap2x1};
constexpr std::array<rps::Polarization, 3> kPolarizations = {
    rps::Polarization::V, rps::Polarization::H, rps::Polarization::VH};

// The test's own patterns reproduce the values PHYSICS.md §3 lists (Sionna's numbers), so the
// closed forms below are the right reference.
TEST(FreeSpace, ClosedFormPatternsMatchPhysicsTable) {
    struct Row {
        double theta, phi, g_dbi;
    };
    const Row element[] = {{90, 0, 8.0},         {90, 30, 5.443787}, {90, 60, -2.224852},
                           {90, 90, -15.005917}, {90, 180, -22.0},   {60, 0, 5.443787},
                           {45, 45, -3.502959},  {30, 90, -22.0},    {90, -45, 2.248521}};
    for (const Row& r : element)
        EXPECT_NEAR(10.0 * std::log10(tr38901_gain(rad(r.theta), rad(r.phi))), r.g_dbi, 1e-6)
            << r.theta << ", " << r.phi;
    const auto ap = [](double theta) {
        return 10.0 * std::log10(pattern_gain(rps::AntennaModel::Ap2x1, rad(theta), 0.0));
    };
    EXPECT_NEAR(ap(90.0), 11.0103, 1e-4);
    EXPECT_NEAR(ap(60.0), 5.4438, 1e-4);
    EXPECT_NEAR(ap(120.0), 5.4438, 1e-4);
    EXPECT_NEAR(ap(100.0), 10.3991, 1e-4);
}

// The frame the test uses: for yaw 30° and downtilt 10° the boresight points at azimuth 30°,
// 10° below the horizon; the horizontal direction at azimuth 30° is 10° above boresight.
TEST(FreeSpace, AntennaFrameAnglesForYawedDowntiltedPose) {
    const Frame f = antenna_frame(rad(30.0), rad(10.0));
    const Vec3 boresight(std::cos(rad(10.0)) * std::cos(rad(30.0)),
                         std::cos(rad(10.0)) * std::sin(rad(30.0)), -std::sin(rad(10.0)));
    const LocalAngles b = local_angles(f, boresight);
    EXPECT_NEAR(deg(b.theta_rad), 90.0, 1e-9);
    EXPECT_NEAR(deg(b.phi_rad), 0.0, 1e-9);
    const LocalAngles h = local_angles(f, Vec3(std::cos(rad(30.0)), std::sin(rad(30.0)), 0.0));
    EXPECT_NEAR(deg(h.theta_rad), 80.0, 1e-9);
    EXPECT_NEAR(deg(h.phi_rad), 0.0, 1e-9);
    // Horizontal, 90° to the left of the boresight azimuth: still on the (horizontal) y' axis.
    const LocalAngles l = local_angles(f, Vec3(std::cos(rad(120.0)), std::sin(rad(120.0)), 0.0));
    EXPECT_NEAR(deg(l.theta_rad), 90.0, 1e-9);
    EXPECT_NEAR(deg(l.phi_rad), 90.0, 1e-9);
    // Straight down: z' leans 10° forward, so -z lies 10° from -z' on the boresight side.
    const LocalAngles d = local_angles(f, Vec3(0.0, 0.0, -1.0));
    EXPECT_NEAR(deg(d.theta_rad), 170.0, 1e-9);
    EXPECT_NEAR(deg(d.phi_rad), 0.0, 1e-9);
}

struct Pose {
    double yaw_deg, downtilt_deg;
};
constexpr Pose kPoses[] = {{0.0, 0.0}, {30.0, 10.0}};

// Directions given in the antenna frame (theta', phi' in degrees), avoiding the pattern nulls
// and the frame's poles.
constexpr std::array<std::array<double, 2>, 10> kLocalDirections = {{{90, 0},
                                                                     {90, 30},
                                                                     {60, 0},
                                                                     {45, 45},
                                                                     {120, -60},
                                                                     {100, 20},
                                                                     {75, 150},
                                                                     {90, -45},
                                                                     {30, 90},
                                                                     {150, -170}}};

// Directions given in the world frame (azimuth, elevation in degrees); the test finds their
// antenna-frame angles itself.
constexpr std::array<std::array<double, 2>, 8> kWorldDirections = {
    {{0, 0}, {30, -10}, {30, 0}, {75, -25}, {-20, 15}, {170, -5}, {-135, -40}, {10, 50}}};

void check_direction(const rps::RadioEngine& engine, const rps::TxPose& tx, const Frame& frame,
                     rps::AntennaModel model, const Vec3& direction, double distance_m) {
    const Vec3 rx = tx.position + distance_m * direction.normalized();
    const LocalAngles a = local_angles(frame, direction);
    SCOPED_TRACE("theta' " + std::to_string(deg(a.theta_rad)) + " phi' " +
                 std::to_string(deg(a.phi_rad)) + " d " + std::to_string(distance_m));
    const std::vector<rps::PropagationPath> paths = engine.trace_paths(tx, rx);
    ASSERT_EQ(paths.size(), 1u);
    const rps::PropagationPath& los = paths[0];
    EXPECT_EQ(los.reflection_count, 0);
    EXPECT_TRUE(los.interactions.empty());
    EXPECT_FALSE(los.uses_plate);
    EXPECT_NEAR(los.length_m, distance_m, 1e-9);
    const double expected = pattern_gain(model, a.theta_rad, a.phi_rad) * friis(distance_m);
    EXPECT_NEAR_DB(los.path_gain, expected, kTolDb);
    // The reported phase is e^{-jkd}.
    const double k = 2.0 * kPi / kLambda;
    EXPECT_NEAR(std::abs(los.phase_term - std::polar(1.0, -k * distance_m)), 0.0, 1e-6);
}

TEST(FreeSpace, LineOfSightMatchesFriisForEveryAntennaAndPose) {
    const rps::Scene scene = far_triangle_scene();
    for (const rps::AntennaModel model : kModels)
        for (const rps::Polarization pol : kPolarizations) {
            rps::RadioSetup setup;
            setup.antenna = model;
            setup.polarization = pol;
            const rps::RadioEngine engine(scene, setup, one_cell_at(Vec3(0.5, 0.5, 1.5)));
            for (const Pose& pose : kPoses) {
                SCOPED_TRACE(name_of(model) + " pol " + std::to_string(static_cast<int>(pol)) +
                             " yaw " + std::to_string(pose.yaw_deg) + " tilt " +
                             std::to_string(pose.downtilt_deg));
                rps::TxPose tx;
                tx.position = Vec3(1.25, -2.5, 3.8);
                tx.yaw_rad = rad(pose.yaw_deg);
                tx.downtilt_rad = rad(pose.downtilt_deg);
                const Frame frame = antenna_frame(tx.yaw_rad, tx.downtilt_rad);
                double distance = 3.0;
                for (const auto& [theta, phi] : kLocalDirections) {
                    const Vec3 u = world_direction(frame, rad(theta), rad(phi));
                    check_direction(engine, tx, frame, model, u, distance);
                    distance += 2.7;
                }
                for (const auto& [az, el] : kWorldDirections) {
                    const Vec3 u(std::cos(rad(el)) * std::cos(rad(az)),
                                 std::cos(rad(el)) * std::sin(rad(az)), std::sin(rad(el)));
                    check_direction(engine, tx, frame, model, u, distance);
                    distance += 1.9;
                }
            }
        }
}

// The yawed, downtilted TR 38.901 element peaks (8 dBi) along azimuth 30°, 10° below the
// horizon, and not along the horizontal at that azimuth.
TEST(FreeSpace, DowntiltedElementPeaksBelowTheHorizon) {
    const rps::Scene scene = far_triangle_scene();
    rps::RadioSetup setup;
    setup.antenna = rps::AntennaModel::Tr38901;
    const rps::RadioEngine engine(scene, setup, one_cell_at(Vec3(0.5, 0.5, 1.5)));
    rps::TxPose tx;
    tx.position = Vec3(0.0, 0.0, 3.8);
    tx.yaw_rad = rad(30.0);
    tx.downtilt_rad = rad(10.0);
    const double d = 12.0;
    const Vec3 peak(std::cos(rad(10.0)) * std::cos(rad(30.0)),
                    std::cos(rad(10.0)) * std::sin(rad(30.0)), -std::sin(rad(10.0)));
    const auto peak_paths = engine.trace_paths(tx, tx.position + d * peak);
    ASSERT_EQ(peak_paths.size(), 1u);
    EXPECT_NEAR_DB(peak_paths[0].path_gain, db_to_linear(8.0) * friis(d), kTolDb);
    // Horizontal: theta' = 80°, A = -12 (10/65)^2 dB below the peak.
    const Vec3 level(std::cos(rad(30.0)), std::sin(rad(30.0)), 0.0);
    const auto level_paths = engine.trace_paths(tx, tx.position + d * level);
    ASSERT_EQ(level_paths.size(), 1u);
    EXPECT_NEAR_DB(level_paths[0].path_gain,
                   db_to_linear(8.0 - 12.0 * std::pow(10.0 / 65.0, 2)) * friis(d), kTolDb);
}

// The radio map holds received power: P_tx · G · (lambda / 4 pi d)^2 at the cell centre.
TEST(FreeSpace, MapCellHoldsFriisReceivedPower) {
    const rps::Scene scene = far_triangle_scene();
    for (const rps::AntennaModel model : kModels) {
        SCOPED_TRACE(name_of(model));
        rps::RadioSetup setup;
        setup.antenna = model;
        setup.tx_power_dbm = 5.0;
        rps::TxPose tx;
        tx.position = Vec3(2.0, 1.0, 3.8);
        tx.yaw_rad = rad(30.0);
        tx.downtilt_rad = rad(10.0);
        const Vec3 centre(9.5, 6.5, 1.5);
        const rps::RadioEngine engine(scene, setup, one_cell_at(centre));
        ASSERT_EQ(engine.grid().cells_x, 1);
        ASSERT_EQ(engine.grid().cells_y, 1);
        const rps::RadioMap map = engine.compute_map(tx);
        ASSERT_EQ(map.power_w.size(), 1u);
        const Frame frame = antenna_frame(tx.yaw_rad, tx.downtilt_rad);
        const LocalAngles a = local_angles(frame, centre - tx.position);
        const double p_tx_w = std::pow(10.0, (5.0 - 30.0) / 10.0);
        const double expected = p_tx_w * pattern_gain(model, a.theta_rad, a.phi_rad) *
                                friis((centre - tx.position).norm());
        EXPECT_NEAR_DB(map.power_w[0], expected, kTolDb);
    }
}

}  // namespace
