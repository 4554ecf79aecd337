// Reflector placement on its mount: the normal bisects the directions to the AP and the focal
// point (so AP → plate → focal point is specular), refusals name the reason, and a tilted plate
// never reaches behind its wall.
#include <gtest/gtest.h>

#include <cmath>

#include "core/study/reflector_pose.hpp"

namespace {

using rps::Vec3;

rps::ReflectorSpec office_mount() { return rps::ReflectorSpec{}; }  // y = 34, x 15..34, z 1..3

}  // namespace

TEST(ReflectorPose, MountPointFollowsUAndV) {
    const auto spec = office_mount();
    EXPECT_TRUE(rps::mount_point(spec, 0, 0).isApprox(Vec3(15, 34, 1)));
    EXPECT_TRUE(rps::mount_point(spec, 1, 1).isApprox(Vec3(34, 34, 3)));
    EXPECT_TRUE(rps::mount_point(spec, 0.5, 0.5).isApprox(Vec3(24.5, 34, 2)));
}

TEST(ReflectorPose, NormalMakesTheApFocalPathSpecular) {
    const auto spec = office_mount();
    const Vec3 ap(12, 20, 3.8), focal(30, 15, 1.5);
    const rps::PlatePose pose = rps::plate_pose(spec, {0.4, 0.5, focal}, ap);
    ASSERT_TRUE(pose.valid) << pose.reason;
    const Vec3 n = pose.plate.normal;
    const Vec3 c = pose.plate.center;
    // Mirror the AP in the plate's plane: the image, the plate centre and the focal point line up.
    const Vec3 image = ap - 2.0 * n.dot(ap - c) * n;
    const Vec3 to_focal = (focal - c).normalized();
    const Vec3 from_image = (c - image).normalized();
    EXPECT_NEAR(to_focal.dot(from_image), 1.0, 1e-12);
    EXPECT_NEAR(n.norm(), 1.0, 1e-12);
    EXPECT_NEAR(pose.plate.width_axis.dot(n), 0.0, 1e-12);
}

TEST(ReflectorPose, TiltedPlateStaysInFrontOfItsWall) {
    const auto spec = office_mount();
    const rps::PlatePose pose = rps::plate_pose(spec, {0.9, 0.0, Vec3(6, 30, 1.5)}, Vec3(8, 10, 3.8));
    ASSERT_TRUE(pose.valid) << pose.reason;
    const auto& p = pose.plate;
    for (double su : {-0.5, 0.5})
        for (double sv : {-0.5, 0.5}) {
            const Vec3 corner = p.center + su * p.width_m * p.width_axis + sv * p.height_m * p.height_axis();
            // The wall is the plane y = 34 and the room lies at y < 34.
            EXPECT_LT(corner.y(), 34.0) << "corner behind the mount wall";
        }
}

TEST(ReflectorPose, RefusesApOrFocalBehindTheWallAndPlatesFacingAway) {
    const auto spec = office_mount();
    const auto behind_ap = rps::plate_pose(spec, {0.5, 0.5, Vec3(20, 20, 1.5)}, Vec3(20, 38, 3.8));
    EXPECT_FALSE(behind_ap.valid);
    EXPECT_NE(behind_ap.reason.find("AP lies behind"), std::string::npos);
    const auto behind_focal = rps::plate_pose(spec, {0.5, 0.5, Vec3(20, 36, 1.5)}, Vec3(20, 20, 3.8));
    EXPECT_FALSE(behind_focal.valid);
    EXPECT_NE(behind_focal.reason.find("focal point"), std::string::npos);
    // AP and focal point far to the sides, almost along the wall: the plate would turn edge-on.
    rps::ReflectorSpec strict = spec;
    strict.max_tilt_deg = 45;
    const auto grazing = rps::plate_pose(strict, {0.5, 0.5, Vec3(60, 33.5, 1.5)}, Vec3(0, 33.5, 3.8));
    EXPECT_FALSE(grazing.valid);
    EXPECT_NE(grazing.reason.find("face away"), std::string::npos);
    const auto out_of_range = rps::plate_pose(spec, {1.5, 0.5, Vec3(20, 20, 1.5)}, Vec3(20, 20, 3.8));
    EXPECT_FALSE(out_of_range.valid);
}
