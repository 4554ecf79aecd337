#pragma once
// One interactive map computed for the plan view: the layout it belongs to, the evaluation (maps
// and metrics), whether it is a fast preview, and how long it took.
#include <QMetaType>

#include <cstdint>

#include "core/study/layout_evaluator.hpp"

namespace rps {

struct MapResult {
    uint64_t serial = 0;   // request number: larger = newer layout
    bool preview = false;  // computed at the reduced preview order
    int reflection_order = 0;
    Layout layout;
    LayoutEvaluation evaluation;
    double compute_ms = 0.0;   // evaluation time in the worker thread
    int64_t requested_ns = 0;  // MapService clock when requested (for on-screen latency)
};

}  // namespace rps

Q_DECLARE_METATYPE(rps::MapResult)
Q_DECLARE_METATYPE(rps::Layout)
