#include "ui/project_results.hpp"

#include "ui/layout_defaults.hpp"
#include "ui/study_results.hpp"

namespace rps {

Layout loadProjectResults(StudyResults& results, const LoadedProject& project) {
    results.reset(project.spec, project.evaluator->grid());
    const LayoutEvaluator& evaluator = project.evaluator->fullEvaluator();
    if (!project.stored) return defaultLayout(project.spec, evaluator);
    results.loadFromStore(*project.stored);
    const LayoutSpace& space = evaluator.space();
    if (results.hasBest() && results.bestX().size() == space.dim())
        return space.decode(results.bestX());
    return defaultLayout(project.spec, evaluator);
}

}  // namespace rps
