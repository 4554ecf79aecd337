#pragma once
// The studio's main window (DESIGN §6): the plan view in the centre; docks for the 3D view, the
// study set-up, run control, live plots and the results table (layout remembered in QSettings);
// menus, toolbar and status bar. It wires the panels together and owns the flows that span them:
// opening files (off the UI thread), interactive maps for the layout on the plan, study edits,
// runs, comparisons and exports. Each panel is its own class (STYLE.md: no giant main window).
#include <QFutureWatcher>
#include <QImage>
#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "ui/map_result.hpp"
#include "ui/project_loader.hpp"

class QDockWidget;
class QLabel;
class QTimer;

namespace rps {

class LayoutDocument;
class LivePlotsPanel;
class MapService;
class PlanView;
class RecentFiles;
class ResultsPanel;
class RunControlPanel;
class Scene3DView;
class StoreFollower;
struct StudioActions;
class StudyResults;
class StudyRunController;
class StudySetupPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a scene, study or result file in the background; projectLoaded() or loadFailed()
    // (after an error dialog, unless dialogs are suppressed) tells the outcome.
    void openFile(const QString& path);
    // View > Reset Window Layout: the docks as at the first start, the window within the screen.
    void resetWindowLayout();
    // Opens a study file (.h5) with its scene taken from scene_path (its own is not found).
    void openStoreWithScene(const QString& path, const QString& scene_path);
    // Starts the study on screen; false (after an error dialog) if it cannot start.
    bool startStudy();
    // Continues an interrupted study from its file (opened first when it is not the one shown).
    void resumeStudy(const QString& store_path);
    // The window as it looks, the 3D view included when it is shown.
    QImage snapshot();
    // Automation: errors go to stderr instead of dialogs.
    void setQuietErrors(bool quiet) { quiet_errors_ = quiet; }
    // Whether the study set-up was edited since it was opened or saved (the title shows "*").
    bool hasUnsavedStudyEdits() const { return isWindowModified(); }

