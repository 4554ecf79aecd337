// The quality bar of the issue: on 1ap the refined grid search, GD and GA each land within
// 0.1 dB of a dense exhaustive search (0.25 m grid) over the same bounds; on 2ap within 0.5 dB.
// The exhaustive optimum is computed here, in-process, with the same LayoutEvaluator the workers
// use; the methods run as a real study over two `rps worker` processes.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>

#include "core/metrics/map_metrics.hpp"
#include "core/opt/grid_search.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/study/layout_evaluator.hpp"
#include "study_test_support.hpp"

namespace rps {
namespace {

using nlohmann::json;

constexpr double kDenseStep_m = 0.25;

struct Optimum {
    double objective = opt::kInfeasibleFitness;
    Vector x;
    size_t evaluations = 0;
};

std::vector<double> dense_axis(double lo, double hi) {
    const int n = static_cast<int>(std::lround((hi - lo) / kDenseStep_m)) + 1;
    return opt::linspace(lo, hi, n);
}

// Every AP position of the 0.25 m grid, evaluated by the study's own evaluator.
Optimum exhaustive_1ap(const StudySpec& spec) {
    const Scene scene = load_scene(spec.scene_path);
    const LayoutEvaluator evaluator(spec, scene);
    Optimum best;
    for (double x : dense_axis(spec.bounds.x_min_m, spec.bounds.x_max_m))
        for (double y : dense_axis(spec.bounds.y_min_m, spec.bounds.y_max_m)) {
            const double f = evaluator.objective({x, y});
            ++best.evaluations;
            if (f > best.objective) best = {f, {x, y}, best.evaluations};
        }
    return best;
}

// Every feasible pair of 0.25 m grid positions. The per-AP maps are computed once per position
// and combined here (best server = cell-wise max, P5 over the masked cells), which is what the
// evaluator does; the winner is re-checked with the evaluator itself.
Optimum exhaustive_2ap(const StudySpec& spec) {
    const Scene scene = load_scene(spec.scene_path);
    const LayoutEvaluator evaluator(spec, scene);
    const RadioEngine& engine = evaluator.engine();
    const MeasurementGrid& grid = engine.grid();
    std::vector<std::array<double, 2>> positions;
    std::vector<std::vector<double>> maps;  // masked cells only
    const LayoutSpace& space = evaluator.space();
    for (double x : dense_axis(spec.bounds.x_min_m, spec.bounds.x_max_m))
        for (double y : dense_axis(spec.bounds.y_min_m, spec.bounds.y_max_m)) {
            const Layout layout = space.decode({x, y, x, y});
            const std::vector<double> power = engine.compute_map(layout.aps[0].pose()).power_w;
            std::vector<double> masked;
            for (size_t c = 0; c < power.size(); ++c)
                if (grid.mask.empty() || grid.mask[c]) masked.push_back(power[c]);
            positions.push_back({x, y});
            maps.push_back(std::move(masked));
        }
    Optimum best;
    std::vector<double> combined(maps.front().size());
    const double min_sep = spec.bounds.min_separation_m;
    for (size_t i = 0; i < maps.size(); ++i)
        for (size_t j = i + 1; j < maps.size(); ++j) {
            if (std::hypot(positions[i][0] - positions[j][0], positions[i][1] - positions[j][1]) <
                min_sep)
                continue;
            for (size_t c = 0; c < combined.size(); ++c)
                combined[c] = std::max(maps[i][c], maps[j][c]);
            const double f = power_to_dbm_floored(percentile_w(combined, 0.05));
            ++best.evaluations;
            if (f > best.objective)
                best = {f, {positions[i][0], positions[i][1], positions[j][0], positions[j][1]},
                        best.evaluations};
        }
    // The shortcut must agree with the evaluator at the optimum.
    EXPECT_DOUBLE_EQ(evaluator.objective(best.x), best.objective);
    return best;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void expect_methods_within(const json& summary, const Optimum& reference, double tolerance_db,
                           const std::string& label) {
    std::cout << label << ": exhaustive 0.25 m optimum " << reference.objective << " dBm at "
              << json(reference.x).dump() << " (" << reference.evaluations << " layouts)\n";
    for (const json& m : summary["methods"]) {
        const double best = m["best"]["objective"].get<double>();
        std::cout << "  " << m["type"].get<std::string>() << ": " << best << " dBm ("
                  << best - reference.objective << " dB), " << m["evaluations"] << " evaluations, "
                  << m["tasks"] << " tasks, " << m["wall_s"] << " s\n";
        EXPECT_GE(best, reference.objective - tolerance_db)
            << label << " " << m["type"] << " misses the exhaustive optimum";
    }
}

TEST(StudyQuality, OneApMethodsMatchTheDenseExhaustiveSearch) {
    test::TempDir dir;
    const json methods = {
        {{"type", "grid"}, {"resolution_m", 2.0}, {"refine_levels", 3}, {"chunk", 8}},
        {{"type", "gd"}, {"starts", 12}, {"iterations", 40}, {"lr_m", 0.3}},
        {{"type", "ga"}, {"population", 40}, {"generations", 25}, {"sigma_pos_m", 2.0},
         {"chunk", 8}}};
    json doc = test::l_hall_study("1ap", methods, false, 1.0);
    if (const char* seed = std::getenv("RPS_QUALITY_SEED")) doc["seed"] = std::atoi(seed);
    auto t0 = std::chrono::steady_clock::now();
    const json summary = test::run_study(doc, dir.path(), 2);
    const double study_s = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    const Optimum reference = exhaustive_1ap(load_study((dir.path() / "study.json").string()));
    std::cout << "study " << study_s << " s, exhaustive " << seconds_since(t0) << " s\n";
    expect_methods_within(summary, reference, 0.1, "1ap");
    EXPECT_GE(summary["best_objective"].get<double>(), reference.objective - 0.1);
}

TEST(StudyQuality, TwoApMethodsMatchTheDenseExhaustiveSearch) {
    test::TempDir dir;
    const json methods = {
        {{"type", "grid"}, {"resolution_m", 2.0}, {"refine_levels", 3}, {"chunk", 64}},
        {{"type", "gd"}, {"starts", 16}, {"iterations", 40}, {"lr_m", 0.5}},
        {{"type", "ga"}, {"population", 40}, {"generations", 25}, {"sigma_pos_m", 2.0},
         {"chunk", 10}}};
    json doc = test::l_hall_study("2ap", methods, false, 1.0);
    if (const char* seed = std::getenv("RPS_QUALITY_SEED")) doc["seed"] = std::atoi(seed);
    auto t0 = std::chrono::steady_clock::now();
    const json summary = test::run_study(doc, dir.path(), 2);
    const double study_s = seconds_since(t0);
    t0 = std::chrono::steady_clock::now();
    const Optimum reference = exhaustive_2ap(load_study((dir.path() / "study.json").string()));
    std::cout << "study " << study_s << " s, exhaustive " << seconds_since(t0) << " s\n";
    expect_methods_within(summary, reference, 0.5, "2ap");
}

}  // namespace
}  // namespace rps
