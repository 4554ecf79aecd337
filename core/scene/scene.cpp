#include "core/scene/scene.hpp"

namespace rps {

std::string SceneShape::location() const { return source_file + ":" + std::to_string(source_line); }

Aabb Scene::bounds() const {
    Aabb box;
    for (const auto& triangle : triangles)
        for (uint32_t v : triangle) box.extend(vertices[v]);
    return box;
}

uint32_t Scene::add_shape(SceneShape shape, const std::vector<Vec3>& new_vertices,
                          const std::vector<std::array<uint32_t, 3>>& new_triangles) {
    const auto base = static_cast<uint32_t>(vertices.size());
    const auto shape_index = static_cast<uint32_t>(shapes.size());
    shape.first_triangle = static_cast<uint32_t>(triangles.size());
    shape.triangle_count = static_cast<uint32_t>(new_triangles.size());
    vertices.insert(vertices.end(), new_vertices.begin(), new_vertices.end());
    for (const auto& t : new_triangles) {
        triangles.push_back({t[0] + base, t[1] + base, t[2] + base});
        triangle_shape.push_back(shape_index);
    }
    shapes.push_back(std::move(shape));
    return shape_index;
}

int Scene::find_material(const std::string& id) const {
    for (size_t i = 0; i < materials.size(); ++i)
        if (materials[i].id == id) return static_cast<int>(i);
    return -1;
}

}  // namespace rps
