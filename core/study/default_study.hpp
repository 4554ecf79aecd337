#pragma once
// The study a scene gets when it is opened on its own (rps-studio SCENE.xml) or given to
// `rps init`: one AP searched over the scene's floor with a 1 m grid (coarser in a large scene),
// or, when a shape's id starts with `mount`, the plate on that wall searched with a small GA.
// Bounds, AP height and focal range follow the scene (the study format's defaults are the office
// example's).
#include <nlohmann/json.hpp>
#include <string>

#include "core/scene/scene.hpp"

namespace rps {

// The study document (as a study JSON holds it) for the scene loaded from scene_path: named
// after the file, the scene path made absolute.
nlohmann::json default_study(const Scene& scene, const std::string& scene_path);

}  // namespace rps
