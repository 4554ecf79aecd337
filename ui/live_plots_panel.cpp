#include "ui/live_plots_panel.hpp"

#include <QFileInfo>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/common/units.hpp"
#include "core/metrics/map_metrics.hpp"
#include "ui/export_file.hpp"
#include "ui/qcustomplot_include.hpp"
#include "ui/study_results.hpp"

namespace rps {
namespace {

constexpr int kScatterLevels = 12;
constexpr int kScatterRoles = 3;  // AP, reflector plate, focal point
constexpr size_t kScatterMaxPoints = 20000;

QColor worker_color(int worker) {
    static const QColor palette[] = {
        QColor(31, 119, 180),  QColor(255, 127, 14), QColor(44, 160, 44),   QColor(214, 39, 40),
        QColor(148, 103, 189), QColor(140, 86, 75),  QColor(227, 119, 194), QColor(127, 127, 127),
        QColor(188, 189, 34),  QColor(23, 190, 207)};
    return palette[static_cast<size_t>(std::max(worker, 0)) % std::size(palette)];
}

QCPColorGradient map_gradient() {
    QCPColorGradient gradient(QCPColorGradient::gpJet);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(200, 200, 200));
    return gradient;
}

// The plan area: the measurement grid, else the AP bounds of the study, else the unit square.
QRectF plan_extent(const StudyResults& results) {
    const MeasurementGrid& g = results.grid();
    if (g.cells_x > 0 && g.cells_y > 0)
        return QRectF(g.origin_x_m, g.origin_y_m, g.cells_x * g.cell_m, g.cells_y * g.cell_m);
    if (results.spec()) {
        const ApBounds& b = results.spec()->bounds;
        return QRectF(b.x_min_m, b.y_min_m, std::max(b.x_max_m - b.x_min_m, 1.0),
                      std::max(b.y_max_m - b.y_min_m, 1.0));
    }
    return QRectF(0, 0, 1, 1);
}

QCustomPlot* make_plot(QWidget* parent) {
    auto* plot = new QCustomPlot(parent);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setNoAntialiasingOnDrag(true);
    plot->setAutoAddPlottableToLegend(false);
    return plot;
}

void style_axis_titles(QCustomPlot* plot, const QString& title) {
    plot->plotLayout()->insertRow(0);
    auto* text = new QCPTextElement(plot, title, QFont(plot->font().family(), 10, QFont::Bold));
    plot->plotLayout()->addElement(0, 0, text);
}

// Sizes a plot for a picture of w x h. A hidden widget gets its resize event only when it is
// shown, so the plot's viewport is set now: the plan plots then fit their axes to the picture's
// size before they are drawn (else the axes keep the ranges of the old size).
void resize_off_screen(QCustomPlot* plot, int w, int h) {
    plot->resize(w, h);
    plot->setViewport(plot->rect());
}

}  // namespace

