// A right-angle corner of two vertical walls, A in the plane x = 0 (y >= 0) and B in the plane
// y = 0 (x >= 0), with Tx and Rx in the quadrant x, y > 0 at one height. With reflection order 2
// the image method (built in the test: mirror images I_A, I_B, I_AB = mirror_B(I_A),
// I_BA = mirror_A(I_B), back-traced to the receiver and checked against the walls' extents) gives
// the line of sight, one path per wall and the double bounces whose points land on the walls.
// For perpendicular walls I_AB = I_BA is the point reflection of Tx through the corner edge, and
// the straight line from it to Rx crosses one wall's extension first, so exactly ONE of the two
// orders (A then B, B then A) is realisable for any Tx/Rx pair in the quadrant; the geometries
// below exercise both orders.
// Path lengths are |I - Rx| (1e-9 m); gains are (lambda/(4 pi L))^2 times the product of |R|^2
// over the bounces, with R the ITU-R P.2040-3 slab coefficient (eqs. 37, 43;
// ../shared/PHYSICS.md §2.1) at each incidence angle. In a horizontal plane of incidence a V
// (theta-hat = -z) field is perpendicular to the plane (TE at every wall) and an H (phi-hat)
// field lies in it (TM at every wall), PHYSICS.md §2.2. No floor.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <numbers>
#include <optional>
#include <string>
#include <vector>

#include "core/common/units.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/scene/scene.hpp"
#include "tests/support/db_expect.hpp"
#include "tests/support/engine_checks.hpp"
#include "tests/support/engine_grids.hpp"
#include "tests/support/office_scene.hpp"
#include "tests/support/reference_physics.hpp"

