#pragma once
// The engine's reach: how far outside a scene's bounding box a transmitter, a receiver or the
// measurement plane may lie.
#include <string>
#include <string_view>

#include "core/common/geometry.hpp"

namespace rps {

// How far (m) outside the scene's bounding box a transmitter or a receiver may lie. Farther, the
// engine's single-precision wall queries (floats relative to the scene's centre) carry more
// rounding onto the walls than their 1 mm edge margin covers: a review found crossings of walls'
// ends counted and missed wrongly for transmitters 20-50 km away, and a measurement grid 1e300 m
// away stopped the program in Embree's assertion. An indoor planning tool has no use for such
// points; the engine refuses them (the constructor its grid, compute_map, trace_static,
// trace_paths their transmitter and receiver), and callers name them first
// (transmitter_clearance.hpp).
inline constexpr double kMaxOutsideScene_m = 1000.0;

// Empty when p lies within kMaxOutsideScene_m of bounds (or bounds is empty); else
// "<what> at (x, y, z) m is D m outside the scene's bounds: <subject> must lie within 1000 m of
// them".
std::string beyond_reach_problem(const Aabb& bounds, const Vec3& p, std::string_view what,
                                 std::string_view subject);

// Throws std::invalid_argument with beyond_reach_problem's message (subject "it").
void check_within_reach(const Aabb& bounds, const Vec3& p, std::string_view what);

}  // namespace rps