LivePlotsPanel::LivePlotsPanel(const StudyResults* results, QWidget* parent)
    : QWidget(parent), results_(results) {
    tabs_ = new QTabWidget(this);
    tabs_->setDocumentMode(true);
    for (int i = 0; i < PlotCount; ++i) plots_[static_cast<size_t>(i)] = make_plot(tabs_);
    tabs_->addTab(plots_[Heatmap], tr("Heatmap"));
    tabs_->setTabToolTip(Heatmap, tr("Received power of the best layout so far"));
    tabs_->addTab(plots_[Histogram], tr("Histogram"));
    tabs_->setTabToolTip(Histogram, tr("Distribution of the objective over finished tasks"));
    tabs_->addTab(plots_[Scatter], tr("Positions"));
    tabs_->setTabToolTip(Scatter, tr("Explored AP, plate and focal positions by objective"));
    tabs_->addTab(plots_[Gantt], tr("Workers"));
    tabs_->setTabToolTip(Gantt, tr("Per-worker timeline and time per task"));
    tabs_->addTab(plots_[Convergence], tr("Convergence"));
    tabs_->setTabToolTip(Convergence, tr("Best objective vs finished tasks and vs time"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs_);

    setupHeatmap();
    setupHistogram();
    setupScatter();
    setupGantt();
    setupConvergence();

    timer_ = new QTimer(this);
    timer_->setSingleShot(true);
    timer_->setInterval(100);
    connect(timer_, &QTimer::timeout, this, &LivePlotsPanel::onTimer);
    connect(tabs_, &QTabWidget::currentChanged, this, &LivePlotsPanel::onTabChanged);
    connect(results_, &StudyResults::taskAdded, this, &LivePlotsPanel::onTaskAdded);
    connect(results_, &StudyResults::exploredPointsAdded, this, &LivePlotsPanel::onExploredAdded);
    connect(results_, &StudyResults::bestChanged, this, &LivePlotsPanel::onBestChanged);
    connect(results_, &StudyResults::bestMapChanged, this, &LivePlotsPanel::onBestMapChanged);
    connect(results_, &StudyResults::cleared, this, &LivePlotsPanel::onCleared);
    rebuild_ = true;
    apply((1u << PlotCount) - 1);
}

LivePlotsPanel::~LivePlotsPanel() = default;

QString LivePlotsPanel::currentPlotName() const {
    // Tabs are added in plotNames() order (heatmap, histogram, scatter, gantt, convergence).
    return plotNames().value(tabs_->currentIndex());
}

QStringList LivePlotsPanel::plotNames() {
    return {QStringLiteral("heatmap"), QStringLiteral("histogram"), QStringLiteral("scatter"),
            QStringLiteral("gantt"), QStringLiteral("convergence")};
}

int LivePlotsPanel::plotIndex(const QString& name) const {
    return static_cast<int>(plotNames().indexOf(name.toLower()));
}

QCustomPlot* LivePlotsPanel::plot(const QString& name) const {
    const int i = plotIndex(name);
    return i < 0 ? nullptr : plots_[static_cast<size_t>(i)];
}

int LivePlotsPanel::dataCount(const QString& plotName) const {
    const int i = plotIndex(plotName);
    return i < 0 ? -1 : counts_[static_cast<size_t>(i)];
}

void LivePlotsPanel::showPlot(const QString& name) {
    const int i = plotIndex(name);
    if (i >= 0) tabs_->setCurrentIndex(i);
}

void LivePlotsPanel::setUpdateInterval(int ms) { timer_->setInterval(std::max(ms, 0)); }

int LivePlotsPanel::updateInterval() const { return timer_->interval(); }

// --- set-up ----------------------------------------------------------------------------------

void LivePlotsPanel::setupHeatmap() {
    QCustomPlot* plot = plots_[Heatmap];
    style_axis_titles(plot, tr("Best layout so far"));
    plot->xAxis->setLabel(tr("x [m]"));
    plot->yAxis->setLabel(tr("y [m]"));
    heat_map_ = new QCPColorMap(plot->xAxis, plot->yAxis);
    heat_map_->setInterpolate(false);
    heat_map_->setTightBoundary(false);
    heat_map_->setName(tr("RSS"));
    heat_scale_ = new QCPColorScale(plot);
    plot->plotLayout()->addElement(1, 1, heat_scale_);
    heat_scale_->setType(QCPAxis::atRight);
    heat_scale_->axis()->setLabel(tr("RSS [dBm]"));
    heat_map_->setColorScale(heat_scale_);
    heat_map_->setGradient(map_gradient());
    auto* group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    heat_scale_->setMarginGroup(QCP::msBottom | QCP::msTop, group);

    ap_markers_ = plot->addGraph();
    ap_markers_->setName(tr("AP"));
    ap_markers_->setLineStyle(QCPGraph::lsNone);
    ap_markers_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssTriangle, QPen(Qt::black, 1.5), QBrush(Qt::white), 12));
    plate_marker_ = plot->addGraph();
    plate_marker_->setName(tr("Reflector"));
    plate_marker_->setLineStyle(QCPGraph::lsNone);
    plate_marker_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssSquare, QPen(Qt::black, 1.5), QBrush(Qt::gray), 11));
    focal_marker_ = plot->addGraph();
    focal_marker_->setName(tr("Focal point"));
    focal_marker_->setLineStyle(QCPGraph::lsNone);
    focal_marker_->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCrossCircle, QPen(Qt::black, 1.5), QBrush(), 11));
    for (QCPGraph* g : {ap_markers_, plate_marker_, focal_marker_}) g->addToLegend();
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 200));
    connect(plot, &QCustomPlot::afterLayout, this, [this] { fitPlanAspect(plots_[Heatmap]); });
}

