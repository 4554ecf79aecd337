#pragma once
// The live plots dock (QCustomPlot): heatmap of the best layout so far, histogram of the task
// objectives, scatter of explored positions coloured by objective, per-worker timeline (Gantt)
// with the time per task, and convergence (best objective vs tasks and vs time).
//
// Views of a StudyResults model. Updates are coalesced: a model signal only marks plots dirty
// and arms a timer; at most every updateInterval() ms the dirty plots take the new data and are
// replotted with rpQueuedReplot (only the visible one; the others when their tab is shown), so a
// flood of results never freezes the UI.
#include <QPixmap>
#include <QSize>
#include <QStringList>
#include <QWidget>

#include <array>
#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPBars;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QTabWidget;
class QTimer;

namespace rps {

class StudyResults;

class LivePlotsPanel : public QWidget {
    Q_OBJECT
public:
    explicit LivePlotsPanel(const StudyResults* results, QWidget* parent = nullptr);
    ~LivePlotsPanel() override;

    // "heatmap", "histogram", "scatter", "gantt", "convergence".
    static QStringList plotNames();
    // The plot of that name, or nullptr.
    QCustomPlot* plot(const QString& name) const;
    // Data points currently in a plot: heatmap = cells with a value (masked cells excluded),
    // histogram = objectives binned, scatter = positions drawn, gantt = task bars, convergence
    // = points of the best-vs-tasks curve. -1 for an unknown name.
    int dataCount(const QString& plotName) const;
    // Writes the plot as PNG, JPG, PDF or SVG (chosen by the file suffix). width/height 0: the
    // on-screen size, or 900x600 when the panel has not been laid out. False on failure, with
    // the file and the reason in *error; the file is written whole or not at all.
    bool exportPlot(const QString& name, const QString& path, int width = 0, int height = 0,
                    QString* error = nullptr);
    // The plot rendered to a pixmap (for reports).
    QPixmap renderPlot(const QString& name, const QSize& size);
    // Applies pending updates now (tests, exports).
    void flush();
    void setUpdateInterval(int ms);
    int updateInterval() const;
    // Number of coalesced refreshes done so far.
    int refreshCount() const { return refresh_count_; }
    void showPlot(const QString& name);
    // The name of the plot on the visible tab.
    QString currentPlotName() const;

Q_SIGNALS:
    // After a coalesced refresh applied new data.
    void refreshed();

private Q_SLOTS:
    void onTaskAdded(int row);
    void onExploredAdded(int first, int count);
    void onBestChanged();
    void onBestMapChanged();
    void onCleared();
    void onTimer();
    void onTabChanged(int index);

private:
    enum Plot { Heatmap = 0, Histogram, Scatter, Gantt, Convergence, PlotCount };
    void schedule(unsigned flags);
    void apply(unsigned flags);
    void setupHeatmap();
    void setupHistogram();
    void setupScatter();
    void setupGantt();
    void setupConvergence();
    void updateHeatmap();
    void updateHistogram();
    void updateScatter();
    void updateGantt(bool rebuild);
    void updateConvergence(bool rebuild);
    void fitPlanAspect(QCustomPlot* plot);
    QCPGraph* ganttGraph(int worker);
    int plotIndex(const QString& name) const;

    const StudyResults* results_;
    QTabWidget* tabs_;
    QTimer* timer_;
    std::array<QCustomPlot*, PlotCount> plots_{};
    unsigned dirty_ = 0;
    unsigned stale_ = 0;  // updated but not replotted (hidden tab)
    bool rebuild_ = true;
    int refresh_count_ = 0;
    std::array<int, PlotCount> counts_{};

    // heatmap
    QCPColorMap* heat_map_ = nullptr;
    QCPColorScale* heat_scale_ = nullptr;
    QCPGraph* ap_markers_ = nullptr;
    QCPGraph* plate_marker_ = nullptr;
    QCPGraph* focal_marker_ = nullptr;
    // histogram
    QCPBars* hist_bars_ = nullptr;
    QCPItemStraightLine* hist_best_line_ = nullptr;
    QCPItemText* hist_best_label_ = nullptr;
    // scatter: one graph per (role, colour level)
    QCPColorMap* scatter_mask_ = nullptr;
    QCPColorScale* scatter_scale_ = nullptr;
    std::vector<QCPGraph*> scatter_graphs_;
    // gantt
    QCPAxisRect* duration_rect_ = nullptr;
    QCPGraph* duration_graph_ = nullptr;
    std::vector<QCPGraph*> gantt_graphs_;  // index = worker id
    int gantt_rows_done_ = 0;
    // convergence
    QCPGraph* conv_tasks_ = nullptr;
    QCPGraph* conv_time_ = nullptr;
    int conv_points_done_ = 0;
};

}  // namespace rps
