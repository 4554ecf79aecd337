#pragma once
// The clearance an antenna keeps from every surface. Closer, and in particular on a wall's plane,
// the image method's segments start inside the wall and skip its transmission: an AP at the
// corner of the office's concrete core scored 2 dB above any position 1 cm away, and an AP on a
// wall's plane gets a map that changes in most cells when it moves 0.1 mm. Studies, `rps map` and
// `rps probe` refuse such a transmitter with the message below.
#include <string>
#include <string_view>

#include "core/common/geometry.hpp"

namespace rps {

class RadioEngine;

inline constexpr double kTransmitterClearance_m = 0.05;

// Empty when the transmitter at p keeps the clearance and lies within kMaxOutsideScene_m
// (scene_reach.hpp) of the scene's bounds; else why not, naming it (`what`, e.g. "AP 0"), its
// position, the distance, the face and the face's material.
std::string transmitter_clearance_problem(const RadioEngine& engine, const Vec3& p,
                                          std::string_view what);

// Empty when the transmitter at p keeps the same clearance from every receiver point of the
// engine's grid; else why not. Closer, the far-field path model does not hold: an AP 0.1 µm from
// a cell centre (AP height = plane height) gave that cell +98 dBm from 5 dBm, and one exactly on
// it lost its line of sight, making its own cell the map's weakest. `rps map` and studies refuse
// such a transmitter (probes refuse a receiver that close).
std::string receiver_clearance_problem(const RadioEngine& engine, const Vec3& p,
                                       std::string_view what);

// Both clearances of an antenna of a map (`rps map`, study layouts): surfaces first, then the
// receiver points; empty when it keeps both.
std::string antenna_placement_problem(const RadioEngine& engine, const Vec3& p,
                                      std::string_view what);

}  // namespace rps
