#include "ui/project_results.hpp"

#include "ui/layout_defaults.hpp"
#include "ui/study_results.hpp"

namespace rps {

Layout loadProjectResults(StudyResults& results, const LoadedProject& project) {
    results.reset(project.spec, project.evaluator->grid());
    if (!project.stored) return defaultLayout(project.spec);
    results.loadFromStore(*project.stored);
    const LayoutSpace& space = project.evaluator->fullEvaluator().space();
    if (results.hasBest() && results.bestX().size() == space.dim())
        return space.decode(results.bestX());
    return defaultLayout(project.spec);
}

}  // namespace rps