void LivePlotsPanel::setupHistogram() {
    QCustomPlot* plot = plots_[Histogram];
    style_axis_titles(plot, tr("Objective over finished tasks"));
    plot->yAxis->setLabel(tr("Tasks"));
    hist_bars_ = new QCPBars(plot->xAxis, plot->yAxis);
    hist_bars_->setName(tr("Tasks"));
    hist_bars_->setPen(QPen(QColor(31, 119, 180)));
    hist_bars_->setBrush(QColor(31, 119, 180, 150));
    hist_bars_->setWidthType(QCPBars::wtPlotCoords);
    hist_best_line_ = new QCPItemStraightLine(plot);
    hist_best_line_->setPen(QPen(QColor(214, 39, 40), 2, Qt::DashLine));
    hist_best_line_->setVisible(false);
    hist_best_label_ = new QCPItemText(plot);
    hist_best_label_->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    hist_best_label_->position->setType(QCPItemPosition::ptAxisRectRatio);
    hist_best_label_->position->setCoords(0.98, 0.02);
    hist_best_label_->setColor(QColor(214, 39, 40));
    hist_best_label_->setVisible(false);
}

void LivePlotsPanel::setupScatter() {
    QCustomPlot* plot = plots_[Scatter];
    style_axis_titles(plot, tr("Explored positions"));
    plot->xAxis->setLabel(tr("x [m]"));
    plot->yAxis->setLabel(tr("y [m]"));
    // The plan's cells as a faint background (masked cells darker).
    scatter_mask_ = new QCPColorMap(plot->xAxis, plot->yAxis);
    scatter_mask_->setInterpolate(false);
    scatter_mask_->setTightBoundary(false);
    QCPColorGradient grey;
    grey.clearColorStops();
    grey.setColorStopAt(0, QColor(235, 235, 235));
    grey.setColorStopAt(1, QColor(255, 255, 255));
    grey.setNanHandling(QCPColorGradient::nhTransparent);
    scatter_mask_->setGradient(grey);
    scatter_mask_->setDataRange(QCPRange(0, 1));

    scatter_scale_ = new QCPColorScale(plot);
    plot->plotLayout()->addElement(1, 1, scatter_scale_);
    scatter_scale_->setType(QCPAxis::atRight);
    scatter_scale_->setGradient(QCPColorGradient(QCPColorGradient::gpJet));
    auto* group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    scatter_scale_->setMarginGroup(QCP::msBottom | QCP::msTop, group);

    QCPColorGradient gradient(QCPColorGradient::gpJet);
    const QCPScatterStyle::ScatterShape shapes[kScatterRoles] = {
        QCPScatterStyle::ssDisc, QCPScatterStyle::ssSquare, QCPScatterStyle::ssCross};
    const double sizes[kScatterRoles] = {6, 6, 7};
    for (int role = 0; role < kScatterRoles; ++role) {
        for (int level = 0; level < kScatterLevels; ++level) {
            QCPGraph* g = plot->addGraph();
            const QColor c =
                QColor::fromRgb(gradient.color(level + 0.5, QCPRange(0, kScatterLevels)));
            g->setLineStyle(QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(shapes[role], QPen(c, 1.2), QBrush(c), sizes[role]));
            g->setAdaptiveSampling(false);
            scatter_graphs_.push_back(g);
        }
    }
    // Legend entries: one empty graph per role, in a neutral colour.
    const QString role_names[kScatterRoles] = {tr("AP"), tr("Reflector plate"), tr("Focal point")};
    for (int role = 0; role < kScatterRoles; ++role) {
        QCPGraph* g = plot->addGraph();
        g->setName(role_names[role]);
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(shapes[role], QPen(Qt::darkGray, 1.2),
                                           QBrush(Qt::darkGray), sizes[role]));
        g->addToLegend();
    }
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 200));
    connect(plot, &QCustomPlot::afterLayout, this, [this] { fitPlanAspect(plots_[Scatter]); });
}

void LivePlotsPanel::setupGantt() {
    QCustomPlot* plot = plots_[Gantt];
    style_axis_titles(plot, tr("Workers"));
    plot->xAxis->setLabel(tr("Time [s]"));
    plot->yAxis->setLabel(tr("Worker"));
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText));
    plot->yAxis->setRangeReversed(true);
    duration_rect_ = new QCPAxisRect(plot);
    plot->plotLayout()->addElement(2, 0, duration_rect_);
    plot->plotLayout()->setRowStretchFactor(1, 2.0);
    plot->plotLayout()->setRowStretchFactor(2, 1.0);
    duration_rect_->axis(QCPAxis::atBottom)->setLabel(tr("Task (in order of completion)"));
    duration_rect_->axis(QCPAxis::atLeft)->setLabel(tr("Time per task [s]"));
    duration_graph_ = plot->addGraph(duration_rect_->axis(QCPAxis::atBottom),
                                     duration_rect_->axis(QCPAxis::atLeft));
    duration_graph_->setLineStyle(QCPGraph::lsImpulse);
    duration_graph_->setPen(QPen(QColor(31, 119, 180)));
    duration_graph_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    auto* group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    duration_rect_->setMarginGroup(QCP::msLeft | QCP::msRight, group);
}