namespace {

using rps::Vec3;
using cd = std::complex<double>;

using namespace rps::test;  // kPi, kLambda, friis, the P.2040 references
constexpr double kTolDb = 0.01;
constexpr double kWallLength_m = 20.0;
constexpr double kWallHalfHeight_m = 5.0;
constexpr double kHeight_m = 0.5;  // Tx and Rx height (walls span z in [-5, 5])
const Vec3 kMapCell(1.5, 1.5, kHeight_m);  // centre of the engines' one map cell

// An ITU-R P.2040 material with the wall's slab thickness.
struct Material {
    const char* name;
    double a, b, c, d;
    double thickness_m;
    cd eta() const { return ItuReference{name, a, b, c, d}.eta(); }
};

// |R_TE|^2 or |R_TM|^2 of the P.2040-3 slab (eq. 37a/b for r', eq. 43a/b for R).
double slab_r2(const Material& m, double cos_theta, bool te) {
    const SlabReference s = slab_reference(cos_theta, m.eta(), m.thickness_m);
    return std::norm(te ? s.r_te : s.r_tm);
}

const Material kConcrete{"concrete", 5.24, 0.0, 0.0462, 0.7822, 0.2};
const Material kPlasterboard{"plasterboard", 2.73, 0.0, 0.0085, 0.9395, 0.1};
const Material kMetal{"metal", 1.0, 0.0, 1e7, 0.0, 0.002};

// Wall 0 = A (x = 0, normal axis 0), wall 1 = B (y = 0, normal axis 1).
struct Corner {
    Material wall[2];
};

// beyond_m > 0 continues both walls past the edge (a cross junction).
rps::Scene corner_scene(const Corner& corner, double beyond_m = 0.0) {
    rps::Scene scene;
    for (int w = 0; w < 2; ++w)
        scene.materials.push_back(rps::RadioMaterial{w == 0 ? "wall-a" : "wall-b",
                                                     corner.wall[w].name, 1.0, 0.0,
                                                     corner.wall[w].thickness_m, false});
    const double l = kWallLength_m, h = kWallHalfHeight_m;
    rps::SceneShape a;
    a.id = "wall-a";
    a.type = "rectangle";
    a.material_index = 0;
    const double b0 = -beyond_m;
    scene.add_shape(a, {Vec3(0, b0, -h), Vec3(0, l, -h), Vec3(0, l, h), Vec3(0, b0, h)},
                    {{0, 1, 2}, {0, 2, 3}});
    rps::SceneShape b;
    b.id = "wall-b";
    b.type = "rectangle";
    b.material_index = 1;
    scene.add_shape(b, {Vec3(b0, 0, -h), Vec3(l, 0, -h), Vec3(l, 0, h), Vec3(b0, 0, h)},
                    {{0, 1, 2}, {0, 2, 3}});
    return scene;
}

Vec3 mirror(int wall, Vec3 p) {
    p[wall] = -p[wall];
    return p;
}

// Point where segment a -> b crosses the wall's plane, if it does so inside the wall.
std::optional<Vec3> cross_wall(int wall, const Vec3& a, const Vec3& b) {
    const double den = b[wall] - a[wall];
    if (den == 0.0) return std::nullopt;
    const double t = -a[wall] / den;
    if (!(t > 0.0 && t < 1.0)) return std::nullopt;
    const Vec3 q = a + t * (b - a);
    const int along = 1 - wall;  // the wall's horizontal extent is along the other axis
    if (q[along] < 0.0 || q[along] > kWallLength_m || std::abs(q.z()) > kWallHalfHeight_m)
        return std::nullopt;
    return q;
}

struct ExpectedPath {
    std::vector<int> walls;  // in order from Tx
    std::vector<Vec3> points;
    std::vector<double> cos_incidence;
    double length_m = 0;
};

// Image method for one wall sequence; nullopt when a reflection point misses its wall.
std::optional<ExpectedPath> image_path(const std::vector<int>& walls, const Vec3& tx,
                                       const Vec3& rx) {
    std::vector<Vec3> images = {tx};
    for (const int w : walls) images.push_back(mirror(w, images.back()));
    ExpectedPath path;
    path.walls = walls;
    path.length_m = (images.back() - rx).norm();
    path.points.assign(walls.size(), Vec3::Zero());
    Vec3 next = rx;
    for (int j = static_cast<int>(walls.size()) - 1; j >= 0; --j) {
        const std::optional<Vec3> q = cross_wall(walls[j], images[j + 1], next);
        if (!q) return std::nullopt;
        path.points[j] = *q;
        next = *q;
    }
    Vec3 from = tx;
    for (size_t j = 0; j < walls.size(); ++j) {
        const Vec3 k = (path.points[j] - from).normalized();
        path.cos_incidence.push_back(std::abs(k[walls[j]]));
        from = path.points[j];
    }
    return path;
}

struct Geometry {
    double tx_x, tx_y, rx_x, rx_y;
};
const Geometry kGeometries[] = {{2.0, 1.0, 1.0, 3.0}, {1.0, 2.0, 3.0, 1.0}, {4.0, 3.0, 7.0, 1.5},
                                {1.5, 6.0, 5.0, 4.0}, {6.5, 2.5, 2.0, 8.0}, {3.0, 3.0, 3.6, 2.2}};

const Corner kCorners[] = {
    {{kConcrete, kPlasterboard}}, {{kConcrete, kConcrete}}, {{kMetal, kMetal}}};

// Exactly one double bounce exists for each geometry, and both orders occur across them.
TEST(Corner, ImageMethodGivesOneDoubleBouncePerGeometry) {
    int a_then_b = 0, b_then_a = 0;
    for (const Geometry& g : kGeometries) {
        const Vec3 tx(g.tx_x, g.tx_y, kHeight_m), rx(g.rx_x, g.rx_y, kHeight_m);
        const bool ab = image_path({0, 1}, tx, rx).has_value();
        const bool ba = image_path({1, 0}, tx, rx).has_value();
        EXPECT_NE(ab, ba) << g.tx_x << "," << g.tx_y << " -> " << g.rx_x << "," << g.rx_y;
        a_then_b += ab;
        b_then_a += ba;
        // Perpendicular walls: both double images are the point reflection through the edge.
        EXPECT_NEAR((mirror(1, mirror(0, tx)) - mirror(0, mirror(1, tx))).norm(), 0.0, 0.0);
        ASSERT_TRUE(image_path({0}, tx, rx).has_value());
        ASSERT_TRUE(image_path({1}, tx, rx).has_value());
    }
    EXPECT_GT(a_then_b, 0);
    EXPECT_GT(b_then_a, 0);
}

TEST(Corner, PathsMatchImageMethodUpToOrderTwo) {
    for (const Corner& corner : kCorners) {
        const rps::Scene scene = corner_scene(corner);
        for (const rps::Polarization pol : {rps::Polarization::V, rps::Polarization::H}) {
            const bool te = pol == rps::Polarization::V;  // see the header comment
            rps::RadioSetup setup;
            setup.antenna = rps::AntennaModel::Isotropic;
            setup.polarization = pol;
            setup.max_reflection_order = 2;
            const rps::RadioEngine engine(scene, setup, rps::test::one_cell_at(kMapCell));
            for (const Geometry& g : kGeometries) {
                SCOPED_TRACE(std::string(corner.wall[0].name) + "/" + corner.wall[1].name +
                             (te ? " V(TE)" : " H(TM)") + " tx " + std::to_string(g.tx_x) + "," +
                             std::to_string(g.tx_y) + " rx " + std::to_string(g.rx_x) + "," +
                             std::to_string(g.rx_y));
                rps::TxPose tx;
                tx.position = Vec3(g.tx_x, g.tx_y, kHeight_m);
                const Vec3 rx(g.rx_x, g.rx_y, kHeight_m);

                std::vector<ExpectedPath> expected;
                for (const std::vector<int>& seq : {std::vector<int>{0}, {1}, {0, 1}, {1, 0}})
                    if (auto p = image_path(seq, tx.position, rx)) expected.push_back(*p);
                ASSERT_EQ(expected.size(), 3u);  // A, B and one double bounce

                const std::vector<rps::PropagationPath> paths = engine.trace_paths(tx, rx);
                ASSERT_EQ(paths.size(), 4u);
                int los = 0, first = 0, second = 0;
                std::vector<bool> matched(expected.size(), false);
                for (const rps::PropagationPath& p : paths) {
                    if (p.reflection_count == 0) {
                        ++los;
                        expect_free_space_los(p, tx.position, rx, kTolDb);
                        continue;
                    }
                    (p.reflection_count == 1 ? first : second)++;
                    // Which walls, in which order: the scene material index is the wall.
                    std::vector<int> walls;
                    for (const rps::PathInteraction& hit : p.interactions) {
                        EXPECT_EQ(hit.kind, rps::InteractionKind::Reflection);
                        walls.push_back(hit.material);
                    }
                    const auto it =
                        std::find_if(expected.begin(), expected.end(),
                                     [&](const ExpectedPath& e) { return e.walls == walls; });
                    ASSERT_NE(it, expected.end()) << "unexpected wall sequence";
                    const ExpectedPath& e = *it;
                    matched[it - expected.begin()] = true;
                    ASSERT_EQ(p.reflection_count, static_cast<int>(e.walls.size()));
                    EXPECT_NEAR(p.length_m, e.length_m, 1e-9);
                    double product = 1.0;
                    for (size_t j = 0; j < e.walls.size(); ++j) {
                        EXPECT_NEAR((p.interactions[j].point - e.points[j]).norm(), 0.0, 1e-9);
                        EXPECT_NEAR(p.interactions[j].cos_incidence, e.cos_incidence[j], 1e-9);
                        product *= slab_r2(corner.wall[e.walls[j]], e.cos_incidence[j], te);
                    }
                    EXPECT_NEAR_DB(p.path_gain, friis(e.length_m) * product, kTolDb);
                }
                EXPECT_EQ(los, 1);
                EXPECT_EQ(first, 2);
                EXPECT_EQ(second, 1);
                EXPECT_TRUE(std::all_of(matched.begin(), matched.end(), [](bool m) { return m; }));
            }
        }
    }
}

// The receiver sees the Tx's double image exactly through the corner edge: both reflection
// points fall on the edge (a zero-length middle segment). Beside that line one of the two orders
// exists; on it, in a horizontal plane, both orders give the same incidences (|k.x| on A, |k.y|
// on B), so the path must be there once with that closed-form gain, reflected and not crossing
// either wall, in the probe and in the map alike; also a hair beside the line (both points
// within the engine's 0.1 mm segment margin of the edge), and where the walls continue past the
// edge (a cross junction: there the other wall passes through each reflection point).
TEST(Corner, DoubleBounceThroughTheCornerEdgeIsKept) {
    const Corner& corner = kCorners[0];
    const Vec3 tx_position(2.0, 1.0, kHeight_m);
    const Vec3 double_image = mirror(1, mirror(0, tx_position));
    const Vec3 across = Vec3(-1.0, 2.0, 0.0).normalized();  // ⟂ the line image -> edge -> rx
    for (const double beyond_m : {0.0, 5.0})
        for (const Vec3& rx :
             std::vector<Vec3>{Vec3(4.0, 2.0, kHeight_m), Vec3(3.0, 1.5, kHeight_m),
                               Vec3(4.0, 2.0, kHeight_m) + 2e-5 * across,
                               Vec3(3.0, 1.5, kHeight_m) - 2e-5 * across}) {
            SCOPED_TRACE("beyond " + std::to_string(beyond_m) + " rx " + std::to_string(rx.x()) +
                         "," + std::to_string(rx.y()));
            const rps::Scene scene = corner_scene(corner, beyond_m);
            for (const rps::Polarization pol : {rps::Polarization::V, rps::Polarization::H}) {
                const bool te = pol == rps::Polarization::V;
                rps::RadioSetup setup;
                setup.antenna = rps::AntennaModel::Isotropic;
                setup.polarization = pol;
                setup.max_reflection_order = 2;
                const rps::RadioEngine engine(scene, setup, rps::test::one_cell_at(rx));
                const auto paths = engine.trace_paths(rps::TxPose{tx_position}, rx);
                const double length_m = (double_image - rx).norm();
                const Vec3 k0 =
                    (rx - double_image).normalized().cwiseAbs();  // |components| as Tx->edge
                const double expected = friis(length_m) * slab_r2(corner.wall[0], k0.x(), te) *
                                        slab_r2(corner.wall[1], k0.y(), te);
                int doubles = 0;
                double total = 0.0;
                for (const rps::PropagationPath& p : paths) {
                    total += p.path_gain;
                    if (p.reflection_count != 2) continue;
                    ++doubles;
                    ASSERT_EQ(p.interactions.size(), 2u) << "a corner wall crossed";
                    for (const rps::PathInteraction& hit : p.interactions) {
                        EXPECT_EQ(hit.kind, rps::InteractionKind::Reflection);
                        EXPECT_NEAR((hit.point - Vec3(0, 0, kHeight_m)).norm(), 0.0, 1e-4);
                    }
                    EXPECT_NEAR(p.length_m, length_m, 1e-9);
                    EXPECT_NEAR_DB(p.path_gain, expected, kTolDb);
                }
                EXPECT_EQ(doubles, 1) << rx.transpose();
                EXPECT_EQ(paths.size(), 4u);  // line of sight, A, B, the corner double bounce
                const rps::RadioMap map = engine.compute_map(rps::TxPose{tx_position});
                EXPECT_NEAR_DB(map.power_w[0], rps::dbm_to_watts(setup.tx_power_dbm) * total, 1e-9);
            }
        }
}

// Order 1 drops the double bounce; order 0 keeps only the line of sight.
TEST(Corner, ReflectionOrderLimitsThePathList) {
    const rps::Scene scene = corner_scene(kCorners[0]);
    for (const int order : {0, 1}) {
        rps::RadioSetup setup;
        setup.antenna = rps::AntennaModel::Isotropic;
        setup.max_reflection_order = order;
        const rps::RadioEngine engine(scene, setup, rps::test::one_cell_at(kMapCell));
        rps::TxPose tx;
        tx.position = Vec3(2.0, 1.0, kHeight_m);
        const auto paths = engine.trace_paths(tx, Vec3(1.0, 3.0, kHeight_m));
        EXPECT_EQ(paths.size(), order == 0 ? 1u : 3u);
        for (const rps::PropagationPath& p : paths) EXPECT_LE(p.reflection_count, order);
    }
}

}  // namespace

