#pragma once
// Basic geometry types shared by scene, engine and reflector code.
#include <Eigen/Core>
#include <Eigen/Geometry>
#include <limits>

namespace rps {

using Vec3 = Eigen::Vector3d;
using Vec3c = Eigen::Vector3cd;
using Mat3 = Eigen::Matrix3d;

struct Aabb {
    Vec3 lower = Vec3::Constant(std::numeric_limits<double>::infinity());
    Vec3 upper = Vec3::Constant(-std::numeric_limits<double>::infinity());
    void extend(const Vec3& p) {
        lower = lower.cwiseMin(p);
        upper = upper.cwiseMax(p);
    }
    bool empty() const { return (upper.array() < lower.array()).any(); }
    Vec3 size() const { return upper - lower; }
    Vec3 center() const { return 0.5 * (lower + upper); }
    // How far p lies outside the box (0 inside it).
    double distance_outside_m(const Vec3& p) const {
        return (p - p.cwiseMax(lower).cwiseMin(upper)).norm();
    }
};

}  // namespace rps
