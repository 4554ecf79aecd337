#pragma once
// Whether a study's bounds admit any layout its workers would evaluate. A study whose file alone
// rules out every layout (an AP height on the floor, a separation no bounds allow, a focal range
// behind the mount wall) used to create its store, run every method on refused layouts and end
// "no feasible layout was evaluated", naming no cause.
#include <cstdint>
#include <optional>
#include <string>

#include "core/scene/scene.hpp"
#include "core/study/layout_evaluator.hpp"

namespace rps {

struct InfeasibleStudy {
    std::string field;    // the study key to change, e.g. "bounds.ap_z_m"
    std::string message;  // why no layout can be evaluated
};

// A proof that every layout of the study's bounds is refused, checked before a run creates its
// store; nullopt when there is none (the bounds may still admit very few layouts: the methods
// decide). Exact checks only, each the refusal a worker applies, taken over the whole bounds:
// - the AP separation beyond the diagonal of the APs' x, y bounds;
// - the APs' bounds entirely more than kMaxOutsideScene_m outside the scene's bounds;
// - the AP height within kTransmitterClearance_m (less 0.1 mm for the cover test's slivers) of
//   surfaces above or below every x, y of the bounds (non-vertical triangles whose corners all
//   lie that close in height cover the bounds);
// - with a reflector, the APs' bounds or the focal range entirely on or behind the mount wall.
std::optional<InfeasibleStudy> prove_infeasible(const StudySpec& spec, const Scene& scene);

// After a run that evaluated no feasible layout: what `draws` uniform layouts over the bounds
// ran into (from `seed`), as one sentence naming the key: none kept the AP separation, or none
// passed the workers' refusals (the more frequent kind, with an example), or some pass (the
// methods evaluated too few layouts).
std::string diagnose_infeasible(const LayoutEvaluator& evaluator, int draws, uint64_t seed);

}  // namespace rps
