#pragma once
// Starting layouts for interactive editing and keeping a layout consistent with a study when its
// mode or bounds change (APs added or removed, the plate added or dropped, fixed directions).
#include "core/study/layout.hpp"

namespace rps {

class LayoutEvaluator;

// APs spread across the middle of the AP bounds, the plate centred on its mount, the focal point
// in the middle of its bounds.
Layout defaultLayout(const StudySpec& spec);
// The same with each AP the workers would refuse, or that stands over no measured cell, moved to
// the nearest acceptable point (core/study/start_layout.hpp): the studio's starting layout.
Layout defaultLayout(const StudySpec& spec, const LayoutEvaluator& evaluator);
// The layout with the study's AP count, AP height, fixed directions and reflector presence; what
// both have in common is kept. APs added are placed as defaultLayout places them (with the
// evaluator: moved to acceptable points, the others left where they are).
Layout conformLayout(const Layout& layout, const StudySpec& spec);
Layout conformLayout(const Layout& layout, const StudySpec& spec, const LayoutEvaluator& evaluator);
// Same APs (position, height, direction) and the same plate placement, exactly.
bool sameLayout(const Layout& a, const Layout& b);

}  // namespace rps
