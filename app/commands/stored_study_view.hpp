#pragma once
// A study file read back as the summary `rps show` prints (docs/study_format.md, "show"): the
// study's name, mode and objective, task counts, objective statistics, workers and timing, each
// method's best, and the best layout. `rps export` exports that best layout; `rps sweep` reads
// each trial's best objective from it.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "core/store/study_store.hpp"
#include "core/study/study_spec.hpp"

namespace rps::cli {

struct StoredStudyView {
    nlohmann::json data;            // what `rps show --json` prints
    nlohmann::json document;        // the study document as stored
    std::optional<StudySpec> spec;  // when the document parses
    const nlohmann::json* map_result = nullptr;  // the best layout's map task result (points into
                                                 // the StoredStudy it was read from)
    uint64_t map_task_id = 0;
};

// A real objective (not NaN, not the optimisers' "infeasible" sentinel).
bool usable_objective(double value);

// A study file that cannot be read is bad input (InputError: exit 2), like any other input.
StoredStudy read_study_file(const std::string& file);

// The view keeps pointers into `study`, which must outlive it.
StoredStudyView view_stored_study(const StoredStudy& study);

}  // namespace rps::cli
