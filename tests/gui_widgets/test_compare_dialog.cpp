// CompareDialog: maps on one scale, one difference map, a CDF per result, a metrics row each.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>

#include "core/metrics/map_cdf.hpp"
#include "core/metrics/map_difference.hpp"
#include "core/metrics/map_metrics.hpp"
#include "core/study/layout.hpp"
#include "gui_test_data.hpp"
#include "support/file_size_limit.hpp"
#include "ui/compare_dialog.hpp"
#include "ui/qcustomplot_include.hpp"

namespace rps {
namespace {

std::vector<CompareEntry> three_entries(const MeasurementGrid& grid) {
    const LayoutSpace space(test::synthetic_spec());
    std::vector<CompareEntry> entries;
    for (int k = 0; k < 3; ++k) {
        const std::vector<double> x = test::synthetic_x(k + 1);
        entries.push_back({QStringLiteral("Result %1").arg(k + 1), layout_to_json(space.decode(x)),
                           test::synthetic_map(grid, {{x[0], x[1]}, {x[4], x[5]}}, k + 2, 3)});
    }
    return entries;
}

TEST(CompareDialog, ThreeResults) {
    const MeasurementGrid grid = test::synthetic_grid();
    CompareDialog dialog(grid);
    dialog.setReflector(test::synthetic_spec().reflector);
    dialog.setCoverageThreshold(-75.0);
    const std::vector<CompareEntry> entries = three_entries(grid);
    dialog.setEntries(entries);
    dialog.show();
    EXPECT_EQ(dialog.candidateCount(), 3);
    EXPECT_EQ(dialog.mapCount(), 3);
    EXPECT_EQ(dialog.differenceMapCount(), 1);
    EXPECT_EQ(dialog.cdfCurveCount(), 3);
    EXPECT_EQ(dialog.metricsRowCount(), 3);
    // The table uses the one metric definition.
    ASSERT_EQ(dialog.metrics().size(), 3u);
    const MapMetrics expected = compute_metrics(entries[1].power_w, grid.mask, -75.0);
    EXPECT_DOUBLE_EQ(dialog.metrics()[1].p5_w, expected.p5_w);
    EXPECT_DOUBLE_EQ(dialog.metrics()[1].coverage_fraction, expected.coverage_fraction);
    EXPECT_EQ(dialog.metrics()[1].total_cells, 18u * 18u);
    // The difference and the CDFs are core/metrics' (what `rps compare` prints).
    const MapDifference difference =
        map_difference(entries[0].power_w, entries[1].power_w, grid.mask);
    ASSERT_GT(difference.cells, 0u);
    EXPECT_EQ(dialog.difference().cells, difference.cells);
    EXPECT_DOUBLE_EQ(dialog.difference().mean_db, difference.mean_db);
    EXPECT_DOUBLE_EQ(dialog.difference().max_db, difference.max_db);
    ASSERT_EQ(dialog.cdfs().size(), 3u);
    EXPECT_EQ(dialog.cdfs()[2].dbm, map_cdf(entries[2].power_w, grid.mask).dbm);

    // Unpicking one leaves two; one alone gives no difference map.
    dialog.setPicked(2, false);
    EXPECT_EQ(dialog.mapCount(), 2);
    EXPECT_EQ(dialog.cdfCurveCount(), 2);
    EXPECT_EQ(dialog.differenceMapCount(), 1);
    dialog.setPicked(1, false);
    EXPECT_EQ(dialog.mapCount(), 1);
    EXPECT_EQ(dialog.differenceMapCount(), 0);

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    dialog.setPicked(1, true);
    dialog.setPicked(2, true);
    const QString png = dir.filePath(QStringLiteral("compare.png"));
    QString error;
    ASSERT_TRUE(dialog.exportImage(png, &error)) << error.toStdString();
    EXPECT_GE(test::distinct_colours(QImage(png), 32), 32);

    // On a full disk (a 4 KiB file size limit; the picture is larger): false with the file and
    // the system's reason, and no picture cut off at the limit (QImage::save left one) nor a
    // temporary file.
    const QDir full(dir.filePath(QStringLiteral("full")));
    ASSERT_TRUE(QDir().mkpath(full.path()));
    const QString cut = full.filePath(QStringLiteral("compare.png"));
    bool written = true;
    {
        test::FileSizeLimit limit(4096);
        written = dialog.exportImage(cut, &error);
    }
    EXPECT_FALSE(written);
    EXPECT_TRUE(error.contains(cut)) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("File too large"))) << error.toStdString();
    EXPECT_EQ(test::leftovers(full), "");

