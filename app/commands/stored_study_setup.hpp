#pragma once
// The set-up a stored study ran with, rebuilt to evaluate its layouts again (`rps export`,
// `rps compare`): the stored study document parsed, its scene found and loaded. Both commands
// recompute maps with LayoutEvaluator over exactly this spec and scene.
#include <string>

#include "app/commands/stored_study_view.hpp"
#include "core/scene/scene.hpp"
#include "core/study/layout_evaluator.hpp"
#include "core/study/study_spec.hpp"

namespace rps::cli {

struct StoredStudySetup {
    StudySpec spec;  // scene_path: the scene file that was found
    Scene scene;
};

// The stored study's spec; throws InputError (exit 2) naming `file` when it does not parse.
const StudySpec& stored_spec(const StoredStudyView& view, const std::string& file);

// `file` is the study file `study` was read from (for messages and relative scene paths);
// `scene_override` is a --scene option (empty: none). Throws InputError (exit 2) when the stored
// study does not parse or its scene cannot be found; the message says to give it with --scene.
StoredStudySetup stored_study_setup(const StoredStudy& study, const StoredStudyView& view,
                                    const std::string& file, const std::string& scene_override);

// A stored layout evaluated in full with its maps kept (LayoutEvaluator::evaluate). A layout
// that the study evaluated but that no longer does (the scene was edited since) is an error:
// std::runtime_error naming `what` ("the best layout", "row 3") and the reason.
LayoutEvaluation evaluate_stored_layout(const LayoutEvaluator& evaluator, const Layout& layout,
                                        const std::string& what);

}  // namespace rps::cli
