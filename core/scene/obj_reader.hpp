#pragma once
// Wavefront OBJ mesh reader: `v` positions and `f` faces (forms i, i/t, i//n, i/t/n; negative
// indices count back from the last vertex read), polygons fan-triangulated. Everything else
// (normals, UVs, groups, materials, smoothing) is ignored: the radio material comes from the
// scene XML. Errors are InputErrors with the file and line.
#include <filesystem>
#include <string>
#include <string_view>

#include "core/scene/triangle_mesh.hpp"

namespace rps {

TriangleMesh read_obj(const std::filesystem::path& path);

// Parses OBJ text already in memory; `file_label` is the name used in errors.
TriangleMesh parse_obj(std::string_view text, const std::string& file_label);

}  // namespace rps
