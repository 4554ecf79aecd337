#pragma once
// Mitsuba <transform> elements (internal to the scene loader). The children are applied in
// document order, each new one left-multiplied: M = T_k · ... · T_1, so
//   <scale .../> <rotate .../> <translate .../>
// scales first, then rotates, then translates, exactly as Mitsuba does.
#include <Eigen/Core>
#include <tinyxml2.h>

#include "core/scene/xml_values.hpp"

namespace rps {

// Supported children: translate (x/y/z or value="x y z"), scale (x/y/z, value="s" or
// value="x y z"), rotate (axis as x/y/z or value, angle in degrees, right-handed), matrix
// (value = 16 numbers row-major, or 9 for a 3x3 linear part), lookat (origin, target, up).
Eigen::Matrix4d parse_transform(const tinyxml2::XMLElement& transform, const XmlValues& values);

}  // namespace rps
