#include "ui/compare_dialog.hpp"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/common/units.hpp"
#include "core/study/reflector_pose.hpp"
#include "ui/export_file.hpp"
#include "ui/qcustomplot_include.hpp"

namespace rps {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QColor entry_color(int i) {
    static const QColor palette[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44),
                                     QColor(148, 103, 189)};
    return palette[static_cast<size_t>(i) % std::size(palette)];
}

QCustomPlot* make_plot() {
    auto* plot = new QCustomPlot;
    plot->setAutoAddPlottableToLegend(false);
    plot->setMinimumHeight(220);
    return plot;
}

// A fresh plot in place of `old` (the number of axis rects changes with the selection).
QCustomPlot* replace_plot(QCustomPlot* old) {
    auto* fresh = make_plot();
    if (auto* splitter = qobject_cast<QSplitter*>(old->parentWidget())) {
        splitter->replaceWidget(splitter->indexOf(old), fresh);
        fresh->show();  // replaceWidget copies the old one's visibility (hidden before show())
    }
    old->deleteLater();
    return fresh;
}

// Queues a replot once the plot has a size (a zero-sized paint buffer cannot be painted).
void queue_replot(QCustomPlot* plot) {
    if (plot->width() > 0 && plot->height() > 0) plot->replot(QCustomPlot::rpQueuedReplot);
}

QCPRange cell_centres(double origin, int cells, double cell) {
    return QCPRange(origin + 0.5 * cell, origin + (cells - 0.5) * cell);
}

// Shows the whole plan with 1 m in x as long as 1 m in y.
void fit_plan(QCPAxisRect* rect, const QRectF& plan) {
    const double w = rect->width(), h = rect->height();
    if (w < 10 || h < 10) return;
    const double scale = std::max(plan.width() / w, plan.height() / h);
    QCPAxis* x = rect->axis(QCPAxis::atBottom);
    QCPAxis* y = rect->axis(QCPAxis::atLeft);
    const QCPRange nx(plan.center().x() - 0.5 * scale * w, plan.center().x() + 0.5 * scale * w);
    const QCPRange ny(plan.center().y() - 0.5 * scale * h, plan.center().y() + 0.5 * scale * h);
    const double tol = 1e-6 * std::max(plan.width(), plan.height());
    if (std::abs(x->range().lower - nx.lower) < tol &&
        std::abs(x->range().upper - nx.upper) < tol &&
        std::abs(y->range().lower - ny.lower) < tol && std::abs(y->range().upper - ny.upper) < tol)
        return;
    x->setRange(nx);
    y->setRange(ny);
    queue_replot(rect->parentPlot());
}

}  // namespace

CompareDialog::CompareDialog(const MeasurementGrid& grid, QWidget* parent)
    : QDialog(parent), grid_(grid) {
    setWindowTitle(tr("Compare results"));
    resize(1200, 860);

    list_ = new QListWidget(this);
    list_->setMaximumHeight(96);
    list_->setToolTip(tr("Tick 2 to %1 results to compare").arg(kMaxCompared));
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);

    maps_plot_ = make_plot();
    diff_plot_ = make_plot();
    cdf_plot_ = make_plot();
    cdf_plot_->xAxis->setLabel(valueLabel());
    cdf_plot_->yAxis->setLabel(tr("Cells at or below [%]"));
    cdf_plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    table_ = new QTableWidget(this);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->setVisible(false);
    table_->setColumnCount(7);
    setTableHeaders();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setMinimumHeight(110);

    auto* lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(diff_plot_);
    lower->addWidget(cdf_plot_);
    auto* vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(maps_plot_);
    vertical->addWidget(lower);
    vertical->addWidget(table_);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 2);
    vertical->setStretchFactor(2, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    export_button_ = buttons->addButton(tr("Export Picture…"), QDialogButtonBox::ActionRole);
    export_button_->setToolTip(tr("Save the maps, the difference and the CDF as one picture"));
    connect(export_button_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export comparison picture"), QStringLiteral("compare.png"),
            tr("PNG image (*.png);;JPEG image (*.jpg)"));
        if (!path.isEmpty()) exportPicture(path);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(list_);
    layout->addWidget(hint_);
    layout->addWidget(vertical, 1);
    layout->addWidget(buttons);

    connect(list_, &QListWidget::itemChanged, this, &CompareDialog::onItemChanged);
    rebuild();
    lower->setSizes({600, 600});
    vertical->setSizes({420, 300, 150});
}

