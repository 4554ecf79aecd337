#include "ui/main_window.hpp"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>
#include <future>
#include <iostream>
#include <utility>

#include "core/study/best_config_export.hpp"
#include "core/study/bounds_warnings.hpp"
#include "core/study/task_executor.hpp"
#include "ui/compare_dialog.hpp"
#include "ui/export_file.hpp"
#include "ui/layout_defaults.hpp"
#include "ui/layout_document.hpp"
#include "ui/live_plots_panel.hpp"
#include "ui/map_info_lines.hpp"
#include "ui/map_service.hpp"
#include "ui/plan_view.hpp"
#include "ui/project_results.hpp"
#include "ui/recent_files.hpp"
#include "ui/report_exporter.hpp"
#include "ui/results_panel.hpp"
#include "ui/run_control_panel.hpp"
#include "ui/scene_3d_view.hpp"
#include "ui/studio_actions.hpp"
#include "ui/study_results.hpp"
#include "ui/study_run_controller.hpp"
#include "ui/study_setup_panel.hpp"

namespace rps {
namespace {

constexpr int kStateVersion = 3;
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

// --- construction --------------------------------------------------------------------------------

void MainWindow::createDocks() {
    auto dock = [this](QWidget* widget, const QString& title, const QString& name,
                       Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        addDockWidget(area, d);
        return d;
    };
    setup_ = new StudySetupPanel(this);
    run_panel_ = new RunControlPanel(actions_->start, actions_->pause, actions_->cancel,
                                     actions_->resume_store, this);
    run_ = new StudyRunController(results_, run_panel_, this);
    plots_ = new LivePlotsPanel(results_, this);
    results_panel_ = new ResultsPanel(results_, this);
    view3d_ = new Scene3DView(this);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    dock_setup_ =
        dock(setup_, tr("Study Set-up"), QStringLiteral("dock.setup"), Qt::LeftDockWidgetArea);
    dock_run_ =
        dock(run_panel_, tr("Run Control"), QStringLiteral("dock.run"), Qt::LeftDockWidgetArea);
    dock_plots_ =
        dock(plots_, tr("Live Plots"), QStringLiteral("dock.plots"), Qt::RightDockWidgetArea);
    dock_3d_ = dock(view3d_, tr("3D View"), QStringLiteral("dock.3d"), Qt::RightDockWidgetArea);
    dock_results_ = dock(results_panel_, tr("Results"), QStringLiteral("dock.results"),
                         Qt::BottomDockWidgetArea);
    tabifyDockWidget(dock_setup_, dock_run_);
    tabifyDockWidget(dock_plots_, dock_3d_);
    dock_setup_->raise();
    dock_plots_->raise();
    resizeDocks({dock_setup_, dock_plots_}, {350, 470}, Qt::Horizontal);
    resizeDocks({dock_results_}, {210}, Qt::Vertical);
}

void MainWindow::createMenus() {
    StudioActions& a = *actions_;
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(a.open);
    recent_ = new RecentFiles(file->addMenu(tr("Open &Recent")), this);
    file->addAction(a.save_study);
    file->addAction(a.save_study_as);
    file->addSeparator();
    QMenu* exports = file->addMenu(tr("&Export"));
    for (QAction* e : {a.export_pdf, a.export_html, a.export_best_config, a.export_plan_image,
                       a.export_plot})
        exports->addAction(e);
    file->addAction(a.screenshot);
    file->addSeparator();
    file->addAction(a.quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(a.undo);
    edit->addAction(a.redo);
    edit->addSeparator();
    edit->addAction(a.reset_layout);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QAction* v : {a.fit_plan, a.zoom_in, a.zoom_out, a.rescale_colours, a.smooth_map,
                       a.show_legend, a.drag_preview, a.follow_best, a.reset_3d_camera})
        view->addAction(v);
    view->addSeparator();
    for (QDockWidget* d : {dock_setup_, dock_run_, dock_plots_, dock_3d_, dock_results_})
        view->addAction(d->toggleViewAction());
    view->addAction(a.reset_window);
    view->addSeparator();
    QMenu* language = view->addMenu(tr("&Language"));
    auto* group = new QActionGroup(language);
    const QString current = QSettings().value(QStringLiteral("language")).toString();
    const std::pair<QString, QString> languages[] = {
        {QString(), tr("System default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("fr"), QStringLiteral("Français")}};
    for (const auto& [code, name] : languages) {
        QAction* l = language->addAction(name);
        l->setCheckable(true);
        l->setChecked(code == current);
        group->addAction(l);
        connect(l, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("language"), code);
            statusBar()->showMessage(tr("The language changes when the studio starts next time."),
                                     6000);
        });
    }

    QMenu* study = menuBar()->addMenu(tr("&Study"));
    for (QAction* s : {a.start, a.pause, a.cancel, a.resume_store}) study->addAction(s);
    study->addSeparator();
    study->addAction(a.compare);
    study->addAction(a.show_best);
    QMenu* presets = study->addMenu(tr("Apply &Preset"));
    for (const QString& id : StudySetupPanel::presetIds())
        presets->addAction(StudySetupPanel::presetTitle(id), this,
                           [this, id] { setup_->applyPreset(id); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(a.shortcuts_help);
    help->addSeparator();
    help->addAction(a.about);
    help->addAction(a.about_qt);
}

void MainWindow::createToolBar() {
    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("toolbar.main"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->setIconSize(QSize(18, 18));
    StudioActions& a = *actions_;
    bar->addAction(a.open);
    bar->addAction(a.save_study);
    bar->addSeparator();
    bar->addAction(a.undo);
    bar->addAction(a.redo);
    bar->addSeparator();
    bar->addAction(a.start);
    bar->addAction(a.pause);
    bar->addAction(a.cancel);
    bar->addSeparator();
    bar->addAction(a.compare);
    bar->addAction(a.export_pdf);
}

void MainWindow::createStatusBar() {
    objective_label_ = new QLabel(this);
    objective_label_->setToolTip(tr("Objective of the layout on the plan"));
    map_time_label_ = new QLabel(this);
    map_time_label_->setToolTip(
        tr("From the edit to the new map on screen, and the time the "
           "map itself took (median over the last edits)"));
    statusBar()->addPermanentWidget(objective_label_);
    statusBar()->addPermanentWidget(map_time_label_);
    statusBar()->showMessage(tr("Ready. Open a scene, a study or a result file (Ctrl+O)."));
}

void MainWindow::connectActions() {
    StudioActions& a = *actions_;
    connect(a.open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open"), QFileInfo(project_ ? project_->path : QString()).path(),
            tr("Scenes, studies and results (*.xml *.json *.h5);;Scene (*.xml);;Study (*.json);;"
               "Study result (*.h5);;All files (*)"));
        if (!path.isEmpty()) openFile(path);
    });
    connect(recent_, &RecentFiles::openRequested, this, &MainWindow::openFile);
    connect(setup_, &StudySetupPanel::openRequested, this, &MainWindow::openFile);
    connect(a.save_study, &QAction::triggered, setup_, &StudySetupPanel::saveStudy);
    connect(a.save_study_as, &QAction::triggered, setup_, &StudySetupPanel::saveStudyAs);
    connect(setup_, &StudySetupPanel::saved, this, [this](const QString& path) {
        recent_->add(path);
        statusBar()->showMessage(tr("Study saved to %1").arg(path), 5000);
    });
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    QUndoStack* undo = document_->undoStack();
    connect(a.undo, &QAction::triggered, undo, &QUndoStack::undo);
    connect(a.redo, &QAction::triggered, undo, &QUndoStack::redo);
    connect(undo, &QUndoStack::canUndoChanged, a.undo, &QAction::setEnabled);
    connect(undo, &QUndoStack::canRedoChanged, a.redo, &QAction::setEnabled);
    connect(undo, &QUndoStack::undoTextChanged, this, [this](const QString& text) {
        actions_->undo->setToolTip(text.isEmpty() ? tr("Undo") : tr("Undo: %1").arg(text));
        actions_->undo->setStatusTip(actions_->undo->toolTip());
    });
    connect(undo, &QUndoStack::redoTextChanged, this, [this](const QString& text) {
        actions_->redo->setToolTip(text.isEmpty() ? tr("Redo") : tr("Redo: %1").arg(text));
        actions_->redo->setStatusTip(actions_->redo->toolTip());
    });
    a.undo->setEnabled(false);
    a.redo->setEnabled(false);
    connect(a.reset_layout, &QAction::triggered, this, [this] {
        if (project_)
            document_->edit(LayoutEdit::ApplyLayout, -1, document_->layout(),
                            defaultLayout(project_->spec, project_->evaluator->fullEvaluator()));
    });
    connect(a.fit_plan, &QAction::triggered, plan_, &PlanView::fitToScene);
    connect(a.zoom_in, &QAction::triggered, this,
            [this] { plan_->zoomBy(1.25, plan_->rect().center()); });
    connect(a.zoom_out, &QAction::triggered, this,
            [this] { plan_->zoomBy(0.8, plan_->rect().center()); });
    connect(a.rescale_colours, &QAction::triggered, plan_, &PlanView::fitColorScale);
    connect(a.smooth_map, &QAction::toggled, plan_, &PlanView::setSmoothMap);
    connect(a.show_legend, &QAction::toggled, plan_, &PlanView::setLegendVisible);
    connect(a.drag_preview, &QAction::toggled, this,
            [this](bool on) { maps_->setPreviewEnabled(on); });
    connect(a.reset_3d_camera, &QAction::triggered, view3d_, &Scene3DView::resetCamera);
    connect(a.reset_window, &QAction::triggered, this, &MainWindow::resetWindowLayout);
    connect(a.start, &QAction::triggered, this, &MainWindow::startStudy);
    connect(a.pause, &QAction::toggled, this,
            [this](bool paused) { paused ? run_->pause() : run_->resume(); });
    connect(a.cancel, &QAction::triggered, run_, &StudyRunController::cancel);
    connect(a.resume_store, &QAction::triggered, this, &MainWindow::resumeFromStoreDialog);
    connect(a.compare, &QAction::triggered, this, &MainWindow::openCompare);
    connect(a.show_best, &QAction::triggered, this, &MainWindow::showBestLayout);
    connect(a.export_pdf, &QAction::triggered, this, [this] {
        exportWithDialog(tr("Export report as PDF"), tr("PDF (*.pdf)"), QStringLiteral("pdf"),
                         [this](const QString& p, QString* e) { return exportReport(p, true, e); });
    });
    connect(a.export_html, &QAction::triggered, this, [this] {
        exportWithDialog(
            tr("Export report as HTML"), tr("HTML (*.html)"), QStringLiteral("html"),
            [this](const QString& p, QString* e) { return exportReport(p, false, e); });
    });
    connect(a.export_best_config, &QAction::triggered, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Export best configuration to a folder"));
        if (!dir.isEmpty())
            writeExport(dir, [this](const QString& d, QString* e) {
                return exportBestConfiguration(d, e);
            });
    });
    connect(a.export_plan_image, &QAction::triggered, this, [this] {
        exportWithDialog(tr("Export plan image"), tr("PNG image (*.png);;SVG drawing (*.svg)"),
                         QStringLiteral("png"),
                         [this](const QString& p, QString* e) { return exportPlanImage(p, e); });
    });
    connect(a.export_plot, &QAction::triggered, this, [this] {
        exportWithDialog(tr("Export plot"), tr("PNG image (*.png);;SVG drawing (*.svg)"),
                         QStringLiteral("png"), [this](const QString& p, QString* e) {
                             return plots_->exportPlot(plots_->currentPlotName(), p, 0, 0, e);
                         });
    });
    connect(a.screenshot, &QAction::triggered, this, &MainWindow::saveScreenshotDialog);
    connect(a.shortcuts_help, &QAction::triggered, this, [this] {
        QMessageBox::information(
            this, tr("Keyboard and mouse"),
            tr("<table cellpadding='3'>"
               "<tr><td><b>Drag an AP</b></td><td>move it; the map follows while you drag</td></tr>"
               "<tr><td><b>Drag an arrow tip</b></td><td>turn the AP (yaw)</td></tr>"
               "<tr><td><b>Shift + wheel on an AP</b></td><td>tilt the AP (downtilt)</td></tr>"
               "<tr><td><b>Drag the plate</b></td><td>slide it along its mount wall</td></tr>"
               "<tr><td><b>Drag the target</b></td><td>move the focal point</td></tr>"
               "<tr><td><b>Wheel / drag empty space</b></td><td>zoom / pan; double-click "
               "fits</td></tr>"
               "<tr><td><b>Ctrl+Z / Ctrl+Shift+Z</b></td><td>undo / redo layout edits</td></tr>"
               "<tr><td><b>F5 / F6 / Shift+F5</b></td><td>start / pause / cancel the "
               "study</td></tr>"
               "<tr><td><b>Ctrl+K</b></td><td>compare the winners</td></tr>"
               "<tr><td><b>Ctrl+E</b></td><td>export the report as PDF</td></tr></table>"));
    });
    connect(a.about, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Reflector Placement Studio"),
            tr("<h3>Reflector Placement Studio %1</h3><p>Indoor Wi-Fi planning: where to put "
               "access points and a passive reflector plate so that the worst-served part of a "
               "floor still gets a good signal.</p><p>Deterministic image-method radio maps on "
               "Embree; studies on a pool of worker processes.</p><p>Licence: MIT.</p>")
                .arg(QStringLiteral(RPS_VERSION)));
    });
    connect(a.about_qt, &QAction::triggered, qApp, &QApplication::aboutQt);

