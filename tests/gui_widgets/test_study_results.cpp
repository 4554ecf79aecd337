// StudyResults: the live model fed task by task, and loaded from a study file.
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include "core/store/study_store.hpp"
#include "gui_test_data.hpp"
#include "ui/study_results.hpp"

namespace rps {
namespace {

TEST(StudyResults, ResetTakesNamesAndGrid) {
    StudyResults results;
    QSignalSpy cleared(&results, &StudyResults::cleared);
    results.reset(test::synthetic_spec(), test::synthetic_grid());
    EXPECT_EQ(cleared.count(), 1);
    ASSERT_EQ(results.parameterNames().size(), 12);
    EXPECT_EQ(results.parameterNames().front(), QStringLiteral("ap0.x_m"));
    EXPECT_EQ(results.parameterNames().back(), QStringLiteral("focal.y_m"));
    EXPECT_EQ(results.grid().cell_count(), 400u);
    EXPECT_EQ(results.objectiveUnit(), QStringLiteral("dBm"));
    EXPECT_EQ(results.taskCount(), 0);
    EXPECT_FALSE(results.hasBest());
}

TEST(StudyResults, AddTaskTracksBestAndConvergence) {
    StudyResults results;
    results.reset(test::synthetic_spec(), test::synthetic_grid());
    QSignalSpy added(&results, &StudyResults::taskAdded);
    QSignalSpy best(&results, &StudyResults::bestChanged);
    const double objectives[] = {-95, -90, -93, -85, NAN, -88};
    for (int k = 0; k < 6; ++k) {
        TaskRow row;
        row.task_id = 100 + k;
        row.method = QStringLiteral("grid");
        row.kind = QStringLiteral("evaluate");
        row.objective = objectives[k];
        row.best_x = test::synthetic_x(k);
        row.worker_id = k % 2;
        row.start_s = k;
        row.end_s = k + 0.5;
        if (std::isnan(objectives[k])) row.status = QStringLiteral("failed");
        results.addTask(row);
    }
    EXPECT_EQ(added.count(), 6);
    EXPECT_EQ(added.at(5).at(0).toInt(), 5);
    EXPECT_EQ(results.taskCount(), 6);
    EXPECT_EQ(best.count(), 3);  // -95, -90, -85
    EXPECT_DOUBLE_EQ(results.bestObjective(), -85);
    EXPECT_EQ(results.bestTaskId(), 103u);
    EXPECT_EQ(results.bestX(), test::synthetic_x(3));
    ASSERT_TRUE(results.bestLayout().is_object());
    EXPECT_EQ(results.bestLayout()["aps"].size(), 2u);
    EXPECT_TRUE(results.bestLayout().contains("reflector"));
    // Convergence: one point per task with an objective, monotone.
    ASSERT_EQ(results.convergence().size(), 5u);
    EXPECT_DOUBLE_EQ(results.convergence().back().best, -85);
    EXPECT_EQ(results.convergence().back().task_count, 6);
    for (size_t i = 1; i < results.convergence().size(); ++i)
        EXPECT_GE(results.convergence()[i].best, results.convergence()[i - 1].best);
    EXPECT_EQ(results.rowOfTask(104), 4);
    EXPECT_EQ(results.rowOfTask(999), -1);
    EXPECT_EQ(results.workerIds(), (std::vector<int>{0, 1}));
}

TEST(StudyResults, ExploredPointsSkipInfeasible) {
    StudyResults results;
    results.reset(test::synthetic_spec(), test::synthetic_grid());
    QSignalSpy spy(&results, &StudyResults::exploredPointsAdded);
    results.addExploredPoints({test::synthetic_x(1), test::synthetic_x(2), test::synthetic_x(3)},
                              {-80.0, -1e300, NAN});
    ASSERT_EQ(results.exploredPoints().size(), 1u);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(1).toInt(), 1);
}

TEST(StudyResults, ManyTasksStayFast) {
    StudyResults results;
    results.reset(test::synthetic_spec(), test::synthetic_grid());
    for (int k = 0; k < 100000; ++k) {
        TaskRow row;
        row.task_id = static_cast<uint64_t>(k);
        row.objective = -100.0 + k * 1e-4;
        row.worker_id = k % 8;
        results.addTask(row);
    }
    EXPECT_EQ(results.taskCount(), 100000);
    EXPECT_EQ(results.rowOfTask(77777), 77777);
}

TEST(StudyResults, LoadsFromStudyStore) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const std::filesystem::path path = dir.filePath(QStringLiteral("study.h5")).toStdString();
    const MeasurementGrid grid = test::synthetic_grid();
    const std::vector<double> best_x = test::synthetic_x(3);
    const std::vector<double> map =
        test::synthetic_map(grid, {{best_x[0], best_x[1]}, {best_x[4], best_x[5]}});
    {
        StudyStore store = StudyStore::create(path, test::synthetic_spec_json());
        // An evaluate task with two points.
        TaskRecord r1;
        r1.task_id = 1;
        r1.objective = -91;
        r1.worker_id = 0;
        r1.start_s = 0.0;
        r1.end_s = 0.4;
        store.append_task(
            r1, {{"method", "grid"},
                 {"method_index", 0},
                 {"payload", {{"kind", "evaluate"}, {"points", {test::synthetic_x(1), best_x}}}},
                 {"result", {{"objectives", {-95, -91}}}},
                 {"best_x", best_x},
                 {"best_objective", -91},
                 {"worker_id", 0}});
        // A gradient-descent task with a trajectory.
        TaskRecord r2;
        r2.task_id = (1ull << 40) | 1;
        r2.objective = -89;
        r2.worker_id = 1;
        r2.start_s = 0.1;
        r2.end_s = 0.9;
        nlohmann::json trajectory = nlohmann::json::array();
        for (int i = 0; i < 3; ++i)
            trajectory.push_back(
                {{"iteration", i}, {"x", test::synthetic_x(10 + i)}, {"objective", -93 + 2 * i}});
        store.append_task(r2, {{"method", "gd"},
                               {"method_index", 1},
                               {"payload", {{"kind", "gd"}, {"start", test::synthetic_x(10)}}},
                               {"result", {{"trajectory", trajectory}}},
                               {"best_x", test::synthetic_x(12)},
                               {"best_objective", -89},
                               {"worker_id", 1}});
        // A failed task.
        TaskRecord r3;
        r3.task_id = 2;
        r3.status = static_cast<int32_t>(TaskStatus::failed);
        r3.worker_id = 0;
        r3.start_s = 0.5;
        r3.end_s = 0.6;
        store.append_task(r3, {{"method", "grid"}, {"payload", {{"kind", "evaluate"}}}});
        // The final map task and its map.
        TaskRecord r4;
        r4.task_id = (2ull << 40);
        r4.objective = -89;
        r4.worker_id = 0;
        r4.start_s = 1.0;
        r4.end_s = 1.2;
        StudySpec spec = test::synthetic_spec();
        const LayoutSpace space(spec);
        store.append_task(r4, {{"method", "map"},
                               {"payload", {{"kind", "map"}, {"point", test::synthetic_x(12)}}},
                               {"result",
                                {{"layout", layout_to_json(space.decode(test::synthetic_x(12)))},
                                 {"objective", -89}}},
                               {"best_x", test::synthetic_x(12)},
                               {"best_objective", -89}});
        store.append_map(r4.task_id, grid.cells_x, grid.cells_y, map);
        store.mark_finished({{"best_x", test::synthetic_x(12)},
                             {"best_objective", -89},
                             {"wall_s", 1.2},
                             {"pool_efficiency", 0.8}});
    }
    const StoredStudy stored = StudyStore::read(path);

