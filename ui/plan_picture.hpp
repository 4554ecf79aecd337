#pragma once
// A picture of the plan view as the studio shows a layout of an opened project: walls by
// material, bounds, mount, APs, plate, the layout's full-order map with its colour bar and the
// metric lines. Rendered from a PlanView that is never shown, so it works on any QPA platform
// (offscreen included); needs a QApplication. The report of a study file uses it where the
// studio grabs its plan on screen.
#include <QImage>
#include <QSize>

#include "core/study/layout.hpp"
#include "ui/project_loader.hpp"

namespace rps {

QImage renderPlanPicture(const LoadedProject& project, const Layout& layout, QSize size);

}  // namespace rps
