#pragma once
// The worker side of a study (docs/protocol.md "study tasks"): runs one task payload against the
// study's evaluator and returns the result document. Pure function of the payload: the same
// payload gives the same result on every worker and every attempt.
//
// Payload kinds:
//   {"kind":"evaluate","points":[[...],...]}           objective + metrics per point
//   {"kind":"gd","start":[...],"iterations":N,"learning_rate":[...],"temperature_db":T}
//                                                       one gradient-descent start (progress events)
//   {"kind":"map","point":[...]}                        the maps of one layout (for reports)
#include <functional>
#include <nlohmann/json.hpp>

#include "core/study/layout_evaluator.hpp"

namespace rps {

using TaskProgress = std::function<void(const nlohmann::json&)>;

nlohmann::json execute_study_task(const LayoutEvaluator& evaluator, const nlohmann::json& payload,
                                  const TaskProgress& progress = {});

// Metrics of an evaluation as JSON (dBm floored, coverage in percent): one format everywhere.
nlohmann::json metrics_to_json(const MapMetrics& metrics);

}  // namespace rps
