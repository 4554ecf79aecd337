// The reflector plate's physics against independent references: geometric optics vs the image
// method with an equivalent scene wall, physical optics vs the far-field plate cross-section
// 4πA²cos²θ/λ², and physical optics tending to geometric optics for a large plate.
#include <gtest/gtest.h>

#include <cmath>

#include "core/common/units.hpp"
#include "core/engine/ap_trace.hpp"
#include "core/engine/radio_engine.hpp"
#include "support/db_expect.hpp"
#include "support/radio_setups.hpp"

namespace {

using rps::Vec3;

// A scene whose only geometry is a tiny triangle far away (the engine needs some geometry), plus
// optionally a PEC square wall in the plane x = 0 spanning y, z in [-h, h].
rps::Scene make_scene(bool with_pec_wall, double half_size) {
    rps::Scene scene;
    rps::RadioMaterial pec;
    pec.id = "pec";
    pec.perfect_conductor = true;
    scene.materials.push_back(pec);
    rps::SceneShape speck;
    speck.id = "speck";
    // Within the engine's reach (1 km from the scene's bounds) of every point used here.
    scene.add_shape(speck, {Vec3(500, 500, 500), Vec3(500.1, 500, 500), Vec3(500, 500.1, 500)},
                    {{0, 1, 2}});
    if (with_pec_wall) {
        rps::SceneShape wall;
        wall.id = "wall";
        const double h = half_size;
        scene.add_shape(wall, {Vec3(0, -h, -h), Vec3(0, h, -h), Vec3(0, h, h), Vec3(0, -h, h)},
                        {{0, 1, 2}, {0, 2, 3}});
    }
    return scene;
}

rps::MeasurementGridSpec grid_at(double height, double x0, double y0, double size) {
    rps::MeasurementGridSpec spec;
    spec.height_m = height;
    spec.origin_x_m = x0;
    spec.origin_y_m = y0;
    spec.size_x_m = size;
    spec.size_y_m = size;
    spec.cell_m = 0.5;
    return spec;
}

rps::PlateGeometry plate_at_origin(double width, double height) {
    rps::PlateGeometry plate;
    plate.center = Vec3(0, 0, 0);
    plate.normal = Vec3(1, 0, 0);
    plate.width_axis = Vec3(0, 1, 0);
    plate.width_m = width;
    plate.height_m = height;
    return plate;
}

}  // namespace

TEST(PlateGeometricOptics, LargePlateEqualsTheImageMethodWithAnEquivalentWall) {
    const double half = 6.0;
    const auto spec = grid_at(0.5, 1.0, -4.0, 8.0);
    const rps::RadioEngine with_wall(make_scene(true, half), rps::test::isotropic_setup(1), spec);
    const rps::RadioEngine bare(make_scene(false, half), rps::test::isotropic_setup(1), spec);
    const rps::TxPose tx{Vec3(3.0, 1.0, 1.2), 0.0, 0.0};
    const rps::RadioMap reference = with_wall.compute_map(tx);
    const rps::PlateGeometry plate = plate_at_origin(2 * half, 2 * half);
    const rps::RadioMap with_plate = bare.map_from_trace(*bare.trace_static(tx), &plate);
    ASSERT_EQ(reference.power_w.size(), with_plate.power_w.size());
    int compared = 0;
    for (size_t c = 0; c < reference.power_w.size(); ++c) {
        ASSERT_GT(reference.power_w[c], 0.0);
        EXPECT_NEAR(with_plate.power_w[c] / reference.power_w[c], 1.0, 1e-9) << "cell " << c;
        ++compared;
    }
    EXPECT_EQ(compared, 16 * 16);
}

TEST(PlateGeometricOptics, PlateShadowsWhatLiesBehindIt) {
    // Tx and Rx on opposite sides of the plate: the LOS through the plate disappears.
    const rps::RadioEngine bare(make_scene(false, 1.0), rps::test::isotropic_setup(1),
                                grid_at(0.0, -3, -1, 2));
    const rps::TxPose tx{Vec3(3.0, 0.0, 0.0), 0.0, 0.0};
    const auto free_paths = bare.trace_paths(tx, Vec3(-3.0, 0.0, 0.0));
    ASSERT_EQ(free_paths.size(), 1u);
    const rps::PlateGeometry plate = plate_at_origin(1.0, 1.0);
    EXPECT_TRUE(bare.trace_paths(tx, Vec3(-3.0, 0.0, 0.0), &plate).empty());
}

TEST(PlatePhysicalOptics, SmallPlateMatchesTheFarFieldCrossSection) {
    // Bistatic specular geometry far from a small plate: σ = 4πA²cos²θ/λ², and the radar
    // equation with isotropic antennas gives |a|² = λ²σ/((4π)³ s1² s2²) = A²cos²θ/(16π² s1² s2²).
    const rps::RadioEngine bare(make_scene(false, 1.0), rps::test::isotropic_setup(1),
                                grid_at(0.0, -1, -1, 2));
    const double side = 0.3, area = side * side, distance = 100.0;
    for (double theta_deg : {0.0, 20.0, 40.0}) {
        const double theta = rps::deg_to_rad(theta_deg);
        const Vec3 tx_pos(distance * std::cos(theta), distance * std::sin(theta), 0.0);
        const Vec3 rx_pos(distance * std::cos(theta), -distance * std::sin(theta), 0.0);
        rps::PlateGeometry plate = plate_at_origin(side, side);
        plate.physical_optics = true;
        const auto paths = bare.trace_paths({tx_pos, 0, 0}, rx_pos + Vec3(0, 0, 1e-9), &plate);
        double plate_gain = 0.0;
        for (const auto& p : paths)
            if (p.uses_plate) plate_gain += p.path_gain;
        const double expected = area * area * std::pow(std::cos(theta), 2) /
                                (16.0 * rps::kPi * rps::kPi * std::pow(distance, 4));
        EXPECT_NEAR_DB(plate_gain, expected, 0.05) << "theta " << theta_deg;
    }
}

