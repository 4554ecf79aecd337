#pragma once
// The scene commands that compute (map, probe) load their scene through this, so that what
// `rps validate` warns about (a curved mesh that makes every map slow, shapes drawn over each
// other, closed solids crossed as two slabs) is also said where its effect shows.
#include <string>

#include "core/scene/scene.hpp"

namespace rps {

// load_scene, then each of the scene's warnings on stderr as "warning: ...".
Scene load_scene_with_warnings(const std::string& path);

}  // namespace rps
