#pragma once
// Where the reflector plate sits and how it faces (ORIGINAL.md §3, with its defects fixed): its
// centre is on the mount rectangle at (u, v); its normal bisects the directions from the plate to
// the chosen AP and to the focal point, so that AP → plate → focal point is a specular path.
#include <string>

#include "core/engine/radio_engine.hpp"
#include "core/study/layout.hpp"

namespace rps {

struct PlatePose {
    bool valid = false;
    std::string reason;   // why a pose was refused (empty when valid)
    PlateGeometry plate;  // meaningful when valid
    Vec3 mount_point;     // the point on the wall at (u, v)
};

// The mount point: origin + u·U + v·V with origin = (x1, y1, z_bottom), U along the wall, V up.
Vec3 mount_point(const ReflectorSpec& spec, double u, double v);

// Refuses (valid = false, with the reason) when u or v is outside [0, 1], when the AP or the focal
// point lies behind the mount wall, or when the plate would tilt more than max_tilt_deg away from
// the wall normal. A tilted plate stands off the wall just enough (plus 1 cm) that no corner goes
// behind it (the original let half the plate sink into the wall).
PlatePose plate_pose(const ReflectorSpec& spec, const ReflectorPlacement& placement,
                     const Vec3& ap_position);

}  // namespace rps
