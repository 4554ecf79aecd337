#pragma once
// The run control dock: start, pause, cancel and resume (from a study file) buttons bound to the
// main window's actions; progress bar with elapsed time and ETA; the best objective so far; one
// row per worker (state idle/busy/restarting, pid, current task, tasks done, restarts, busy
// share) and the workers' log lines, filterable per worker.
#include <QWidget>

#include <map>

#include "runtime/worker_pool.hpp"

class QAction;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QTableWidget;

namespace rps {

class RunControlPanel : public QWidget {
    Q_OBJECT
public:
    enum class RunState { Idle, Starting, Running, Paused, Finished, Cancelled, Failed };

    RunControlPanel(QAction* start, QAction* pause, QAction* cancel, QAction* resume,
                    QWidget* parent = nullptr);

    void setRunState(RunState state, const QString& detail = {});
    RunState runState() const { return state_; }
    void setStorePath(const QString& path);
    // A study file just opened: finished, or unfinished with tasks done (Start resumes it).
    void showStudyFile(bool finished, int tasks_done);
    // A study file that another process is writing, followed live (StoreFollower).
    void showFollowing(int tasks_done);
    void setProgress(quint64 done, quint64 total, double eta_s, double elapsed_s);
    void setBest(const QString& text);
    void setWorkerStats(const PoolStats& stats);
    // The task a worker runs (-1: none), shown by its label ("ga #12"), its raw id in the tooltip.
    void setWorkerTask(int worker, qint64 task_id, const QString& label = {});
    // A log line; "worker N: ..." lines are attributed to worker N.
    void appendLog(const QString& line);
    void clearRun();
    // The run ended (finished, failed or cancelled): its workers are gone, no ETA is pending.
    void endRun();

    int workerRowCount() const;
    QString stateText() const;               // the state line as shown (plain text)
    QString workerStateText(int row) const;  // a worker row's state column
    int logLineCount() const { return static_cast<int>(lines_.size()); }
    QString logText() const;  // every line kept, whatever the filter shows, one per line
    static QString stateName(WorkerState state);
    static QString formatDuration(double seconds);

private:
    void refreshLog();
    void ensureWorkerRows(int count);

    RunState state_ = RunState::Idle;
    QLabel* state_label_;
    QLabel* store_label_;
    QProgressBar* progress_;
    QLabel* progress_label_;
    QLabel* best_label_;
    QTableWidget* workers_;
    QComboBox* log_filter_;
    QPlainTextEdit* log_;
    std::vector<std::pair<int, QString>> lines_;  // (worker or -1, line)
    std::map<int, QString> worker_task_;          // the label of the task each worker runs
    quint64 done_ = 0, total_ = 0;
    double elapsed_s_ = 0.0;
};

}  // namespace rps