    StudyResults results;
    results.reset(test::synthetic_spec(), grid);  // the scene's grid, with its mask
    QSignalSpy best(&results, &StudyResults::bestChanged);
    QSignalSpy best_map(&results, &StudyResults::bestMapChanged);
    results.loadFromStore(stored);
    EXPECT_EQ(results.parameterNames().size(), 12);
    ASSERT_EQ(results.taskCount(), 4);
    EXPECT_EQ(results.task(0).method, QStringLiteral("grid"));
    EXPECT_EQ(results.task(0).kind, QStringLiteral("evaluate"));
    EXPECT_EQ(results.task(1).kind, QStringLiteral("gd"));
    EXPECT_EQ(results.task(1).worker_id, 1);
    EXPECT_EQ(results.task(2).status, QStringLiteral("failed"));
    EXPECT_TRUE(std::isnan(results.task(2).objective));
    EXPECT_EQ(results.task(3).kind, QStringLiteral("map"));
    // 2 evaluated points + 3 trajectory steps.
    EXPECT_EQ(results.exploredPoints().size(), 5u);
    EXPECT_TRUE(results.hasBest());
    EXPECT_DOUBLE_EQ(results.bestObjective(), -89);
    EXPECT_EQ(results.bestX(), test::synthetic_x(12));
    ASSERT_EQ(results.bestMap().size(), grid.cell_count());
    EXPECT_EQ(results.bestMap(), map);
    EXPECT_EQ(results.grid().mask, grid.mask);  // kept: it fits the stored maps
    EXPECT_GE(best.count(), 1);
    EXPECT_EQ(best_map.count(), 1);
    ASSERT_NE(results.taskMap(2ull << 40), nullptr);
    EXPECT_DOUBLE_EQ(results.summary().value("pool_efficiency", 0.0), 0.8);
}

}  // namespace
}  // namespace rps
