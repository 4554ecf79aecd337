// Task ids and their labels (core/study/task_id.hpp): the id packs the method's index and the
// sequence; people read "ga #12", the final map task "map #0", a repeated type with its index.
#include <gtest/gtest.h>

#include "core/study/task_id.hpp"

namespace rps {
namespace {

std::vector<MethodSpec> methods_of(std::initializer_list<const char*> types) {
    std::vector<MethodSpec> methods;
    for (const char* type : types) methods.push_back({type, nlohmann::json::object()});
    return methods;
}

TEST(TaskId, PacksTheMethodIndexAndTheSequence) {
    const uint64_t id = make_task_id(1, 12);
    EXPECT_EQ(id, 1099511627788u);  // what the studio showed before the labels
    EXPECT_EQ(task_method_index(id), 1);
    EXPECT_EQ(task_sequence(id), 12u);
    EXPECT_EQ(task_sequence(make_task_id(3, 0)), 0u);
}

TEST(TaskId, LabelIsTheMethodTypeAndTheSequence) {
    const auto methods = methods_of({"grid", "ga"});
    EXPECT_EQ(task_label(make_task_id(0, 0), methods), "grid #0");
    EXPECT_EQ(task_label(make_task_id(1, 12), methods), "ga #12");
    EXPECT_EQ(task_label(make_task_id(1, 12), "ga"), "ga #12");
}

TEST(TaskId, FinalMapTaskIsMap) {
    EXPECT_EQ(task_label(make_task_id(2, 0), methods_of({"grid", "ga"})), "map #0");
}

TEST(TaskId, RepeatedTypeNamesItsMethodIndex) {
    const auto methods = methods_of({"ga", "gd", "ga"});
    EXPECT_EQ(task_label(make_task_id(0, 3), methods), "ga #3 (method #0)");
    EXPECT_EQ(task_label(make_task_id(2, 3), methods), "ga #3 (method #2)");
    EXPECT_EQ(task_label(make_task_id(1, 3), methods), "gd #3");
}

TEST(TaskId, UnknownMethodKeepsTheRawId) {
    EXPECT_EQ(task_label(make_task_id(5, 1), methods_of({"ga"})), "task 5497558138881");
}

}  // namespace
}  // namespace rps
