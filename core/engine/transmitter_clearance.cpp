#include "core/engine/transmitter_clearance.hpp"

#include <fmt/format.h>

#include "core/common/shortfall_format.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/engine/scene_reach.hpp"

namespace rps {

std::string transmitter_clearance_problem(const RadioEngine& engine, const Vec3& p,
                                          std::string_view what) {
    std::string beyond = beyond_reach_problem(engine.scene().bounds(), p, what, "a transmitter");
    if (!beyond.empty()) return beyond;
    const RadioEngine::NearestFace near = engine.nearest_face(p);
    if (near.face < 0 || near.distance_m >= kTransmitterClearance_m) return {};
    const auto& materials = engine.scene().materials;
    const std::string material =
        near.material >= 0 && near.material < static_cast<int>(materials.size())
            ? materials[near.material].id
            : std::string("?");
    return fmt::format(
        "{} at ({:.3f}, {:.3f}, {:.3f}) m is {} m from face {} ({}): an antenna must keep {} m "
        "from every surface",
        what, p.x(), p.y(), p.z(), format_below_limit(near.distance_m, kTransmitterClearance_m),
        near.face, material, kTransmitterClearance_m);
}

std::string receiver_clearance_problem(const RadioEngine& engine, const Vec3& p,
                                       std::string_view what) {
    const Vec3 receiver = engine.nearest_receiver(p);
    const double apart_m = (receiver - p).norm();
    if (apart_m >= kTransmitterClearance_m) return {};
    return fmt::format(
        "{} at ({:.3f}, {:.3f}, {:.3f}) m is {} m from the receiver point ({:.3f}, {:.3f}, "
        "{:.3f}) m of the measurement grid: an antenna must keep {} m from every receiver point "
        "(move it, or the plane's height)",
        what, p.x(), p.y(), p.z(), format_below_limit(apart_m, kTransmitterClearance_m),
        receiver.x(), receiver.y(), receiver.z(), kTransmitterClearance_m);
}

std::string antenna_placement_problem(const RadioEngine& engine, const Vec3& p,
                                      std::string_view what) {
    std::string problem = transmitter_clearance_problem(engine, p, what);
    return problem.empty() ? receiver_clearance_problem(engine, p, what) : problem;
}

}  // namespace rps
