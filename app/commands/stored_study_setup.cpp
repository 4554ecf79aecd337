// Rebuilding a stored study's spec and scene (stored_study_setup.hpp).
#include "app/commands/stored_study_setup.hpp"

#include <filesystem>
#include <stdexcept>
#include <vector>

#include "app/commands/json_fields.hpp"
#include "core/common/error.hpp"
#include "core/scene/scene_loader.hpp"

namespace rps::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Where a relative scene name may be: beside the study file the run read, beside the store,
// in the current folder.
std::vector<fs::path> scene_candidates(const json& stored_spec, const std::string& scene,
                                       const fs::path& store_file) {
    if (fs::path(scene).is_absolute()) return {scene};
    std::vector<fs::path> candidates;
    for (const char* key : {"source_file", "study_file"}) {
        const std::string source = string_at(stored_spec, key, "");
        if (!source.empty()) candidates.push_back(fs::path(source).parent_path() / scene);
    }
    candidates.push_back(store_file.parent_path() / scene);
    candidates.push_back(fs::current_path() / scene);
    return candidates;
}

// The scene file of a stored study. The document names it as written (absolute, or relative to
// the study file's folder, which the store does not record), so candidates are tried in turn.
fs::path resolve_scene(const json& stored_spec, const json& document, const fs::path& store_file,
                       const std::string& override_path) {
    if (!override_path.empty()) {
        if (!fs::is_regular_file(override_path))
            throw InputError({override_path, 0, "--scene"}, "scene file not found");
        return override_path;
    }
    const std::string scene = string_at(document, "scene", "");
    if (scene.empty())
        throw InputError({store_file.string(), 0, "scene"}, "the stored study names no scene");
    std::string tried;
    for (const fs::path& path : scene_candidates(stored_spec, scene, store_file)) {
        if (fs::is_regular_file(path)) return path;
        tried += (tried.empty() ? "" : ", ") + path.string();
    }
    throw InputError({store_file.string(), 0, "scene"},
                     "scene '" + scene + "' not found (tried " + tried + "); give it with --scene");
}

}  // namespace

const StudySpec& stored_spec(const StoredStudyView& view, const std::string& file) {
    if (!view.spec)
        throw InputError({file, 0, "spec"}, "the stored study does not parse: " +
                                                view.data["spec_error"].get<std::string>());
    return *view.spec;
}

StoredStudySetup stored_study_setup(const StoredStudy& study, const StoredStudyView& view,
                                    const std::string& file, const std::string& scene_override) {
    StoredStudySetup setup{.spec = stored_spec(view, file), .scene = {}};
    const fs::path scene_path = resolve_scene(study.spec, view.document, file, scene_override);
    setup.spec.scene_path = scene_path.string();
    setup.scene = load_scene(scene_path);
    return setup;
}

LayoutEvaluation evaluate_stored_layout(const LayoutEvaluator& evaluator, const Layout& layout,
                                        const std::string& what) {
    LayoutEvaluation e = evaluator.evaluate(layout, true);
    if (!e.valid) throw std::runtime_error(what + " does not evaluate: " + e.reason);
    return e;
}

}  // namespace rps::cli
