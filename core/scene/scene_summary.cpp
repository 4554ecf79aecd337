#include "core/scene/scene_summary.hpp"

#include "core/scene/planar_faces.hpp"

namespace rps {

SceneSummary summarize_scene(const Scene& scene) {
    SceneSummary summary;
    summary.source_path = scene.source_path.string();
    summary.shape_count = scene.shapes.size();
    summary.vertex_count = scene.vertices.size();
    summary.triangle_count = scene.triangles.size();
    summary.planar_face_count = group_planar_faces(scene).faces.size();
    summary.bounds = scene.bounds();
    summary.warnings = scene.warnings;

    for (const RadioMaterial& material : scene.materials) {
        MaterialUsage usage;
        usage.id = material.id;
        usage.itu_type = material.itu_type;
        usage.perfect_conductor = material.perfect_conductor;
        usage.relative_permittivity = material.relative_permittivity;
        usage.conductivity_s_per_m = material.conductivity_s_per_m;
        usage.thickness_m = material.thickness_m;
        summary.materials.push_back(std::move(usage));
    }
    for (const SceneShape& shape : scene.shapes) {
        if (shape.closed) ++summary.closed_shape_count;
        if (shape.material_index < summary.materials.size()) {
            MaterialUsage& usage = summary.materials[shape.material_index];
            ++usage.shape_count;
            usage.triangle_count += shape.triangle_count;
        }
    }
    return summary;
}

}  // namespace rps
