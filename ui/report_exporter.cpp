#include "ui/report_exporter.hpp"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QDateTime>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "core/metrics/map_metrics.hpp"
#include "ui/export_file.hpp"
#include "ui/live_plots_panel.hpp"
#include "ui/study_results.hpp"

namespace rps {
namespace {

constexpr char kResourcePrefix[] = "report-image:";
// The pictures' width: fits the PDF's printable width (A4 less 15 mm margins: 180 mm, 680 px at
// 96 dpi, the units of the width attribute) with room to spare.
constexpr int kPageWidthPx = 600;

QString esc(const QString& text) { return text.toHtmlEscaped(); }

QString esc(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

QString number(double value, int decimals = 2) {
    if (!std::isfinite(value)) return QStringLiteral("–");
    return QString::number(value, 'f', decimals);
}

QString scalar_text(const nlohmann::json& value) {
    if (value.is_string()) return QString::fromStdString(value.get<std::string>());
    if (value.is_number_float()) return QString::number(value.get<double>(), 'g', 8);
    return QString::fromStdString(value.dump());
}

// Flattens a JSON document to (key path, value) rows: objects by "a.b", arrays of scalars in one
// row, other arrays by "a[i]".
void flatten(const nlohmann::json& json, const std::string& prefix,
             std::vector<std::pair<std::string, QString>>& rows) {
    if (json.is_object()) {
        for (auto it = json.begin(); it != json.end(); ++it)
            flatten(it.value(), prefix.empty() ? it.key() : prefix + "." + it.key(), rows);
    } else if (json.is_array()) {
        const bool scalars = std::all_of(json.begin(), json.end(),
                                         [](const nlohmann::json& v) { return v.is_primitive(); });
        if (scalars) {
            QStringList parts;
            for (const auto& v : json) parts << scalar_text(v);
            QString text = QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
            if (text.size() > 400) text = text.left(400) + QStringLiteral(" …]");
            rows.emplace_back(prefix, text);
        } else {
            for (size_t i = 0; i < json.size(); ++i)
                flatten(json[i], prefix + "[" + std::to_string(i) + "]", rows);
        }
    } else {
        rows.emplace_back(prefix, scalar_text(json));
    }
}

QString key_value_table(const nlohmann::json& json, const QString& key_header,
                        const QString& value_header) {
    std::vector<std::pair<std::string, QString>> rows;
    flatten(json, "", rows);
    QString html = QStringLiteral(
                       "<table class=\"kv\" border=\"1\" cellspacing=\"0\" "
                       "cellpadding=\"3\"><tr><th>%1</th><th>%2</th></tr>")
                       .arg(esc(key_header), esc(value_header));
    for (const auto& [key, value] : rows)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(esc(key), esc(value));
    return html + QStringLiteral("</table>");
}

QString table_start(const QStringList& headers) {
    QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>");
    for (const QString& h : headers) html += QStringLiteral("<th>%1</th>").arg(esc(h));
    return html + QStringLiteral("</tr>");
}

QString table_row(const QStringList& cells) {
    QString html = QStringLiteral("<tr>");
    for (const QString& c : cells) html += QStringLiteral("<td>%1</td>").arg(esc(c));
    return html + QStringLiteral("</tr>");
}

const nlohmann::json* find_number(const nlohmann::json& json,
                                  std::initializer_list<const char*> keys) {
    if (!json.is_object()) return nullptr;
    for (const char* key : keys) {
        const auto it = json.find(key);
        if (it != json.end() && it->is_number()) return &*it;
    }
    return nullptr;
}

struct WorkerUse {
    int tasks = 0;
    double busy_s = 0.0;
};

}  // namespace

ReportExporter::ReportExporter(const StudyResults* results) : results_(results) {}

void ReportExporter::renderImages() {
    images_.clear();
    if (!scene_.isNull()) images_.insert(QStringLiteral("scene"), scene_);
    std::unique_ptr<LivePlotsPanel> own;
    LivePlotsPanel* panel = panel_;
    if (!panel) {
        own = std::make_unique<LivePlotsPanel>(results_);
        panel = own.get();
    }
    panel->flush();
    const QSize size(900, 560);
    if (!results_->bestMap().empty())
        images_.insert(QStringLiteral("heatmap"),
                       panel->renderPlot(QStringLiteral("heatmap"), QSize(900, 700)).toImage());
    for (const QString& name : {QStringLiteral("histogram"), QStringLiteral("convergence"),
                                QStringLiteral("scatter"), QStringLiteral("gantt")}) {
        if (panel->dataCount(name) > 0)
            images_.insert(name, panel->renderPlot(name, size).toImage());
    }
}

QString ReportExporter::imageTag(const QString& name, bool embed, int width) const {
    const auto it = images_.find(name);
    if (it == images_.end()) return {};
    QString src;
    if (embed) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        it->save(&buffer, "PNG");
        src = QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
    } else {
        src = QLatin1String(kResourcePrefix) + name;
    }
    return QStringLiteral("<p><img src=\"%1\" width=\"%2\" alt=\"%3\"/></p>")
        .arg(src)
        .arg(width)
        .arg(esc(name));
}

QString ReportExporter::setupSection() const {
    const nlohmann::json& spec = results_->specJson();
    if (spec.is_null() || spec.empty())
        return QStringLiteral("<p>%1</p>").arg(esc(tr("No study set-up.")));
    QString html;
    if (const auto& s = results_->spec()) {
        html += table_start({tr("Item"), tr("Value")});
        html += table_row({tr("Name"), QString::fromStdString(s->name)});
        html += table_row({tr("Scene"), QString::fromStdString(s->scene_path)});
        html += table_row({tr("Mode"), QString::fromStdString(to_string(s->mode, s->ap_count))});
        html += table_row({tr("Objective"), results_->objectiveName()});
        html +=
            table_row({tr("Coverage threshold"),  // in the map's unit: dB for SINR
                       QStringLiteral("%1 %2").arg(number(s->objective.coverage_threshold_dbm, 1),
                                                   results_->mapUnit())});
        html += table_row({tr("Frequency"), tr("%1 GHz").arg(number(s->radio.freq_hz / 1e9, 3))});
        html += table_row({tr("AP power"), tr("%1 dBm").arg(number(s->radio.tx_power_dbm, 1))});
        QStringList methods;
        for (const MethodSpec& m : s->methods) methods << QString::fromStdString(m.type);
        html += table_row({tr("Methods"), methods.join(QStringLiteral(", "))});
        html += table_row({tr("Seed"), QString::number(s->seed)});
        html += table_row({tr("Workers"), QString::number(s->compute.workers)});
        html += QStringLiteral("</table><p>%1</p>").arg(esc(tr("The study document:")));
    }
    return html + key_value_table(spec, tr("Key"), tr("Value"));
}

QString ReportExporter::bestLayoutSection() const {
    if (!results_->hasBest()) return QStringLiteral("<p>%1</p>").arg(esc(tr("No result yet.")));
    const QString unit = results_->objectiveUnit();
    QString html =
        QStringLiteral("<p><b>%1</b></p>")
            .arg(esc(tr("Best %1: %2 %3")
                         .arg(results_->objectiveName(), number(results_->bestObjective()), unit)));
    const nlohmann::json& layout = results_->bestLayout();
    if (layout.is_object() && layout.contains("aps")) {
        html += table_start(
            {tr("AP"), tr("x [m]"), tr("y [m]"), tr("z [m]"), tr("Yaw [°]"), tr("Downtilt [°]")});
        int i = 0;
        for (const auto& ap : layout["aps"]) {
            html += table_row({QString::number(i++), number(ap.value("x_m", NAN)),
                               number(ap.value("y_m", NAN)), number(ap.value("z_m", NAN)),
                               number(ap.value("yaw_deg", NAN), 1),
                               number(ap.value("downtilt_deg", NAN), 1)});
        }
        html += QStringLiteral("</table>");
    }
    if (layout.is_object() && layout.contains("reflector")) {
        const auto& r = layout["reflector"];
        const double u = r.value("u", NAN), v = r.value("v", NAN);
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Reflector plate:")));
        html += table_start(
            {tr("u"), tr("v"), tr("Mount point x, y [m]"), tr("Focal point x, y, z [m]")});
        QString mount = QStringLiteral("–");
        if (const auto p = results_->mountPoint(u, v))
            mount = QStringLiteral("%1, %2").arg(number(p->first), number(p->second));
        QString focal = QStringLiteral("–");
        if (r.contains("focal_m") && r["focal_m"].is_array() && r["focal_m"].size() == 3)
            focal = QStringLiteral("%1, %2, %3")
                        .arg(number(r["focal_m"][0].get<double>()),
                             number(r["focal_m"][1].get<double>()),
                             number(r["focal_m"][2].get<double>()));
        html += table_row({number(u, 3), number(v, 3), mount, focal}) + QStringLiteral("</table>");
    }
    // The parameter vector.
    const std::vector<double>& x = results_->bestX();
    if (!x.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Parameter vector:")));
        html += table_start({tr("Parameter"), tr("Value")});
        const QStringList& names = results_->parameterNames();
        for (size_t i = 0; i < x.size(); ++i) {
            const QString name = static_cast<int>(i) < names.size() ? names[static_cast<int>(i)]
                                                                    : QStringLiteral("x%1").arg(i);
            html += table_row({name, number(x[i], 4)});
        }
        html += QStringLiteral("</table>");
    }
    // Metrics of the best map (the one metric definition), when the map is known.
    const std::vector<double>& map = results_->bestMap();
    const MeasurementGrid& g = results_->grid();
    if (!map.empty() && map.size() == g.cell_count()) {
        const std::span<const uint8_t> mask = g.mask.size() == map.size()
                                                  ? std::span<const uint8_t>(g.mask)
                                                  : std::span<const uint8_t>();
        const MapMetrics m = compute_metrics(map, mask, results_->coverageThresholdDbm(),
                                             results_->softminTemperature());
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Metrics of the best map:")));
        const QString map_unit = results_->mapUnit();  // dB for a SINR study, as compare says
        html += table_start({tr("P5 [%1]").arg(map_unit), tr("Min [%1]").arg(map_unit),
                             tr("Soft-min [%1]").arg(map_unit), tr("Mean [%1]").arg(map_unit),
                             tr("Coverage [%]"), tr("Valid / counted cells")});
        html +=
            table_row({number(power_to_dbm_floored(m.p5_w)), number(power_to_dbm_floored(m.min_w)),
                       number(power_to_dbm_floored(m.softmin_w)),
                       number(power_to_dbm_floored(m.mean_w)), number(100.0 * m.coverage_fraction),
                       QStringLiteral("%1 / %2").arg(m.valid_cells).arg(m.total_cells)});
        html += QStringLiteral("</table>");
    } else if (results_->summary().contains("best_metrics")) {
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Metrics of the best layout:")));
        html += key_value_table(results_->summary()["best_metrics"], tr("Metric"), tr("Value"));
    }
    return html;
}

QString ReportExporter::statisticsSection() const {
    QString html;
    // The objective over finished tasks, overall and per method.
    std::map<QString, std::vector<double>> by_method;
    std::vector<double> all;
    for (const TaskRow& row : results_->tasks()) {
        if (row.kind == QLatin1String("map") || !StudyResults::usableObjective(row.objective))
            continue;
        all.push_back(row.objective);
        by_method[row.method].push_back(row.objective);
    }
    const auto stats_row = [](const QString& name, const std::vector<double>& v) {
        double sum = 0, sq = 0;
        for (double x : v) sum += x;
        const double mean = sum / static_cast<double>(v.size());
        for (double x : v) sq += (x - mean) * (x - mean);
        // Population standard deviation, as `rps show` and the stored summary (study_format.md).
        const double std_dev = std::sqrt(sq / static_cast<double>(v.size()));
        const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        return table_row({name, QString::number(v.size()), number(mean), number(std_dev),
                          number(*lo), number(*hi)});
    };
    const QString unit = results_->objectiveUnit();
    if (!all.empty()) {
        html += table_start({tr("Tasks"), tr("Count"), tr("Mean [%1]").arg(unit),
                             tr("Std [%1]").arg(unit), tr("Min [%1]").arg(unit),
                             tr("Max [%1]").arg(unit)});
        html += stats_row(tr("All"), all);
        for (const auto& [method, values] : by_method)
            html += stats_row(method.isEmpty() ? tr("(unnamed)") : method, values);
        html += QStringLiteral("</table>");
    } else {
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("No finished task.")));
    }

    // Workers: tasks and busy time from the task rows.
    std::map<int, WorkerUse> workers;
    double t0 = INFINITY, t1 = -INFINITY;
    for (const TaskRow& row : results_->tasks()) {
        if (row.worker_id < 0) continue;
        WorkerUse& w = workers[row.worker_id];
        ++w.tasks;
        w.busy_s += std::max(row.end_s - row.start_s, 0.0);
        t0 = std::min(t0, row.start_s), t1 = std::max(t1, row.end_s);
    }
    const nlohmann::json& summary = results_->summary();
    const nlohmann::json* wall_json = find_number(summary, {"wall_s", "wall_time_s", "wall"});
    const double wall = wall_json ? wall_json->get<double>() : (t1 > t0 ? t1 - t0 : 0.0);
    if (!workers.empty()) {
        html += QStringLiteral("<p>%1</p>").arg(esc(tr("Workers:")));
        html += table_start({tr("Worker"), tr("Tasks"), tr("Busy [s]"), tr("Busy share [%]")});
        double busy = 0;
        for (const auto& [id, w] : workers) {
            busy += w.busy_s;
            html +=
                table_row({QString::number(id), QString::number(w.tasks), number(w.busy_s),
                           wall > 0 ? number(100.0 * w.busy_s / wall, 1) : QStringLiteral("–")});
        }
        html += QStringLiteral("</table>");
        // The summary keeps it under "pool" (study_format.md); older summaries at the top level.
        const nlohmann::json* eff = nullptr;
        if (summary.is_object() && summary.contains("pool"))
            eff = find_number(summary.at("pool"), {"efficiency"});
        if (!eff) eff = find_number(summary, {"pool_efficiency", "efficiency"});
        const double efficiency =
            eff ? eff->get<double>()
                : (wall > 0 ? busy / (static_cast<double>(workers.size()) * wall) : 0.0);
        html += QStringLiteral("<p>%1</p>")
                    .arg(esc(tr("Pool efficiency (busy / (workers × wall)): %1 %")
                                 .arg(number(100.0 * efficiency, 1))));
    }
    // Everything else the runner reported.
    if (summary.is_object() && !summary.empty()) {
        nlohmann::json rest = summary;
        for (const char* key : {"best_x", "best_layout", "best_metrics"}) rest.erase(key);
        if (!rest.empty()) {
            html += QStringLiteral("<p>%1</p>").arg(esc(tr("Study summary:")));
            html += key_value_table(rest, tr("Key"), tr("Value"));
        }
    }
    return html;
}

