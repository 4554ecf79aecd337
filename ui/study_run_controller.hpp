#pragma once
// Runs studies for the main window: owns the run (a StudyRunner with its worker pool in a thread
// of its own, or an ExternalStudyRun: the study as an MPI job that reports its events), feeds
// its signals into the StudyResults model and the run control panel, computes the map of each new
// best layout off the UI thread (for the live heatmap, the plan view and the report) and polls
// the pool for the worker table.
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "core/study/study_spec.hpp"
#include "runtime/study_run.hpp"
#include "ui/map_result.hpp"
#include "ui/striped_evaluator.hpp"
#include "ui/study_compute_target.hpp"

class QTimer;

namespace rps {

class MapService;
class RunControlPanel;
class StudyResults;

class StudyRunController : public QObject {
    Q_OBJECT
public:
    StudyRunController(StudyResults* results, RunControlPanel* panel, QObject* parent = nullptr);
    ~StudyRunController() override;

    // The evaluator for best-layout maps (the study's own order and grid).
    void setEvaluator(std::shared_ptr<const StripedEvaluator> evaluator);
    // Where new study files go (default: the application's data folder, "studies").
    void setStoreDirectory(const QString& directory);
    QString storeDirectory() const { return store_dir_; }
    // `rps` for the workers: $RPS_EXECUTABLE, else next to this program, else on PATH.
    static QString findRpsExecutable();
    void setRpsExecutable(const QString& path) { rps_ = path; }
    QString rpsExecutable() const { return rps_; }
    // Where the next study runs (default: StudyComputeTarget::fromSettings()).
    void setComputeTarget(const StudyComputeTarget& target) { target_ = target; }
    const StudyComputeTarget& computeTarget() const { return target_; }

    // Starts the study (a new, time-stamped study file); false with a message if it cannot.
    bool start(const StudySpec& spec, QString* error = nullptr);
    // Resumes a study file: finished tasks are replayed from it, the rest run.
    bool resumeFrom(const QString& store_path, QString* error = nullptr);
    void pause();
    void resume();
    void cancel();
    bool running() const;
    bool paused() const { return paused_; }
    QString storePath() const { return store_path_; }
    StudyRun* runner() const { return runner_.get(); }
    MapService* bestMapService() const { return best_maps_; }

Q_SIGNALS:
    void started();
    void runFinished(bool ok, QString message);
    // The map of the newest best layout, computed here (the plan view may show it).
    void bestMapReady(rps::MapResult result);
    void statusMessage(QString message);
    void progressed(quint64 done, quint64 total);

private:
    void connectRunner();
    void onTaskFinished(const StudyTaskEvent& event);
    void onBestChanged(const QVector<double>& x, double objective);
    void onResultsBestChanged();
    void onProgress(quint64 done, quint64 total, double eta_s);
    void onFinished(const QByteArray& summary);
    void onFailed(const QString& error);
    void pollWorkers();
    void beginRun();
    QString newStorePath(const StudySpec& spec) const;
    bool checkCanStart(QString* error) const;
    // Start a new study (fresh) or resume store_path_ (null): on the pool here, or as an MPI job
    // of `workers` worker ranks.
    void launchLocal(const StudySpec* fresh);
    bool writeJobStudy(const StudySpec& spec, QString* path, QString* error);
    void launchMpiJob(const QString& study_json, int workers);

    StudyResults* results_;
    RunControlPanel* panel_;
    std::unique_ptr<StudyRun> runner_;
    StudyComputeTarget target_;
    MapService* best_maps_;
    QTimer* poll_timer_;
    QElapsedTimer elapsed_;
    std::shared_ptr<const StripedEvaluator> evaluator_;
    QString store_dir_;
    QString store_path_;
    QString rps_;
    bool paused_ = false;
    bool active_ = false;
    std::optional<std::pair<std::vector<double>, double>> pending_best_;
    uint64_t best_map_serial_ = 0;
};

}  // namespace rps
