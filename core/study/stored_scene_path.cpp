#include "core/study/stored_scene_path.hpp"

#include <algorithm>

#include "core/scene/scene_fingerprint.hpp"

namespace rps {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> study_folders(const nlohmann::json& stored_wrapper) {
    std::vector<fs::path> folders;
    if (!stored_wrapper.is_object()) return folders;
    for (const char* key : {"source_file", "study_file"}) {
        const auto it = stored_wrapper.find(key);
        if (it != stored_wrapper.end() && it->is_string() && !it->get<std::string>().empty())
            folders.push_back(fs::path(it->get<std::string>()).parent_path());
    }
    return folders;
}

}  // namespace

std::string stored_scene_name(const nlohmann::json& document) {
    if (!document.is_object()) return {};
    const auto scene = document.find("scene");
    return scene != document.end() && scene->is_string() ? scene->get<std::string>()
                                                         : std::string();
}

std::vector<fs::path> stored_scene_candidates(const nlohmann::json& stored_wrapper,
                                              const std::string& scene,
                                              const fs::path& store_file) {
    std::vector<fs::path> candidates;
    const auto add = [&](const fs::path& path) {
        const fs::path normal = path.lexically_normal();
        if (std::find(candidates.begin(), candidates.end(), normal) == candidates.end())
            candidates.push_back(normal);
    };
    const fs::path written(scene);
    const std::vector<fs::path> folders = study_folders(stored_wrapper);
    const fs::path store_folder = store_file.parent_path();
    if (written.is_absolute()) {
        add(written);
    } else {
        for (const fs::path& folder : folders) add(folder / written);
        add(store_folder / written);
        add(fs::current_path() / written);
    }
    // Moved with its results: the same file name beside the store, or beside the study file.
    if (written.has_filename()) {
        add(store_folder / written.filename());
        for (const fs::path& folder : folders) add(folder / written.filename());
    }
    return candidates;
}

fs::path resolve_stored_scene(const nlohmann::json& stored_wrapper, const std::string& scene,
                              const fs::path& store_file, const std::string& how_to_give_it) {
    if (scene.empty())
        throw StoredSceneNotFound({store_file.string(), 0, "scene"},
                                  "the stored study names no scene; " + how_to_give_it);
    std::string tried;
    for (const fs::path& path : stored_scene_candidates(stored_wrapper, scene, store_file)) {
        std::error_code error;
        if (fs::is_regular_file(path, error)) return path;
        tried += (tried.empty() ? "" : ", ") + path.string();
    }
    throw StoredSceneNotFound(
        {store_file.string(), 0, "scene"},
        "scene '" + scene + "' not found (tried " + tried + "); " + how_to_give_it);
}

std::string stored_scene_mismatch(const std::optional<std::string>& recorded_fingerprint,
                                  const Scene& scene, const std::string& scene_path) {
    if (!recorded_fingerprint) return {};
    const std::string now = scene_fingerprint(scene);
    if (now == *recorded_fingerprint) return {};
    return "the scene " + scene_path + " is not the one the study ran on (fingerprint " +
           *recorded_fingerprint + ", now " + now + ")";
}

}  // namespace rps