QString ReportExporter::timingSection() const {
    double t0 = INFINITY, t1 = -INFINITY, total = 0;
    std::vector<double> durations;
    for (const TaskRow& row : results_->tasks()) {
        const double d = std::max(row.end_s - row.start_s, 0.0);
        durations.push_back(d);
        total += d;
        t0 = std::min(t0, row.start_s), t1 = std::max(t1, row.end_s);
    }
    if (durations.empty()) return QStringLiteral("<p>%1</p>").arg(esc(tr("No timing yet.")));
    std::sort(durations.begin(), durations.end());
    const nlohmann::json* wall_json =
        find_number(results_->summary(), {"wall_s", "wall_time_s", "wall"});
    const double wall = wall_json ? wall_json->get<double>() : t1 - t0;
    const double median = durations[durations.size() / 2];
    QString html = table_start({tr("Item"), tr("Value")});
    html += table_row({tr("Wall time"), tr("%1 s").arg(number(wall, 2))});
    html += table_row({tr("Tasks"), QString::number(durations.size())});
    html += table_row({tr("Task time, total"), tr("%1 s").arg(number(total, 2))});
    html += table_row({tr("Task time, mean"),
                       tr("%1 s").arg(number(total / static_cast<double>(durations.size()), 3))});
    html += table_row({tr("Task time, median"), tr("%1 s").arg(number(median, 3))});
    html += table_row({tr("Task time, max"), tr("%1 s").arg(number(durations.back(), 3))});
    if (wall > 0)
        html += table_row(
            {tr("Throughput"),
             tr("%1 tasks/s").arg(number(static_cast<double>(durations.size()) / wall, 2))});
    return html + QStringLiteral("</table>");
}