CompareDialog::~CompareDialog() = default;

void CompareDialog::setCoverageThreshold(double threshold_dbm) {
    threshold_dbm_ = threshold_dbm;
    rebuild();
}

void CompareDialog::setSoftminTemperature(double temperature) {
    softmin_temperature_ = temperature;
    rebuild();
}

void CompareDialog::setReflector(const std::optional<ReflectorSpec>& reflector) {
    reflector_ = reflector;
    rebuild();
}

bool CompareDialog::usableEntry(const CompareEntry& entry) const {
    return !entry.power_w.empty() && entry.power_w.size() == grid_.cell_count();
}

void CompareDialog::setEntries(std::vector<CompareEntry> entries) {
    entries_ = std::move(entries);
    updating_ = true;
    list_->clear();
    int picked = 0;
    for (const CompareEntry& entry : entries_) {
        auto* item = new QListWidgetItem(entry.title, list_);
        const bool ok = usableEntry(entry);
        item->setFlags(ok ? (Qt::ItemIsUserCheckable | Qt::ItemIsEnabled) : Qt::NoItemFlags);
        if (!ok) item->setToolTip(tr("No map of this result for the current grid"));
        const bool pick = ok && picked < kMaxCompared;
        picked += pick ? 1 : 0;
        item->setCheckState(pick ? Qt::Checked : Qt::Unchecked);
    }
    updating_ = false;
    rebuild();
}

void CompareDialog::setPicked(int index, bool picked) {
    if (index < 0 || index >= list_->count()) return;
    list_->item(index)->setCheckState(picked ? Qt::Checked : Qt::Unchecked);
}

void CompareDialog::onItemChanged(QListWidgetItem* item) {
    if (updating_) return;
    if (item->checkState() == Qt::Checked &&
        static_cast<int>(pickedIndices().size()) > kMaxCompared) {
        updating_ = true;
        item->setCheckState(Qt::Unchecked);
        updating_ = false;
        hint_->setText(tr("At most %1 results can be compared at once.").arg(kMaxCompared));
        return;
    }
    rebuild();
}

std::vector<int> CompareDialog::pickedIndices() const {
    std::vector<int> picked;
    for (int i = 0; i < list_->count() && i < static_cast<int>(entries_.size()); ++i) {
        if (list_->item(i)->checkState() == Qt::Checked && usableEntry(entries_[i]))
            picked.push_back(i);
    }
    return picked;
}

int CompareDialog::metricsRowCount() const { return table_->rowCount(); }

std::span<const uint8_t> CompareDialog::countedMask() const {
    return grid_.mask.size() == grid_.cell_count() ? std::span<const uint8_t>(grid_.mask)
                                                   : std::span<const uint8_t>();
}

void CompareDialog::rebuild() {
    const std::vector<int> picked = pickedIndices();
    if (picked.size() < static_cast<size_t>(kMinCompared))
        hint_->setText(tr("Pick at least %1 results to compare.").arg(kMinCompared));
    else
        hint_->setText(
            tr("Comparing %n result(s) on one colour scale.", "", static_cast<int>(picked.size())));
    buildMaps(picked);
    buildDifference(picked);
    buildCdf(picked);
    buildTable(picked);
}

