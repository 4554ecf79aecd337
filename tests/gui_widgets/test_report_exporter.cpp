// ReportExporter: HTML with embedded images and the best objective; a real PDF.
#include <gtest/gtest.h>

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QUrl>
#include <cmath>
#include <vector>

#include "core/common/units.hpp"
#include "core/metrics/map_metrics.hpp"
#include "gui_test_data.hpp"
#include "ui/live_plots_panel.hpp"
#include "ui/report_exporter.hpp"
#include "ui/study_results.hpp"

namespace rps {
namespace {

QImage scene_picture() {
    QImage image(400, 300, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setPen(QPen(Qt::black, 4));
    p.drawRect(20, 20, 360, 260);
    p.setPen(QPen(Qt::red, 3));
    p.drawLine(200, 20, 200, 180);
    return image;
}

QByteArray read_all(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

TEST(ReportExporter, HtmlAndPdf) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    StudyResults results;
    LivePlotsPanel panel(&results);
    test::fill_synthetic(results, 40);
    ReportExporter exporter(&results);
    exporter.setScenePicture(scene_picture());
    exporter.setPlotsPanel(&panel);

    const QString html_path = dir.filePath(QStringLiteral("report.html"));
    QString error;
    ASSERT_TRUE(exporter.exportHtml(html_path, &error)) << error.toStdString();
    const QByteArray html = read_all(html_path);
    const QString best = QString::number(results.bestObjective(), 'f', 2);
    EXPECT_TRUE(html.contains(best.toUtf8())) << "best objective " << best.toStdString();
    EXPECT_TRUE(html.contains("<img"));
    EXPECT_TRUE(html.contains("data:image/png;base64,"));
    EXPECT_GE(html.count("<img"), 6);  // scene, map, 4 plots
    EXPECT_TRUE(html.contains("ap0.x_m"));
    EXPECT_TRUE(html.contains("synthetic"));        // set-up
    EXPECT_TRUE(html.contains("Pool efficiency"));  // statistics
    EXPECT_TRUE(html.contains("93.0"));             // the summary's efficiency, in percent
    EXPECT_TRUE(html.contains("Wall time"));        // timing
    EXPECT_EQ(exporter.images().size(), 6);

    const QString pdf_path = dir.filePath(QStringLiteral("report.pdf"));
    ASSERT_TRUE(exporter.exportPdf(pdf_path, &error)) << error.toStdString();
    const QByteArray pdf = read_all(pdf_path);
    EXPECT_TRUE(pdf.startsWith("%PDF"));
    EXPECT_GT(pdf.size(), 10 * 1024);
    // Everything fits the printable width of A4 less 15 mm margins (180 mm: 680 px at 96 dpi,
    // the units of the pictures' widths); a 700 px scene picture lost its legend at the edge.
    QTextDocument document;
    const QString pdf_html = exporter.buildHtml(false);
    for (auto it = exporter.images().constBegin(); it != exporter.images().constEnd(); ++it)
        document.addResource(QTextDocument::ImageResource,
                             QUrl(QStringLiteral("report-image:") + it.key()), it.value());
    document.setHtml(pdf_html);
    const double page_width_px = 180.0 / 25.4 * 96.0;
    document.setPageSize(QSizeF(page_width_px, 1000.0));
    EXPECT_LE(document.idealWidth(), page_width_px);

    EXPECT_FALSE(exporter.exportHtml(dir.filePath(QStringLiteral("no/such/dir/r.html")), &error));
    EXPECT_FALSE(error.isEmpty());
}

// The report's numbers are the stored summary's and the metrics' own definitions: the pool
// efficiency under "pool", the population standard deviation of the objectives (as `rps show`),
// and the soft-min at the study's temperature.
TEST(ReportExporter, NumbersFollowTheSummaryAndTheStudy) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    StudyResults results;
    nlohmann::json spec = test::synthetic_spec_json();
    spec["objective"]["softmin_temperature"] = 1.0;  // not the default 0.2
    test::fill_synthetic(results, 40, parse_study(spec, "synthetic.json"));
    ASSERT_EQ(results.softminTemperature(), 1.0);
    results.setSummary({{"wall_s", 12.0}, {"pool", {{"efficiency", 0.871}}}});
    ReportExporter exporter(&results);
    const QString path = dir.filePath(QStringLiteral("r.html"));
    ASSERT_TRUE(exporter.exportHtml(path));
    const QString html = QString::fromUtf8(read_all(path));
    EXPECT_TRUE(html.contains(QStringLiteral("87.1"))) << "pool efficiency from summary.pool";
    std::vector<double> objectives;
    for (const TaskRow& row : results.tasks())
        if (row.kind != QLatin1String("map") && StudyResults::usableObjective(row.objective))
            objectives.push_back(row.objective);
    ASSERT_GT(objectives.size(), 2u);
    double mean = 0, sq = 0;
    for (double v : objectives) mean += v / objectives.size();
    for (double v : objectives) sq += (v - mean) * (v - mean);
    const QString population_std = QString::number(std::sqrt(sq / objectives.size()), 'f', 2);
    const QString sample_std = QString::number(std::sqrt(sq / (objectives.size() - 1)), 'f', 2);
    ASSERT_NE(population_std, sample_std);
    EXPECT_TRUE(html.contains(population_std)) << population_std.toStdString();
    const MeasurementGrid& g = results.grid();
    const MapMetrics at_study = compute_metrics(
        results.bestMap(), g.mask, results.coverageThresholdDbm(), results.softminTemperature());
    const MapMetrics at_default =
        compute_metrics(results.bestMap(), g.mask, results.coverageThresholdDbm());
    const QString softmin = QString::number(power_to_dbm_floored(at_study.softmin_w), 'f', 2);
    ASSERT_NE(softmin, QString::number(power_to_dbm_floored(at_default.softmin_w), 'f', 2));
    EXPECT_TRUE(html.contains(softmin)) << softmin.toStdString();
}

TEST(ReportExporter, WithoutPanelOrResults) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    StudyResults results;
    ReportExporter empty(&results);
    const QString path = dir.filePath(QStringLiteral("empty.html"));
    ASSERT_TRUE(empty.exportHtml(path));
    EXPECT_TRUE(read_all(path).contains("No result yet"));

    test::fill_synthetic(results, 20);
    ReportExporter own(&results);  // renders its plots with a hidden panel of its own
    const QString html = own.buildHtml(true);
    EXPECT_TRUE(html.contains(QStringLiteral("<img")));
    EXPECT_GE(own.images().size(), 5);
}

}  // namespace
}  // namespace rps
