#include "ui/plan_picture.hpp"

#include "ui/map_info_lines.hpp"
#include "ui/plan_view.hpp"

namespace rps {

QImage renderPlanPicture(const LoadedProject& project, const Layout& layout, QSize size) {
    PlanView view;
    view.resize(size);  // before the scene: fitting it uses the size
    view.setScene(project.scene, project.outline);
    view.setStudy(project.spec);
    view.setLayout(layout);
    // The studio shows the map its MapService computes with the same evaluator.
    const LayoutEvaluation evaluation = project.evaluator->evaluate(layout);
    if (evaluation.valid) view.setMap(project.evaluator->grid(), evaluation.combined_power_w);
    view.setInfoLines(mapInfoLines(project.spec.objective, evaluation));
    return view.grab().toImage();
}

}  // namespace rps
