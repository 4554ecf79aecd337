// ReportExporter: HTML with embedded images and the best objective; a real PDF.
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>

#include <gtest/gtest.h>

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

    EXPECT_FALSE(exporter.exportHtml(dir.filePath(QStringLiteral("no/such/dir/r.html")), &error));
    EXPECT_FALSE(error.isEmpty());
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
