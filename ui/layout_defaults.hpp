#pragma once
// Starting layouts for interactive editing and keeping a layout consistent with a study when its
// mode or bounds change (APs added or removed, the plate added or dropped, fixed directions).
#include "core/study/layout.hpp"

namespace rps {

// APs spread across the middle of the AP bounds, the plate centred on its mount, the focal point
// in the middle of its bounds.
Layout defaultLayout(const StudySpec& spec);
// The layout with the study's AP count, AP height, fixed directions and reflector presence; what
// both have in common is kept.
Layout conformLayout(const Layout& layout, const StudySpec& spec);
// Same APs (position, height, direction) and the same plate placement, exactly.
bool sameLayout(const Layout& a, const Layout& b);

}  // namespace rps
