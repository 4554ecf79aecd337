// The gradient descent climbs a surrogate with exact (dual-number) gradients; they must match
// central finite differences of the surrogate's own value (issue: "check them against finite
// differences in tests").
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/scene/scene_loader.hpp"
#include "core/study/layout_evaluator.hpp"
#include "core/study/surrogate_objective.hpp"
#include "study_test_support.hpp"

namespace rps {
namespace {

struct Case {
    std::string mode;
    bool directions;
    std::string antenna;
    std::vector<Vector> points;
};

// Relative error of each component against the gradient's largest component.
void check_gradient(const StudySpec& spec, const Vector& x0) {
    const Scene scene = load_scene(spec.scene_path);
    const LayoutEvaluator evaluator(spec, scene);
    const SurrogateObjective surrogate(evaluator, x0, 3.0);
    const opt::ValueAndGradient vg = surrogate.value_and_gradient(x0);
    ASSERT_EQ(vg.gradient.size(), x0.size());
    EXPECT_NEAR(vg.value, surrogate.value(x0), 1e-9 * std::max(1.0, std::abs(vg.value)));
    double scale = 0;
    for (double g : vg.gradient) scale = std::max(scale, std::abs(g));
    ASSERT_GT(scale, 0.0) << "a zero gradient checks nothing";
    const auto& names = evaluator.space().names();
    for (size_t i = 0; i < x0.size(); ++i) {
        // Steps small against the scale of each parameter (metres, degrees), large against
        // rounding: central differences are then accurate to ~1e-8 relative.
        const double h = names[i].find("_deg") != std::string::npos ? 1e-4 : 1e-5;
        Vector plus = x0, minus = x0;
        plus[i] += h, minus[i] -= h;
        const double fd = (surrogate.value(plus) - surrogate.value(minus)) / (2 * h);
        EXPECT_LE(std::abs(vg.gradient[i] - fd), 1e-4 * scale)
            << names[i] << " at point " << nlohmann::json(x0).dump() << ": exact "
            << vg.gradient[i] << ", finite difference " << fd;
    }
}

StudySpec spec_for(const std::string& mode, bool directions, const std::string& antenna) {
    nlohmann::json doc = test::l_hall_study(mode, {{{"type", "gd"}}}, directions);
    doc["radio"]["antenna"] = antenna;
    return parse_study(doc, (test::source_dir() / "study.json").string());
}

TEST(SurrogateGradient, OneApPositionsMatchFiniteDifferences) {
    const StudySpec spec = spec_for("1ap", false, "iso");
    for (const Vector& x : {Vector{4.3, 3.7}, Vector{12.1, 6.2}, Vector{17.6, 2.4}})
        check_gradient(spec, x);
}

TEST(SurrogateGradient, OneApWithDirectionalAntennaMatchesFiniteDifferences) {
    const StudySpec spec = spec_for("1ap", true, "ap2x1");
    for (const Vector& x : {Vector{5.3, 4.1, 30.0, 10.0}, Vector{14.2, 6.6, -120.0, 20.0}})
        check_gradient(spec, x);
}

TEST(SurrogateGradient, TwoApsMatchFiniteDifferences) {
    const StudySpec spec = spec_for("2ap", false, "iso");
    for (const Vector& x : {Vector{3.3, 3.1, 15.2, 7.4}, Vector{8.8, 2.2, 13.5, 6.9}})
        check_gradient(spec, x);
}

}  // namespace
}  // namespace rps
