#pragma once
// Synthetic study data for the widget tests: a 2-AP + reflector study on a 20 x 20 grid of 1 m
// cells whose border ring is masked out, task rows from three methods over two workers, and
// maps with a smooth distance decay (test fixtures, not physics).
#include <QDir>
#include <QString>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/engine/measurement_grid.hpp"
#include "core/study/study_spec.hpp"
#include "support/image_checks.hpp"
#include "ui/study_results.hpp"

namespace rps::test {

inline nlohmann::json synthetic_spec_json() {
    return nlohmann::json::parse(R"({
        "name": "synthetic",
        "scene": "office.xml",
        "mode": "2ap_reflector",
        "objective": {"metric": "p5"},
        "bounds": {"x_m": [1, 19], "y_m": [1, 19], "min_ap_separation_m": 2},
        "reflector": {"top_left": [5, 19, 3], "bottom_right": [15, 19, 1], "facing": [0, -1, 0],
                      "focal_x_m": [1, 19], "focal_y_m": [1, 19]},
        "methods": [{"type": "grid"}, {"type": "gd"}, {"type": "ga"}],
        "seed": 7,
        "compute": {"workers": 2}
    })");
}

inline StudySpec synthetic_spec() { return parse_study(synthetic_spec_json(), "synthetic.json"); }

inline MeasurementGrid synthetic_grid() {
    MeasurementGrid g;
    g.cells_x = 20;
    g.cells_y = 20;
    g.cell_m = 1.0;
    g.mask.assign(g.cell_count(), 1);
    for (int i = 0; i < 20; ++i) {
        g.mask[g.index(i, 0)] = g.mask[g.index(i, 19)] = 0;
        g.mask[g.index(0, i)] = g.mask[g.index(19, i)] = 0;
    }
    return g;
}

// Best-server map of APs at the given positions: 1 mW · 1 / (1 + d²), and no signal (0 W) in
// the cell at (dead_x, dead_y) when given.
inline std::vector<double> synthetic_map(const MeasurementGrid& g,
                                         const std::vector<std::pair<double, double>>& aps,
                                         int dead_x = -1, int dead_y = -1) {
    std::vector<double> p(g.cell_count(), 0.0);
    for (int iy = 0; iy < g.cells_y; ++iy) {
        for (int ix = 0; ix < g.cells_x; ++ix) {
            const Vec3 c = g.cell_center(ix, iy);
            double best = 0;
            for (const auto& [x, y] : aps) {
                const double d2 = (c.x() - x) * (c.x() - x) + (c.y() - y) * (c.y() - y);
                best = std::max(best, 1e-3 / (1.0 + d2) * 1e-4);
            }
            p[g.index(ix, iy)] = (ix == dead_x && iy == dead_y) ? 0.0 : best;
        }
    }
    return p;
}

// x = (ap0 x, y, yaw, tilt, ap1 x, y, yaw, tilt, u, v, focal x, y)
inline std::vector<double> synthetic_x(int k) {
    const double a = 2.0 + (k * 7 % 16), b = 2.0 + (k * 5 % 16);
    return {a,         b,   10.0 * k,        5.0, 18.0 - a,       18.0 - b,
            -10.0 * k, 5.0, (k % 10) / 10.0, 0.5, 3.0 + (k % 14), 4.0 + (k * 3 % 13)};
}

// Fills `results` with `n` tasks over three methods and two workers, explored points, a best
// and its map, and a summary.
inline void fill_synthetic(StudyResults& results, int n = 60,
                           const StudySpec& spec = synthetic_spec()) {
    results.reset(spec, synthetic_grid());
    const char* methods[] = {"grid", "gd", "ga"};
    const char* kinds[] = {"evaluate", "gd", "evaluate"};
    double t[2] = {0.0, 0.0};
    for (int k = 0; k < n; ++k) {
        TaskRow row;
        row.task_id = static_cast<uint64_t>(k % 3) << 40 | static_cast<uint64_t>(k);
        row.method = QString::fromLatin1(methods[k % 3]);
        row.kind = QString::fromLatin1(kinds[k % 3]);
        row.objective = -90.0 + 10.0 * std::sin(0.37 * k) + 0.1 * k;
        row.best_x = synthetic_x(k);
        row.worker_id = k % 2;
        row.start_s = t[k % 2];
        row.end_s = row.start_s + 0.2 + 0.05 * (k % 5);
        t[k % 2] = row.end_s + 0.01;
        row.evaluations = 8;
        results.addTask(row);
        std::vector<std::vector<double>> xs;
        std::vector<double> objectives;
        for (int j = 0; j < 4; ++j) {
            xs.push_back(synthetic_x(k * 4 + j + 1000));
            objectives.push_back(row.objective - 1.0 - j);
        }
        objectives.push_back(-1e300);  // infeasible: skipped
        xs.push_back(synthetic_x(0));
        results.addExploredPoints(xs, objectives);
    }
    const MeasurementGrid g = results.grid();
    const std::vector<double> x = results.bestX();
    results.setBestMap(synthetic_map(g, {{x[0], x[1]}, {x[4], x[5]}}, 5, 5));
    results.setSummary({{"wall_s", t[0] > t[1] ? t[0] : t[1]},
                        {"pool_efficiency", 0.93},
                        {"statistics", {{"tasks", n}, {"failed", 0}}}});
}

// What is in a folder, hidden files included ("a.png, .a.png.rps-1"): what a failed export left.
inline std::string leftovers(const QDir& folder) {
    return folder.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
        .join(QStringLiteral(", "))
        .toStdString();
}

}  // namespace rps::test
