#pragma once
// What `rps validate` and the GUI's scene panel report about a loaded scene: plain numbers, no
// formatting (the CLI and the GUI format them their own way).
#include <cstddef>
#include <string>
#include <vector>

#include "core/scene/scene.hpp"

namespace rps {

struct MaterialUsage {
    std::string id;
    std::string itu_type;  // empty for a custom material
    bool perfect_conductor = false;
    double relative_permittivity = 1.0;  // custom materials only
    double conductivity_s_per_m = 0.0;   // custom materials only
    double thickness_m = 0.0;
    size_t shape_count = 0;
    size_t triangle_count = 0;
};

struct SceneSummary {
    std::string source_path;
    size_t shape_count = 0;
    size_t closed_shape_count = 0;
    size_t vertex_count = 0;
    size_t triangle_count = 0;
    size_t planar_face_count = 0;          // group_planar_faces with its default tolerances
    std::vector<MaterialUsage> materials;  // in the scene's material order, unused ones included
    Aabb bounds;                           // empty for a scene without triangles
    std::vector<std::string> warnings;
};

SceneSummary summarize_scene(const Scene& scene);

}  // namespace rps
