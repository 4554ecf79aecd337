#include "core/engine/scene_reach.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace rps {

std::string beyond_reach_problem(const Aabb& bounds, const Vec3& p, std::string_view what,
                                 std::string_view subject) {
    if (bounds.empty()) return {};
    const double outside_m = bounds.distance_outside_m(p);
    if (outside_m <= kMaxOutsideScene_m) return {};
    return fmt::format(
        "{} at ({:.6g}, {:.6g}, {:.6g}) m is {:.6g} m outside the scene's bounds: {} must lie "
        "within {:.0f} m of them",
        what, p.x(), p.y(), p.z(), outside_m, subject, kMaxOutsideScene_m);
}

void check_within_reach(const Aabb& bounds, const Vec3& p, std::string_view what) {
    const std::string problem = beyond_reach_problem(bounds, p, what, "it");
    if (!problem.empty()) throw std::invalid_argument(problem);
}

}  // namespace rps
