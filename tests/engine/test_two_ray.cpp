// Two-ray model over a concrete floor: line of sight plus the floor reflection.
//   incoherent gain = (lambda/(4 pi L1))^2 + (lambda/(4 pi L2))^2 |R|^2
//   coherent gain   = sum over the receiver's ports u = theta, phi of
//                     | a_LOS·u(k1) e^{-jk L1} + a_refl·u(k_out) e^{-jk L2} |^2
// L1 = |Tx - Rx|, L2 = |Tx' - Rx| with Tx' the image of Tx in the floor; R is the P.2040-3
// single-layer slab coefficient (eqs. 37, 43; ../shared/PHYSICS.md §2.1) at the incidence angle
// cos theta = (h_tx + h_rx) / L2, written out in the test. Over a horizontal floor a theta-hat
// (V) field is pure TM and a phi-hat (H) field pure TE (PHYSICS.md §2.2). For the coherent sum the
// reflected field is built with Sionna's implicit Jones basis: s = normalize(k × n), p = k × s,
// E_r = R_TE (E·s) s + R_TM (E·p_i) p_r. The receiver is isotropic and dual-polarised: each path
// reaches its two ports through theta-hat and phi-hat of the direction it arrives from (Sionna's
// a = ... C_R^H ..., PHYSICS.md §2.3), and the coherent sum adds port by port. (Adding the 3-D
// field vectors instead differs for V: the two fields are tilted apart by both rays' elevations.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

#include "core/engine/radio_engine.hpp"
#include "core/scene/scene.hpp"
#include "tests/support/db_expect.hpp"
#include "tests/support/engine_grids.hpp"
#include "tests/support/reference_physics.hpp"
#include "tests/support/scene_builders.hpp"