QString ReportExporter::buildHtml(bool embed_images) {
    renderImages();
    QString name = title_;
    if (name.isEmpty() && results_->spec()) name = QString::fromStdString(results_->spec()->name);
    if (name.isEmpty()) name = tr("study");
    QString html =
        QStringLiteral(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>%1</title>"
            "<style>body{font-family:sans-serif;margin:%2;}table{border-collapse:collapse;"
            "margin:0.5em 0;}th{background:#eee;}td,th{padding:3px 8px;text-align:left;}"
            "img{max-width:100%;}</style></head><body>\n")
            .arg(esc(tr("Study report: %1").arg(name)),
                 // A browser window gets a margin; a PDF page has its own.
                 embed_images ? QStringLiteral("2em") : QStringLiteral("0"));
    html += QStringLiteral("<h1>%1</h1>").arg(esc(tr("Study report: %1").arg(name)));
    html += QStringLiteral("<p>%1</p>")
                .arg(esc(tr("Generated by Reflector Placement Studio on %1.")
                             .arg(QDateTime::currentDateTime().toString(Qt::ISODate))));
    if (results_->hasBest())
        html += QStringLiteral("<p><b>%1</b></p>")
                    .arg(esc(tr("Best objective: %1 = %2 %3")
                                 .arg(results_->objectiveName(), number(results_->bestObjective()),
                                      results_->objectiveUnit())));

    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("1. Scene")));
    html += images_.contains(QStringLiteral("scene"))
                ? imageTag(QStringLiteral("scene"), embed_images, kPageWidthPx)
                : QStringLiteral("<p>%1</p>").arg(esc(tr("No scene picture.")));
    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("2. Study set-up")));
    html += setupSection();
    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("3. Best layout")));
    html += bestLayoutSection();
    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("4. Maps")));
    html += images_.contains(QStringLiteral("heatmap"))
                ? imageTag(QStringLiteral("heatmap"), embed_images, kPageWidthPx)
                : QStringLiteral("<p>%1</p>").arg(esc(tr("No map of the best layout.")));
    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("5. Plots")));
    const std::pair<QString, QString> plots[] = {
        {QStringLiteral("histogram"), tr("Objective over finished tasks")},
        {QStringLiteral("convergence"), tr("Convergence")},
        {QStringLiteral("scatter"), tr("Explored positions")},
        {QStringLiteral("gantt"), tr("Workers and time per task")}};
    for (const auto& [key, caption] : plots) {
        if (!images_.contains(key)) continue;
        html += QStringLiteral("<h3>%1</h3>").arg(esc(caption)) +
                imageTag(key, embed_images, kPageWidthPx);
    }
    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("6. Statistics")));
    html += statisticsSection();
    html += QStringLiteral("<h2>%1</h2>").arg(esc(tr("7. Timing")));
    html += timingSection();
    html += QStringLiteral("\n</body></html>\n");
    return html;
}