void LivePlotsPanel::setupConvergence() {
    QCustomPlot* plot = plots_[Convergence];
    style_axis_titles(plot, tr("Convergence"));
    plot->xAxis->setLabel(tr("Finished tasks"));
    plot->xAxis2->setVisible(true);
    plot->xAxis2->setLabel(tr("Time [s]"));
    conv_tasks_ = plot->addGraph(plot->xAxis, plot->yAxis);
    conv_tasks_->setName(tr("Best vs tasks"));
    conv_tasks_->setLineStyle(QCPGraph::lsStepLeft);
    conv_tasks_->setPen(QPen(QColor(31, 119, 180), 2));
    conv_time_ = plot->addGraph(plot->xAxis2, plot->yAxis);
    conv_time_->setName(tr("Best vs time"));
    conv_time_->setLineStyle(QCPGraph::lsStepLeft);
    conv_time_->setPen(QPen(QColor(255, 127, 14), 1.5, Qt::DashLine));
    conv_tasks_->addToLegend();
    conv_time_->addToLegend();
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
}

// --- coalescing ------------------------------------------------------------------------------

void LivePlotsPanel::schedule(unsigned flags) {
    dirty_ |= flags;
    if (!timer_->isActive()) timer_->start();
}

void LivePlotsPanel::onTaskAdded(int) {
    schedule(1u << Histogram | 1u << Scatter | 1u << Gantt | 1u << Convergence);
}

void LivePlotsPanel::onExploredAdded(int, int) { schedule(1u << Scatter); }

void LivePlotsPanel::onBestChanged() { schedule(1u << Heatmap | 1u << Histogram); }

void LivePlotsPanel::onBestMapChanged() { schedule(1u << Heatmap); }

void LivePlotsPanel::onCleared() {
    rebuild_ = true;
    schedule((1u << PlotCount) - 1);
}

void LivePlotsPanel::onTimer() {
    const unsigned flags = dirty_;
    dirty_ = 0;
    apply(flags);
}

void LivePlotsPanel::flush() {
    timer_->stop();
    onTimer();
}

void LivePlotsPanel::apply(unsigned flags) {
    if (flags == 0) return;
    const bool rebuild = rebuild_;
    rebuild_ = false;
    if (flags & (1u << Heatmap)) updateHeatmap();
    if (flags & (1u << Histogram)) updateHistogram();
    if (flags & (1u << Scatter)) updateScatter();
    if (flags & (1u << Gantt)) updateGantt(rebuild);
    if (flags & (1u << Convergence)) updateConvergence(rebuild);
    for (int i = 0; i < PlotCount; ++i) {
        if (!(flags & (1u << i))) continue;
        QCustomPlot* plot = plots_[static_cast<size_t>(i)];
        if (plot->isVisible())
            plot->replot(QCustomPlot::rpQueuedReplot);
        else
            stale_ |= 1u << i;
    }
    ++refresh_count_;
    Q_EMIT refreshed();
}

void LivePlotsPanel::onTabChanged(int index) {
    if (index < 0 || index >= PlotCount || !(stale_ & (1u << index))) return;
    stale_ &= ~(1u << index);
    plots_[static_cast<size_t>(index)]->replot(QCustomPlot::rpQueuedReplot);
}

