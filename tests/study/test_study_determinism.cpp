// Results are bit-identical whatever the number of workers and the completion order: the best
// layout, its objective, every stored task objective and the statistics.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <map>

#include "core/store/study_store.hpp"
#include "study_test_support.hpp"

namespace rps {
namespace {

using nlohmann::json;

uint64_t bits(double v) {
    uint64_t b;
    std::memcpy(&b, &v, sizeof b);
    return b;
}

// task id -> objective bits (NaN for tasks without one), from the store.
std::map<uint64_t, uint64_t> stored_objectives(const std::filesystem::path& store) {
    const StoredStudy s = StudyStore::read(store);
    EXPECT_TRUE(s.finished);
    std::map<uint64_t, uint64_t> out;
    for (const TaskRecord& r : s.tasks) {
        EXPECT_EQ(r.status, static_cast<int32_t>(TaskStatus::ok));
        EXPECT_FALSE(out.count(r.task_id)) << "task " << r.task_id << " stored twice";
        out[r.task_id] = std::isnan(r.objective) ? 0 : bits(r.objective);
    }
    return out;
}

void expect_identical(const json& a, const json& b, const std::string& what) {
    ASSERT_EQ(a["best_x"].size(), b["best_x"].size()) << what;
    for (size_t i = 0; i < a["best_x"].size(); ++i)
        EXPECT_EQ(bits(a["best_x"][i].get<double>()), bits(b["best_x"][i].get<double>()))
            << what << " best_x[" << i << "]";
    EXPECT_EQ(bits(a["best_objective"].get<double>()), bits(b["best_objective"].get<double>()))
        << what;
    EXPECT_EQ(a["best_task_id"], b["best_task_id"]) << what;
    EXPECT_EQ(a["methods"].size(), b["methods"].size());
    for (size_t m = 0; m < a["methods"].size(); ++m) {
        EXPECT_EQ(a["methods"][m]["best"], b["methods"][m]["best"]) << what << " method " << m;
        EXPECT_EQ(a["methods"][m]["evaluations"], b["methods"][m]["evaluations"]) << what;
    }
    EXPECT_EQ(a["task_objectives"], b["task_objectives"]) << what;
    EXPECT_EQ(a["best_metrics"], b["best_metrics"]) << what;
}

TEST(StudyDeterminism, SameResultForOneTwoAndFourWorkers) {
    // Every method, on 2ap (the separation constraint matters), small budgets, small chunks so
    // that completion order varies.
    const json methods = {
        {{"type", "grid"}, {"resolution_m", 4.0}, {"refine_levels", 1}, {"chunk", 3}},
        {{"type", "gd"}, {"starts", 5}, {"iterations", 12}},
        {{"type", "ga"}, {"population", 12}, {"generations", 4}, {"chunk", 3}},
        {{"type", "pso"}, {"population", 8}, {"generations", 3}, {"chunk", 3}},
        {{"type", "cmaes"}, {"population", 8}, {"generations", 3}, {"chunk", 3}},
        {{"type", "halving"}, {"candidates", 12}, {"chunk", 3}},
        {{"type", "refine"}, {"max_evaluations", 10}}};
    json doc = test::l_hall_study("2ap", methods);
    doc["radio"]["max_order"] = 2;  // so that halving has a cheap round (order 1)
    json reference;
    std::map<uint64_t, uint64_t> reference_tasks;
    for (int workers : {1, 2, 4}) {
        test::TempDir dir;
        const json summary = test::run_study(doc, dir.path(), workers);
        const auto tasks = stored_objectives(dir.path() / "study.h5");
        if (workers == 1) {
            reference = summary;
            reference_tasks = tasks;
            EXPECT_GT(tasks.size(), 50u);
            continue;
        }
        const std::string what = std::to_string(workers) + " workers";
        expect_identical(summary, reference, what);
        EXPECT_EQ(tasks, reference_tasks) << what;
        EXPECT_EQ(summary["pool"]["workers"], workers);
    }
}

TEST(StudyDeterminism, TaskIdsEncodeMethodAndSequence) {
    test::TempDir dir;
    const json methods = {{{"type", "grid"}, {"resolution_m", 6.0}, {"chunk", 2}},
                          {{"type", "gd"}, {"starts", 2}, {"iterations", 3}}};
    test::run_study(test::l_hall_study("1ap", methods), dir.path(), 2);
    const StoredStudy s = StudyStore::read(dir.path() / "study.h5");
    std::map<uint64_t, std::string> method_of;
    for (size_t i = 0; i < s.tasks.size(); ++i)
        method_of[s.tasks[i].task_id] = s.results[i]["method"].get<std::string>();
    // grid: 4 x 2 = 8 points in chunks of 2; gd: 2 starts; then the map of the best.
    EXPECT_EQ(method_of.size(), 4u + 2u + 1u);
    for (uint64_t seq = 0; seq < 4; ++seq) EXPECT_EQ(method_of[seq], "grid");
    for (uint64_t seq = 0; seq < 2; ++seq) EXPECT_EQ(method_of[(1ull << 40) | seq], "gd");
    EXPECT_EQ(method_of[2ull << 40], "map");
    ASSERT_EQ(s.maps.size(), 1u);
    EXPECT_EQ(s.maps[0].task_id, 2ull << 40);
}

}  // namespace
}  // namespace rps
