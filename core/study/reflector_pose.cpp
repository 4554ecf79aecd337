#include "core/study/reflector_pose.hpp"

#include <algorithm>
#include <cmath>

#include "core/common/units.hpp"

namespace rps {

Vec3 mount_point(const ReflectorSpec& spec, double u, double v) {
    const Vec3 origin(spec.top_left.x(), spec.top_left.y(), spec.bottom_right.z());
    const Vec3 along(spec.bottom_right.x() - spec.top_left.x(),
                     spec.bottom_right.y() - spec.top_left.y(), 0.0);
    const Vec3 up(0.0, 0.0, spec.top_left.z() - spec.bottom_right.z());
    return origin + u * along + v * up;
}

PlatePose plate_pose(const ReflectorSpec& spec, const ReflectorPlacement& placement,
                     const Vec3& ap_position) {
    PlatePose pose;
    if (!(placement.u >= 0 && placement.u <= 1 && placement.v >= 0 && placement.v <= 1)) {
        pose.reason = "reflector u, v must lie in [0, 1]";
        return pose;
    }
    const Vec3 c = mount_point(spec, placement.u, placement.v);
    pose.mount_point = c;
    const Vec3 to_ap = ap_position - c;
    const Vec3 to_focal = placement.focal - c;
    if (spec.facing.dot(to_ap) <= 1e-6) {
        pose.reason = "the AP lies behind the reflector's mount wall";
        return pose;
    }
    if (spec.facing.dot(to_focal) <= 1e-6) {
        pose.reason = "the focal point lies behind the reflector's mount wall";
        return pose;
    }
    // The normal bisects the directions from the plate centre; the centre stands off the wall by
    // an amount that depends on the tilt, so iterate the pair to a fixed point (a few steps).
    PlateGeometry plate;
    plate.width_m = spec.width_m;
    plate.height_m = spec.height_m;
    plate.thickness_m = spec.thickness_m;
    plate.perfect_conductor = spec.perfect_conductor;
    plate.center = c;
    for (int iteration = 0; iteration < 20; ++iteration) {
        const Vec3 normal = ((ap_position - plate.center).normalized() +
                             (placement.focal - plate.center).normalized())
                                .normalized();
        Vec3 width_axis = Vec3::UnitZ().cross(normal);
        if (width_axis.norm() < 1e-9) width_axis = spec.facing.cross(Vec3::UnitZ());
        plate.normal = normal;
        plate.width_axis = width_axis.normalized();
        const Vec3 height_axis = plate.height_axis();
        const double standoff = 0.5 * spec.width_m * std::abs(plate.width_axis.dot(spec.facing)) +
                                0.5 * spec.height_m * std::abs(height_axis.dot(spec.facing)) +
                                0.5 * spec.thickness_m + 0.01;
        const Vec3 center = c + standoff * spec.facing;
        const bool converged = (center - plate.center).norm() < 1e-13;
        plate.center = center;
        if (converged) break;
    }
    const double tilt_deg =
        rad_to_deg(std::acos(std::clamp(plate.normal.dot(spec.facing), -1.0, 1.0)));
    if (tilt_deg > spec.max_tilt_deg) {
        pose.reason = "the plate would face away from the room (tilted " +
                      std::to_string(static_cast<int>(std::round(tilt_deg))) +
                      " deg from the wall normal, limit " +
                      std::to_string(static_cast<int>(spec.max_tilt_deg)) + " deg)";
        return pose;
    }
    pose.plate = plate;
    pose.valid = true;
    return pose;
}

}  // namespace rps
