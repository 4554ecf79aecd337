#pragma once
// What the study runner reads from a study task's result (docs/protocol.md, study task kinds):
// its shape checked, then its best point and evaluation count, the same way whether the result
// came from a worker or from the store.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "core/opt/problem.hpp"
#include "core/study/layout.hpp"

namespace rps {

// A task's objective that counts: finite and above the infeasible sentinel.
bool is_valid_objective(double objective);

// The best of a task's points: the objective and its point, first on ties.
struct TaskDigest {
    bool has_objective = false;
    double objective = 0.0;
    Vector x;
    int evaluations = 0;
};

// Reads a task result (payload: the task as sent) the same way whether it came from a worker or
// from the store. A result that is no object reads as nothing evaluated.
TaskDigest digest_task_result(const nlohmann::json& payload, const nlohmann::json& result,
                              const LayoutSpace& space);

// Why a task result does not have the shape that digest_task_result and the runner's reads
// expect (dim: the layout's parameters), or "" when it has. A worker never sends null for a
// number: an infeasible point is -1e300, so a null (NaN on the wire) means a broken worker.
std::string check_task_result(const nlohmann::json& payload, const nlohmann::json& result,
                              std::size_t dim);

}  // namespace rps
