#include "ui/map_info_lines.hpp"

#include <QCoreApplication>

#include "core/metrics/map_metrics.hpp"

namespace rps {
namespace {

// Their own translation context: the "MainWindow" one they had kept from the main window matched
// no translation (the window's context is "rps::MainWindow"), so German and French showed English.
QString objectiveTitle(Objective metric) {
    switch (metric) {
        case Objective::P5:
            return QCoreApplication::translate("MapInfoLines", "P5 RSS");
        case Objective::Min:
            return QCoreApplication::translate("MapInfoLines", "Minimum RSS");
        case Objective::SoftMin:
            return QCoreApplication::translate("MapInfoLines", "Soft-min RSS");
        case Objective::Mean:
            return QCoreApplication::translate("MapInfoLines", "Mean RSS");
        case Objective::Coverage:
            return QCoreApplication::translate("MapInfoLines", "Coverage");
    }
    return {};
}

QString dbm(double power_w) { return QString::number(power_to_dbm_floored(power_w), 'f', 1); }

}  // namespace

QStringList mapInfoLines(const ObjectiveSpec& objective, const LayoutEvaluation& evaluation) {
    if (!evaluation.valid)
        return {QCoreApplication::translate("MapInfoLines", "No map: %1")
                    .arg(QString::fromStdString(evaluation.reason))};
    const MapMetrics& m = evaluation.metrics;
    const bool coverage = objective.metric == Objective::Coverage;
    QStringList lines;
    lines << QCoreApplication::translate("MapInfoLines", "%1: %2 %3")
                 .arg(objectiveTitle(objective.metric))
                 .arg(evaluation.objective, 0, 'f', coverage ? 1 : 2)
                 .arg(coverage ? QStringLiteral("%")
                               : QCoreApplication::translate("MapInfoLines", "dBm"));
    lines << QCoreApplication::translate("MapInfoLines", "P5 %1 dBm  |  mean %2 dBm  |  min %3 dBm")
                 .arg(dbm(m.p5_w), dbm(m.mean_w), dbm(m.min_w));
    lines << QCoreApplication::translate("MapInfoLines", "coverage %1 % of %2 cells at ≥ %3 dBm")
                 .arg(100.0 * m.coverage_fraction, 0, 'f', 1)
                 .arg(m.total_cells)
                 .arg(objective.coverage_threshold_dbm, 0, 'f', 0);
    return lines;
}

}  // namespace rps
