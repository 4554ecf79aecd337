#pragma once
// A study's task ids: (method_index << 40) | sequence, the sequence counted from 0 within the
// method (runtime/study_runner.hpp says why ids are built so). The id is what the store, the
// runner's summary and `rps show --json` / `rps compare --json` carry; people read a label
// instead, "ga #12": the method's type as the study file spells it, and the sequence.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/study/study_spec.hpp"

namespace rps {

constexpr int kTaskMethodShift = 40;

constexpr uint64_t make_task_id(int method_index, uint64_t sequence) {
    return (static_cast<uint64_t>(method_index) << kTaskMethodShift) | sequence;
}

// The study's methods[i]; methods.size() for the final map task.
constexpr int task_method_index(uint64_t task_id) {
    return static_cast<int>(task_id >> kTaskMethodShift);
}

constexpr uint64_t task_sequence(uint64_t task_id) {
    return task_id & ((uint64_t{1} << kTaskMethodShift) - 1);
}

// "ga #12": the task of sequence 12 of a method of type ga.
std::string task_label(uint64_t task_id, std::string_view method_type);

// The label from the study's methods: "map #0" for the final map task; a type the study lists
// more than once adds the method's index as `rps show` lists the methods, "ga #12 (method #2)";
// an id whose method the study does not have reads "task 1099511627788".
std::string task_label(uint64_t task_id, const std::vector<MethodSpec>& methods);

}  // namespace rps
