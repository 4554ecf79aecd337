#pragma once
// DIR/best_scene.xml of `rps export` (docs/study_format.md, "Export"): the study's scene with
// every element kept in order, its meshes copied into DIR/meshes, the layout recorded as
// <default> parameters that no shape uses, and the reflector plate added as a PLY shape of ITU
// metal.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/engine/radio_engine.hpp"
#include "core/study/layout.hpp"

namespace rps::cli {

// The plate's mesh, relative to the export folder.
inline constexpr const char* kPlateMeshFile = "meshes/reflector_plate.ply";

struct SceneExport {
    std::filesystem::path original;  // the study's scene XML
    std::filesystem::path out_dir;
    Layout layout;
    std::optional<PlateGeometry> plate;
    std::string study_name;
    std::string objective_text;  // "p5 = -82.580 dBm", for the comment
};

// Writes out_dir/best_scene.xml (and out_dir/meshes/...). Returns what it wrote: {xml, meshes
// [{from, to}], plate {shape_id, material_id, mesh} or null, parameters [[name, value]]}.
// InputError when the original is not a scene XML; std::runtime_error when writing fails.
nlohmann::json write_best_scene_xml(const SceneExport& e);

}  // namespace rps::cli
