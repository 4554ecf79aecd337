#pragma once
// A starting layout the workers accept, for the studio's first view of a study and its Reset
// Layout. The spread default (APs along the middle of their bounds) ignores the building: on the
// L hall's inner corner it put the AP on two walls, and it may stand over no floor at all (the
// missing quadrant of an L). Each such AP is moved to the nearest acceptable point.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/study/layout_evaluator.hpp"

namespace rps {

// The lattice and reach of the search (m): fine enough to keep the AP near where it was asked
// for, coarse and short enough to answer at once in the studio's thread.
inline constexpr double kStartLatticeStep_m = 0.25;
inline constexpr double kStartSearchRadius_m = 6.0;

// Whether an AP at p stands over a measured cell of the engine's grid (on the floor, not inside
// a solid or a wall) and keeps the clearances the workers require (transmitter_clearance.hpp).
bool acceptable_start_point(const LayoutEvaluator& evaluator, const Vec3& p);

// The layout with each AP that is not acceptable_start_point moved, at its height, to the
// nearest point of a kStartLatticeStep_m lattice around it (nearest first, ties broken by angle
// from +x counter-clockwise: deterministic) that lies within the study's AP bounds, within
// kStartSearchRadius_m, is acceptable and keeps the minimum AP separation from the APs before it
// and the unmoved ones after it. An AP with no such point stays where it was (the studio then
// shows why the layout is refused). Directions and the plate are kept, and so are the APs before
// first_ap (those the user placed, when a study gains APs).
Layout accepted_start_layout(const LayoutEvaluator& evaluator, Layout layout, size_t first_ap = 0);

// The measured cells an AP at p sees in line of sight (walls opaque; the grid's cell centres),
// from an order-0 map of an isotropic source with transmission off.
class CellsInSight {
public:
    explicit CellsInSight(const LayoutEvaluator& evaluator);
    int count(const Vec3& p) const;

private:
    std::unique_ptr<RadioEngine> line_of_sight_;
    std::vector<uint8_t> measured_;
};

// The lattice of the open-floor search (m): coarse enough to answer at once.
inline constexpr double kOpenFloorLatticeStep_m = 1.0;

// The layout with each AP from first_ap on that sees fewer than half the measured cells that an
// acceptable point near it sees moved to the point that sees the most (a kOpenFloorLatticeStep_m
// lattice within kStartSearchRadius_m and the AP bounds, keeping the AP separation; nearest
// first, ties by angle: deterministic). An AP whose start is shut in a small room (the middle of
// the office's bounds is inside its washroom block) comes out onto the open floor; one that
// already stands in the open stays.
Layout open_floor_start_layout(const LayoutEvaluator& evaluator, Layout layout,
                               size_t first_ap = 0);

}  // namespace rps
