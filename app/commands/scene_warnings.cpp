#include "app/commands/scene_warnings.hpp"

#include <fmt/core.h>

#include <cstdio>

#include "core/scene/scene_loader.hpp"

namespace rps {

Scene load_scene_with_warnings(const std::string& path) {
    Scene scene = load_scene(path);
    for (const std::string& warning : scene.warnings) fmt::print(stderr, "warning: {}\n", warning);
    return scene;
}

}  // namespace rps
