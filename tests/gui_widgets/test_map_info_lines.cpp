// The lines over a layout's map in the plan view and the report's plan picture (map_info_lines):
// each objective's title and unit, the metrics in dBm (10·log10(W) + 30, one decimal), why a
// layout has no map, and their German translation (the lines once kept a translation context
// that matched nothing, so German and French showed English).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QTranslator>
#include <cmath>
#include <string>
#include <utility>

#include "ui/map_info_lines.hpp"

// Q_INIT_RESOURCE declares the resource's initialiser in the enclosing namespace: the global one.
static void load_translation_resources() { Q_INIT_RESOURCE(rps_translations); }

namespace rps {
namespace {

std::string text(const QString& s) { return s.toStdString(); }

LayoutEvaluation evaluation_with(double objective) {
    LayoutEvaluation e;
    e.valid = true;
    e.objective = objective;
    e.metrics.p5_w = 2.0e-11;    // -77.0 dBm
    e.metrics.mean_w = 3.3e-9;   // -54.8 dBm
    e.metrics.min_w = 1.26e-12;  // -89.0 dBm
    e.metrics.coverage_fraction = 0.8767;
    e.metrics.total_cells = 1589;
    e.metrics.valid_cells = 1589;
    return e;
}

QString dbm_text(double power_w) {
    return QString::number(10.0 * std::log10(power_w) + 30.0, 'f', 1);
}

TEST(MapInfoLines, EachObjectiveHasItsTitleAndUnit) {
    const std::pair<Objective, QString> expected[] = {
        {Objective::P5, QStringLiteral("P5 RSS: -77.04 dBm")},
        {Objective::Min, QStringLiteral("Minimum RSS: -77.04 dBm")},
        {Objective::SoftMin, QStringLiteral("Soft-min RSS: -77.04 dBm")},
        {Objective::Mean, QStringLiteral("Mean RSS: -77.04 dBm")},
        {Objective::Coverage, QStringLiteral("Coverage: -77.0 %")}};
    for (const auto& [metric, first_line] : expected) {
        ObjectiveSpec objective;
        objective.metric = metric;
        objective.coverage_threshold_dbm = -82.0;
        const QStringList lines = mapInfoLines(objective, evaluation_with(-77.0412));
        ASSERT_EQ(lines.size(), 3) << lines.join(QLatin1Char('\n')).toStdString();
        EXPECT_EQ(text(lines[0]), text(first_line));
        const LayoutEvaluation e = evaluation_with(0);
        EXPECT_EQ(text(lines[1]),
                  text(QStringLiteral("P5 %1 dBm  |  mean %2 dBm  |  min %3 dBm")
                           .arg(dbm_text(e.metrics.p5_w), dbm_text(e.metrics.mean_w),
                                dbm_text(e.metrics.min_w))));
        EXPECT_EQ(text(lines[2]), "coverage 87.7 % of 1589 cells at ≥ -82 dBm");
    }
    // The values themselves, worked out by hand: −76.99, −54.81, −89.00 dBm.
    EXPECT_EQ(text(dbm_text(2.0e-11)), "-77.0");
    EXPECT_EQ(text(dbm_text(3.3e-9)), "-54.8");
    EXPECT_EQ(text(dbm_text(1.26e-12)), "-89.0");
}

TEST(MapInfoLines, ALayoutWithoutAMapSaysWhy) {
    LayoutEvaluation refused;
    refused.reason = "AP 1 is 0.03 m from a wall";
    const QStringList lines = mapInfoLines(ObjectiveSpec{}, refused);
    ASSERT_EQ(lines.size(), 1);
    EXPECT_EQ(text(lines[0]), "No map: AP 1 is 0.03 m from a wall");
}

TEST(MapInfoLines, GermanTranslation) {
    load_translation_resources();
    QTranslator german;
    ASSERT_TRUE(german.load(QStringLiteral(":/translations/rps_de.qm")));
    QCoreApplication::installTranslator(&german);
    ObjectiveSpec objective;
    objective.metric = Objective::Mean;
    objective.coverage_threshold_dbm = -82.0;
    const QStringList lines = mapInfoLines(objective, evaluation_with(-55.5));
    LayoutEvaluation refused;
    refused.reason = "x";
    const QStringList no_map = mapInfoLines(objective, refused);
    QCoreApplication::removeTranslator(&german);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_EQ(text(lines[0]), "Mittlerer RSS: -55.50 dBm");
    EXPECT_TRUE(lines[1].contains(QStringLiteral("Mittel"))) << lines[1].toStdString();
    EXPECT_TRUE(lines[2].startsWith(QStringLiteral("Versorgung 87.7 % von 1589 Zellen")))
        << lines[2].toStdString();
    EXPECT_EQ(text(no_map.value(0)), "Keine Karte: x");
}

}  // namespace
}  // namespace rps