bool ReportExporter::exportHtml(const QString& path, QString* error) {
    return writeExportFile(path, buildHtml(true).toUtf8(), error);
}

// Lays the document out on the writer's printable area, in 96-dpi units (those of the images'
// width attributes), and paints it page by page with the page number below. QTextDocument::print
// instead adds margins of its own inside the page's (2 cm, or an offset when given a page size),
// and the scene picture lost its legend at the right edge.
void ReportExporter::paintPages(QTextDocument& document, QPdfWriter& writer) {
    constexpr double kDocumentDpi = 96.0;
    const double scale = writer.resolution() / kDocumentDpi;
    constexpr double kPageNumberSpace = 24.0;  // document units kept for the page number
    const QSizeF page(writer.width() / scale, writer.height() / scale - kPageNumberSpace);
    document.setPageSize(page);
    QPainter painter(&writer);
    const int pages = document.pageCount();
    for (int index = 0; index < pages; ++index) {
        if (index > 0) writer.newPage();
        painter.save();
        painter.scale(scale, scale);
        const QRectF view(0.0, index * page.height(), page.width(), page.height());
        painter.translate(0.0, -view.top());
        painter.setClipRect(view);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = view;
        document.documentLayout()->draw(&painter, context);
        painter.setClipping(false);
        QFont number_font = document.defaultFont();
        number_font.setPixelSize(11);  // document units: the painter is scaled to them
        painter.setFont(number_font);
        painter.drawText(QRectF(0.0, view.bottom(), page.width(), kPageNumberSpace),
                         Qt::AlignRight | Qt::AlignBottom, QString::number(index + 1));
        painter.restore();
    }
}

bool ReportExporter::exportPdf(const QString& path, QString* error) {
    const QString html = buildHtml(false);
    QTextDocument document;
    for (auto it = images_.constBegin(); it != images_.constEnd(); ++it)
        document.addResource(QTextDocument::ImageResource,
                             QUrl(QLatin1String(kResourcePrefix) + it.key()), it.value());
    document.setHtml(html);
    // Rendered in memory: QPdfWriter reports no write error of its own, so the file is written
    // in one checked step.
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setTitle(tr("Study report"));
        writer.setCreator(QStringLiteral("Reflector Placement Studio"));
        paintPages(document, writer);
    }
    if (pdf.isEmpty()) {
        if (error) *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return writeExportFile(path, pdf, error);
}

}  // namespace rps
