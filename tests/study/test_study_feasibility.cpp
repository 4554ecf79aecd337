// prove_infeasible: refuses a study before its store exists only with a proof that the workers
// refuse every layout of its bounds. Each case is checked against the workers' own refusal
// (LayoutEvaluator::refusal) at layouts of the bounds: all refused where a proof is claimed, and
// one accepted where none is (a study the methods can run must never be refused; a review found
// a sampling check that did). diagnose_infeasible: why a run found nothing.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/scene/scene_loader.hpp"
#include "core/study/study_feasibility.hpp"
#include "study_test_support.hpp"

namespace rps {
namespace {

StudySpec spec_of(const nlohmann::json& doc) {
    return parse_study(doc, (test::source_dir() / "study.json").string());
}

const Scene& l_hall() {
    static const Scene scene = load_scene(test::l_hall_scene());
    return scene;
}

std::optional<InfeasibleStudy> proof(const nlohmann::json& doc) {
    return prove_infeasible(spec_of(doc), l_hall());
}

nlohmann::json study(const std::string& mode) {
    return test::l_hall_study(mode, {{{"type", "ga"}}});
}

// How many of `count` uniform layouts of the bounds (the corners of the AP bounds included) the
// workers would evaluate: the independent side of every case below.
int accepted_layouts(const nlohmann::json& doc, int count) {
    const StudySpec spec = spec_of(doc);
    const LayoutEvaluator evaluator(spec, l_hall());
    const LayoutSpace& space = evaluator.space();
    std::mt19937_64 random(7);
    int accepted = 0;
    for (int i = 0; i < count; ++i) {
        Vector x(space.dim());
        for (size_t d = 0; d < space.dim(); ++d)
            x[d] = i < 4 && d < 2 ? ((i >> d) & 1 ? space.box().upper[d] : space.box().lower[d])
                                  : std::uniform_real_distribution<double>(
                                        space.box().lower[d], space.box().upper[d])(random);
        accepted += space.feasible(x) && !evaluator.refusal(space.decode(x));
    }
    return accepted;
}

void expect_proof(const nlohmann::json& doc, const std::string& field, const std::string& text) {
    const auto p = proof(doc);
    ASSERT_TRUE(p.has_value()) << doc.dump();
    EXPECT_EQ(p->field, field);
    EXPECT_NE(p->message.find(text), std::string::npos) << p->message;
    EXPECT_EQ(accepted_layouts(doc, 2000), 0) << p->message;
}

void expect_no_proof(const nlohmann::json& doc) {
    const auto p = proof(doc);
    EXPECT_FALSE(p.has_value()) << p->message;
    EXPECT_GT(accepted_layouts(doc, 20000), 0) << doc.dump();
}

TEST(StudyFeasibility, OrdinaryStudiesHaveNoProof) {
    for (const char* mode : {"1ap", "2ap", "2ap_reflector"}) expect_no_proof(study(mode));
}

// The south arm's bounds x 1..19, y 1..9 have a diagonal of hypot(18, 8) = 19.698 m: APs at
// opposite corners keep exactly that separation; anything more is refused.
TEST(StudyFeasibility, SeparationBeyondTheDiagonal) {
    nlohmann::json doc = study("2ap");
    doc["bounds"]["min_ap_separation_m"] = std::hypot(18.0, 8.0);
    EXPECT_FALSE(proof(doc).has_value());
    doc["bounds"]["min_ap_separation_m"] = std::nextafter(std::hypot(18.0, 8.0), 100.0);
    expect_proof(doc, "bounds.min_ap_separation_m", "the diagonal of the bounds is 19.6977156 m");
}

// The hall spans x 0..20, y 0..20: bounds 1 020 m east of it are beyond the engine's reach,
// 900 m east are not.
TEST(StudyFeasibility, BoundsBeyondTheEnginesReach) {
    nlohmann::json doc = study("1ap");
    doc["bounds"]["x_m"] = {1020.5, 1030};
    expect_proof(doc, "bounds", "the nearest is 1000.5 m outside");
    doc["bounds"]["x_m"] = {920, 930};
    expect_no_proof(doc);
}

// The floor is two rectangles, one per arm (x 0..20, y 0..10 and x 0..10, y 10..20). An AP
// height within 5 cm of it is refused over bounds inside the L, either arm or both, and over a
// line of them (x fixed); not where the bounds reach past the floor (x 1..19, y 1..19: the
// corner x > 10, y > 10 is outside the hall), nor at 5 cm exactly.
TEST(StudyFeasibility, ApHeightOnTheFloorOverTheWholeBounds) {
    nlohmann::json doc = study("1ap");
    for (const double z : {0.0, 0.03, 0.049}) {
        doc["bounds"]["ap_z_m"] = z;
        expect_proof(doc, "bounds.ap_z_m", "closer than 0.05 m to a surface above or below it");
    }
    doc["bounds"]["x_m"] = {1, 9};
    doc["bounds"]["y_m"] = {1, 19};
    expect_proof(doc, "bounds.ap_z_m", "at a height of 0.049 m");
    doc["bounds"]["x_m"] = {4, 4};
    expect_proof(doc, "bounds.ap_z_m", "at a height of 0.049 m");
    // Within the cover test's 0.1 mm of room the workers still refuse every layout, but no
    // proof is claimed.
    doc["bounds"]["ap_z_m"] = 0.0499;
    EXPECT_FALSE(proof(doc).has_value());
    doc["bounds"]["ap_z_m"] = 0.049;
    doc["bounds"]["x_m"] = {1, 19};
    expect_no_proof(doc);
    doc["bounds"]["x_m"] = {1, 9};
    doc["bounds"]["ap_z_m"] = 0.05;
    expect_no_proof(doc);
}

// The plate's mount is the plane x = 0, facing +x: focal points and APs must lie in front.
TEST(StudyFeasibility, EverythingBehindTheMountWall) {
    nlohmann::json doc = study("2ap_reflector");
    doc["reflector"]["focal_x_m"] = {-9, 0};
    expect_proof(doc, "reflector", "the whole focal range");
    doc["reflector"]["focal_x_m"] = {-9, 0.5};
    expect_no_proof(doc);
    doc["reflector"]["focal_x_m"] = {1, 9};
    doc["reflector"]["facing"] = {-1, 0, 0};
    expect_proof(doc, "reflector", "every AP position of the bounds lies on or behind");
}

// A plate tilt limit of 1 degree leaves a few layouts in 10 000 (a sampling check refused it):
// no proof, and the methods decide.
TEST(StudyFeasibility, RareButPossibleLayoutsAreNotRefused) {
    nlohmann::json doc = study("2ap_reflector");
    doc["reflector"]["max_tilt_deg"] = 1.0;
    doc["reflector"]["focal_y_m"] = {1, 9};
    EXPECT_FALSE(proof(doc).has_value());
}

TEST(StudyFeasibility, DiagnosisAfterARunWithNoFeasibleLayout) {
    const auto diagnose = [](const nlohmann::json& doc) {
        const StudySpec spec = spec_of(doc);
        return diagnose_infeasible(LayoutEvaluator(spec, l_hall()), 1024, spec.seed);
    };
    // 16 APs 5 m apart in x 1..19, y 1..9: at most 4 x 2 fit.
    nlohmann::json many = study("16ap");
    many["bounds"]["min_ap_separation_m"] = 5.0;
    const std::string separation = diagnose(many);
    for (const char* part : {"none of 1024 layouts", "16 APs 5 m apart", "min_ap_separation_m"})
        EXPECT_NE(separation.find(part), std::string::npos) << part << "\n" << separation;
    nlohmann::json tilt = study("2ap_reflector");
    tilt["reflector"]["max_tilt_deg"] = 0.0;
    const std::string plate = diagnose(tilt);
    for (const char* part : {"key: reflector", "would face away from the room"})
        EXPECT_NE(plate.find(part), std::string::npos) << part << "\n" << plate;
    EXPECT_NE(diagnose(study("2ap")).find("layouts drawn over the bounds do pass"),
              std::string::npos);
}

}  // namespace
}  // namespace rps
