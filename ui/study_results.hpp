#pragma once
// The live data model of a study shown by the studio (LabPlot/QGIS style: one model, many views).
// Fed either incrementally from the StudyRunner's signals (addTask, setBest, setBestMap,
// setSummary) or at once from a stored study (loadFromStore, which also adds the points explored
// inside the tasks with addExploredPoints). Views (live plots, results table, report) only read
// it and listen to its signals. Holds no physics: objectives and maps arrive computed; metrics
// are computed with core/metrics (the one definition).
#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/engine/measurement_grid.hpp"
#include "core/study/layout.hpp"
#include "core/study/study_spec.hpp"

namespace rps {

struct StoredStudy;

// One finished (or failed / cancelled) task.
struct TaskRow {
    uint64_t task_id = 0;
    QString method;                                               // grid, gd, ga, ...
    QString kind;                                                 // evaluate, gd, map
    double objective = std::numeric_limits<double>::quiet_NaN();  // NaN: none
    std::vector<double> best_x;                                   // empty: none
    int worker_id = -1;
    double start_s = 0.0;  // seconds since the pool started
    double end_s = 0.0;
    QString status = QStringLiteral("ok");  // ok, failed, cancelled
    int evaluations = 0;                    // layouts evaluated by the task (0: unknown)
};

// A point evaluated inside a task (grid chunk member, GD iterate, ...).
struct ExploredPoint {
    std::vector<double> x;
    double objective = 0.0;
};

// Best objective after the n-th finished task (for the convergence plot).
struct ConvergencePoint {
    int task_count = 0;   // tasks finished so far (1-based)
    double time_s = 0.0;  // end time of that task
    double best = 0.0;    // best objective so far
};

// A map kept for comparison (per task id when the runner or the store has one).
struct NamedMap {
    uint64_t task_id = 0;
    QString title;
    nlohmann::json layout;        // layout_to_json, or null when unknown
    std::vector<double> power_w;  // combined power per cell (grid order)
};

class StudyResults : public QObject {
    Q_OBJECT
public:
    explicit StudyResults(QObject* parent = nullptr);
    ~StudyResults() override;

    // Starts a new study: forgets every result, keeps the spec and the grid. Emits cleared().
    void reset(const StudySpec& spec, const MeasurementGrid& grid);
    // As above for a spec known only as JSON (parsed when valid; otherwise parameter names are
    // generic x0, x1, ...).
    void reset(const nlohmann::json& spec_json, const MeasurementGrid& grid);
    // Forgets everything (no spec, no grid). Emits cleared().
    void clear();

    // Appends a task row: O(1) amortised. Updates the convergence curve and, when the task beats
    // the best so far and carries its x, the best (bestChanged). Emits taskAdded(row).
    void addTask(const TaskRow& row);
    // Adds points evaluated inside tasks (for the scatter). Non-finite or infeasible objectives
    // (<= -1e299, the optimisers' infeasible fitness) are skipped. Emits exploredPointsAdded.
    void addExploredPoints(const std::vector<std::vector<double>>& xs,
                           const std::vector<double>& objectives);
    // Sets the best so far (decoded to a layout when the spec is known). Emits bestChanged().
    void setBest(const std::vector<double>& x, double objective);
    // Sets the combined power map (W per cell, grid order) of the best layout.
    void setBestMap(const std::vector<double>& power_w);
    // Keeps a map for comparison under its task id (replaces an earlier one). Emits mapsChanged.
    void setTaskMap(uint64_t task_id, const std::vector<double>& power_w,
                    const nlohmann::json& layout = nullptr, const QString& title = {});
    // The study summary (the finished marker of the store / the runner's finished signal).
    void setSummary(const nlohmann::json& summary);
    // The study file (.h5) the results are written to or read from (loadFromStore sets it).
    void setStoreFile(const QString& path) { store_file_ = path; }
    // Fills everything from a finished or partial study file. Parameter names come from the
    // stored spec; the grid geometry is the current grid when its cell count matches the stored
    // maps, otherwise it is derived from the spec's grid section and the map size (all cells
    // counted). Emits cleared() and then the other signals once.
    void loadFromStore(const StoredStudy& study);
    // Adds what a later read of the same study file holds beyond its first `first_task` task
    // rows and `first_map` maps (a study file another process is writing: StoreFollower); its
    // summary too once it is finished.
    void appendFromStore(const StoredStudy& study, std::size_t first_task, std::size_t first_map);