    // The dialog's Export Picture button (the picture was reachable from code only): a path in
    // a folder that does not exist gives a warning naming the file, and no file.
    ASSERT_NE(dialog.exportButton(), nullptr);
    EXPECT_TRUE(dialog.exportButton()->isVisibleTo(&dialog));
    const QString nowhere = dir.filePath(QStringLiteral("missing/compare.png"));
    QStringList warnings;
    QTimer closer;
    QObject::connect(&closer, &QTimer::timeout, [&warnings] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            warnings << box->text();
            box->accept();
        }
    });
    closer.start(20);
    EXPECT_FALSE(dialog.exportPicture(nowhere));
    closer.stop();
    ASSERT_EQ(warnings.size(), 1);
    EXPECT_TRUE(warnings.front().contains(nowhere)) << warnings.front().toStdString();
    EXPECT_FALSE(QFileInfo::exists(nowhere));
    const QString good = dir.filePath(QStringLiteral("button.png"));
    EXPECT_TRUE(dialog.exportPicture(good));
    EXPECT_GE(test::distinct_colours(QImage(good), 32), 32);
}

TEST(CompareDialog, AtMostFourAndWrongSizesSkipped) {
    const MeasurementGrid grid = test::synthetic_grid();
    CompareDialog dialog(grid);
    std::vector<CompareEntry> entries = three_entries(grid);
    std::vector<CompareEntry> more = three_entries(grid);
    entries.insert(entries.end(), more.begin(), more.end());
    entries.push_back({QStringLiteral("bad"), nullptr, std::vector<double>(7, 1e-9)});
    dialog.setEntries(entries);
    EXPECT_EQ(dialog.candidateCount(), 7);
    EXPECT_EQ(dialog.mapCount(), CompareDialog::kMaxCompared);
    EXPECT_EQ(dialog.cdfCurveCount(), 4);
    dialog.setPicked(5, true);  // a fifth is refused
    EXPECT_EQ(dialog.mapCount(), 4);
    dialog.setPicked(6, true);  // no map of this grid: cannot be picked
    EXPECT_EQ(dialog.metricsRowCount(), 4);
}

// A SINR study's maps hold dB of SINR: the table and the axes say so (they said dBm and RSS),
// as `rps compare`, `rps show` and the report do.
TEST(CompareDialog, SinrStudyLabelsItsValuesInDb) {
    const MeasurementGrid grid = test::synthetic_grid();
    CompareDialog dialog(grid);
    dialog.setEntries(three_entries(grid));
    const auto* table = dialog.findChild<QTableWidget*>();
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->horizontalHeaderItem(1)->text(), QStringLiteral("P5 [dBm]"));
    dialog.setMapUnit(QStringLiteral("dB"));
    EXPECT_EQ(dialog.mapUnit(), QStringLiteral("dB"));
    EXPECT_EQ(table->horizontalHeaderItem(1)->text(), QStringLiteral("P5 [dB]"));
    EXPECT_EQ(table->horizontalHeaderItem(4)->text(), QStringLiteral("Mean [dB]"));
    QStringList labels;
    for (const QCustomPlot* plot : dialog.findChildren<QCustomPlot*>()) {
        labels << plot->xAxis->label();
        for (const QCPColorScale* scale : plot->findChildren<QCPColorScale*>())
            labels << scale->axis()->label();
    }
    EXPECT_TRUE(labels.contains(QStringLiteral("SINR [dB]"))) << labels.join(", ").toStdString();
    EXPECT_FALSE(labels.contains(QStringLiteral("RSS [dBm]"))) << labels.join(", ").toStdString();
    EXPECT_EQ(dialog.metricsRowCount(), 3);
}

}  // namespace
}  // namespace rps
