#include "core/scene/many_faced_shapes.hpp"

#include <fmt/core.h>

#include <algorithm>

namespace rps {

std::vector<std::string> many_faced_shape_warnings(const Scene& scene,
                                                   const PlanarFaceGrouping& grouping) {
    std::vector<std::string> warnings;
    size_t plane_faces = 0;
    for (const PlanarFace& face : grouping.faces) plane_faces += face.normal.squaredNorm() > 0.5;
    for (const SceneShape& shape : scene.shapes) {
        if (shape.triangle_count <= kManyFacesPerShape) continue;  // cannot form more faces
        std::vector<uint32_t> faces;
        faces.reserve(shape.triangle_count);
        for (uint32_t t = shape.first_triangle; t < shape.first_triangle + shape.triangle_count;
             ++t) {
            const uint32_t f = grouping.triangle_face[t];
            if (grouping.faces[f].normal.squaredNorm() > 0.5) faces.push_back(f);
        }
        std::sort(faces.begin(), faces.end());
        const size_t count = std::unique(faces.begin(), faces.end()) - faces.begin();
        if (count <= kManyFacesPerShape) continue;
        warnings.push_back(fmt::format(
            "shape '{}' ({}) forms {} planar faces of the scene's {} (a curved or finely "
            "tessellated surface): the image method mirrors in each, so a map's time grows about "
            "as the face count to the power of the reflection order; model it with a few flat "
            "pieces, or keep max_order low",
            shape.id, shape.location(), count, plane_faces));
    }
    return warnings;
}

}  // namespace rps
