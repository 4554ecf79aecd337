// The main window's comparison of finished tasks: their layouts evaluated again, side by side
// (main_window.hpp, compare_dialog.hpp).
#include <QApplication>
#include <QStatusBar>
#include <algorithm>
#include <cmath>
#include <future>

#include "core/study/layout.hpp"
#include "ui/compare_dialog.hpp"
#include "ui/main_window.hpp"
#include "ui/results_panel.hpp"
#include "ui/study_results.hpp"

namespace rps {

CompareDialog* MainWindow::compareTasks(const QList<quint64>& task_ids) {
    if (!project_) return nullptr;
    const LayoutSpace& space = project_->evaluator->fullEvaluator().space();
    struct Job {
        quint64 id;
        Layout layout;
        double objective;
    };
    std::vector<Job> jobs;
    for (quint64 id : task_ids) {
        const int row = results_->rowOfTask(id);
        if (row < 0 || results_->task(row).best_x.size() != space.dim()) continue;
        jobs.push_back(
            {id, space.decode(results_->task(row).best_x), results_->task(row).objective});
    }
    if (jobs.size() < 2) {
        statusBar()->showMessage(tr("Pick 2 to 4 finished tasks to compare."), 5000);
        return nullptr;
    }
    const auto evaluator = project_->evaluator;
    QApplication::setOverrideCursor(Qt::BusyCursor);
    std::vector<std::future<LayoutEvaluation>> futures;
    for (const Job& job : jobs)
        futures.push_back(std::async(
            std::launch::async, [evaluator, &job] { return evaluator->evaluate(job.layout); }));
    std::vector<LayoutEvaluation> evaluations;
    QString failure;
    for (auto& f : futures) {
        try {
            evaluations.push_back(f.get());
        } catch (const std::exception& error) {
            failure = QString::fromUtf8(error.what());
            evaluations.emplace_back();
        }
    }
    QApplication::restoreOverrideCursor();
    if (!failure.isEmpty()) {
        showError(tr("Cannot compare"), failure);
        return nullptr;
    }
    std::vector<CompareEntry> entries;
    for (size_t i = 0; i < jobs.size(); ++i) {
        const QString title = tr("Task %1 (%2 %3)")
                                  .arg(results_->taskLabel(jobs[i].id))
                                  .arg(jobs[i].objective, 0, 'f', 2)
                                  .arg(results_->objectiveUnit());
        const nlohmann::json layout = layout_to_json(jobs[i].layout);
        entries.push_back({title, layout, evaluations[i].combined_power_w});
        results_->setTaskMap(jobs[i].id, entries.back().power_w, layout, title);
    }
    auto* dialog = new CompareDialog(project_->evaluator->grid(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCoverageThreshold(project_->spec.objective.coverage_threshold_dbm);
    dialog->setSoftminTemperature(project_->spec.objective.softmin_temperature);
    dialog->setMapUnit(results_->mapUnit());
    dialog->setReflector(project_->spec.reflector);
    dialog->setEntries(std::move(entries));
    dialog->show();
    return dialog;
}

void MainWindow::openCompare() {
    QList<quint64> ids = results_panel_->selectedTaskIds();
    if (ids.size() < 2) {
        std::vector<const TaskRow*> rows;
        for (const TaskRow& row : results_->tasks())
            if (row.status == QLatin1String("ok") && std::isfinite(row.objective) &&
                !row.best_x.empty())
                rows.push_back(&row);
        std::sort(rows.begin(), rows.end(), [](const TaskRow* a, const TaskRow* b) {
            return a->objective > b->objective ||
                   (a->objective == b->objective && a->task_id < b->task_id);
        });
        ids.clear();
        for (const TaskRow* row : rows) {
            const bool duplicate = std::any_of(ids.begin(), ids.end(), [&](quint64 id) {
                return results_->task(results_->rowOfTask(id)).best_x == row->best_x;
            });
            if (!duplicate) ids << row->task_id;
            if (ids.size() == 4) break;
        }
    }
    compareTasks(ids);
}

}  // namespace rps
