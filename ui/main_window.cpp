#include "ui/main_window.hpp"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <iostream>
#include <utility>

#include "core/study/bounds_warnings.hpp"
#include "ui/layout_defaults.hpp"
#include "ui/layout_document.hpp"
#include "ui/map_info_lines.hpp"
#include "ui/map_service.hpp"
#include "ui/plan_view.hpp"
#include "ui/project_results.hpp"
#include "ui/recent_files.hpp"
#include "ui/run_control_panel.hpp"
#include "ui/scene_3d_view.hpp"
#include "ui/store_follower.hpp"
#include "ui/studio_actions.hpp"
#include "ui/study_results.hpp"
#include "ui/study_run_controller.hpp"
#include "ui/study_setup_panel.hpp"

namespace rps {
namespace {

constexpr int kEditDebounceMs = 250;
constexpr int kSettleMs = 150;  // a drag resting this long gets its full-order map

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      actions_(std::make_unique<StudioActions>(this)),
      document_(new LayoutDocument(this)),
      maps_(new MapService(this)),
      results_(new StudyResults(this)),
      plan_(new PlanView(this)),
      edit_timer_(new QTimer(this)),
      settle_timer_(new QTimer(this)),
      bands_(ProjectLoader::defaultBands()) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/rps-studio.svg")));
    setCentralWidget(plan_);
    setDockNestingEnabled(true);
    edit_timer_->setSingleShot(true);
    edit_timer_->setInterval(kEditDebounceMs);
    settle_timer_->setSingleShot(true);
    settle_timer_->setInterval(kSettleMs);
    createDocks();
    createMenus();
    createToolBar();
    createStatusBar();
    connectActions();
    restoreWindowState();
    updateTitle();
    updateRunActions();
}

MainWindow::~MainWindow() {
    document_->undoStack()->disconnect();
    load_watcher_.waitForFinished();
    rebuild_watcher_.waitForFinished();
}

bool MainWindow::confirmDiscardStudyEdits() {
    if (!isWindowModified() || quiet_errors_) return true;  // automation never asks
    const auto answer = QMessageBox::question(
        this, tr("Unsaved study"),
        tr("The study set-up has changes that are not saved. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Discard) return true;
    if (answer != QMessageBox::Save) return false;  // Cancel, or the box closed otherwise
    setup_->saveStudy();
    return !isWindowModified();  // false when the save was cancelled or failed
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!confirmDiscardStudyEdits()) {
        event->ignore();
        return;
    }
    if (run_->running()) {
        if (!quiet_errors_ &&
            QMessageBox::question(this, tr("Study running"),
                                  tr("A study is running. Cancel it and quit? Its file keeps "
                                     "every finished task; you can resume it later.")) !=
                QMessageBox::Yes) {
            event->ignore();
            return;
        }
        run_->cancel();
        run_->runner()->wait();
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState(kStateVersion));
    event->accept();
}

// --- files ---------------------------------------------------------------------------------------

bool MainWindow::loading() const { return load_watcher_.isRunning(); }

void MainWindow::openFile(const QString& path) {
    if (run_->running()) {
        showError(tr("Study running"), tr("Cancel the running study before opening another file."));
        return;
    }
    if (load_watcher_.isRunning()) return;
    if (!confirmDiscardStudyEdits()) return;
    startLoading(path, {});
}

void MainWindow::openStoreWithScene(const QString& path, const QString& scene_path) {
    if (run_->running() || load_watcher_.isRunning()) return;
    startLoading(path, scene_path);
}

void MainWindow::startLoading(const QString& path, const QString& scene_path) {
    statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    QApplication::setOverrideCursor(Qt::BusyCursor);
    loading_path_ = path;
    load_watcher_.setFuture(QtConcurrent::run(&ProjectLoader::load, path, bands_, scene_path));
}

bool MainWindow::locateSceneOf(const QString& path, const QString& error) {
    if (quiet_errors_) return false;  // automation: no question to answer
    const auto answer = QMessageBox::question(
        this, tr("Scene not found"),
        tr("%1\n\nThe study file's scene is not where it was when the study ran. Locate the "
           "scene file?")
            .arg(error),
        QMessageBox::Open | QMessageBox::Cancel, QMessageBox::Open);
    if (answer != QMessageBox::Open) return false;
    const QString scene = QFileDialog::getOpenFileName(
        this, tr("Scene of %1").arg(QFileInfo(path).fileName()), QFileInfo(path).absolutePath(),
        tr("Scenes (*.xml);;All files (*)"));
    if (scene.isEmpty()) return false;
    startLoading(path, scene);
    return true;
}

void MainWindow::onLoaded() {
    QApplication::restoreOverrideCursor();
    const LoadOutcome outcome = load_watcher_.result();
    // Located, the file opens again (a resume waiting for it still waits).
    if (!outcome.project && outcome.scene_not_found && locateSceneOf(loading_path_, outcome.error))
        return;
    const QString resume = std::exchange(pending_resume_, QString());
    if (!outcome.project) {
        statusBar()->showMessage(tr("Could not open the file."), 8000);
        showError(tr("Cannot open file"), outcome.error);
        Q_EMIT loadFailed(outcome.error);
        return;
    }
    recent_->add(outcome.project->path);
    applyProject(outcome.project, true);
    for (const std::string& warning : outcome.project->scene->warnings)
        run_panel_->appendLog(tr("scene warning: %1").arg(QString::fromStdString(warning)));
    // As rps run warns (a study JSON that left out its bounds gets the office example's).
    for (const std::string& warning :
         bounds_warnings(outcome.project->spec, *outcome.project->scene))
        run_panel_->appendLog(tr("study warning: %1").arg(QString::fromStdString(warning)));
    statusBar()->showMessage(tr("Opened %1: %2 faces, %3 × %4 cells of %5 m")
                                 .arg(QFileInfo(outcome.project->path).fileName())
                                 .arg(outcome.project->scene->triangles.size())
                                 .arg(outcome.project->evaluator->grid().cells_x)
                                 .arg(outcome.project->evaluator->grid().cells_y)
                                 .arg(outcome.project->evaluator->grid().cell_m),
                             8000);
    Q_EMIT projectLoaded();
    if (!resume.isEmpty() && outcome.project->kind == LoadedProject::Kind::Store)
        resumeStudy(resume);
}

void MainWindow::applyProject(std::shared_ptr<LoadedProject> p, bool fresh) {
    const bool scene_changed = !project_ || project_->scene != p->scene;
    const bool structure_changed =
        !project_ || project_->spec.ap_count != p->spec.ap_count ||
        project_->spec.reflector.has_value() != p->spec.reflector.has_value();
    project_ = std::move(p);
    const LoadedProject& project = *project_;
    if (scene_changed) {
        plan_->setScene(project.scene, project.outline);
        view3d_->setScene(project.scene, project.spec);
    }
    plan_->setStudy(project.spec);
    view3d_->setStudy(project.spec);
    maps_->setEvaluators(project.evaluator, project.preview);
    run_->setEvaluator(project.evaluator);
    shown_.reset();
    last_requested_.reset();
    if (fresh) {
        setup_->setStudy(project.study_json, project.spec);
        setWindowModified(false);  // a file just opened has no edits
        setup_->setStudyPath(project.kind == LoadedProject::Kind::Study ? project.path : QString());
        const Layout initial = loadProjectResults(*results_, project);
        if (project.stored) {
            run_panel_->setStorePath(project.path);
            run_panel_->showStudyFile(project.stored->finished,
                                      static_cast<int>(project.stored->tasks.size()));
        }
        unfinished_store_ = project.stored && !project.stored->finished ? project.path : QString();
        followIfBeingWritten(project);
        document_->reset(initial);
    } else {
        const Layout layout =
            conformLayout(document_->layout(), project.spec, project.evaluator->fullEvaluator());
        structure_changed ? document_->reset(layout) : document_->setLayout(layout);
    }
    updateTitle();
    updateRunActions();
}

void MainWindow::onStudyEdited() {
    if (!project_) return;
    if (rebuild_watcher_.isRunning()) {
        edit_timer_->start();
        return;
    }
    rebuild_watcher_.setFuture(
        QtConcurrent::run(&ProjectLoader::rebuild, *project_, pending_study_, bands_));
}

void MainWindow::onRebuilt() {
    const LoadOutcome outcome = rebuild_watcher_.result();
    if (!outcome.project) {
        setup_->setValidationError(outcome.error);
        actions_->start->setEnabled(false);
        return;
    }
    setup_->setValidationError({});
    setup_->updateEstimate(outcome.project->spec);
    applyProject(outcome.project, false);
}

// --- layout and maps
// ---------------------------------------------------------------------------------

void MainWindow::onLayoutChanged() {
    const Layout& layout = document_->layout();
    plan_->setLayout(layout);
    view3d_->setLayout(layout);
    requestMap(layout, false);
}

void MainWindow::requestMap(const Layout& layout, bool interactive) {
    if (!maps_->hasEvaluator()) return;
    const bool preview = interactive && maps_->previewing();
    if (!preview && last_requested_ && sameLayout(*last_requested_, layout)) return;
    if (preview) {
        last_requested_.reset();  // the full map of this layout is still to come
        settle_timer_->start();
    } else {
        last_requested_ = layout;
    }
    maps_->request(layout, interactive);
}

void MainWindow::onLayoutEdited(int kind, int ap_index, const Layout& before, const Layout& after) {
    document_->edit(static_cast<LayoutEdit>(kind), ap_index, before, after);
}

void MainWindow::onMapReady(const MapResult& r) {
    if (!project_) return;
    if (!r.evaluation.valid) {
        if (!shown_ || r.serial >= shown_->serial)
            plan_->setInfoLines(mapInfoLines(project_->spec.objective, r.evaluation));
        return;
    }
    const bool newer = !shown_ || r.serial > shown_->serial ||
                       (r.serial == shown_->serial && shown_->preview && !r.preview);
    if (!newer) return;
    shown_ = r;
    const MeasurementGrid& grid = project_->evaluator->grid();
    const QString note =
        r.preview
            ? tr("Preview (reflection order %1); the full map follows.").arg(r.reflection_order)
            : QString();
    painted_request_ns_ = r.requested_ns;
    last_compute_ms_ = r.compute_ms;
    plan_->setMap(grid, r.evaluation.combined_power_w, note);
    if (refit_colours_ && !r.preview) {
        refit_colours_ = false;
        plan_->fitColorScale();
    }
    const QStringList lines = mapInfoLines(project_->spec.objective, r.evaluation);
    plan_->setInfoLines(lines);
    objective_label_->setText(lines.front());
    if (!r.preview) view3d_->setHeatmap(grid, plan_->colorScale().image(grid, plan_->mapDbm()));
}

void MainWindow::onMapPainted() {
    if (painted_request_ns_ < 0 || !shown_) return;
    last_latency_ms_ = static_cast<double>(maps_->nowNs() - painted_request_ns_) / 1e6;
    painted_request_ns_ = -1;
    recent_latencies_ms_.push_back(last_latency_ms_);
    if (recent_latencies_ms_.size() > 30) recent_latencies_ms_.erase(recent_latencies_ms_.begin());
    std::vector<double> sorted = recent_latencies_ms_;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    map_time_label_->setText(tr("Map on screen %1 ms (median %2 ms), computed in %3 ms, order %4")
                                 .arg(last_latency_ms_, 0, 'f', 0)
                                 .arg(sorted[sorted.size() / 2], 0, 'f', 0)
                                 .arg(last_compute_ms_, 0, 'f', 0)
                                 .arg(shown_->reflection_order));
    Q_EMIT mapShown(last_latency_ms_);
}

void MainWindow::onResultSelected(const std::vector<double>& x) {
    if (!project_) return;
    const LayoutSpace& space = project_->evaluator->fullEvaluator().space();
    if (x.size() != space.dim()) return;
    actions_->follow_best->setChecked(false);
    document_->edit(LayoutEdit::ApplyLayout, -1, document_->layout(), space.decode(x));
}

void MainWindow::showBestLayout() {
    if (!project_ || !results_->hasBest()) {
        statusBar()->showMessage(tr("No best layout yet: run a study or open a result file."),
                                 5000);
        return;
    }
    onResultSelected(results_->bestX());
}

void MainWindow::onBestMapReady(const MapResult& result) {
    if (actions_->follow_best->isChecked() && !plan_->dragging() && run_->running()) {
        refit_colours_ = true;
        document_->setLayout(result.layout);
    }
}

// --- runs
// ----------------------------------------------------------------------------------------------

bool MainWindow::startStudy() {
    if (!project_) {
        showError(tr("No study"), tr("Open a scene or a study first."));
        return false;
    }
    if (edit_timer_->isActive() || rebuild_watcher_.isRunning()) {  // apply the last edit first
        edit_timer_->stop();
        rebuild_watcher_.waitForFinished();
        const LoadOutcome outcome = ProjectLoader::rebuild(*project_, pending_study_, bands_);
        if (!outcome.project) {
            setup_->setValidationError(outcome.error);
            showError(tr("Invalid study"), outcome.error);
            return false;
        }
        applyProject(outcome.project, false);
    }
    // An unfinished study file, as opened: Start finishes it rather than beginning again in a
    // new file (its edits made, the set-up is another study).
    if (!unfinished_store_.isEmpty() && !isWindowModified()) {
        switch (askResumeOrRestart()) {
            case StartChoice::Resume:
                resumeStudy(unfinished_store_);
                return run_->running();
            case StartChoice::Cancel:
                return false;
            case StartChoice::New:
                break;
        }
    }
    QString error;
    follower_->stop();  // a new study in a new file: the results on screen become its own
    if (!run_->start(project_->spec, &error)) {
        showError(tr("Cannot start the study"), error);
        return false;
    }
    unfinished_store_.clear();
    dock_run_->raise();
    dock_plots_->raise();
    updateRunActions();
    return true;
}

void MainWindow::resumeFromStoreDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Resume study"), run_->storeDirectory(), tr("Study result (*.h5)"));
    if (!path.isEmpty()) resumeStudy(path);
}

void MainWindow::resumeStudy(const QString& store_path) {
    if (!project_ || QFileInfo(project_->path) != QFileInfo(store_path)) {
        pending_resume_ = store_path;  // open it first: its scene and grid give the best maps
        openFile(store_path);
        return;
    }
    QString error;
    follower_->stop();
    if (!run_->resumeFrom(store_path, &error))
        showError(tr("Cannot resume the study"), error);
    else
        unfinished_store_.clear();
    dock_run_->raise();
    updateRunActions();
}

MainWindow::StartChoice MainWindow::askResumeOrRestart() {
    if (quiet_errors_) return StartChoice::Resume;  // automation (--run): finish the file
    QMessageBox box(QMessageBox::Question, tr("Unfinished study"),
                    tr("%1 is an unfinished study file. Resume it, or start the study again in "
                       "a new file?")
                        .arg(QFileInfo(unfinished_store_).fileName()),
                    QMessageBox::Cancel, this);
    QPushButton* resume = box.addButton(tr("&Resume"), QMessageBox::AcceptRole);
    QPushButton* fresh = box.addButton(tr("Start &New"), QMessageBox::DestructiveRole);
    box.setDefaultButton(resume);
    box.exec();
    if (box.clickedButton() == resume) return StartChoice::Resume;
    if (box.clickedButton() == fresh) return StartChoice::New;
    return StartChoice::Cancel;
}

void MainWindow::onRunFinished(bool ok, const QString& message) {
    QSignalBlocker block(actions_->pause);
    actions_->pause->setChecked(false);
    updateRunActions();
    // A resume refused before it ran (its file written by another process) had cleared the
    // results on screen: the file's rows come back.
    if (!ok && results_->taskCount() == 0 && project_ && project_->stored) reloadStoredResults();
    if (!ok && !message.isEmpty()) showError(tr("Study failed"), message);
    if (ok && results_->hasBest()) {
        refit_colours_ = true;
        showBestLayout();
    }
    Q_EMIT studyFinished(ok);
}

void MainWindow::followIfBeingWritten(const LoadedProject& project) {
    follower_->stop();
    if (!project.stored || project.stored->finished ||
        !StudyStore::being_written(project.path.toStdString()))
        return;
    unfinished_store_.clear();  // its writer is finishing it: nothing to resume
    follower_->follow(project.path, project.stored->tasks.size(), project.stored->maps.size());
    run_panel_->showFollowing(static_cast<int>(project.stored->tasks.size()));
    run_panel_->appendLog(tr("%1 is being written by another process: following it live.")
                              .arg(QFileInfo(project.path).fileName()));
}

void MainWindow::reloadStoredResults() {
    try {
        auto project = std::make_shared<LoadedProject>(*project_);
        project->stored =
            std::make_shared<StoredStudy>(StudyStore::read(project_->path.toStdString()));
        loadProjectResults(*results_, *project);
        project_ = std::move(project);
    } catch (const std::exception&) {
        loadProjectResults(*results_, *project_);  // what was shown before
    }
}

void MainWindow::updateRunActions() {
    const bool running = run_->running();
    actions_->start->setEnabled(project_ && !running);
    actions_->pause->setEnabled(running);
    actions_->cancel->setEnabled(running);
    actions_->resume_store->setEnabled(!running);
}

// --- misc
// ---------------------------------------------------------------------------------------------

void MainWindow::showError(const QString& title, const QString& text) {
    if (quiet_errors_) {
        std::cerr << title.toStdString() << ": " << text.toStdString() << "\n";
        return;
    }
    QMessageBox::critical(this, title, text);
}

void MainWindow::updateTitle() {
    const QString app = tr("Reflector Placement Studio");
    setWindowTitle(
        project_
            ? QStringLiteral("%1[*] — %2").arg(QString::fromStdString(project_->spec.name), app)
            : app);
}

}  // namespace rps
