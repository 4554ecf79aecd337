#pragma once
// A fingerprint of a loaded scene's content: its geometry (vertices, triangles, which shape and
// material each triangle belongs to) and its materials (type, parameters, thickness). A study
// records it when it starts; a resume refuses a scene whose fingerprint changed, since the
// finished results and the new ones would then come from two different buildings.
#include <string>

#include "core/scene/scene.hpp"

namespace rps {

// 16 hexadecimal digits (64-bit FNV-1a over the content; file names and comments do not count).
std::string scene_fingerprint(const Scene& scene);

}  // namespace rps
