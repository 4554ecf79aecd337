// LivePlotsPanel: every plot receives data, updates are coalesced, exports are not blank, and an
// export that cannot be written (a full disk) says why and leaves no file.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "gui_test_data.hpp"
#include "support/file_size_limit.hpp"
#include "ui/live_plots_panel.hpp"
#include "ui/qcustomplot_include.hpp"
#include "ui/study_results.hpp"

namespace rps {
namespace {

TEST(LivePlotsPanel, EveryPlotReceivesData) {
    StudyResults results;
    LivePlotsPanel panel(&results);
    panel.resize(900, 650);
    panel.show();
    for (const QString& name : LivePlotsPanel::plotNames()) EXPECT_EQ(panel.dataCount(name), 0);
    test::fill_synthetic(results, 60);
    panel.flush();
    // 18 x 18 counted cells (the border ring is masked out).
    EXPECT_EQ(panel.dataCount(QStringLiteral("heatmap")), 18 * 18);
    EXPECT_EQ(panel.dataCount(QStringLiteral("histogram")), 60);
    // Per point: 2 APs + plate + focal; 60 task bests + 240 explored points.
    EXPECT_EQ(panel.dataCount(QStringLiteral("scatter")), (60 + 240) * 4);
    EXPECT_EQ(panel.dataCount(QStringLiteral("gantt")), 60);
    EXPECT_EQ(panel.dataCount(QStringLiteral("convergence")), 60);
    EXPECT_EQ(panel.dataCount(QStringLiteral("nonsense")), -1);
    EXPECT_NE(panel.plot(QStringLiteral("gantt")), nullptr);
}

TEST(LivePlotsPanel, UpdatesAreCoalesced) {
    StudyResults results;
    LivePlotsPanel panel(&results);
    panel.setUpdateInterval(100);
    panel.resize(800, 600);
    panel.show();
    results.reset(test::synthetic_spec(), test::synthetic_grid());
    QTest::qWait(150);
    const int before = panel.refreshCount();
    QSignalSpy refreshed(&panel, &LivePlotsPanel::refreshed);
    for (int k = 0; k < 500; ++k) {
        TaskRow row;
        row.task_id = static_cast<uint64_t>(k);
        row.method = QStringLiteral("grid");
        row.kind = QStringLiteral("evaluate");
        row.objective = -100.0 + 0.01 * k;
        row.best_x = test::synthetic_x(k);
        row.worker_id = k % 4;
        row.start_s = k * 0.01;
        row.end_s = k * 0.01 + 0.03;
        results.addTask(row);
    }
    EXPECT_EQ(panel.refreshCount(), before);  // nothing redrawn synchronously
    EXPECT_TRUE(refreshed.wait(2000));
    QTest::qWait(150);
    EXPECT_LE(panel.refreshCount() - before, 2);  // 500 results, one or two refreshes
    EXPECT_EQ(panel.dataCount(QStringLiteral("gantt")), 500);
    EXPECT_EQ(panel.dataCount(QStringLiteral("convergence")), 500);
    // Clearing empties the plots.
    results.clear();
    panel.flush();
    EXPECT_EQ(panel.dataCount(QStringLiteral("gantt")), 0);
    EXPECT_EQ(panel.dataCount(QStringLiteral("histogram")), 0);
}

TEST(LivePlotsPanel, ExportsPngAndSvg) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    StudyResults results;
    LivePlotsPanel panel(&results);  // never shown: exports must still lay out
    test::fill_synthetic(results, 40);
    for (const QString& name : LivePlotsPanel::plotNames()) {
        const QString png = dir.filePath(name + QStringLiteral(".png"));
        const QString svg = dir.filePath(name + QStringLiteral(".svg"));
        ASSERT_TRUE(panel.exportPlot(name, png, 800, 500)) << name.toStdString();
        ASSERT_TRUE(panel.exportPlot(name, svg, 800, 500)) << name.toStdString();
        QImage image(png);
        ASSERT_FALSE(image.isNull()) << name.toStdString();
        EXPECT_EQ(image.width(), 800);
        EXPECT_GE(test::distinct_colours(image), 8) << name.toStdString() << " looks blank";
        QFile file(svg);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        EXPECT_TRUE(text.contains("<svg")) << name.toStdString();
        EXPECT_GT(text.size(), 2000) << name.toStdString();
    }
    EXPECT_FALSE(
        panel.exportPlot(QStringLiteral("heatmap"), dir.filePath(QStringLiteral("x.xyz"))));
    EXPECT_FALSE(
        panel.exportPlot(QStringLiteral("nonsense"), dir.filePath(QStringLiteral("x.png"))));
    // The heatmap shows many colours (a real colour scale, not a flat fill).
    QImage heat(dir.filePath(QStringLiteral("heatmap.png")));
    EXPECT_GE(test::distinct_colours(heat, 40), 40);
}

// Every format on a full disk (a 4 KiB file size limit; each plot is larger): false with the
// file and the system's reason, and nothing left in the folder, neither a picture cut off at the
// limit (QCustomPlot's savePng/savePdf and QSvgGenerator wrote to the file as they went, and
// the SVG export even said it had worked) nor a temporary file. A PDF and a JPG still decode.
TEST(LivePlotsPanel, ExportOnAFullDiskFailsAndLeavesNoFile) {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    StudyResults results;
    LivePlotsPanel panel(&results);
    test::fill_synthetic(results, 40);
    const QString jpg = dir.filePath(QStringLiteral("histogram.jpg"));
    const QString pdf = dir.filePath(QStringLiteral("histogram.pdf"));
    QString error;
    ASSERT_TRUE(panel.exportPlot(QStringLiteral("histogram"), jpg, 800, 500, &error))
        << error.toStdString();
    EXPECT_EQ(QImage(jpg).width(), 800);
    ASSERT_TRUE(panel.exportPlot(QStringLiteral("histogram"), pdf, 800, 500, &error))
        << error.toStdString();
    QFile pdf_file(pdf);
    ASSERT_TRUE(pdf_file.open(QIODevice::ReadOnly));
    EXPECT_EQ(pdf_file.read(5), QByteArray("%PDF-"));
    EXPECT_GT(pdf_file.size(), 4096);

    const QDir full(dir.filePath(QStringLiteral("full")));
    ASSERT_TRUE(QDir().mkpath(full.path()));
    for (const QString& suffix : {QStringLiteral("png"), QStringLiteral("jpg"),
                                  QStringLiteral("svg"), QStringLiteral("pdf")}) {
        const QString path = full.filePath(QStringLiteral("gantt.") + suffix);
        error.clear();
        bool written = true;
        {
            test::FileSizeLimit limit(4096);
            written = panel.exportPlot(QStringLiteral("gantt"), path, 800, 500, &error);
        }
        EXPECT_FALSE(written) << suffix.toStdString();
        EXPECT_TRUE(error.contains(path)) << error.toStdString();
        EXPECT_TRUE(error.contains(QStringLiteral("File too large"))) << error.toStdString();
        EXPECT_EQ(test::leftovers(full), "") << suffix.toStdString();
    }
    // A folder that does not exist: the same message, no "written".
    const QString nowhere = dir.filePath(QStringLiteral("no/such/folder/gantt.png"));
    EXPECT_FALSE(panel.exportPlot(QStringLiteral("gantt"), nowhere, 800, 500, &error));
    EXPECT_TRUE(error.contains(nowhere)) << error.toStdString();
}

// A panel that is never shown (the report's own) draws its plan plots with the axes fitted to the
// picture: the whole 20 m x 20 m grid in view, 1 m in x as long as 1 m in y, and the ticks drawn
// are those of that range (they were once those of the unfitted range, 0 to 5).
TEST(LivePlotsPanel, HiddenPlanPlotsFitThePicture) {
    StudyResults results;
    LivePlotsPanel panel(&results);
    test::fill_synthetic(results, 40);
    for (const QString& name : {QStringLiteral("heatmap"), QStringLiteral("scatter")}) {
        ASSERT_FALSE(panel.renderPlot(name, QSize(900, 700)).isNull()) << name.toStdString();
        const QCustomPlot* plot = panel.plot(name);
        const QCPRange x = plot->xAxis->range(), y = plot->yAxis->range();
        EXPECT_LE(x.lower, 0.0) << name.toStdString();
        EXPECT_GE(x.upper, 20.0) << name.toStdString();
        EXPECT_LE(y.lower, 0.0) << name.toStdString();
        EXPECT_GE(y.upper, 20.0) << name.toStdString();
        for (const QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
            const QVector<double> ticks = axis->tickVector();
            ASSERT_FALSE(ticks.isEmpty()) << name.toStdString();
            EXPECT_LE(ticks.front(), 0.0) << name.toStdString();
            EXPECT_GE(ticks.back(), 20.0) << name.toStdString();
        }
        const QCPAxisRect* rect = plot->axisRect();
        EXPECT_NEAR(x.size() / rect->width(), y.size() / rect->height(),
                    0.02 * y.size() / rect->height())
            << name.toStdString();
    }
}

}  // namespace
}  // namespace rps