    connect(&load_watcher_, &QFutureWatcher<LoadOutcome>::finished, this, &MainWindow::onLoaded);
    connect(&rebuild_watcher_, &QFutureWatcher<LoadOutcome>::finished, this,
            &MainWindow::onRebuilt);
    connect(setup_, &StudySetupPanel::studyEdited, this, [this](const nlohmann::json& doc) {
        pending_study_ = doc;
        edit_timer_->start();
        setWindowModified(true);
    });
    connect(setup_, &StudySetupPanel::saved, this, [this] { setWindowModified(false); });
    connect(edit_timer_, &QTimer::timeout, this, &MainWindow::onStudyEdited);
    connect(document_, &LayoutDocument::layoutChanged, this, &MainWindow::onLayoutChanged);
    connect(plan_, &PlanView::layoutPreview, this, [this](const Layout& layout) {
        view3d_->setLayout(layout);
        requestMap(layout, true);
    });
    connect(settle_timer_, &QTimer::timeout, this, [this] {
        if (plan_->dragging()) requestMap(plan_->layout(), false);
    });
    connect(plan_, &PlanView::layoutEdited, this, &MainWindow::onLayoutEdited);
    connect(plan_, &PlanView::hoverInfo, this,
            [this](const QString& text) { statusBar()->showMessage(text, 4000); });
    connect(plan_, &PlanView::mapPainted, this, &MainWindow::onMapPainted);
    connect(maps_, &MapService::mapReady, this, &MainWindow::onMapReady);
    connect(run_, &StudyRunController::bestMapReady, this, &MainWindow::onBestMapReady);
    connect(run_, &StudyRunController::statusMessage, this,
            [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(run_, &StudyRunController::started, this, &MainWindow::updateRunActions);
    connect(run_, &StudyRunController::runFinished, this, &MainWindow::onRunFinished);
    connect(results_panel_, &ResultsPanel::layoutSelected, this,
            [this](const std::vector<double>& x, quint64) { onResultSelected(x); });
    connect(results_panel_, &ResultsPanel::compareRequested, this,
            [this](const QList<quint64>& ids) { compareTasks(ids); });
}

void MainWindow::restoreWindowState() {
    default_state_ = saveState(kStateVersion);  // the docks as built: Reset Window Layout
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1600, 1000);
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), kStateVersion))
        sizeDefaultDocks();
    fitToScreen();
}

void MainWindow::sizeDefaultDocks() {
    // Dock sizes apply once the window has its size.
    QTimer::singleShot(0, this, [this] {
        resizeDocks({dock_setup_, dock_plots_}, {385, 440}, Qt::Horizontal);
        resizeDocks({dock_results_}, {200}, Qt::Vertical);
    });
}

// A window saved wider or taller than this screen (a long message once widened a dock, or the
// settings came from a larger monitor) comes back within it.
void MainWindow::fitToScreen() {
    const QScreen* on = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!on) return;
    const QRect available = on->availableGeometry();
    if (width() <= available.width() && height() <= available.height()) return;
    resize(std::min(width(), available.width()), std::min(height(), available.height()));
    move(available.topLeft());
}

void MainWindow::resetWindowLayout() {
    if (isMaximized() || isFullScreen()) showNormal();
    restoreState(default_state_, kStateVersion);
    for (QDockWidget* d : {dock_setup_, dock_run_, dock_plots_, dock_3d_, dock_results_})
        d->setVisible(true);
    resize(1600, 1000);
    fitToScreen();
    sizeDefaultDocks();
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

// --- compare and export
// ---------------------------------------------------------------------------

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