    // --- accessors ---------------------------------------------------------------------------
    bool hasSpec() const { return spec_.has_value(); }
    const std::optional<StudySpec>& spec() const { return spec_; }
    const nlohmann::json& specJson() const { return spec_json_; }
    const QStringList& parameterNames() const { return names_; }
    const MeasurementGrid& grid() const { return grid_; }
    // "%" for the coverage objective, else "dBm".
    QString objectiveUnit() const;
    // The unit of the map's values: "dB" for a SINR study (signal over interference and noise),
    // else "dBm"; the objective's unit may be "%" instead.
    QString mapUnit() const;
    // Human name of the objective, e.g. "P5 RSS".
    QString objectiveName() const;
    double coverageThresholdDbm() const;
    double softminTemperature() const;  // the study's objective.softmin_temperature

    int taskCount() const { return static_cast<int>(tasks_.size()); }
    const TaskRow& task(int row) const { return tasks_.at(static_cast<size_t>(row)); }
    const std::vector<TaskRow>& tasks() const { return tasks_; }
    // Row of the last task with this id, or -1.
    int rowOfTask(uint64_t task_id) const;
    // What people read for a task id, "ga #12" (core/study/task_id.hpp): from the study's
    // methods, else from the task's row; the raw id when neither knows the method.
    QString taskLabel(uint64_t task_id) const;

    const std::vector<ExploredPoint>& exploredPoints() const { return explored_; }
    const std::vector<ConvergencePoint>& convergence() const { return convergence_; }

    bool hasBest() const { return has_best_; }
    const std::vector<double>& bestX() const { return best_x_; }
    double bestObjective() const { return best_objective_; }
    const nlohmann::json& bestLayout() const { return best_layout_; }  // null when unknown
    uint64_t bestTaskId() const { return best_task_id_; }  // kNoTask when not from a task
    const std::vector<double>& bestMap() const { return best_map_; }

    const std::vector<NamedMap>& taskMaps() const { return maps_; }
    const NamedMap* taskMap(uint64_t task_id) const;

    const nlohmann::json& summary() const { return summary_; }
    bool finished() const { return !summary_.empty(); }  // the study has its summary
    const QString& storeFile() const { return store_file_; }  // empty: none
    // Worker ids seen in the task rows, ascending.
    std::vector<int> workerIds() const;
    // Decodes x with the study's LayoutSpace; null when the spec is unknown or x has the wrong
    // size.
    nlohmann::json layoutOf(const std::vector<double>& x) const;
    // Plan position of the reflector's mount point at (u, v); nullopt without a reflector.
    std::optional<std::pair<double, double>> mountPoint(double u, double v) const;

    static constexpr uint64_t kNoTask = std::numeric_limits<uint64_t>::max();
    // True for an objective that is a result: finite and above the optimisers' infeasible
    // fitness (opt::kInfeasibleFitness, -1e300).
    static bool usableObjective(double objective);

Q_SIGNALS:
    void taskAdded(int row);
    void exploredPointsAdded(int first, int count);
    void bestChanged();
    void bestMapChanged();
    void mapsChanged();
    void summaryChanged();
    void cleared();

private:
    void setSpecJson(const nlohmann::json& spec_json);
    void forgetResults();
    void updateBest(const std::vector<double>& x, double objective, uint64_t task_id);

    std::optional<StudySpec> spec_;
    std::optional<LayoutSpace> space_;
    nlohmann::json spec_json_;
    QStringList names_;
    MeasurementGrid grid_;

    std::vector<TaskRow> tasks_;
    std::unordered_map<uint64_t, int> row_of_task_;
    std::vector<ExploredPoint> explored_;
    std::vector<ConvergencePoint> convergence_;
    bool has_best_ = false;
    std::vector<double> best_x_;
    double best_objective_ = std::numeric_limits<double>::quiet_NaN();
    nlohmann::json best_layout_;
    uint64_t best_task_id_ = kNoTask;
    std::vector<double> best_map_;
    std::vector<NamedMap> maps_;
    nlohmann::json summary_ = nlohmann::json::object();
    QString store_file_;
};

}  // namespace rps
