// One wall: reflection and transmission of a single large vertical slab against closed forms.
//   reflected path gain   = (lambda / (4 pi (d1 + d2)))^2 · |R|^2
//   transmitted path gain = (lambda / (4 pi (d1 + d2)))^2 · |T|^2
// with R and T the single-layer slab coefficients of ITU-R P.2040-3 as ../shared/PHYSICS.md §2.1
// gives them (eqs. 37a/b for r', 43a/b for R, 44 for T), written out here rather than taken from
// the library. The polarisation is chosen so that the field is purely TE or purely TM
// (PHYSICS.md §2.2): with Tx and Rx in a vertical plane through the wall normal, the plane of
// incidence is vertical, so an H (phi-hat, horizontal) field is TE and a V (theta-hat) field TM;
// with Tx and Rx at one height the plane of incidence is horizontal and the roles swap.
#include <gtest/gtest.h>

#include <cmath>
#include <complex>
#include <memory>
#include <numbers>
#include <string>
#include <vector>

#include "core/engine/radio_engine.hpp"
#include "core/scene/scene.hpp"
#include "tests/support/db_expect.hpp"
#include "tests/support/engine_checks.hpp"
#include "tests/support/engine_grids.hpp"
#include "tests/support/reference_physics.hpp"
#include "tests/support/scene_builders.hpp"

