// LayoutEvaluator::evaluate_objective ranks layouts from their weakest cells only; its objective
// must be bit-identical to the full evaluation's, for every objective it serves (P5, min), every
// combining it serves (best server, sum), one or two APs, on the L hall (order 1) and on the
// office (order 2, the 2x1 array). Objectives it does not serve fall back to the full evaluation.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/metrics/combine_maps.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/study/layout_evaluator.hpp"
#include "study_test_support.hpp"

namespace rps {
namespace {

StudySpec spec_from(nlohmann::json doc, const std::string& metric, const std::string& combine) {
    doc["objective"] = {{"metric", metric}, {"combine", combine}};
    return parse_study(doc, (test::source_dir() / "study.json").string());
}

nlohmann::json office_study(const std::string& mode) {
    return {{"name", "office_" + mode},
            {"scene", (test::source_dir() / "scenes" / "office" / "office.xml").string()},
            {"mode", mode},
            {"bounds", {{"optimise_direction", true}}},
            {"methods", {{{"type", "ga"}}}},
            {"seed", 3}};
}

// Random feasible points of the study's box.
std::vector<Vector> random_points(const LayoutSpace& space, int count, unsigned seed) {
    std::mt19937 random(seed);
    std::vector<Vector> points;
    const auto box = space.box();
    while (static_cast<int>(points.size()) < count) {
        Vector x;
        for (size_t i = 0; i < box.lower.size(); ++i)
            x.push_back(std::uniform_real_distribution<double>(box.lower[i], box.upper[i])(random));
        if (space.feasible(x)) points.push_back(x);
    }
    return points;
}

void expect_same_objective(const StudySpec& spec, int points, unsigned seed) {
    const Scene scene = load_scene(spec.scene_path);
    const LayoutEvaluator evaluator(spec, scene);
    for (const Vector& x : random_points(evaluator.space(), points, seed)) {
        const Layout layout = evaluator.space().decode(x);
        const LayoutEvaluation full = evaluator.evaluate(layout);
        const LayoutEvaluation fast = evaluator.evaluate_objective(layout);
        // An AP within 5 cm of a wall is refused by both, with the same reason.
        ASSERT_EQ(fast.valid, full.valid) << nlohmann::json(x).dump();
        EXPECT_EQ(fast.reason, full.reason);
        EXPECT_EQ(fast.objective, full.objective) << nlohmann::json(x).dump();
        if (!full.valid) continue;
        EXPECT_EQ(fast.metrics.p5_w, full.metrics.p5_w);
        EXPECT_EQ(fast.metrics.min_w, full.metrics.min_w);
        EXPECT_EQ(fast.metrics.valid_cells, full.metrics.valid_cells);
        EXPECT_FALSE(fast.metrics.complete);
    }
}

TEST(EvaluateObjective, LHallMatchesTheFullEvaluation) {
    unsigned seed = 1;
    for (const std::string mode : {"1ap", "2ap"})
        for (const std::string metric : {"p5", "min"})
            for (const std::string combine : {"best", "sum"}) {
                SCOPED_TRACE(mode + " " + metric + " " + combine);
                expect_same_objective(
                    spec_from(test::l_hall_study(mode, {{{"type", "ga"}}}, true, 1.0), metric,
                              combine),
                    6, seed++);
            }
}

TEST(EvaluateObjective, OfficeMatchesTheFullEvaluation) {
    expect_same_objective(spec_from(office_study("1ap"), "p5", "best"), 6, 21);
    expect_same_objective(spec_from(office_study("2ap"), "p5", "best"), 3, 22);
}

// An AP on a wall's plane skips that wall's transmission for every ray it sends (segments start
// With the stair/lift core left out of the metrics (grid.exclude) the weakest cells are others:
// the fast evaluation must read the same mask, and the objective must change.
TEST(EvaluateObjective, OfficeWithAnExcludedAreaMatchesTheFullEvaluation) {
    nlohmann::json doc = office_study("1ap");
    doc["grid"] = {{"exclude", {{0, 0, 10, 10}}}};
    const StudySpec excluded = spec_from(doc, "p5", "best");
    expect_same_objective(excluded, 4, 23);
    const StudySpec whole = spec_from(office_study("1ap"), "p5", "best");
    const Scene scene = load_scene(whole.scene_path);
    const LayoutEvaluator with(excluded, scene), without(whole, scene);
    const Layout layout = without.space().decode({20.3, 20.7, 30.0, 5.0});
    const LayoutEvaluation a = with.evaluate_objective(layout), b = without.evaluate_objective(layout);
    ASSERT_TRUE(a.valid && b.valid);
    // The core holds the office's weakest cells: without them P5 rises by several dB.
    EXPECT_GT(a.objective, b.objective + 3.0);
    EXPECT_EQ(a.metrics.valid_cells + 100, b.metrics.valid_cells);  // the core's 10 x 10 cells
}

// inside the wall): the office's core corner (10, 10) scored 2 dB of P5 above any point 1 cm
// away, and an exhaustive grid on whole metres picked it. Such layouts are refused, by name.
TEST(EvaluateObjective, ApsTouchingAWallAreRefused) {
    nlohmann::json doc = office_study("1ap");
    doc["bounds"]["optimise_direction"] = false;
    const StudySpec spec = spec_from(doc, "p5", "best");
    const Scene scene = load_scene(spec.scene_path);
    const LayoutEvaluator evaluator(spec, scene);
    for (const Vector& x : {Vector{10.0, 10.0}, Vector{10.03, 10.0}, Vector{20.0, 8.0}}) {
        const Layout layout = evaluator.space().decode(x);
        const LayoutEvaluation full = evaluator.evaluate(layout);
        EXPECT_FALSE(full.valid) << nlohmann::json(x).dump();
        EXPECT_NE(full.reason.find("must keep 0.05 m from every surface"), std::string::npos)
            << full.reason;
        EXPECT_FALSE(evaluator.evaluate_objective(layout).valid);
        EXPECT_EQ(evaluator.objective(x), opt::kInfeasibleFitness);
    }
    for (const Vector& x : {Vector{10.06, 10.06}, Vector{20.0, 10.5}})
        EXPECT_TRUE(evaluator.evaluate(evaluator.space().decode(x)).valid)
            << nlohmann::json(x).dump();
}

TEST(EvaluateObjective, OtherObjectivesUseTheFullEvaluation) {
    for (const std::string metric : {"softmin", "mean", "coverage"}) {
        const StudySpec spec =
            spec_from(test::l_hall_study("1ap", {{{"type", "ga"}}}), metric, "best");
        const Scene scene = load_scene(spec.scene_path);
        const LayoutEvaluator evaluator(spec, scene);
        const Layout layout = evaluator.space().decode({7.1, 4.2});
        const LayoutEvaluation fast = evaluator.evaluate_objective(layout);
        EXPECT_TRUE(fast.metrics.complete) << metric;
        EXPECT_EQ(fast.objective, evaluator.evaluate(layout).objective) << metric;
        EXPECT_FALSE(evaluator.trace_weak_cells(layout).has_value()) << metric;
    }
}

// One AP's SINR is its signal over the receiver noise (no interferer): every cell's ratio is its
// power over -93.99 dBm, so P5 and min in dB are the best-server ones in dBm minus the noise in
// dBm. The evaluator took one AP's map as it was, so "sinr" read the received power as a ratio.
TEST(EvaluateObjective, SinrOfOneApIsSignalOverNoise) {
    const double noise_dbm = 10.0 * std::log10(default_noise_power_w()) + 30.0;
    for (const std::string metric : {"p5", "min"}) {
        const Scene scene = load_scene(spec_from(office_study("1ap"), metric, "best").scene_path);
        const LayoutEvaluator best(spec_from(office_study("1ap"), metric, "best"), scene);
        const LayoutEvaluator sinr(spec_from(office_study("1ap"), metric, "sinr"), scene);
        const Layout layout = best.space().decode({20.3, 20.7, 30.0, 5.0});
        const LayoutEvaluation signal = best.evaluate(layout), ratio = sinr.evaluate(layout);
        ASSERT_TRUE(signal.valid && ratio.valid);
        EXPECT_NEAR(ratio.objective, signal.objective - noise_dbm, 1e-9) << metric;
    }
}

}  // namespace
}  // namespace rps
