// Faces whose outline has more vertices than a beam window holds (a Mitsuba `disk` is a 64-gon):
// the beam must still cover the whole face. A truncated outline once kept only half of a disk
// floor, so receivers over the other half lost their floor reflection. Reference: for a Tx over
// the centre of a round floor, every receiver at the same radius sees the same two paths (line
// of sight and the floor reflection at the image point), whatever its azimuth.
#include <gtest/gtest.h>

#include <cmath>

#include "core/common/units.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/scene/scene_loader.hpp"

namespace rps {
namespace {

constexpr const char* kDiskFloor = R"(<scene version="2.1.0">
  <bsdf type="itu-radio-material" id="floor">
    <string name="type" value="concrete"/>
    <float name="thickness" value="0.2"/>
  </bsdf>
  <shape type="disk" id="floor-disk">
    <transform name="to_world"><scale x="10" y="10" z="1"/></transform>
    <ref id="floor" name="bsdf"/>
  </shape>
</scene>)";

TEST(ManySidedFaces, DiskFloorReflectsAtEveryAzimuth) {
    const Scene scene = parse_scene_xml(kDiskFloor, "disk.xml");
    RadioSetup setup;
    setup.antenna = AntennaModel::Isotropic;
    setup.max_reflection_order = 1;
    const RadioEngine engine(scene, setup, MeasurementGridSpec{});
    const TxPose tx{Vec3(0, 0, 3.8)};
    double reference_gain = -1.0;
    for (int k = 0; k < 16; ++k) {
        const double azimuth = 2 * kPi * k / 16 + 0.1;
        const Vec3 rx(5 * std::cos(azimuth), 5 * std::sin(azimuth), 1.5);
        const auto paths = engine.trace_paths(tx, rx);
        ASSERT_EQ(paths.size(), 2u) << "azimuth " << azimuth;
        EXPECT_EQ(paths[1].reflection_count, 1);
        EXPECT_NEAR(paths[1].length_m, std::hypot(5.0, 3.8 + 1.5), 1e-9);
        double gain = paths[0].path_gain + paths[1].path_gain;
        if (reference_gain < 0) reference_gain = gain;
        EXPECT_NEAR(gain / reference_gain, 1.0, 1e-6) << "azimuth " << azimuth;
    }
    // The map agrees: cells at mirrored positions (x, y) and (-x, -y) read the same.
    const RadioMap map = engine.compute_map(tx);
    const MeasurementGrid& g = map.grid;
    for (int iy = 0; iy < g.cells_y; ++iy)
        for (int ix = 0; ix < g.cells_x; ++ix) {
            const size_t a = g.index(ix, iy), b = g.index(g.cells_x - 1 - ix, g.cells_y - 1 - iy);
            if (!g.mask[a] || !g.mask[b]) continue;
            EXPECT_NEAR(map.power_w[a] / map.power_w[b], 1.0, 1e-6) << ix << ", " << iy;
        }
}

}  // namespace
}  // namespace rps
