// The main window's docks, menus, tool bar, status bar and their connections, and its saved
// window state (main_window.hpp).
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <algorithm>
#include <utility>

#include "ui/layout_defaults.hpp"
#include "ui/layout_document.hpp"
#include "ui/live_plots_panel.hpp"
#include "ui/main_window.hpp"
#include "ui/map_service.hpp"
#include "ui/plan_view.hpp"
#include "ui/recent_files.hpp"
#include "ui/results_panel.hpp"
#include "ui/run_control_panel.hpp"
#include "ui/scene_3d_view.hpp"
#include "ui/store_follower.hpp"
#include "ui/studio_actions.hpp"
#include "ui/study_results.hpp"
#include "ui/study_run_controller.hpp"
#include "ui/study_setup_panel.hpp"

namespace rps {

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
    follower_ = new StoreFollower(this);
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
    for (QAction* e :
         {a.export_pdf, a.export_html, a.export_best_config, a.export_plan_image, a.export_plot})
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
    connect(follower_, &StoreFollower::updated, this,
            [this](const std::shared_ptr<const StoredStudy>& study, std::size_t first_task,
                   std::size_t first_map) {
                results_->appendFromStore(*study, first_task, first_map);
                run_panel_->showFollowing(static_cast<int>(study->tasks.size()));
            });
    connect(follower_, &StoreFollower::ended, this, [this](bool finished, const QString& message) {
        run_panel_->showStudyFile(finished, results_->taskCount());
        run_panel_->appendLog(message);
        statusBar()->showMessage(message, 8000);
        if (!finished && project_ && project_->stored) unfinished_store_ = follower_->path();
        Q_EMIT followEnded(finished);
    });
    connect(setup_, &StudySetupPanel::computeTargetChanged, this,
            [this] { run_->setComputeTarget(setup_->computeTarget()); });
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

}  // namespace rps
