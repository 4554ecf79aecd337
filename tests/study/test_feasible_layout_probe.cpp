// probe_feasible_layout: the check a new study passes before its store exists. It must find a
// layout where the bounds admit a few (1 in ~100 of the box), refuse a separation just beyond
// the bounds' diagonal but not one exactly on it, and otherwise name the cause the drawn layouts
// ran into, with an example the evaluator gave.
#include <gtest/gtest.h>

#include <cmath>

#include "core/scene/scene_loader.hpp"
#include "core/study/feasible_layout_probe.hpp"
#include "study_test_support.hpp"

namespace rps {
namespace {

constexpr int kDraws = 4096;

FeasibleLayoutProbe probe(const nlohmann::json& doc) {
    const StudySpec spec = parse_study(doc, (test::source_dir() / "study.json").string());
    const Scene scene = load_scene(spec.scene_path);
    const LayoutEvaluator evaluator(spec, scene);
    return probe_feasible_layout(evaluator, kDraws, spec.seed);
}

nlohmann::json reflector_study() { return test::l_hall_study("2ap_reflector", {{{"type", "ga"}}}); }

TEST(FeasibleLayoutProbe, OneApAtTheCentreOfItsBoundsPassesAtOnce) {
    const FeasibleLayoutProbe p = probe(test::l_hall_study("1ap", {{{"type", "ga"}}}));
    EXPECT_TRUE(p.found);
    EXPECT_EQ(p.drawn, 1);
    EXPECT_TRUE(p.field.empty());
}

// The mount wall is the plane x = 0 facing +x: focal points with x in [-100, 1] lie behind it
// but for the last 1 %, which the probe must still find.
TEST(FeasibleLayoutProbe, FindsARareFeasibleLayout) {
    nlohmann::json doc = reflector_study();
    doc["reflector"]["focal_x_m"] = {-100, 1};
    const FeasibleLayoutProbe p = probe(doc);
    EXPECT_TRUE(p.found);
    EXPECT_GT(p.drawn, 1);
    EXPECT_LT(p.drawn, kDraws);
}

// The south arm's bounds x 1..19, y 1..9 have a diagonal of hypot(18, 8) = 19.698 m: APs at
// opposite corners keep exactly that separation; a metre more is refused with no layout drawn.
TEST(FeasibleLayoutProbe, SeparationBeyondTheDiagonalIsRefusedExactly) {
    nlohmann::json doc = reflector_study();
    doc["bounds"]["min_ap_separation_m"] = std::hypot(18.0, 8.0);
    EXPECT_TRUE(probe(doc).found);
    doc["bounds"]["min_ap_separation_m"] = std::nextafter(std::hypot(18.0, 8.0), 100.0);
    const FeasibleLayoutProbe p = probe(doc);
    EXPECT_FALSE(p.found);
    EXPECT_EQ(p.drawn, 0);
    EXPECT_EQ(p.field, "bounds.min_ap_separation_m");
    EXPECT_NE(p.message.find("the bounds' diagonal is 19.698 m"), std::string::npos) << p.message;
}

TEST(FeasibleLayoutProbe, NamesTheCauseEveryDrawnLayoutRanInto) {
    const struct {
        const char* section;
        const char* key;
        nlohmann::json value;
        const char* field;
        const char* example;
    } cases[] = {
        {"bounds", "ap_z_m", 0.02, "bounds", "an antenna must keep 0.05 m from every surface"},
        {"reflector", "focal_x_m", {-9, -1}, "reflector", "focal point lies behind"},
        {"reflector", "max_tilt_deg", 0.0, "reflector", "would face away from the room"}};
    for (const auto& c : cases) {
        nlohmann::json doc = reflector_study();
        doc[c.section][c.key] = c.value;
        const FeasibleLayoutProbe p = probe(doc);
        EXPECT_FALSE(p.found) << c.key;
        EXPECT_EQ(p.drawn, kDraws) << c.key;
        EXPECT_EQ(p.field, c.field) << c.key;
        for (const std::string part : {"none of 4096 layouts", c.example})
            EXPECT_NE(p.message.find(part), std::string::npos) << c.key << ": " << p.message;
    }
}

// Every AP on the floor and every focal point behind the wall: the APs are checked first, so
// every refusal is theirs.
TEST(FeasibleLayoutProbe, TheApsAreNamedBeforeThePlate) {
    nlohmann::json doc = reflector_study();
    doc["bounds"]["ap_z_m"] = 0.0;
    doc["reflector"]["focal_x_m"] = {-9, -1};
    EXPECT_EQ(probe(doc).field, "bounds");
}

// 16 APs 5 m apart in x 1..19, y 1..9: at most 4 x 2 fit, so no drawn layout keeps it and the
// failed run names the key; two APs keep it in most draws, one AP has no separation.
TEST(FeasibleLayoutProbe, SeparationHintAfterARunWithNoFeasibleLayout) {
    const auto hint = [](const std::string& mode) {
        nlohmann::json doc = test::l_hall_study(mode, {{{"type", "ga"}}});
        doc["bounds"]["min_ap_separation_m"] = 5.0;
        const StudySpec spec = parse_study(doc, (test::source_dir() / "study.json").string());
        return separation_hint(LayoutSpace(spec), kDraws, spec.seed);
    };
    const std::string many = hint("16ap");
    for (const char* part : {"none of 4096 layouts", "16 APs 5 m apart", "min_ap_separation_m"})
        EXPECT_NE(many.find(part), std::string::npos) << part << "\n" << many;
    EXPECT_EQ(hint("2ap"), "");
    EXPECT_EQ(hint("1ap"), "");
}

}  // namespace
}  // namespace rps
