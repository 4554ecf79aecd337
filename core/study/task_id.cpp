#include "core/study/task_id.hpp"

#include <algorithm>

namespace rps {

std::string task_label(uint64_t task_id, std::string_view method_type) {
    return std::string(method_type) + " #" + std::to_string(task_sequence(task_id));
}

std::string task_label(uint64_t task_id, const std::vector<MethodSpec>& methods) {
    const auto index = static_cast<size_t>(task_method_index(task_id));
    if (index == methods.size()) return task_label(task_id, "map");
    if (index > methods.size()) return "task " + std::to_string(task_id);
    const std::string& type = methods[index].type;
    const auto same_type = std::count_if(methods.begin(), methods.end(),
                                         [&](const MethodSpec& m) { return m.type == type; });
    if (same_type == 1) return task_label(task_id, type);
    return task_label(task_id, type) + " (method #" + std::to_string(index) + ")";
}

}  // namespace rps
