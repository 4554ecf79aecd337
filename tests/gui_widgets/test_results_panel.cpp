// ResultsTableModel / ResultsPanel: rows follow the model, sorting, filtering, selection.
#include <gtest/gtest.h>

#include <QDeadlineTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include "gui_test_data.hpp"
#include "ui/results_panel.hpp"
#include "ui/results_table_model.hpp"
#include "ui/study_results.hpp"

Q_DECLARE_METATYPE(std::vector<double>)

namespace rps {
namespace {

TEST(ResultsTableModel, ColumnsFollowTheLayoutSpace) {
    StudyResults results;
    ResultsTableModel model(&results);
    EXPECT_EQ(model.rowCount(), 0);
    test::fill_synthetic(results, 30);
    EXPECT_EQ(model.rowCount(), 30);
    // task, method, kind, objective, 12 parameters, worker, start, duration, status
    EXPECT_EQ(model.columnCount(), 4 + 12 + 4);
    EXPECT_EQ(model.headerData(ResultsTableModel::ObjectiveColumn, Qt::Horizontal).toString(),
              QStringLiteral("P5 RSS [dBm]"));
    EXPECT_EQ(model.headerData(model.parameterColumn(0), Qt::Horizontal).toString(),
              QStringLiteral("ap0.x_m"));
    EXPECT_EQ(model.headerData(model.parameterColumn(8), Qt::Horizontal).toString(),
              QStringLiteral("reflector.u"));
    EXPECT_EQ(model.data(model.index(1, ResultsTableModel::MethodColumn)).toString(),
              QStringLiteral("gd"));
    EXPECT_EQ(model.data(model.index(3, model.workerColumn())).toString(), QStringLiteral("1"));
    // A task reads "gd #4" (core/study/task_id.hpp), not 1099511627780; its tooltip and the
    // sort role keep the raw id, which `rps show --json` and `rps compare --json` print.
    const QModelIndex task = model.index(4, ResultsTableModel::TaskColumn);
    EXPECT_EQ(model.data(task).toString(), QStringLiteral("gd #4"));
    EXPECT_EQ(model.data(task, Qt::ToolTipRole).toString(),
              QStringLiteral("Task id 1099511627780"));
    EXPECT_EQ(model.data(task, ResultsTableModel::SortRole).value<quint64>(), 1099511627780u);
    EXPECT_EQ(model.data(task, ResultsTableModel::TaskIdRole).value<quint64>(), 1099511627780u);
    const double objective = results.task(5).objective;
    EXPECT_DOUBLE_EQ(
        model.data(model.index(5, ResultsTableModel::ObjectiveColumn), ResultsTableModel::SortRole)
            .toDouble(),
        objective);
    EXPECT_EQ(model.data(model.index(5, ResultsTableModel::ObjectiveColumn)).toString(),
              QString::number(objective, 'f', 2));
    results.clear();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(model.columnCount(), 4 + 4);
}

TEST(ResultsPanel, SortsFiltersAndSelects) {
    qRegisterMetaType<std::vector<double>>();
    StudyResults results;
    ResultsPanel panel(&results);
    panel.resize(900, 500);
    panel.show();
    test::fill_synthetic(results, 30);
    QSortFilterProxyModel* proxy = panel.proxy();
    EXPECT_EQ(proxy->rowCount(), 30);

    // Sort by objective, descending: the best first.
    panel.view()->sortByColumn(ResultsTableModel::ObjectiveColumn, Qt::DescendingOrder);
    double previous = 1e9;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        const double v = proxy
                             ->data(proxy->index(r, ResultsTableModel::ObjectiveColumn),
                                    ResultsTableModel::SortRole)
                             .toDouble();
        EXPECT_LE(v, previous);
        previous = v;
    }
    const quint64 top =
        proxy->data(proxy->index(0, 0), ResultsTableModel::TaskIdRole).value<quint64>();
    EXPECT_EQ(top, results.bestTaskId());

    // Filter on the method column.
    panel.setFilterColumn(ResultsTableModel::MethodColumn);
    panel.setFilterText(QStringLiteral("gd"));
    EXPECT_EQ(proxy->rowCount(), 10);
    for (int r = 0; r < proxy->rowCount(); ++r)
        EXPECT_EQ(proxy->data(proxy->index(r, ResultsTableModel::MethodColumn)).toString(),
                  QStringLiteral("gd"));
    // New rows that match appear while filtered.
    TaskRow row;
    row.task_id = 9999;
    row.method = QStringLiteral("gd");
    row.kind = QStringLiteral("gd");
    row.objective = -70;
    row.best_x = test::synthetic_x(3);
    row.worker_id = 0;
    results.addTask(row);
    EXPECT_EQ(proxy->rowCount(), 11);
    panel.setFilterText(QString());
    panel.setFilterColumn(-1);
    EXPECT_EQ(proxy->rowCount(), 31);
    panel.setFilterText(QStringLiteral("EVALUATE"));  // case-insensitive, any column
    EXPECT_EQ(proxy->rowCount(), 20);
    panel.setFilterText(QString());
    // The filter's clear button fades out: Qt 5's QLineEdit starts a parentless 160 ms
    // QPropertyAnimation that deletes itself when it stops, in the event loop, and hides the
    // button. Let it finish, else it outlives the panel and LeakSanitizer reports it at exit (Qt 6
    // gives it a parent).
    auto* clear = panel.findChild<QLineEdit*>()->findChild<QToolButton*>();
    ASSERT_NE(clear, nullptr);
    for (QDeadlineTimer fade(5000); clear->isVisible() && !fade.hasExpired();) QTest::qWait(20);
    EXPECT_FALSE(clear->isVisible());
    QTest::qWait(0);  // its deleteLater()

    // Selecting a row asks for its layout.
    QSignalSpy selected(&panel, &ResultsPanel::layoutSelected);
    panel.selectViewRow(0);  // the best after sorting: task 9999
    ASSERT_EQ(selected.count(), 1);
    EXPECT_EQ(selected.at(0).at(1).value<quint64>(), 9999u);
    EXPECT_EQ(selected.at(0).at(0).value<std::vector<double>>(), test::synthetic_x(3));

    // Compare: 2-4 rows.
    QSignalSpy compare(&panel, &ResultsPanel::compareRequested);
    auto* button = panel.findChild<QPushButton*>();
    ASSERT_NE(button, nullptr);
    panel.selectViewRows({0, 1, 2});
    EXPECT_EQ(panel.selectedTaskIds().size(), 3);
    EXPECT_TRUE(button->isEnabled());
    button->click();
    ASSERT_EQ(compare.count(), 1);
    const auto ids = compare.at(0).at(0).value<QList<quint64>>();
    ASSERT_EQ(ids.size(), 3);
    EXPECT_EQ(ids.front(), 9999u);
    panel.selectViewRows({0, 1, 2, 3, 4});
    EXPECT_FALSE(button->isEnabled());
}

}  // namespace
}  // namespace rps