void CompareDialog::buildMaps(const std::vector<int>& picked) {
    maps_plot_ = replace_plot(maps_plot_);
    map_count_ = 0;
    QCustomPlot* plot = maps_plot_;
    plot->plotLayout()->clear();
    if (picked.empty() || grid_.cells_x < 1 || grid_.cells_y < 1) {
        queue_replot(plot);
        return;
    }
    const bool has_mask = grid_.mask.size() == grid_.cell_count();
    // One data range over every shown map (valid, masked cells).
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (int index : picked) {
        const std::vector<double>& p = entries_[static_cast<size_t>(index)].power_w;
        for (size_t i = 0; i < p.size(); ++i) {
            if ((has_mask && !grid_.mask[i]) || p[i] <= kNoSignalPower_w) continue;
            const double dbm = power_to_dbm_floored(p[i]);
            lo = std::min(lo, dbm), hi = std::max(hi, dbm);
        }
    }
    if (!std::isfinite(lo)) lo = kNoSignal_dbm, hi = kNoSignal_dbm + 1;
    if (hi - lo < 1.0) lo = hi - 1.0;

    auto* scale = new QCPColorScale(plot);
    scale->setType(QCPAxis::atRight);
    scale->axis()->setLabel(valueLabel());
    QCPColorGradient gradient(QCPColorGradient::gpJet);
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(200, 200, 200));
    scale->setGradient(gradient);
    auto* group = new QCPMarginGroup(plot);
    const QRectF plan(grid_.origin_x_m, grid_.origin_y_m, grid_.cells_x * grid_.cell_m,
                      grid_.cells_y * grid_.cell_m);
    const int n = static_cast<int>(picked.size());
    for (int k = 0; k < n; ++k) {
        const CompareEntry& entry = entries_[static_cast<size_t>(picked[static_cast<size_t>(k)])];
        auto* title =
            new QCPTextElement(plot, entry.title, QFont(plot->font().family(), 9, QFont::Bold));
        title->setTextColor(entry_color(k));
        plot->plotLayout()->addElement(0, k, title);
        auto* rect = new QCPAxisRect(plot);
        plot->plotLayout()->addElement(1, k, rect);
        rect->setMarginGroup(QCP::msTop | QCP::msBottom, group);
        rect->axis(QCPAxis::atBottom)->setLabel(tr("x [m]"));
        if (k == 0) rect->axis(QCPAxis::atLeft)->setLabel(tr("y [m]"));
        auto* map = new QCPColorMap(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        map->setInterpolate(false);
        map->setTightBoundary(false);
        map->data()->setSize(grid_.cells_x, grid_.cells_y);
        map->data()->setRange(cell_centres(grid_.origin_x_m, grid_.cells_x, grid_.cell_m),
                              cell_centres(grid_.origin_y_m, grid_.cells_y, grid_.cell_m));
        for (int iy = 0; iy < grid_.cells_y; ++iy) {
            for (int ix = 0; ix < grid_.cells_x; ++ix) {
                const size_t i = grid_.index(ix, iy);
                const bool counted = !has_mask || grid_.mask[i];
                map->data()->setCell(
                    ix, iy, counted ? std::max(power_to_dbm_floored(entry.power_w[i]), lo) : kNaN);
            }
        }
        map->setColorScale(scale);  // one scale: every map shares gradient and data range
        // Markers: APs (triangles), plate (square), focal point (circle with cross).
        QVector<double> ax, ay, px, py, fx, fy;
        const nlohmann::json& layout = entry.layout;
        if (layout.is_object() && layout.contains("aps") && layout["aps"].is_array()) {
            for (const auto& ap : layout["aps"]) {
                if (!ap.contains("x_m") || !ap.contains("y_m")) continue;
                ax << ap["x_m"].get<double>();
                ay << ap["y_m"].get<double>();
            }
        }
        if (layout.is_object() && layout.contains("reflector") && layout["reflector"].is_object()) {
            const auto& r = layout["reflector"];
            if (reflector_ && r.contains("u") && r.contains("v")) {
                const Vec3 m = mount_point(*reflector_, r["u"].get<double>(), r["v"].get<double>());
                px << m.x();
                py << m.y();
            }
            if (r.contains("focal_m") && r["focal_m"].is_array() && r["focal_m"].size() >= 2) {
                fx << r["focal_m"][0].get<double>();
                fy << r["focal_m"][1].get<double>();
            }
        }
        const auto add_markers = [&](const QVector<double>& xs, const QVector<double>& ys,
                                     QCPScatterStyle::ScatterShape shape, const QBrush& brush) {
            if (xs.isEmpty()) return;
            QCPGraph* g =
                plot->addGraph(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
            g->setLineStyle(QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(shape, QPen(Qt::black, 1.5), brush, 10));
            g->setData(xs, ys);
        };
        add_markers(ax, ay, QCPScatterStyle::ssTriangle, QBrush(Qt::white));
        add_markers(px, py, QCPScatterStyle::ssSquare, QBrush(Qt::gray));
        add_markers(fx, fy, QCPScatterStyle::ssCrossCircle, QBrush());
        rect->axis(QCPAxis::atBottom)->setRange(plan.left(), plan.right());
        rect->axis(QCPAxis::atLeft)->setRange(plan.top(), plan.bottom());
        connect(plot, &QCustomPlot::afterLayout, rect, [rect, plan] { fit_plan(rect, plan); });
        ++map_count_;
    }
    scale->setDataRange(QCPRange(lo, hi));
    plot->plotLayout()->addElement(1, n, scale);
    scale->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    queue_replot(plot);
}

void CompareDialog::buildDifference(const std::vector<int>& picked) {
    diff_plot_ = replace_plot(diff_plot_);
    difference_count_ = 0;
    difference_ = MapDifference();
    QCustomPlot* plot = diff_plot_;
    if (picked.size() < 2 || grid_.cells_x < 1 || grid_.cells_y < 1) {
        queue_replot(plot);
        return;
    }
    const CompareEntry& a = entries_[static_cast<size_t>(picked[0])];
    const CompareEntry& b = entries_[static_cast<size_t>(picked[1])];
    difference_ = map_difference(a.power_w, b.power_w, countedMask());
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(
        0, 0,
        new QCPTextElement(plot, tr("Difference: %1 − %2 [dB]").arg(a.title, b.title),
                           QFont(plot->font().family(), 9, QFont::Bold)));
    auto* map = new QCPColorMap(plot->xAxis, plot->yAxis);
    map->setInterpolate(false);
    map->setTightBoundary(false);
    map->data()->setSize(grid_.cells_x, grid_.cells_y);
    map->data()->setRange(cell_centres(grid_.origin_x_m, grid_.cells_x, grid_.cell_m),
                          cell_centres(grid_.origin_y_m, grid_.cells_y, grid_.cell_m));
    for (int iy = 0; iy < grid_.cells_y; ++iy)
        for (int ix = 0; ix < grid_.cells_x; ++ix)
            map->data()->setCell(ix, iy, difference_.db[grid_.index(ix, iy)]);
    // A symmetric scale, at least ±1 dB, so that white is "equal".
    const double extreme =
        std::max({1.0, std::abs(difference_.min_db), std::abs(difference_.max_db)});
    QCPColorGradient diverging;
    diverging.clearColorStops();
    diverging.setColorStopAt(0.0, QColor(33, 102, 172));
    diverging.setColorStopAt(0.5, QColor(247, 247, 247));
    diverging.setColorStopAt(1.0, QColor(178, 24, 43));
    diverging.setNanHandling(QCPColorGradient::nhNanColor);
    diverging.setNanColor(QColor(200, 200, 200));
    auto* scale = new QCPColorScale(plot);
    plot->plotLayout()->addElement(1, 1, scale);
    scale->setType(QCPAxis::atRight);
    scale->axis()->setLabel(tr("Δ [dB]"));
    map->setColorScale(scale);
    map->setGradient(diverging);
    map->setDataRange(QCPRange(-extreme, extreme));
    auto* group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    scale->setMarginGroup(QCP::msTop | QCP::msBottom, group);
    plot->xAxis->setLabel(tr("x [m]"));
    plot->yAxis->setLabel(tr("y [m]"));
    const QRectF plan(grid_.origin_x_m, grid_.origin_y_m, grid_.cells_x * grid_.cell_m,
                      grid_.cells_y * grid_.cell_m);
    plot->xAxis->setRange(plan.left(), plan.right());
    plot->yAxis->setRange(plan.top(), plan.bottom());
    QCPAxisRect* rect = plot->axisRect();
    connect(plot, &QCustomPlot::afterLayout, rect, [rect, plan] { fit_plan(rect, plan); });
    difference_count_ = 1;
    queue_replot(plot);
}

void CompareDialog::buildCdf(const std::vector<int>& picked) {
    QCustomPlot* plot = cdf_plot_;
    plot->clearGraphs();
    plot->legend->clearItems();
    cdf_count_ = 0;
    cdfs_.clear();
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (size_t k = 0; k < picked.size(); ++k) {
        const CompareEntry& entry = entries_[static_cast<size_t>(picked[k])];
        MapCdf cdf = map_cdf(entry.power_w, countedMask());
        if (cdf.counted == 0) continue;
        const std::vector<double>& dbm = cdfs_.emplace_back(std::move(cdf)).dbm;
        QVector<double> x, y;
        x.reserve(static_cast<int>(dbm.size()));
        y.reserve(static_cast<int>(dbm.size()));
        for (size_t i = 0; i < dbm.size(); ++i) {
            x << dbm[i];
            y << cdfs_.back().percent_at(i);
        }
        QCPGraph* g = plot->addGraph();
        g->setName(entry.title);
        g->setPen(QPen(entry_color(static_cast<int>(k)), 2));
        g->setLineStyle(QCPGraph::lsStepLeft);
        g->setData(x, y, true);
        g->addToLegend();
        if (!dbm.empty()) lo = std::min(lo, dbm.front()), hi = std::max(hi, dbm.back());
        ++cdf_count_;
    }
    if (std::isfinite(lo)) plot->xAxis->setRange(lo - 1, hi + 1);
    plot->yAxis->setRange(0, 100);
    // The coverage threshold, for reading coverage off the curves.
    plot->clearItems();
    if (cdf_count_ > 0) {
        auto* line = new QCPItemStraightLine(plot);
        line->point1->setCoords(threshold_dbm_, 0);
        line->point2->setCoords(threshold_dbm_, 1);
        line->setPen(QPen(Qt::darkGray, 1, Qt::DashLine));
    }
    plot->legend->setVisible(cdf_count_ > 0);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    queue_replot(plot);
}

void CompareDialog::buildTable(const std::vector<int>& picked) {
    metrics_.clear();
    table_->setRowCount(0);
    const std::span<const uint8_t> mask = countedMask();
    for (size_t k = 0; k < picked.size(); ++k) {
        const CompareEntry& entry = entries_[static_cast<size_t>(picked[k])];
        const MapMetrics m =
            compute_metrics(entry.power_w, mask, threshold_dbm_, softmin_temperature_);
        metrics_.push_back(m);
        const int row = table_->rowCount();
        table_->insertRow(row);
        auto* title = new QTableWidgetItem(entry.title);
        title->setForeground(entry_color(static_cast<int>(k)));
        table_->setItem(row, 0, title);
        const double values[] = {power_to_dbm_floored(m.p5_w), power_to_dbm_floored(m.min_w),
                                 power_to_dbm_floored(m.softmin_w), power_to_dbm_floored(m.mean_w),
                                 100.0 * m.coverage_fraction};
        for (int c = 0; c < 5; ++c) {
            auto* item = new QTableWidgetItem(QString::number(values[c], 'f', 2));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(row, c + 1, item);
        }
        auto* cells =
            new QTableWidgetItem(QStringLiteral("%1 / %2").arg(m.valid_cells).arg(m.total_cells));
        cells->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table_->setItem(row, 6, cells);
    }
    table_->resizeColumnsToContents();
}

void CompareDialog::setMapUnit(const QString& unit) {
    map_unit_ = unit;
    cdf_plot_->xAxis->setLabel(valueLabel());
    setTableHeaders();
    rebuild();
}

QString CompareDialog::valueLabel() const {
    // A SINR study's maps hold signal over interference and noise in dB, not RSS.
    return map_unit_ == QLatin1String("dBm") ? tr("RSS [dBm]") : tr("SINR [%1]").arg(map_unit_);
}

void CompareDialog::setTableHeaders() {
    table_->setHorizontalHeaderLabels(
        {tr("Result"), tr("P5 [%1]").arg(map_unit_), tr("Min [%1]").arg(map_unit_),
         tr("Soft-min [%1]").arg(map_unit_), tr("Mean [%1]").arg(map_unit_), tr("Coverage [%]"),
         tr("Valid cells")});
}

bool CompareDialog::exportPicture(const QString& path) {
    QString error;
    if (exportImage(path, &error)) return true;
    QMessageBox::warning(this, tr("Export failed"), error);
    return false;
}

bool CompareDialog::exportImage(const QString& path, QString* error) {
    const int w = 1400, maps_h = 420, lower_h = 380;
    QImage image(w, maps_h + lower_h, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.drawPixmap(0, 0, maps_plot_->toPixmap(w, maps_h));
    painter.drawPixmap(0, maps_h, diff_plot_->toPixmap(w / 2, lower_h));
    painter.drawPixmap(w / 2, maps_h, cdf_plot_->toPixmap(w / 2, lower_h));
    painter.end();
    return writeImageFile(path, image, error);
}

}  // namespace rps