// Keeps 1 m in x as long as 1 m in y on a plan plot, showing the whole plan.
void LivePlotsPanel::fitPlanAspect(QCustomPlot* plot) {
    QCPAxisRect* rect = plot->axisRect();
    const double w = rect->width(), h = rect->height();
    if (w < 10 || h < 10) return;
    QRectF extent = plan_extent(*results_);
    const double pad = 0.02 * std::max(extent.width(), extent.height());
    extent.adjust(-pad, -pad, pad, pad);
    const double scale = std::max(extent.width() / w, extent.height() / h);
    const QCPRange x(extent.center().x() - 0.5 * scale * w, extent.center().x() + 0.5 * scale * w);
    const QCPRange y(extent.center().y() - 0.5 * scale * h, extent.center().y() + 0.5 * scale * h);
    const double tol = 1e-6 * std::max(extent.width(), extent.height());
    const QCPRange& cx = plot->xAxis->range();
    const QCPRange& cy = plot->yAxis->range();
    if (std::abs(cx.lower - x.lower) < tol && std::abs(cx.upper - x.upper) < tol &&
        std::abs(cy.lower - y.lower) < tol && std::abs(cy.upper - y.upper) < tol)
        return;
    plot->xAxis->setRange(x);
    plot->yAxis->setRange(y);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

// --- updates ---------------------------------------------------------------------------------

void LivePlotsPanel::updateHeatmap() {
    const std::vector<double>& map = results_->bestMap();
    const MeasurementGrid& g = results_->grid();
    counts_[Heatmap] = 0;
    QCPColorMapData* data = heat_map_->data();
    if (map.empty() || map.size() != g.cell_count() || g.cells_x < 1 || g.cells_y < 1) {
        data->clear();
    } else {
        const bool has_mask = g.mask.size() == g.cell_count();
        data->setSize(g.cells_x, g.cells_y);
        data->setRange(
            QCPRange(g.origin_x_m + 0.5 * g.cell_m, g.origin_x_m + (g.cells_x - 0.5) * g.cell_m),
            QCPRange(g.origin_y_m + 0.5 * g.cell_m, g.origin_y_m + (g.cells_y - 0.5) * g.cell_m));
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (size_t i = 0; i < map.size(); ++i) {
            if (has_mask && !g.mask[i]) continue;
            if (map[i] <= kNoSignalPower_w) continue;
            const double dbm = power_to_dbm_floored(map[i]);
            lo = std::min(lo, dbm);
            hi = std::max(hi, dbm);
        }
        if (!std::isfinite(lo)) lo = kNoSignal_dbm, hi = kNoSignal_dbm + 1;
        if (hi - lo < 1.0) lo = hi - 1.0;
        for (int iy = 0; iy < g.cells_y; ++iy) {
            for (int ix = 0; ix < g.cells_x; ++ix) {
                const size_t i = g.index(ix, iy);
                if (has_mask && !g.mask[i]) {
                    data->setCell(ix, iy, std::numeric_limits<double>::quiet_NaN());
                    continue;
                }
                // A cell without signal shows at the bottom of the scale, never as NaN.
                data->setCell(ix, iy, std::max(power_to_dbm_floored(map[i]), lo));
                ++counts_[Heatmap];
            }
        }
        heat_map_->setDataRange(QCPRange(lo, hi));
    }
    // Markers of the best layout.
    QVector<double> ax, ay, px, py, fx, fy;
    const nlohmann::json& layout = results_->bestLayout();
    if (layout.is_object()) {
        if (layout.contains("aps") && layout["aps"].is_array()) {
            for (const auto& ap : layout["aps"]) {
                if (!ap.is_object() || !ap.contains("x_m") || !ap.contains("y_m")) continue;
                ax << ap["x_m"].get<double>();
                ay << ap["y_m"].get<double>();
            }
        }
        if (layout.contains("reflector") && layout["reflector"].is_object()) {
            const auto& r = layout["reflector"];
            if (r.contains("u") && r.contains("v")) {
                if (const auto p =
                        results_->mountPoint(r["u"].get<double>(), r["v"].get<double>())) {
                    px << p->first;
                    py << p->second;
                }
            }
            if (r.contains("focal_m") && r["focal_m"].is_array() && r["focal_m"].size() >= 2) {
                fx << r["focal_m"][0].get<double>();
                fy << r["focal_m"][1].get<double>();
            }
        }
    }
    ap_markers_->setData(ax, ay, true);
    plate_marker_->setData(px, py, true);
    focal_marker_->setData(fx, fy, true);
    const QString unit = results_->objectiveUnit();
    QString title = tr("Best layout so far");
    if (results_->hasBest())
        title = tr("Best layout so far: %1 = %2 %3")
                    .arg(results_->objectiveName())
                    .arg(results_->bestObjective(), 0, 'f', 2)
                    .arg(unit);
    if (auto* text = qobject_cast<QCPTextElement*>(plots_[Heatmap]->plotLayout()->element(0, 0)))
        text->setText(title);
}

void LivePlotsPanel::updateHistogram() {
    std::vector<double> values;
    values.reserve(static_cast<size_t>(results_->taskCount()));
    for (const TaskRow& row : results_->tasks()) {
        if (row.kind == QLatin1String("map") || !StudyResults::usableObjective(row.objective))
            continue;
        values.push_back(row.objective);
    }
    counts_[Histogram] = static_cast<int>(values.size());
    QCustomPlot* plot = plots_[Histogram];
    plot->xAxis->setLabel(tr("%1 [%2]").arg(results_->objectiveName(), results_->objectiveUnit()));
    if (values.empty()) {
        hist_bars_->data()->clear();
        hist_best_line_->setVisible(false);
        hist_best_label_->setVisible(false);
        return;
    }
    const auto [min_it, max_it] = std::minmax_element(values.begin(), values.end());
    double lo = *min_it, hi = *max_it;
    if (hi - lo < 1e-9) lo -= 0.5, hi += 0.5;
    const int bins = std::clamp(static_cast<int>(std::ceil(std::sqrt(values.size()))) + 1, 5, 40);
    const double width = (hi - lo) / bins;
    QVector<double> keys(bins), counts(bins, 0.0);
    for (int b = 0; b < bins; ++b) keys[b] = lo + (b + 0.5) * width;
    for (double v : values)
        counts[std::clamp(static_cast<int>((v - lo) / width), 0, bins - 1)] += 1;
    hist_bars_->setWidth(width * 0.95);
    hist_bars_->setData(keys, counts, true);
    const double best = results_->hasBest() ? results_->bestObjective() : hi;
    hist_best_line_->point1->setCoords(best, 0);
    hist_best_line_->point2->setCoords(best, 1);
    hist_best_line_->setVisible(true);
    hist_best_label_->setText(tr("best %1 %2").arg(best, 0, 'f', 2).arg(results_->objectiveUnit()));
    hist_best_label_->setVisible(true);
    plot->xAxis->setRange(std::min(lo, best) - width, std::max(hi, best) + width);
    plot->yAxis->setRange(0, *std::max_element(counts.begin(), counts.end()) * 1.1 + 0.5);
}

void LivePlotsPanel::updateScatter() {
    // Which coordinates of x are positions on the plan.
    const QStringList& names = results_->parameterNames();
    std::vector<std::pair<int, int>> ap_pairs;
    int focal_x = -1, focal_y = -1, plate_u = -1, plate_v = -1;
    for (int i = 0; i < names.size(); ++i) {
        const QString& n = names[i];
        if (n.startsWith(QLatin1String("ap")) && n.endsWith(QLatin1String(".x_m"))) {
            const QString y = n.left(n.size() - 4) + QLatin1String(".y_m");
            const int j = static_cast<int>(names.indexOf(y));
            if (j >= 0) ap_pairs.emplace_back(i, j);
        } else if (n == QLatin1String("focal.x_m")) {
            focal_x = i;
        } else if (n == QLatin1String("focal.y_m")) {
            focal_y = i;
        } else if (n == QLatin1String("reflector.u")) {
            plate_u = i;
        } else if (n == QLatin1String("reflector.v")) {
            plate_v = i;
        }
    }
    if (names.isEmpty()) ap_pairs.emplace_back(0, 1);  // no spec: x[0], x[1] as a position

    // The points: every task's best, then the explored points, thinned by a common stride to a
    // bounded count (the best point always stays).
    const auto& tasks = results_->tasks();
    const auto& explored = results_->exploredPoints();
    const size_t total = tasks.size() + explored.size();
    const size_t stride = std::max<size_t>(1, (total + kScatterMaxPoints - 1) / kScatterMaxPoints);
    std::vector<const std::vector<double>*> xs;
    std::vector<double> objectives;
    xs.reserve(total / stride + 2);
    objectives.reserve(total / stride + 2);
    for (size_t i = 0; i < tasks.size(); ++i) {
        const TaskRow& row = tasks[i];
        if (row.best_x.empty() || !StudyResults::usableObjective(row.objective)) continue;
        if (i % stride != 0 && row.task_id != results_->bestTaskId()) continue;
        xs.push_back(&row.best_x);
        objectives.push_back(row.objective);
    }
    for (size_t i = 0; i < explored.size(); i += stride) {
        xs.push_back(&explored[i].x);
        objectives.push_back(explored[i].objective);
    }
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (double v : objectives) lo = std::min(lo, v), hi = std::max(hi, v);
    if (objectives.empty()) lo = 0, hi = 1;
    if (hi - lo < 1e-9) lo -= 0.5, hi += 0.5;

    std::vector<QVector<double>> keys(scatter_graphs_.size()), values(scatter_graphs_.size());
    int count = 0;
    const auto put = [&](int role, double objective, double px, double py) {
        if (!std::isfinite(px) || !std::isfinite(py)) return;
        const int level = std::clamp(
            static_cast<int>((objective - lo) / (hi - lo) * kScatterLevels), 0, kScatterLevels - 1);
        const size_t g = static_cast<size_t>(role * kScatterLevels + level);
        keys[g] << px;
        values[g] << py;
        ++count;
    };
    for (size_t k = 0; k < xs.size(); ++k) {
        const std::vector<double>& x = *xs[k];
        const double v = objectives[k];
        const auto at = [&](int i) {
            return i >= 0 && static_cast<size_t>(i) < x.size()
                       ? x[static_cast<size_t>(i)]
                       : std::numeric_limits<double>::quiet_NaN();
        };
        for (const auto& [i, j] : ap_pairs) put(0, v, at(i), at(j));
        if (plate_u >= 0 && plate_v >= 0) {
            if (const auto p = results_->mountPoint(at(plate_u), at(plate_v)))
                put(1, v, p->first, p->second);
        }
        if (focal_x >= 0 && focal_y >= 0) put(2, v, at(focal_x), at(focal_y));
    }
    // QCPGraph keeps data sorted by key; scatter points have no order to keep.
    for (size_t g = 0; g < scatter_graphs_.size(); ++g)
        scatter_graphs_[g]->setData(keys[g], values[g], false);
    counts_[Scatter] = count;
    scatter_scale_->setDataRange(QCPRange(lo, hi));
    scatter_scale_->axis()->setLabel(
        tr("%1 [%2]").arg(results_->objectiveName(), results_->objectiveUnit()));

    // The plan background.
    const MeasurementGrid& grid = results_->grid();
    QCPColorMapData* data = scatter_mask_->data();
    if (grid.cells_x > 0 && grid.cells_y > 0) {
        data->setSize(grid.cells_x, grid.cells_y);
        data->setRange(QCPRange(grid.origin_x_m + 0.5 * grid.cell_m,
                                grid.origin_x_m + (grid.cells_x - 0.5) * grid.cell_m),
                       QCPRange(grid.origin_y_m + 0.5 * grid.cell_m,
                                grid.origin_y_m + (grid.cells_y - 0.5) * grid.cell_m));
        const bool has_mask = grid.mask.size() == grid.cell_count();
        for (int iy = 0; iy < grid.cells_y; ++iy)
            for (int ix = 0; ix < grid.cells_x; ++ix)
                data->setCell(ix, iy, !has_mask || grid.mask[grid.index(ix, iy)] ? 0.0 : 1.0);
    } else {
        data->clear();
    }
}

QCPGraph* LivePlotsPanel::ganttGraph(int worker) {
    const size_t w = static_cast<size_t>(worker);
    if (w >= gantt_graphs_.size()) gantt_graphs_.resize(w + 1, nullptr);
    if (!gantt_graphs_[w]) {
        QCustomPlot* plot = plots_[Gantt];
        QCPGraph* g = plot->addGraph(plot->xAxis, plot->yAxis);
        g->setName(tr("Worker %1").arg(worker));
        QPen pen(worker_color(worker), 14);
        pen.setCapStyle(Qt::FlatCap);
        g->setPen(pen);
        g->setLineStyle(QCPGraph::lsLine);
        g->setAdaptiveSampling(false);
        gantt_graphs_[w] = g;
        auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(plot->yAxis->ticker());
        if (ticker) ticker->addTick(worker, tr("worker %1").arg(worker));
    }
    return gantt_graphs_[w];
}

void LivePlotsPanel::updateGantt(bool rebuild) {
    QCustomPlot* plot = plots_[Gantt];
    if (rebuild) {
        for (QCPGraph* g : gantt_graphs_)
            if (g) plot->removeGraph(g);
        gantt_graphs_.clear();
        if (auto t = qSharedPointerDynamicCast<QCPAxisTickerText>(plot->yAxis->ticker()))
            t->clear();
        duration_graph_->data()->clear();
        gantt_rows_done_ = 0;
        counts_[Gantt] = 0;
    }
    const int n = results_->taskCount();
    double t_max = 0.0;
    for (int r = gantt_rows_done_; r < n; ++r) {
        const TaskRow& row = results_->task(r);
        duration_graph_->addData(r + 1, std::max(row.end_s - row.start_s, 0.0));
        if (row.worker_id < 0 || row.end_s < row.start_s) continue;
        QCPGraph* g = ganttGraph(row.worker_id);
        // A bar: a thick segment from start to end, then a gap (NaN) before the next task.
        g->addData(row.start_s, row.worker_id);
        g->addData(row.end_s, row.worker_id);
        g->addData(row.end_s, std::numeric_limits<double>::quiet_NaN());
        ++counts_[Gantt];
    }
    gantt_rows_done_ = n;
    for (const TaskRow& row : results_->tasks()) t_max = std::max(t_max, row.end_s);
    const int workers = static_cast<int>(gantt_graphs_.size());
    plot->xAxis->setRange(0, std::max(t_max * 1.02, 1e-3));
    plot->yAxis->setRange(-0.7, std::max(workers, 1) - 0.3);
    plot->yAxis->setRangeReversed(true);
    bool found = false;
    const QCPRange durations = duration_graph_->getValueRange(found);
    duration_rect_->axis(QCPAxis::atBottom)->setRange(0, std::max(n, 1) + 1);
    duration_rect_->axis(QCPAxis::atLeft)->setRange(0, found ? durations.upper * 1.1 + 1e-6 : 1.0);
}

void LivePlotsPanel::updateConvergence(bool rebuild) {
    if (rebuild) {
        conv_tasks_->data()->clear();
        conv_time_->data()->clear();
        conv_points_done_ = 0;
    }
    const auto& points = results_->convergence();
    for (size_t i = static_cast<size_t>(conv_points_done_); i < points.size(); ++i) {
        conv_tasks_->addData(points[i].task_count, points[i].best);
        conv_time_->addData(points[i].time_s, points[i].best);
    }
    conv_points_done_ = static_cast<int>(points.size());
    counts_[Convergence] = conv_points_done_;
    QCustomPlot* plot = plots_[Convergence];
    plot->yAxis->setLabel(
        tr("Best %1 [%2]").arg(results_->objectiveName(), results_->objectiveUnit()));
    if (points.empty()) return;
    const double first = points.front().best, last = points.back().best;
    const double margin = std::max(0.05 * (last - first), 0.5);
    plot->yAxis->setRange(first - margin, last + margin);
    plot->xAxis->setRange(0, std::max(points.back().task_count, 1) + 1);
    double t_max = 0;
    for (const ConvergencePoint& p : points) t_max = std::max(t_max, p.time_s);
    plot->xAxis2->setRange(0, std::max(t_max * 1.02, 1e-3));
}

// --- export ----------------------------------------------------------------------------------

QPixmap LivePlotsPanel::renderPlot(const QString& name, const QSize& size) {
    flush();
    QCustomPlot* p = plot(name);
    if (!p) return {};
    const int w = size.width() > 0 ? size.width() : 900;
    const int h = size.height() > 0 ? size.height() : 600;
    if (!p->isVisible()) resize_off_screen(p, w, h);  // a shown plot keeps its layout size
    p->replot(QCustomPlot::rpImmediateRefresh);
    return p->toPixmap(w, h);
}

bool LivePlotsPanel::exportPlot(const QString& name, const QString& path, int width, int height,
                                QString* error) {
    flush();
    QCustomPlot* p = plot(name);
    if (!p) {
        if (error) *error = tr("No plot named '%1'").arg(name);
        return false;
    }
    const bool laid_out = p->isVisible() && p->width() >= 200 && p->height() >= 150;
    const int w = width > 0 ? width : (laid_out ? p->width() : 900);
    const int h = height > 0 ? height : (laid_out ? p->height() : 600);
    if (!laid_out) resize_off_screen(p, w, h);  // so that the layout (and plan aspect) fit it
    p->replot(QCustomPlot::rpImmediateRefresh);
    // Drawn in memory and written whole (ui/export_file.hpp): QCustomPlot's own savePng/savePdf
    // write to the file as they go, and a full disk left a cut-off picture.
    const auto draw = [p, w, h](QPaintDevice& device) {
        QCPPainter painter;
        if (!painter.begin(&device)) return false;
        p->toPainter(&painter, w, h);
        painter.end();
        return true;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QString title = tabs_->tabText(plotIndex(name));
    if (suffix == QLatin1String("svg"))
        return writeSvgFile(path, QSize(w, h), title, tr("Reflector Placement Studio plot"), draw,
                            error);
    if (suffix == QLatin1String("pdf")) return writePdfFile(path, QSize(w, h), title, draw, error);
    if (suffix == QLatin1String("png") || suffix == QLatin1String("jpg") ||
        suffix == QLatin1String("jpeg"))
        return writeImageFile(path, p->toPixmap(w, h).toImage(), error);
    if (error) *error = tr("Cannot write %1: export a plot as PNG, JPG, PDF or SVG").arg(path);
    return false;
}

}  // namespace rps

// Compiled here rather than in rps_ui's single file of generated code, which would pull the
// whole studio (Qt3D included) into `rps`, which links only what `rps report` uses.
// NOLINTNEXTLINE(bugprone-suspicious-include): moc's output is meant to be included.
#include "moc_live_plots_panel.cpp"
