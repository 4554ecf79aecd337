// The main window's exports: the report, the best configuration, the plan image, plots and
// screenshots, each through a file dialog or from automation (main_window.hpp).
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QPainter>
#include <QStatusBar>

#include "core/study/best_config_export.hpp"
#include "core/study/task_executor.hpp"
#include "ui/export_file.hpp"
#include "ui/layout_document.hpp"
#include "ui/live_plots_panel.hpp"
#include "ui/main_window.hpp"
#include "ui/plan_view.hpp"
#include "ui/report_exporter.hpp"
#include "ui/scene_3d_view.hpp"
#include "ui/study_results.hpp"

namespace rps {

bool MainWindow::exportReport(const QString& path, bool pdf, QString* error) {
    ReportExporter exporter(results_);
    exporter.setScenePicture(plan_->grab().toImage());
    exporter.setPlotsPanel(plots_);
    // The study's name: buildHtml() adds "Study report:" itself (it was there twice).
    if (project_) exporter.setTitle(QString::fromStdString(project_->spec.name));
    return pdf ? exporter.exportPdf(path, error) : exporter.exportHtml(path, error);
}

bool MainWindow::exportBestConfiguration(const QString& dir, QString* error) {
    if (!project_) {
        if (error) *error = tr("Nothing is open.");
        return false;
    }
    const LayoutSpace& space = project_->evaluator->fullEvaluator().space();
    const bool best = results_->hasBest() && results_->bestX().size() == space.dim();
    const Layout layout = best ? space.decode(results_->bestX()) : document_->layout();
    try {
        const LayoutEvaluation evaluation = project_->evaluator->evaluate(layout);
        const bool valid = evaluation.valid;
        export_best_configuration(
            {.spec = project_->spec,
             .scene = project_->scene.get(),
             .layout = layout,
             .x = best ? nlohmann::json(results_->bestX()) : nlohmann::json(),
             .objective = valid ? nlohmann::json(evaluation.objective) : nlohmann::json(),
             .metrics = valid ? metrics_to_json(evaluation.metrics) : nlohmann::json(),
             .plate = valid && layout.reflector ? std::optional(evaluation.plate) : std::nullopt,
             .study_file = results_->storeFile().toStdString(),
             .finished = results_->finished(),
             .maps = nullptr},  // the studio writes no map images
            dir.toStdString());
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
}

void MainWindow::exportWithDialog(const QString& title, const QString& filter,
                                  const QString& suffix,
                                  const std::function<bool(const QString&, QString*)>& write) {
    const QString base =
        project_ ? QString::fromStdString(project_->spec.name) : QStringLiteral("study");
    QString path =
        QFileDialog::getSaveFileName(this, title, base + QLatin1Char('.') + suffix, filter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QLatin1Char('.') + suffix;
    writeExport(path, write);
}

void MainWindow::writeExport(const QString& path,
                             const std::function<bool(const QString&, QString*)>& write) {
    QString error;
    if (write(path, &error))
        statusBar()->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), 6000);
    else
        showError(tr("Export failed"), error.isEmpty() ? tr("Cannot write %1").arg(path) : error);
}

QImage MainWindow::snapshot() {
    QImage image = grab().toImage();
    if (view3d_->initialised() && view3d_->isVisible()) {
        // The Qt3D window is a native GL surface that QWidget::grab() cannot see: paint its
        // frame (read back from the window system) over its place.
        const QImage frame = view3d_->renderedImage();
        if (!frame.isNull()) {
            QPainter painter(&image);
            painter.drawImage(
                QRectF(QPointF(view3d_->mapTo(this, QPoint(0, 0))), QSizeF(view3d_->size())),
                frame);
        }
    }
    return image;
}

bool MainWindow::saveScreenshot(const QString& path, QString* error) {
    return writeImageFile(path, snapshot(), error);
}

bool MainWindow::exportPlanImage(const QString& path, QString* error) {
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) != 0)
        return writeImageFile(path, plan_->grab().toImage(), error);
    return writeSvgFile(
        path, plan_->size(), windowTitle(), tr("Scene plan"),
        [this](QPaintDevice& svg) {
            plan_->render(&svg);
            return true;
        },
        error);
}

void MainWindow::saveScreenshotDialog() {
    exportWithDialog(tr("Save screenshot"), tr("PNG image (*.png)"), QStringLiteral("png"),
                     [this](const QString& p, QString* e) { return saveScreenshot(p, e); });
}

}  // namespace rps
