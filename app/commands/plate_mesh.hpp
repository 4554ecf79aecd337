#pragma once
// The reflector plate as a mesh: its four corners and a binary PLY of them (the plate shape of
// an exported scene, docs/study_format.md "Export").
#include <array>
#include <filesystem>

#include "core/common/geometry.hpp"
#include "core/engine/radio_engine.hpp"

namespace rps::cli {

// Corners in order (-w,-h), (+w,-h), (+w,+h), (-w,+h): triangles (0,1,2), (0,2,3) face +normal.
std::array<Vec3, 4> plate_corners(const PlateGeometry& plate);

// Binary little-endian PLY: 4 vertices (float x, y, z), 2 triangles. Throws std::runtime_error.
void write_plate_ply(const std::filesystem::path& path, const PlateGeometry& plate);

}  // namespace rps::cli
