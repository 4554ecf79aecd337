// Rebuilding a stored study's spec and scene (stored_study_setup.hpp).
#include "app/commands/stored_study_setup.hpp"

#include <filesystem>
#include <stdexcept>

#include "app/commands/json_fields.hpp"
#include "core/common/error.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/study/stored_scene_path.hpp"

namespace rps::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The scene file of a stored study: --scene, else where the store says, else beside the store
// or the study file by its name (stored_scene_path.hpp).
fs::path resolve_scene(const json& stored_spec, const json& document, const fs::path& store_file,
                       const std::string& override_path) {
    if (!override_path.empty()) {
        if (!fs::is_regular_file(override_path))
            throw InputError({override_path, 0, "--scene"}, "scene file not found");
        return override_path;
    }
    return resolve_stored_scene(stored_spec, stored_scene_name(document), store_file,
                                "give it with --scene");
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
    // Maps and metrics of another building beside the stored ones would read as the study's.
    if (const std::string mismatch =
            stored_scene_mismatch(study.scene_fingerprint(), setup.scene, scene_path.string());
        !mismatch.empty())
        throw InputError({file, 0, scene_override.empty() ? "scene" : "--scene"},
                         mismatch + ": give the scene the study ran on");
    return setup;
}

LayoutEvaluation evaluate_stored_layout(const LayoutEvaluator& evaluator, const Layout& layout,
                                        const std::string& what) {
    LayoutEvaluation e = evaluator.evaluate(layout, true);
    if (!e.valid) throw std::runtime_error(what + " does not evaluate: " + e.reason);
    return e;
}

}  // namespace rps::cli
