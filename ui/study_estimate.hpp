#pragma once
// How many radio maps a study will evaluate, per method and in all, from its parameters and the
// runner's defaults (the set-up panel's live estimate; no task is run).
#include <cstdint>
#include <vector>

#include "core/study/study_spec.hpp"

namespace rps {

struct StudyEstimate {
    std::vector<uint64_t> per_method;  // maps of methods[i]
    uint64_t total = 0;                // all methods plus the final map of the best layout
};

StudyEstimate estimateStudy(const StudySpec& spec);

}  // namespace rps
