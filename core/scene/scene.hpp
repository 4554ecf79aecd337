#pragma once
// The in-memory scene: triangle meshes tagged with radio materials, as loaded from Mitsuba/Sionna
// XML (scene_loader.hpp). Geometry is in metres, world frame, z up.
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/common/geometry.hpp"
#include "core/radio/radio_material.hpp"

namespace rps {

struct SceneShape {
    std::string id;           // XML id, or "<type>#<n>" when the shape has none
    std::string type;         // rectangle, cube, disk, ply, obj, or "generated"
    std::string source_file;  // the XML file of the <shape> element
    int source_line = 0;      // line of the <shape> element
    std::string mesh_file;    // ply and obj shapes: the mesh file; empty for the others
    uint32_t material_index = 0;
    uint32_t first_triangle = 0;
    uint32_t triangle_count = 0;
    bool closed = false;  // every edge shared by exactly two triangles (a solid, e.g. a cube)

    // "scenes/office/office.xml:12" (the XML file as given, the element's line): where
    // warnings point the user.
    std::string location() const;
};

struct Scene {
    std::filesystem::path source_path;
    std::vector<RadioMaterial> materials;
    std::vector<SceneShape> shapes;
    std::vector<Vec3> vertices;
    std::vector<std::array<uint32_t, 3>> triangles;
    std::vector<uint32_t> triangle_shape;  // shape index of each triangle
    std::vector<std::string> warnings;     // e.g. closed-box walls (crossed as two slabs)

    uint32_t triangle_material(uint32_t triangle) const {
        return shapes[triangle_shape[triangle]].material_index;
    }
    Aabb bounds() const;
    // Adds a mesh (used by the loader and by code that builds geometry, e.g. the reflector plate).
    uint32_t add_shape(SceneShape shape, const std::vector<Vec3>& vertices,
                       const std::vector<std::array<uint32_t, 3>>& triangles);
    // Index of the material with this id, or -1.
    int find_material(const std::string& id) const;
};

}  // namespace rps