TEST(PlatePhysicalOptics, LargePlateTendsToGeometricOptics) {
    const rps::RadioEngine bare(make_scene(false, 1.0), rps::test::isotropic_setup(1),
                                grid_at(0.0, -1, -1, 2));
    const Vec3 tx_pos(4.0, 1.0, 0.3), rx_pos(3.0, -1.5, -0.2);
    rps::PlateGeometry plate = plate_at_origin(12.0, 12.0);
    const auto go = bare.trace_paths({tx_pos, 0, 0}, rx_pos, &plate);
    plate.physical_optics = true;
    plate.po_patch_m = 0.02;
    const auto po = bare.trace_paths({tx_pos, 0, 0}, rx_pos, &plate);
    const auto plate_gain = [](const std::vector<rps::PropagationPath>& paths) {
        double g = 0.0;
        for (const auto& p : paths)
            if (p.uses_plate) g += p.path_gain;
        return g;
    };
    ASSERT_GT(plate_gain(go), 0.0);
    // Edge diffraction of a 12 m plate seen from 4 m: ripples well below 0.3 dB.
    EXPECT_NEAR_DB(plate_gain(po), plate_gain(go), 0.3);
}

TEST(PlatePhysicalOptics, DefaultPatchesAgreeWithFinePatches) {
    // The default 0.1 m patches must match a fine (1 cm) patch grid on the office plate size at room distances: within 0.1 dB at the
    // specular receiver, and within 1 % of that specular power off specular (side lobes are
    // sums of cancelling patches, so their relative error is not meaningful).
    const rps::RadioEngine bare(make_scene(false, 1.0), rps::test::isotropic_setup(1),
                                grid_at(0.0, -1, -1, 2));
    rps::PlateGeometry plate = plate_at_origin(2.0, 2.0);
    plate.physical_optics = true;
    const rps::TxPose tx{Vec3(5.0, 2.0, 1.8), 0, 0};
    const auto plate_gain = [&](const Vec3& rx, double patch) {
        plate.po_patch_m = patch;
        double g = 0;
        for (const auto& p : bare.trace_paths(tx, rx, &plate)) g += p.uses_plate ? p.path_gain : 0.0;
        return g;
    };
    const double kAuto = rps::PlateGeometry{}.po_patch_m;
    const Vec3 specular(5.0, -2.0, -1.8);  // mirror of the Tx through the plate's normal axis
    const double peak = plate_gain(specular, 0.01);
    EXPECT_NEAR_DB(plate_gain(specular, kAuto), peak, 0.1);
    for (const Vec3& rx : {Vec3(6.0, -3.0, -1.0), Vec3(3.0, 1.5, 0.5), Vec3(9.0, 6.0, -2.0)})
        EXPECT_NEAR(plate_gain(rx, kAuto), plate_gain(rx, 0.01), 0.01 * peak) << rx.transpose();
}

// In a coherent map the plate's path interferes with the line of sight, so its phase matters,
// not only its power: physical optics of a large plate must tend to the geometric-optics image
// path with the same sign. (It once carried Goodman's 1/(jλ) with this engine's e^{-jkr}
// phasors, i.e. -1 times the GO path: every interference fringe was inverted, up to 5 dB.)
TEST(PlatePhysicalOptics, LargePlateKeepsTheGeometricOpticsPhaseInCoherentMaps) {
    rps::RadioSetup setup = rps::test::isotropic_setup(1);
    setup.coherent = true;
    const rps::RadioEngine bare(make_scene(false, 1.0), setup, grid_at(0.2, 2.0, -3.0, 4.0));
    const rps::TxPose tx{Vec3(4.0, 1.0, 0.3), 0, 0};
    const auto trace = bare.trace_static(tx);
    rps::PlateGeometry plate = plate_at_origin(12.0, 12.0);
    const rps::RadioMap go = bare.map_from_trace(*trace, &plate);
    plate.physical_optics = true;
    plate.po_patch_m = 0.05;
    const rps::RadioMap po = bare.map_from_trace(*trace, &plate);
    const rps::RadioMap los = bare.compute_map(tx);
    ASSERT_EQ(go.power_w.size(), po.power_w.size());
    double worst_db = 0.0;
    for (size_t c = 0; c < go.power_w.size(); ++c) {
        // Cells near a deep interference null are left out: there a 0.3 dB ripple of the plate's
        // amplitude (edge diffraction) moves the null's depth by many dB.
        if (go.power_w[c] < 0.5 * los.power_w[c]) continue;
        worst_db = std::max(worst_db, std::abs(10 * std::log10(po.power_w[c] / go.power_w[c])));
    }
    EXPECT_LT(worst_db, 0.5);
}
