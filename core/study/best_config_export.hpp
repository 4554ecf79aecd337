#pragma once
// The best configuration of a study as files other tools use (docs/study_format.md, "Export"):
// best_layout.json ("format": "rps-best-layout", version 1) and best_scene.xml, a copy of the
// study's scene that loads as it is in Mitsuba, Sionna and rps: its meshes copied beside it, the
// layout recorded as <default> parameters that no shape uses and the reflector plate added as a
// PLY shape of ITU metal. `rps export --best` (which adds the map images) and rps-studio's
// "Export best configuration" both write it, so there is one format.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/engine/radio_engine.hpp"
#include "core/study/layout.hpp"
#include "core/study/study_spec.hpp"

namespace rps {

// The files, relative to the export folder.
inline constexpr const char* kBestLayoutFile = "best_layout.json";
inline constexpr const char* kBestSceneFile = "best_scene.xml";
inline constexpr const char* kPlateMeshFile = "meshes/reflector_plate.ply";

struct BestConfigInput {
    StudySpec spec;                 // its scene_path: the scene XML to copy (resolved)
    const Scene* scene = nullptr;   // that scene as loaded; null: loaded from spec.scene_path
    Layout layout;
    nlohmann::json x;               // the layout's parameter vector, or null
    nlohmann::json objective;       // the layout's objective value, or null when unknown
    nlohmann::json metrics;         // metrics_to_json of the layout's map, or null
    std::optional<PlateGeometry> plate;  // reflector layouts: the plate's pose
    std::filesystem::path study_file;    // the study file (.h5) it comes from; empty: none
    bool finished = false;               // whether that study finished
    nlohmann::json maps;  // the map files the caller writes beside (best_layout.json's "maps"),
                          // or null (no "maps")
};

struct BestConfigExport {
    nlohmann::json layout;  // what best_layout.json holds
    // What best_scene.xml got: {xml (its path), meshes [{from, to}] (one per mesh copied),
    // plate {shape_id, material_id, mesh} or null, parameters [[name, value]]}.
    nlohmann::json scene;
    size_t scene_shapes = 0;  // the shapes of best_scene.xml read back
};

// Writes out_dir/best_layout.json, out_dir/best_scene.xml and out_dir/meshes/... (out_dir is
// created). best_scene.xml is read back with load_scene and must hold the scene's shapes plus
// the plate. InputError when the scene is not a scene XML; std::runtime_error when writing fails.
BestConfigExport export_best_configuration(const BestConfigInput& input,
                                           const std::filesystem::path& out_dir);

// "p5 = -82.580 dBm", or "p5 unknown" when `objective` is not a number.
std::string objective_text(const StudySpec& spec, const nlohmann::json& objective);

}  // namespace rps
