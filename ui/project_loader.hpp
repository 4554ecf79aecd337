#pragma once
// Opens what the studio can open, off the UI thread: a scene XML (with a default study around it),
// a study JSON, or a study result file (.h5). Builds the scene's 2D outline and the interactive
// evaluators (full order and preview order) once, so the UI thread never waits on I/O or BVHs.
#include <QString>

#include <memory>

#include <nlohmann/json.hpp>

#include "core/store/study_store.hpp"
#include "core/study/study_spec.hpp"
#include "ui/scene_outline.hpp"
#include "ui/striped_evaluator.hpp"

namespace rps {

struct LoadedProject {
    enum class Kind { Scene, Study, Store };
    Kind kind = Kind::Scene;
    QString path;  // the file that was opened
    std::shared_ptr<const Scene> scene;
    StudySpec spec;
    nlohmann::json study_json;  // the editable study document
    SceneOutline outline;
    std::shared_ptr<const StripedEvaluator> evaluator;  // the study's order
    std::shared_ptr<const StripedEvaluator> preview;    // reduced order, or null
    std::shared_ptr<const StoredStudy> stored;          // Kind::Store only
};

struct LoadOutcome {
    std::shared_ptr<LoadedProject> project;  // null on failure
    QString error;                           // "file:line: what" when it failed
    bool scene_not_found = false;  // a study file whose scene is nowhere it was looked for
};

class ProjectLoader {
public:
    // Reflection order of the fast drag previews.
    static constexpr int kPreviewOrder = 1;

    // What load() opens a file as, by its extension: .h5 or .hdf5 a study file, .json a study,
    // anything else a scene.
    static LoadedProject::Kind kindOf(const QString& path);
    // Never throws: errors come back as LoadOutcome::error. scene_override: the scene of a
    // study file (.h5) when it is not where the file says (stored_scene_path.hpp).
    static LoadOutcome load(const QString& path, int bands, const QString& scene_override = {});
    // Rebuilds the evaluators for an edited study (same or different scene/radio/grid).
    static LoadOutcome rebuild(const LoadedProject& base, const nlohmann::json& study_json,
                               int bands);
    // Engines to use for interactive maps on this machine.
    static int defaultBands();

private:
    static void buildEvaluators(LoadedProject& project, int bands);
};

}  // namespace rps