namespace {

using rps::Vec3;
using rps::Vec3c;
using cd = std::complex<double>;

using namespace rps::test;  // kPi, kLambda, kWavenumber, friis, rad, the P.2040 references
constexpr double kTolDb = 0.02;
constexpr double kFloorThickness_m = 0.2;
constexpr double kTxHeight_m = 3.8;
constexpr double kRxHeight_m = 1.5;
constexpr double kTxPower_dbm = 5.0;

// Concrete, ITU-R P.2040 Table 3 (PHYSICS.md §1).
cd concrete_eta() { return kConcreteItu.eta(); }

struct Reflection {
    cd te, tm;
};
// P.2040-3 eq. 37a/b (r') and 43a/b (slab R), principal square root.
Reflection slab_reflection(double cos_theta, cd eta, double thickness_m) {
    const SlabReference s = slab_reference(cos_theta, eta, thickness_m);
    return {s.r_te, s.r_tm};
}

// The floor: z = 0, x and y in [-60, 60], concrete 0.2 m, one rectangle; nothing else.
rps::Scene floor_scene() {
    rps::Scene scene;
    scene.materials.push_back(
        rps::RadioMaterial{"floor", "concrete", 1.0, 0.0, kFloorThickness_m, false});
    rps::test::add_rectangle(
        scene, "floor", 0,
        {Vec3(-60, -60, 0), Vec3(60, -60, 0), Vec3(60, 60, 0), Vec3(-60, 60, 0)});
    return scene;
}

const Vec3 kTx(1.0, 2.0, kTxHeight_m);
const double kAzimuth = rad(25.0);  // any azimuth: V stays TM, H stays TE over a floor
const double kDistances[] = {5.0, 10.0, 20.0, 37.0};

Vec3 receiver_at(double horizontal_m) {
    return kTx + Vec3(horizontal_m * std::cos(kAzimuth), horizontal_m * std::sin(kAzimuth),
                      kRxHeight_m - kTxHeight_m);
}

// Isotropic transmitter with zero yaw and tilt: the V field is theta-hat, the H field phi-hat
// (Sionna's spherical unit vectors of the direction k).
Vec3 polarization_vector(const Vec3& k, rps::Polarization pol) {
    const double theta = std::acos(k.z() / k.norm());
    const double phi = std::atan2(k.y(), k.x());
    if (pol == rps::Polarization::V)
        return {std::cos(theta) * std::cos(phi), std::cos(theta) * std::sin(phi), -std::sin(theta)};
    return {-std::sin(phi), std::cos(phi), 0.0};
}

struct TwoRay {
    double l1, l2, cos_theta;
    Vec3 image, q;
};
TwoRay geometry(const Vec3& rx) {
    TwoRay g;
    g.l1 = (rx - kTx).norm();
    g.image = Vec3(kTx.x(), kTx.y(), -kTx.z());
    g.l2 = (rx - g.image).norm();
    g.cos_theta = (kTx.z() + rx.z()) / g.l2;
    g.q = g.image + (kTx.z() / (kTx.z() + rx.z())) * (rx - g.image);  // crosses z = 0
    return g;
}

double incoherent_closed_form(const Vec3& rx, rps::Polarization pol) {
    const TwoRay g = geometry(rx);
    const Reflection r = slab_reflection(g.cos_theta, concrete_eta(), kFloorThickness_m);
    const double r2 = std::norm(pol == rps::Polarization::V ? r.tm : r.te);
    return friis(g.l1) + friis(g.l2) * r2;
}

// theta-hat and phi-hat of the direction a wave propagating along k comes from (-k), from its
// spherical angles.
std::pair<Vec3, Vec3> receiver_axes(const Vec3& k) {
    const double theta = std::acos(-k.z()), phi = std::atan2(-k.y(), -k.x());
    return {
        Vec3(std::cos(theta) * std::cos(phi), std::cos(theta) * std::sin(phi), -std::sin(theta)),
        Vec3(-std::sin(phi), std::cos(phi), 0.0)};
}

// Per receiver port, |a_LOS e^{-jkL1} + a_refl e^{-jkL2}|^2 with the reflected field mapped
// through the Jones basis, summed over the two ports.
double coherent_closed_form(const Vec3& rx, rps::Polarization pol) {
    const TwoRay g = geometry(rx);
    const Reflection r = slab_reflection(g.cos_theta, concrete_eta(), kFloorThickness_m);
    const Vec3 k1 = (rx - kTx).normalized();
    const Vec3 k2 = (g.q - kTx).normalized();
    const Vec3 n = Vec3::UnitZ();
    const Vec3 e1 = polarization_vector(k1, pol);
    const Vec3 e2 = polarization_vector(k2, pol);
    const Vec3 s = k2.cross(n).normalized();
    const Vec3 p_in = k2.cross(s);
    const Vec3 k_out = k2 - 2.0 * k2.dot(n) * n;
    const Vec3 p_out = k_out.cross(s);
    const Vec3c e_refl =
        (r.te * e2.dot(s)) * s.cast<cd>() + (r.tm * e2.dot(p_in)) * p_out.cast<cd>();
    const cd a1 = (kLambda / (4.0 * kPi * g.l1)) * std::polar(1.0, -kWavenumber * g.l1);
    const cd a2 = (kLambda / (4.0 * kPi * g.l2)) * std::polar(1.0, -kWavenumber * g.l2);
    const auto [theta1, phi1] = receiver_axes(k1);
    const auto [theta2, phi2] = receiver_axes(k_out);
    const auto along = [](const Vec3c& e, const Vec3& u) {
        return e.x() * u.x() + e.y() * u.y() + e.z() * u.z();
    };
    const cd h_theta = a1 * e1.dot(theta1) + a2 * along(e_refl, theta2);
    const cd h_phi = a1 * e1.dot(phi1) + a2 * along(e_refl, phi2);
    return std::norm(h_theta) + std::norm(h_phi);
}

std::string label(rps::Polarization pol, double d) {
    return std::string(pol == rps::Polarization::V ? "V" : "H") + " at " + std::to_string(d) + " m";
}

rps::RadioSetup iso_setup(rps::Polarization pol, bool coherent) {
    rps::RadioSetup setup;
    setup.antenna = rps::AntennaModel::Isotropic;
    setup.polarization = pol;
    setup.tx_power_dbm = kTxPower_dbm;
    setup.coherent = coherent;
    return setup;
}

double tx_power_w() { return std::pow(10.0, (kTxPower_dbm - 30.0) / 10.0); }

// The Jones-basis claim the closed forms rely on: over a horizontal floor the V field lies along
// p (pure TM) and the H field along s (pure TE).
TEST(TwoRay, FloorSplitsVIntoTmAndHIntoTe) {
    for (const double d : kDistances) {
        const TwoRay g = geometry(receiver_at(d));
        const Vec3 k = (g.q - kTx).normalized();
        const Vec3 s = k.cross(Vec3::UnitZ()).normalized();
        EXPECT_NEAR(std::abs(polarization_vector(k, rps::Polarization::V).dot(s)), 0.0, 1e-12);
        EXPECT_NEAR(std::abs(polarization_vector(k, rps::Polarization::H).dot(s)), 1.0, 1e-12);
    }
}

TEST(TwoRay, PathsMatchLineOfSightAndFloorReflection) {
    const rps::Scene scene = floor_scene();
    for (const rps::Polarization pol : {rps::Polarization::V, rps::Polarization::H}) {
        const rps::RadioEngine engine(scene, iso_setup(pol, false), one_cell_at(receiver_at(5.0)));
        for (const double d : kDistances) {
            SCOPED_TRACE(label(pol, d));
            const Vec3 rx = receiver_at(d);
            const TwoRay g = geometry(rx);
            rps::TxPose tx;
            tx.position = kTx;
            const auto paths = engine.trace_paths(tx, rx);
            ASSERT_EQ(paths.size(), 2u);
            double total = 0.0;
            for (const rps::PropagationPath& p : paths) {
                total += p.path_gain;
                if (p.reflection_count == 0) {
                    EXPECT_NEAR(p.length_m, g.l1, 1e-9);
                    EXPECT_NEAR_DB(p.path_gain, friis(g.l1), kTolDb);
                } else {
                    ASSERT_EQ(p.reflection_count, 1);
                    ASSERT_EQ(p.interactions.size(), 1u);
                    EXPECT_NEAR((p.interactions[0].point - g.q).norm(), 0.0, 1e-9);
                    EXPECT_NEAR(p.interactions[0].cos_incidence, g.cos_theta, 1e-9);
                    EXPECT_NEAR(p.length_m, g.l2, 1e-9);
                }
            }
            EXPECT_NEAR_DB(total, incoherent_closed_form(rx, pol), kTolDb);
        }
    }
}

// The incoherent map value P_tx·(LOS + reflection) at a cell centred on the receiver, and the
// V/H split at 37 m (the floor reflects TE much more strongly than TM near grazing).
TEST(TwoRay, IncoherentMapMatchesClosedFormAndPolarisationsDiffer) {
    const rps::Scene scene = floor_scene();
    for (const double d : kDistances) {
        const Vec3 rx = receiver_at(d);
        double gain[2] = {0.0, 0.0};
        int i = 0;
        for (const rps::Polarization pol : {rps::Polarization::V, rps::Polarization::H}) {
            SCOPED_TRACE(label(pol, d));
            const rps::RadioEngine engine(scene, iso_setup(pol, false), one_cell_at(rx));
            rps::TxPose tx;
            tx.position = kTx;
            const rps::RadioMap map = engine.compute_map(tx);
            ASSERT_EQ(map.power_w.size(), 1u);
            EXPECT_NEAR((engine.grid().cell_center(0, 0) - rx).norm(), 0.0, 1e-12);
            gain[i++] = map.power_w[0] / tx_power_w();
            EXPECT_NEAR_DB(gain[i - 1], incoherent_closed_form(rx, pol), kTolDb);
        }
        if (d == 37.0) {
            const double split_db = 10.0 * std::log10(gain[1] / gain[0]);
            EXPECT_GT(std::abs(split_db), 1.0) << "H - V = " << split_db << " dB";
            const double closed_db =
                10.0 * std::log10(incoherent_closed_form(rx, rps::Polarization::H) /
                                  incoherent_closed_form(rx, rps::Polarization::V));
            EXPECT_GT(closed_db, 1.0);
            EXPECT_NEAR(split_db, closed_db, kTolDb);
        }
    }
}

TEST(TwoRay, CoherentMapMatchesThePerPortSum) {
    const rps::Scene scene = floor_scene();
    for (const rps::Polarization pol : {rps::Polarization::V, rps::Polarization::H})
        for (const double d : kDistances) {
            SCOPED_TRACE(label(pol, d));
            const Vec3 rx = receiver_at(d);
            const rps::RadioEngine engine(scene, iso_setup(pol, true), one_cell_at(rx));
            rps::TxPose tx;
            tx.position = kTx;
            const rps::RadioMap map = engine.compute_map(tx);
            ASSERT_EQ(map.power_w.size(), 1u);
            const double expected = coherent_closed_form(rx, pol);
            // Not a deep fade, or the dB tolerance would test rounding instead of physics.
            ASSERT_GT(expected, 0.05 * incoherent_closed_form(rx, pol));
            EXPECT_NEAR_DB(map.power_w[0] / tx_power_w(), expected, kTolDb);
        }
}

// TR 38.901 element (Table 7.3-1, PHYSICS.md §3; angles in degrees inside):
// A = -min(-(A_V + A_H), 30) + 8 dBi with A_V = -min(12((theta-90)/65)^2, 30),
// A_H = -min(12(phi/65)^2, 30); the seed AP's 2x1 array multiplies by 2 cos^2((pi/2) cos theta).
double ap2x1_gain(double theta_rad, double phi_rad) {
    const double th = theta_rad * 180.0 / kPi, ph = phi_rad * 180.0 / kPi;
    const double a_v = -std::min(12.0 * std::pow((th - 90.0) / 65.0, 2), 30.0);
    const double a_h = -std::min(12.0 * std::pow(ph / 65.0, 2), 30.0);
    const double element = std::pow(10.0, (-std::min(-(a_v + a_h), 30.0) + 8.0) / 10.0);
    return 2.0 * std::pow(std::cos(0.5 * kPi * std::cos(theta_rad)), 2) * element;
}

// The seed AP with its V and H ports co-phased (Polarization::VH) radiates a slant-45 field:
// half its power is TM and half TE at the floor, so the reflection carries
// G(k2)·(lambda/(4 pi L2))^2·(|R_TE|^2 + |R_TM|^2)/2. The AP faces the receiver's azimuth, so
// phi' = 0 on both paths and theta' is the zenith angle of each ray.
TEST(TwoRay, SeedApSlantFieldSplitsEvenlyBetweenTeAndTm) {
    const rps::Scene scene = floor_scene();
    rps::RadioSetup setup;
    setup.antenna = rps::AntennaModel::Ap2x1;
    setup.polarization = rps::Polarization::VH;
    const rps::RadioEngine engine(scene, setup, one_cell_at(receiver_at(5.0)));
    rps::TxPose tx;
    tx.position = kTx;
    tx.yaw_rad = kAzimuth;
    for (const double d : kDistances) {
        SCOPED_TRACE(std::to_string(d) + " m");
        const Vec3 rx = receiver_at(d);
        const TwoRay g = geometry(rx);
        const Reflection r = slab_reflection(g.cos_theta, concrete_eta(), kFloorThickness_m);
        const double theta_los = std::acos((rx - kTx).normalized().z());
        const double theta_refl = std::acos((g.q - kTx).normalized().z());
        const auto paths = engine.trace_paths(tx, rx);
        ASSERT_EQ(paths.size(), 2u);
        for (const rps::PropagationPath& p : paths) {
            if (p.reflection_count == 0) {
                EXPECT_NEAR_DB(p.path_gain, ap2x1_gain(theta_los, 0.0) * friis(g.l1), kTolDb);
            } else {
                const double split = 0.5 * (std::norm(r.te) + std::norm(r.tm));
                EXPECT_NEAR_DB(p.path_gain, ap2x1_gain(theta_refl, 0.0) * friis(g.l2) * split,
                               kTolDb);
            }
        }
    }
}

// With no reflections allowed only the line of sight remains.
TEST(TwoRay, OrderZeroKeepsOnlyLineOfSight) {
    const rps::Scene scene = floor_scene();
    rps::RadioSetup setup = iso_setup(rps::Polarization::V, false);
    setup.max_reflection_order = 0;
    const Vec3 rx = receiver_at(10.0);
    const rps::RadioEngine engine(scene, setup, one_cell_at(rx));
    rps::TxPose tx;
    tx.position = kTx;
    const auto paths = engine.trace_paths(tx, rx);
    ASSERT_EQ(paths.size(), 1u);
    EXPECT_EQ(paths[0].reflection_count, 0);
    EXPECT_NEAR_DB(engine.compute_map(tx).power_w[0], tx_power_w() * friis(geometry(rx).l1),
                   kTolDb);
}

}  // namespace
