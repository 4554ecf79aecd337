#pragma once
// The lines the plan view shows over a layout's map (objective, P5 / mean / min, coverage; or
// why there is no map): the same text in the studio's plan and in the plan picture of a report.
#include <QStringList>

#include "core/study/layout_evaluator.hpp"

namespace rps {

QStringList mapInfoLines(const ObjectiveSpec& objective, const LayoutEvaluation& evaluation);

}  // namespace rps
