// Supporting faces (floor, ceiling, outer walls: every scene vertex on one side of their plane)
// leave the engine's query BVH whenever every path point is on their inner side
// (docs/decisions.md, "Supporting faces leave the query BVH"). The reference is the same scene
// with one unreferenced vertex far outside, which makes no face supporting, so that engine
// queries the full BVH: maps must agree cell by cell, with the Tx inside the building (the
// reduced BVH in use) and outside it (the engine must fall back to the full BVH, or the line of
// sight would skip the outer wall).
#include <gtest/gtest.h>

#include <cmath>

#include "core/engine/radio_engine.hpp"
#include "core/scene/scene.hpp"
#include "tests/support/office_scene.hpp"

namespace {

using rps::Vec3;

rps::Scene office_without_supporting_faces() {
    rps::Scene scene = rps::test::office_scene();
    scene.vertices.push_back(Vec3(-100.0, 250.0, 77.0));  // referenced by no triangle
    return scene;
}

rps::MeasurementGridSpec grid_spec() {
    rps::MeasurementGridSpec spec;  // explicit: the extra vertex must not move the grid
    spec.cell_m = 2.0;
    spec.origin_x_m = 0.0;
    spec.origin_y_m = 0.0;
    spec.size_x_m = 40.0;
    spec.size_y_m = 40.0;
    return spec;
}

// Largest per-cell difference in dB between the two engines' maps (cells with signal).
double max_difference_db(const rps::TxPose& tx) {
    const rps::RadioSetup setup;  // defaults: ap2x1, order 2, transmission on
    const rps::RadioEngine culled(rps::test::office_scene(), setup, grid_spec());
    const rps::Scene reference_scene = office_without_supporting_faces();
    const rps::RadioEngine full(reference_scene, setup, grid_spec());
    const rps::RadioMap a = culled.compute_map(tx);
    const rps::RadioMap b = full.compute_map(tx);
    EXPECT_EQ(a.power_w.size(), b.power_w.size());
    double worst = 0.0;
    int cells = 0;
    for (size_t i = 0; i < a.power_w.size(); ++i) {
        if (!(a.power_w[i] > 1e-20) && !(b.power_w[i] > 1e-20)) continue;
        ++cells;
        worst = std::max(worst, std::abs(10.0 * std::log10(a.power_w[i] / b.power_w[i])));
    }
    EXPECT_GT(cells, 300);
    return worst;
}

TEST(SupportingFaces, TxInsideGivesTheFullBvhMap) {
    rps::TxPose tx;
    tx.position = Vec3(22.3, 27.1, 3.8);  // off the wall lattice: no ray through a wall's end
    tx.yaw_rad = 0.7;
    tx.downtilt_rad = 0.15;
    EXPECT_LT(max_difference_db(tx), 1e-9);
}

TEST(SupportingFaces, TxOutsideFallsBackToTheFullBvh) {
    rps::TxPose tx;
    tx.position = Vec3(47.3, 21.1, 1.7);  // east of the outer wall at x = 40
    tx.yaw_rad = 3.1;
    EXPECT_LT(max_difference_db(tx), 1e-9);
}

}  // namespace
