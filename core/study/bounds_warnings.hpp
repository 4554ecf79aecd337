#pragma once
// What in a study's AP bounds looks meant for another building. The bounds' defaults are the
// office example's (x, y in [5.5, 34.5], AP height 3.8 m: the original framework's), so a study
// of a smaller scene that leaves them out ran on positions outside it: on the 20 m L hall the
// best AP came out at (20.1, 10.7, 3.8) m, beyond its walls and above them, with no word said.
// Positions outside a scene are allowed (an AP outside a building), hence warnings, not errors.
#include <string>
#include <vector>

#include "core/scene/scene.hpp"
#include "core/study/study_spec.hpp"

namespace rps {

// How far (m) the AP bounds may reach past the scene's box in x or y before a warning (an AP
// just outside a window is a plan). An AP height above the scene's top always warns: the AP then
// hangs above every wall and roof.
inline constexpr double kBoundsBeyondSceneTolerance_m = 0.5;

// One sentence per finding, naming the study key (bounds.x_m, bounds.y_m, bounds.ap_z_m), the
// values and the scene's extent, and, for a key the study leaves out, that the default is the
// office's; empty when the bounds lie within the scene. The AP height is compared with the top
// only of a scene that rises above the measurement plane.
std::vector<std::string> bounds_warnings(const StudySpec& spec, const Scene& scene);

}  // namespace rps