    // --- for tests and automation ------------------------------------------------------------
    PlanView* planView() const { return plan_; }
    Scene3DView* view3d() const { return view3d_; }
    MapService* mapService() const { return maps_; }
    LayoutDocument* document() const { return document_; }
    StudyResults* results() const { return results_; }
    StudyRunController* runController() const { return run_; }
    StudySetupPanel* setupPanel() const { return setup_; }
    RunControlPanel* runPanel() const { return run_panel_; }
    LivePlotsPanel* livePlots() const { return plots_; }
    ResultsPanel* resultsPanel() const { return results_panel_; }
    StoreFollower* storeFollower() const { return follower_; }
    const LoadedProject* project() const { return project_.get(); }
    bool loading() const;
    // Last request-to-screen latency of a plan map (ms) and its compute time.
    double lastMapLatencyMs() const { return last_latency_ms_; }
    double lastMapComputeMs() const { return last_compute_ms_; }
    const MapResult* shownMap() const { return shown_ ? &*shown_ : nullptr; }
    // Exports used by the menu (no dialogs; false with a message on failure). Each file is
    // written whole or not at all (ui/export_file.hpp).
    bool exportReport(const QString& path, bool pdf, QString* error = nullptr);
    // The scene plan as a picture (PNG, JPG, ... by the suffix) or as an SVG drawing (.svg).
    bool exportPlanImage(const QString& path, QString* error = nullptr);
    // snapshot() as a picture (PNG, ... by the suffix).
    bool saveScreenshot(const QString& path, QString* error = nullptr);
    // The best configuration as `rps export --best` writes it (core/study/best_config_export.hpp,
    // without the map images) into the folder `dir`.
    bool exportBestConfiguration(const QString& dir, QString* error = nullptr);
    // Opens the comparison of these tasks (2-4); returns the dialog (owned by the window).
    class CompareDialog* compareTasks(const QList<quint64>& task_ids);

Q_SIGNALS:
    void projectLoaded();
    void loadFailed(QString error);
    void studyFinished(bool ok);
    // Following a study file that another process wrote has ended (finished: it is complete).
    void followEnded(bool finished);
    void mapShown(double latency_ms);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    // The version of the dock layout saved in the settings; a layout of another version is not
    // restored.
    static constexpr int kStateVersion = 3;
    void createDocks();
    void createMenus();
    void createToolBar();
    void createStatusBar();
    void connectActions();
    void restoreWindowState();
    void onLoaded();
    void sizeDefaultDocks();
    enum class StartChoice { Resume, New, Cancel };
    StartChoice askResumeOrRestart();
    void reloadStoredResults();
    // A study file opened while another process writes it (a run in a terminal, a cluster job)
    // is followed live: its new tasks appear as they are stored (StoreFollower).
    void followIfBeingWritten(const LoadedProject& project);
    void fitToScreen();
    void startLoading(const QString& path, const QString& scene_path);
    // Asks for the scene of a study file whose own scene is not found; true when one was chosen.
    bool locateSceneOf(const QString& path, const QString& error);
    void applyProject(std::shared_ptr<LoadedProject> project, bool fresh);
    void onRebuilt();
    void onStudyEdited();
    void onLayoutChanged();
    void requestMap(const Layout& layout, bool interactive);
    void onMapReady(const MapResult& result);
    void onMapPainted();
    void onLayoutEdited(int kind, int ap_index, const Layout& before, const Layout& after);
    void onResultSelected(const std::vector<double>& x);
    void onBestMapReady(const MapResult& result);
    void onRunFinished(bool ok, const QString& message);
    void showError(const QString& title, const QString& text);
    void updateTitle();
    // Asks whether to save, discard or keep unsaved set-up edits; true when it may go on.
    bool confirmDiscardStudyEdits();
    void updateRunActions();
    void exportWithDialog(const QString& title, const QString& filter, const QString& suffix,
                          const std::function<bool(const QString&, QString*)>& write);
    void writeExport(const QString& path,
                     const std::function<bool(const QString&, QString*)>& write);
    void showBestLayout();
    void openCompare();
    void saveScreenshotDialog();
    void resumeFromStoreDialog();

    std::unique_ptr<StudioActions> actions_;
    std::shared_ptr<LoadedProject> project_;
    LayoutDocument* document_;
    MapService* maps_;
    StudyResults* results_;
    PlanView* plan_;
    Scene3DView* view3d_ = nullptr;
    StudySetupPanel* setup_ = nullptr;
    RunControlPanel* run_panel_ = nullptr;
    LivePlotsPanel* plots_ = nullptr;
    ResultsPanel* results_panel_ = nullptr;
    StudyRunController* run_ = nullptr;
    StoreFollower* follower_ = nullptr;
    RecentFiles* recent_ = nullptr;
    QDockWidget* dock_3d_ = nullptr;
    QDockWidget* dock_setup_ = nullptr;
    QDockWidget* dock_run_ = nullptr;
    QDockWidget* dock_plots_ = nullptr;
    QDockWidget* dock_results_ = nullptr;
    QLabel* objective_label_ = nullptr;
    QLabel* map_time_label_ = nullptr;
    QFutureWatcher<LoadOutcome> load_watcher_;
    QString loading_path_;  // the file load_watcher_ is opening
    QByteArray default_state_;  // the dock layout as built, before the saved one
    QString unfinished_store_;  // the unfinished study file opened, until a run starts
    QFutureWatcher<LoadOutcome> rebuild_watcher_;
    QTimer* edit_timer_;
    QTimer* settle_timer_;  // a drag that pauses gets its full map
    nlohmann::json pending_study_;
    QString pending_resume_;
    bool quiet_errors_ = false;
    int bands_;

    std::optional<MapResult> shown_;
    std::optional<Layout> last_requested_;
    std::vector<double> recent_latencies_ms_;
    bool refit_colours_ = false;  // the next full map sets the colour scale (a new best)
    int64_t painted_request_ns_ = -1;
    double last_latency_ms_ = 0.0;
    double last_compute_ms_ = 0.0;
};

}  // namespace rps
