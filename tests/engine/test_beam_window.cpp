// Beam windows (beam_window.hpp) that outgrow what a window keeps: the clip of one 16-gon by
// another, turned by half a step, is a 32-gon, and propagate_beam must replace it by its bounding
// rectangle (a superset, marked inexact) rather than drop or truncate vertices. Reference: the
// intersection of two regular 16-gons of circumradius R turned by π/16 has its vertices at the
// odd multiples of π/32, at distance R·cos(π/16)/cos(π/32), so its extent along x and y is
// ±R·cos(π/16).
#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "core/common/units.hpp"
#include "core/engine/beam_window.hpp"

namespace rps {
namespace {

// A horizontal face at height z_m whose outline is a regular polygon, counter-clockwise.
EngineFace regular_polygon_face(int vertices, double radius_m, double turn_rad, double z_m) {
    EngineFace face;
    face.normal = Vec3::UnitZ();
    face.offset_m = z_m;
    face.drop_axis = 2;
    for (int k = 0; k < vertices; ++k) {
        const double angle = turn_rad + 2 * kPi * k / vertices;
        face.hull.emplace_back(radius_m * std::cos(angle), radius_m * std::sin(angle), z_m);
    }
    return face;
}

TEST(BeamWindow, AWindowOfMoreThanSixteenVerticesBecomesItsBoundingRectangle) {
    // The beam from (0, 0, 1) through a 16-gon of radius 1 at z = 0 reaches z = -1 as a 16-gon
    // of radius 2; the face there is the same 16-gon turned by π/16.
    const EngineFace first = regular_polygon_face(16, 1.0, 0.0, 0.0);
    const EngineFace second = regular_polygon_face(16, 2.0, kPi / 16, -1.0);
    const BeamWindow window = propagate_beam(Vec3(0, 0, 1), face_window(first), second);
    ASSERT_EQ(window.count, 4);
    EXPECT_FALSE(window.exact);
    const double extent_m = 2.0 * std::cos(kPi / 16);
    double lo_x = 1e9, hi_x = -1e9, lo_y = 1e9, hi_y = -1e9;
    for (int i = 0; i < window.count; ++i) {
        const Vec3& v = window.vertex[i];
        EXPECT_NEAR(v.z(), -1.0, 1e-12);
        lo_x = std::min(lo_x, v.x()), hi_x = std::max(hi_x, v.x());
        lo_y = std::min(lo_y, v.y()), hi_y = std::max(hi_y, v.y());
    }
    // The clips keep points within 1e-9 of the edge lengths outside (their slack).
    for (const double bound : {hi_x, -lo_x, hi_y, -lo_y}) EXPECT_NEAR(bound, extent_m, 1e-8);
}

TEST(BeamWindow, AWindowThatFitsStaysExact) {
    // The same beam on the second face not turned: the window is the 16-gon itself.
    const EngineFace first = regular_polygon_face(16, 1.0, 0.0, 0.0);
    const EngineFace second = regular_polygon_face(16, 2.0, 0.0, -1.0);
    const BeamWindow window = propagate_beam(Vec3(0, 0, 1), face_window(first), second);
    ASSERT_EQ(window.count, 16);
    EXPECT_TRUE(window.exact);
    for (int i = 0; i < window.count; ++i)
        EXPECT_NEAR(std::hypot(window.vertex[i].x(), window.vertex[i].y()), 2.0, 1e-12);
}

TEST(BeamWindow, AFaceOutlineLargerThanAWindowHoldsIsRefused) {
    // Faces keep at most 16 outline vertices (larger hulls become their rectangle when the
    // engine builds them); a larger one reaching face_window is a programming error.
    EXPECT_THROW(face_window(regular_polygon_face(17, 1.0, 0.0, 0.0)), std::logic_error);
    EXPECT_EQ(face_window(regular_polygon_face(16, 1.0, 0.0, 0.0)).count, 16);
}

}  // namespace
}  // namespace rps