namespace rps {
namespace {

// With Tx and the receivers of one row collinear with the office's corner lines (Tx at the
// receivers' height, on the row's y), every corner line parallel to x gives each receiver of the
// row a double reflection through the corner line, whose beam footprint has zero width. The
// probe (one receiver) must find the paths the map finds, as the Tx moved 0.1 µm along the
// tie-break direction does: its one-point raster dropped five such paths per cell (0.4 dB), and
// with walls opaque some more.
TEST(Corner, ProbeFindsTheCornerLinePathsOfTheMap) {
    for (const bool transmission : {true, false}) {
        RadioSetup setup;
        setup.antenna = AntennaModel::Isotropic;
        setup.transmission = transmission;
        MeasurementGridSpec spec;
        spec.cell_m = 0.5;
        const RadioEngine engine(test::office_scene(), setup, spec);
        const MeasurementGrid& grid = engine.grid();
        const TxPose tx{Vec3(35.5, 20.25, 1.5)};
        const RadioMap map = engine.compute_map(tx);
        const double tx_power_w = dbm_to_watts(setup.tx_power_dbm);
        int differing = 0;
        for (int ix = 0; ix < grid.cells_x; ix += 3) {
            const size_t cell = grid.index(ix, 40);
            if (!grid.mask[cell]) continue;
            double probe = 0.0;
            for (const PropagationPath& path : engine.trace_paths(tx, grid.cell_center(ix, 40)))
                probe += path.path_gain;
            const double mapped = map.power_w[cell] / tx_power_w;
            const bool same = mapped == 0.0 ? probe == 0.0 : std::abs(probe / mapped - 1.0) < 1e-9;
            if (!same) {
                ++differing;
                ADD_FAILURE() << "transmission " << transmission << ", cell " << ix << ": probe "
                              << probe << ", map " << mapped;
            }
        }
        EXPECT_EQ(differing, 0);
    }
}

}  // namespace
}  // namespace rps
