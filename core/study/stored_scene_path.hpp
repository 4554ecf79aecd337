#pragma once
// The scene file of a stored study (rps show/export/compare/report, the studio). The store keeps
// the study document as the run read it: its scene named as written (absolute, or relative to
// the study file's folder) and the study file's path. Results move (copied to a colleague, a
// project folder renamed), so the scene is looked for where it was, then beside the store and
// the study file by its file name alone.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/common/error.hpp"

namespace rps {

// The scene is none of the places tried: the caller may ask for it (the studio offers to locate
// it, the commands take --scene).
class StoredSceneNotFound : public InputError {
public:
    using InputError::InputError;
};

// The scene as the stored study document names it ("" when it names none).
std::string stored_scene_name(const nlohmann::json& document);

// The places tried, in order, without repeats. stored_wrapper: the store's spec object (its
// "source_file" or "study_file" names the study JSON the run read).
std::vector<std::filesystem::path> stored_scene_candidates(const nlohmann::json& stored_wrapper,
                                                           const std::string& scene,
                                                           const std::filesystem::path& store_file);

// The first candidate that is a file; StoredSceneNotFound naming the store, the "scene" field
// and every place tried otherwise (the caller says how to give the scene).
std::filesystem::path resolve_stored_scene(const nlohmann::json& stored_wrapper,
                                           const std::string& scene,
                                           const std::filesystem::path& store_file,
                                           const std::string& how_to_give_it);

struct Scene;

// Why the scene at scene_path is not the one the study ran on (empty when it is, or when the
// store recorded no fingerprint): results of two buildings must not be mixed or compared.
std::string stored_scene_mismatch(const std::optional<std::string>& recorded_fingerprint,
                                  const Scene& scene, const std::string& scene_path);

}  // namespace rps
