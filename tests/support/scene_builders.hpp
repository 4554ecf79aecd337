#pragma once
// Scenes built in tests: a rectangle (two triangles) of one material, a lone concrete wall.
#include <array>
#include <cstdint>
#include <string>

#include "core/scene/scene.hpp"

namespace rps::test {

// Adds the rectangle a, b, c, d (in order around it) as shape `id` of material `material_index`.
inline void add_rectangle(Scene& scene, const std::string& id, uint32_t material_index,
                          const std::array<Vec3, 4>& corners) {
    SceneShape shape;
    shape.id = id;
    shape.type = "rectangle";
    shape.material_index = material_index;
    scene.add_shape(shape, {corners[0], corners[1], corners[2], corners[3]},
                    {{0, 1, 2}, {0, 2, 3}});
}

// A scene of one 20 cm concrete wall, the rectangle a, b, c, d.
inline Scene concrete_wall(const std::array<Vec3, 4>& corners) {
    Scene scene;
    scene.materials.push_back(RadioMaterial{"concrete", "concrete", 1.0, 0.0, 0.2, false});
    add_rectangle(scene, "wall", 0, corners);
    return scene;
}

}  // namespace rps::test
