#pragma once
// PLY mesh reader (ascii, binary_little_endian, binary_big_endian), enough for the meshes that
// Blender/Mitsuba/Sionna export: vertex x, y, z of any numeric type (other vertex properties such
// as normals and UVs are skipped), faces as a vertex index list, fan-triangulated. Unknown elements
// are skipped by their declared layout.
//
// The reader treats the file as untrusted: every declared count is checked against the bytes the
// file actually holds before anything is allocated, so a hostile header cannot make it crash or
// reserve absurd memory. Every error is an InputError naming the file, the header line (or ASCII
// data line) where known, and the property at fault.
#include <filesystem>
#include <string>
#include <string_view>

#include "core/scene/triangle_mesh.hpp"

namespace rps {

TriangleMesh read_ply(const std::filesystem::path& path);

// Parses PLY bytes already in memory; `file_label` is the name used in errors.
TriangleMesh parse_ply(std::string_view bytes, const std::string& file_label);

}  // namespace rps
