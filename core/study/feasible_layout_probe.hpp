#pragma once
// Whether a study's bounds admit any layout its evaluator can score, asked before a run creates
// its store. A study whose file alone rules out every layout (an AP height on the floor, a
// separation no bounds allow, a focal range behind the mount wall) used to create its store, run
// every method on refused layouts and end "no feasible layout was evaluated", naming no cause.
#include <cstdint>
#include <string>

#include "core/study/layout_evaluator.hpp"

namespace rps {

struct FeasibleLayoutProbe {
    bool found = false;  // a drawn layout passed every check
    int drawn = 0;       // layouts drawn (stops at the first that passes)
    // When none passed: the study key the refusals point at (the more frequent kind) and why.
    std::string field;
    std::string message;
};

// First the AP separation, exactly: refused when it exceeds the diagonal of the APs' bounds.
// Then up to `draws` layouts, each checked as the workers check one before computing its map
// (LayoutEvaluator::refusal; no map is computed): the bounds' centre, then uniform points over
// the bounds from `seed`. The drawn layouts' separation is not checked: for three or more APs it
// can be rare without being impossible, and the methods draw layouts that keep it.
FeasibleLayoutProbe probe_feasible_layout(const LayoutEvaluator& evaluator, int draws,
                                          uint64_t seed);

// After a run that evaluated no feasible layout: why, when the separation explains it. Empty
// when the space has one AP or some of `draws` uniform layouts keep the separation; else a
// sentence naming the key (a separation the pre-run check left to the methods, e.g. 16 APs 5 m
// apart in 17 m x 7 m, which no packing allows).
std::string separation_hint(const LayoutSpace& space, int draws, uint64_t seed);

}  // namespace rps
