#include "core/study/bounds_warnings.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace rps {
namespace {

constexpr const char* kDefaultsHint =
    ": left out, it is the office example's (x, y 5.5 .. 34.5 m, AP height 3.8 m); set the bounds "
    "for this scene (rps init SCENE writes a study fitted to it)";

// Whether the study document gives bounds.KEY (else the default, the office's, applies).
bool given(const StudySpec& spec, const char* key) {
    const auto& document = spec.document;
    return document.is_object() && document.contains("bounds") && document["bounds"].is_object() &&
           document["bounds"].contains(key);
}

// How far [lower, upper] reaches past [scene_lower, scene_upper] on either side.
double beyond_m(double lower, double upper, double scene_lower, double scene_upper) {
    return std::max({0.0, scene_lower - lower, upper - scene_upper});
}

}  // namespace

std::vector<std::string> bounds_warnings(const StudySpec& spec, const Scene& scene) {
    std::vector<std::string> warnings;
    const Aabb box = scene.bounds();
    if (box.empty()) return warnings;
    const ApBounds& b = spec.bounds;
    const struct {
        const char* key;
        double lower, upper, scene_lower, scene_upper;
    } axes[] = {{"x_m", b.x_min_m, b.x_max_m, box.lower.x(), box.upper.x()},
                {"y_m", b.y_min_m, b.y_max_m, box.lower.y(), box.upper.y()}};
    for (const auto& axis : axes) {
        const double beyond = beyond_m(axis.lower, axis.upper, axis.scene_lower, axis.scene_upper);
        if (beyond > kBoundsBeyondSceneTolerance_m)
            warnings.push_back(fmt::format(
                "{}: bounds.{}: [{:g}, {:g}] m reaches {:.2f} m beyond the scene ({:.2f} .. {:.2f} "
                "m){}",
                spec.source_file, axis.key, axis.lower, axis.upper, beyond, axis.scene_lower,
                axis.scene_upper, given(spec, axis.key) ? "" : kDefaultsHint));
    }
    // Only a scene that rises above the measurement plane has walls to hang above (a ground
    // plane alone, or a plate below the plane, does not).
    const double above_m = b.z_m - box.upper.z();
    if (above_m > 0 && box.upper.z() > spec.grid.height_m)
        warnings.push_back(fmt::format(
            "{}: bounds.ap_z_m: {:g} m is {:.2f} m above the scene's top ({:.2f} m): the APs hang "
            "above every wall and roof{}",
            spec.source_file, b.z_m, above_m, box.upper.z(),
            given(spec, "ap_z_m") ? "" : kDefaultsHint));
    return warnings;
}

}  // namespace rps