namespace {

using rps::Vec3;
using cd = std::complex<double>;

using namespace rps::test;  // kPi, kLambda, friis, rad, the P.2040 references
constexpr double kTolDb = 0.01;

using ItuRow = ItuReference;
inline cd itu_eta(const ItuRow& m) { return m.eta(); }
using Slab = SlabReference;
inline Slab slab(double cos_theta, cd eta, double thickness_m) {
    return slab_reference(cos_theta, eta, thickness_m);
}
const ItuRow& kConcrete = kConcreteItu;
const ItuRow& kPlasterboard = kPlasterboardItu;
const ItuRow& kGlass = kGlassItu;

// The test's slab formula reproduces Sionna's values in PHYSICS.md §2.4 (concrete and
// plasterboard, 0.1 m), so it is a trustworthy reference.
TEST(SingleWall, ClosedFormSlabMatchesPhysicsTable) {
    struct Row {
        double theta, r_te, r_tm, t_te_db, t_tm_db;
    };
    const Row concrete[] = {{0, 0.141018, 0.141018, -13.309, -13.309},
                            {30, 0.199937, 0.119273, -14.119, -13.300},
                            {60, 0.397116, 0.012574, -17.186, -12.987},
                            {80, 0.704418, 0.144656, -23.960, -14.587}};
    const Row plaster[] = {{0, 0.081744, 0.081744, -4.521, -4.521},
                           {30, 0.149099, 0.073409, -5.175, -4.626},
                           {60, 0.167543, 0.000193, -6.385, -4.633},
                           {80, 0.720479, 0.328190, -14.003, -7.647}};
    const auto check = [](const ItuRow& m, const Row* rows) {
        for (int i = 0; i < 4; ++i) {
            const Slab s = slab(std::cos(rad(rows[i].theta)), itu_eta(m), 0.1);
            EXPECT_NEAR(std::norm(s.r_te), rows[i].r_te, 1e-6) << m.name << rows[i].theta;
            EXPECT_NEAR(std::norm(s.r_tm), rows[i].r_tm, 1e-6) << m.name << rows[i].theta;
            EXPECT_NEAR(10 * std::log10(std::norm(s.t_te)), rows[i].t_te_db, 1e-3) << m.name;
            EXPECT_NEAR(10 * std::log10(std::norm(s.t_tm)), rows[i].t_tm_db, 1e-3) << m.name;
        }
    };
    check(kConcrete, concrete);
    check(kPlasterboard, plaster);
    // Sionna's sign convention: r_TM = -r_TE at normal incidence.
    const Slab n = slab(1.0, itu_eta(kConcrete), 0.2);
    EXPECT_NEAR(std::abs(n.r_tm + n.r_te), 0.0, 1e-12);
}

// The wall: the plane x = 0, y and z in [-20, 20], one rectangle (two triangles).
struct WallCase {
    ItuRow material;
    double thickness_m;
};
const WallCase kWalls[] = {{kConcrete, 0.2}, {kPlasterboard, 0.1}, {kGlass, 0.01}};

const Vec3 kWallNormal(1.0, 0.0, 0.0);
const Vec3 kMapCell(1.5, 1.5, 1.5);    // centre of the engines' one map cell
const Vec3 kWallPoint(0.0, 1.3, 0.7);  // the interaction point used below (off the diagonal)

rps::Scene wall_scene(const WallCase& wall) {
    rps::Scene scene;
    scene.materials.push_back(
        rps::RadioMaterial{"wall", wall.material.name, 1.0, 0.0, wall.thickness_m, false});
    rps::test::add_rectangle(
        scene, "wall", 0, {Vec3(0, -20, -20), Vec3(0, 20, -20), Vec3(0, 20, 20), Vec3(0, -20, 20)});
    return scene;
}

std::unique_ptr<rps::RadioEngine> make_engine(const rps::Scene& scene, rps::Polarization pol) {
    rps::RadioSetup setup;
    setup.antenna = rps::AntennaModel::Isotropic;
    setup.polarization = pol;
    setup.max_reflection_order = 1;
    return std::make_unique<rps::RadioEngine>(scene, setup, rps::test::one_cell_at(kMapCell));
}

// Tangent direction along the wall in which the ray advances: z for the vertical plane of
// incidence (y = const), y for the horizontal one (z = const).
enum class Plane { Vertical, Horizontal };
Vec3 tangent(Plane plane) { return plane == Plane::Vertical ? Vec3::UnitZ() : Vec3::UnitY(); }

// The polarisation that is TE in this plane of incidence (the field along s = k × n):
// vertical plane -> s horizontal -> H; horizontal plane -> s vertical -> V.
rps::Polarization te_polarization(Plane plane) {
    return plane == Plane::Vertical ? rps::Polarization::H : rps::Polarization::V;
}
rps::Polarization tm_polarization(Plane plane) {
    return plane == Plane::Vertical ? rps::Polarization::V : rps::Polarization::H;
}

// Specular point by the image method: mirror Tx in the wall plane, intersect image -> Rx.
Vec3 mirror_reflection_point(const Vec3& tx, const Vec3& rx) {
    const Vec3 image = tx - 2.0 * (tx - kWallPoint).dot(kWallNormal) * kWallNormal;
    const double t = (kWallPoint - image).dot(kWallNormal) / (rx - image).dot(kWallNormal);
    return image + t * (rx - image);
}

const double kAngles[] = {0.0, 30.0, 60.0, 80.0};

// One pure-TE or pure-TM case: a wall, its plane of incidence, the polarisation and an angle.
struct PureCase {
    const WallCase& wall;
    cd eta;
    Plane plane;
    bool te;
    const rps::RadioEngine& engine;
    double c, s;  // cos and sin of the incidence angle
    Vec3 t;       // in-plane tangent of the wall
};

// Runs check(case) for every wall, plane of incidence, polarisation and angle of kAngles.
template <class Check>
void for_each_pure_case(Check&& check) {
    for (const WallCase& wall : kWalls) {
        const rps::Scene scene = wall_scene(wall);
        const cd eta = itu_eta(wall.material);
        for (const Plane plane : {Plane::Vertical, Plane::Horizontal})
            for (const bool te : {true, false}) {
                const auto engine =
                    make_engine(scene, te ? te_polarization(plane) : tm_polarization(plane));
                for (const double angle : kAngles) {
                    SCOPED_TRACE(std::string(wall.material.name) +
                                 (plane == Plane::Vertical ? " vertical" : " horizontal") +
                                 (te ? " TE " : " TM ") + std::to_string(angle) + " deg");
                    check(PureCase{wall, eta, plane, te, *engine, std::cos(rad(angle)),
                                   std::sin(rad(angle)), tangent(plane)});
                }
            }
    }
}

TEST(SingleWall, ReflectionMatchesSlabCoefficientForPureTeAndTm) {
    const double d1 = 3.0, d2 = 5.0;
    for_each_pure_case([&](const PureCase& pc) {
        const double c = pc.c, s = pc.s;
        const Vec3& t = pc.t;
        rps::TxPose tx;
        tx.position = kWallPoint + d1 * (c * kWallNormal - s * t);
        const Vec3 rx = kWallPoint + d2 * (c * kWallNormal + s * t);

        const std::vector<rps::PropagationPath> paths = pc.engine.trace_paths(tx, rx);
        ASSERT_EQ(paths.size(), 2u);  // line of sight + one reflection
        int n_los = 0, n_reflected = 0;
        for (const rps::PropagationPath& p : paths) {
            if (p.reflection_count == 0) {
                ++n_los;
                expect_free_space_los(p, tx.position, rx, kTolDb);
                continue;
            }
            ++n_reflected;
            ASSERT_EQ(p.reflection_count, 1);
            ASSERT_EQ(p.interactions.size(), 1u);
            const rps::PathInteraction& hit = p.interactions[0];
            EXPECT_EQ(hit.kind, rps::InteractionKind::Reflection);
            EXPECT_EQ(hit.material, 0);
            const Vec3 q = mirror_reflection_point(tx.position, rx);
            EXPECT_NEAR((q - kWallPoint).norm(), 0.0, 1e-12);  // the set-up
            EXPECT_NEAR((hit.point - q).norm(), 0.0, 1e-9);
            EXPECT_NEAR(hit.cos_incidence, c, 1e-9);
            EXPECT_NEAR(p.length_m, d1 + d2, 1e-9);
            const Slab coeff = slab(c, pc.eta, pc.wall.thickness_m);
            const double r2 = std::norm(pc.te ? coeff.r_te : coeff.r_tm);
            EXPECT_NEAR_DB(p.path_gain, friis(d1 + d2) * r2, kTolDb);
        }
        EXPECT_EQ(n_los, 1);
        EXPECT_EQ(n_reflected, 1);
    });
}

TEST(SingleWall, TransmissionMatchesSlabCoefficientForPureTeAndTm) {
    const double d1 = 2.5, d2 = 4.0;
    for_each_pure_case([&](const PureCase& pc) {
        const double c = pc.c, s = pc.s;
        const Vec3& t = pc.t;
        // Tx in front (x > 0), Rx behind (x < 0), on one straight line through the
        // wall point: the ray keeps its direction through the thin slab.
        const Vec3 k = -c * kWallNormal + s * t;
        rps::TxPose tx;
        tx.position = kWallPoint - d1 * k;
        const Vec3 rx = kWallPoint + d2 * k;

        const std::vector<rps::PropagationPath> paths = pc.engine.trace_paths(tx, rx);
        ASSERT_EQ(paths.size(), 1u);  // no reflection reaches the far side
        const rps::PropagationPath& p = paths[0];
        EXPECT_EQ(p.reflection_count, 0);
        ASSERT_EQ(p.interactions.size(), 1u);
        const rps::PathInteraction& hit = p.interactions[0];
        EXPECT_EQ(hit.kind, rps::InteractionKind::Transmission);
        EXPECT_EQ(hit.material, 0);
        EXPECT_NEAR((hit.point - kWallPoint).norm(), 0.0, 1e-5);  // float hit
        EXPECT_NEAR(hit.cos_incidence, c, 1e-9);
        EXPECT_NEAR(p.length_m, d1 + d2, 1e-9);
        const Slab coeff = slab(c, pc.eta, pc.wall.thickness_m);
        const double t2 = std::norm(pc.te ? coeff.t_te : coeff.t_tm);
        EXPECT_NEAR_DB(p.path_gain, friis(d1 + d2) * t2, kTolDb);
    });
}

// With transmission switched off the wall blocks the line of sight: no path at all.
TEST(SingleWall, OpaqueWallWhenTransmissionIsOff) {
    const rps::Scene scene = wall_scene(kWalls[0]);
    rps::RadioSetup setup;
    setup.antenna = rps::AntennaModel::Isotropic;
    setup.max_reflection_order = 1;
    setup.transmission = false;
    const rps::RadioEngine engine(scene, setup, rps::test::one_cell_at(kMapCell));
    rps::TxPose tx;
    tx.position = kWallPoint + Vec3(2.0, 0.3, -0.2);
    EXPECT_TRUE(engine.trace_paths(tx, kWallPoint + Vec3(-3.0, -0.5, 0.4)).empty());
    // Same side: line of sight and the reflection remain.
    EXPECT_EQ(engine.trace_paths(tx, kWallPoint + Vec3(3.0, -0.5, 0.4)).size(), 2u);
}

// A reflection whose specular point falls beyond the wall's edge does not exist.
TEST(SingleWall, NoReflectionBeyondTheWallEdge) {
    const rps::Scene scene = wall_scene(kWalls[0]);
    const auto engine = make_engine(scene, rps::Polarization::V);
    rps::TxPose tx;
    tx.position = Vec3(1.0, 25.0, 0.0);
    const Vec3 rx(1.0, 27.0, 0.0);  // the specular point would be (0, 26, 0), outside y <= 20
    const auto paths = engine->trace_paths(tx, rx);
    ASSERT_EQ(paths.size(), 1u);
    EXPECT_EQ(paths[0].reflection_count, 0);
}

}  // namespace
