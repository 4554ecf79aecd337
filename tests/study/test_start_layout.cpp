// The studio's starting layout (core/study/start_layout.hpp) on the L hall: x, y in [0, 20]
// minus the north-east quadrant x, y > 10; walls 3.5 m high, no roof; the inner corner's walls
// lie on y = 10 (x 10..20) and x = 10 (y 10..20). The expected points follow from that outline
// and the search's order (nearest lattice point first, ties by angle from +x counter-clockwise).
#include <gtest/gtest.h>

#include <cmath>

#include "core/scene/scene_loader.hpp"
#include "core/study/start_layout.hpp"
#include "study_test_support.hpp"

namespace rps {
namespace {

struct HallStudy {
    Scene scene;
    StudySpec spec;
    std::unique_ptr<LayoutEvaluator> evaluator;
};

HallStudy hall_study(const std::string& mode, double min_separation_m = 5.0) {
    nlohmann::json document = test::l_hall_study(mode, {{{"type", "grid"}}}, false, 1.0);
    document["bounds"]["x_m"] = {1, 19};
    document["bounds"]["y_m"] = {1, 19};
    document["bounds"]["ap_z_m"] = 3.3;
    document["bounds"]["min_ap_separation_m"] = min_separation_m;
    HallStudy study{load_scene(test::l_hall_scene().string()), {}, nullptr};
    study.spec = parse_study(document, "hall.json");
    study.evaluator = std::make_unique<LayoutEvaluator>(study.spec, study.scene);
    return study;
}

Layout aps_at(std::initializer_list<std::pair<double, double>> points) {
    Layout layout;
    for (const auto& [x, y] : points) {
        ApPlacement ap;
        ap.x_m = x;
        ap.y_m = y;
        ap.z_m = 3.3;
        layout.aps.push_back(ap);
    }
    return layout;
}

TEST(StartLayout, AcceptableApStaysWhereItIs) {
    const HallStudy study = hall_study("1ap");
    const Layout moved = accepted_start_layout(*study.evaluator, aps_at({{5.0, 5.0}}));
    EXPECT_EQ(moved.aps[0].x_m, 5.0);
    EXPECT_EQ(moved.aps[0].y_m, 5.0);
}

// The middle of the bounds is the inner corner, on both walls (0 m from them). At 0.25 m the
// lattice holds (10.25, 10) and (10, 10.25), on a wall each, then (9.75, 10) at angle π, inside
// the hall, 0.25 m from the corner; (10, 9.75), equally near, comes later by angle.
TEST(StartLayout, ApOnTheInnerCornerMovesToTheNearestPointInside) {
    const HallStudy study = hall_study("1ap");
    EXPECT_FALSE(acceptable_start_point(*study.evaluator, Vec3(10, 10, 3.3)));
    const Layout moved = accepted_start_layout(*study.evaluator, aps_at({{10.0, 10.0}}));
    EXPECT_DOUBLE_EQ(moved.aps[0].x_m, 9.75);
    EXPECT_DOUBLE_EQ(moved.aps[0].y_m, 10.0);
    EXPECT_DOUBLE_EQ(moved.aps[0].z_m, 3.3);
    EXPECT_TRUE(study.evaluator->refusal(moved).reason.empty());
}

// (15, 15) stands over the missing quadrant: no floor, no measured cell, although no surface is
// near. The hall is 5 m away on two sides; the lattice points 0.25 m inside them, (9.75, 15) and
// (15, 9.75), are the nearest acceptable ones (5.25 m), the first by angle is the western one.
TEST(StartLayout, ApOverNoFloorMovesIntoTheHall) {
    const HallStudy study = hall_study("1ap");
    EXPECT_TRUE(study.evaluator->refusal(aps_at({{15.0, 15.0}})).reason.empty());
    EXPECT_FALSE(acceptable_start_point(*study.evaluator, Vec3(15, 15, 3.3)));
    const Layout moved = accepted_start_layout(*study.evaluator, aps_at({{15.0, 15.0}}));
    EXPECT_DOUBLE_EQ(moved.aps[0].x_m, 9.75);
    EXPECT_DOUBLE_EQ(moved.aps[0].y_m, 15.0);
}

// The second AP on the wall x = 10 at y = 15, the first at (7, 15), 4 m apart required: the
// nearest point inside, (9.75, 15), is 2.75 m from the first. Inside means x <= 9.75 on the
// lattice; at x = 9.75 the separation needs |dy| >= sqrt(16 - 2.75²) = 2.90 m, so |dy| = 3 m,
// 3.01 m from (10, 15) (x = 9.5 needs |dy| = 3.25 m, farther); of (9.75, 18) and (9.75, 12) the
// first by angle is the northern one. The first AP stays.
TEST(StartLayout, MovedApKeepsTheMinimumSeparation) {
    const HallStudy study = hall_study("2ap", 4.0);
    const Layout moved =
        accepted_start_layout(*study.evaluator, aps_at({{7.0, 15.0}, {10.0, 15.0}}));
    EXPECT_EQ(moved.aps[0].x_m, 7.0);
    EXPECT_EQ(moved.aps[0].y_m, 15.0);
    EXPECT_DOUBLE_EQ(moved.aps[1].x_m, 9.75);
    EXPECT_DOUBLE_EQ(moved.aps[1].y_m, 18.0);
    EXPECT_GE(std::hypot(moved.aps[1].x_m - 7.0, moved.aps[1].y_m - 15.0), 4.0);
}

// APs before first_ap are the user's: kept even where refused.
TEST(StartLayout, ApsBeforeFirstApAreKept) {
    const HallStudy study = hall_study("2ap", 4.0);
    const Layout moved =
        accepted_start_layout(*study.evaluator, aps_at({{10.0, 10.0}, {10.0, 15.0}}), 1);
    EXPECT_EQ(moved.aps[0].x_m, 10.0);
    EXPECT_EQ(moved.aps[0].y_m, 10.0);
    EXPECT_LT(moved.aps[1].x_m, 10.0);
}

// Nothing acceptable within reach (every point of the bounds over the missing quadrant, more
// than the search radius from the hall): the AP stays, and the studio shows why.
TEST(StartLayout, NoAcceptablePointLeavesTheAp) {
    nlohmann::json document = test::l_hall_study("1ap", {{{"type", "grid"}}}, false, 1.0);
    document["bounds"]["x_m"] = {17, 19};
    document["bounds"]["y_m"] = {17, 19};
    document["bounds"]["ap_z_m"] = 3.3;
    const Scene scene = load_scene(test::l_hall_scene().string());
    const LayoutEvaluator evaluator(parse_study(document, "hall.json"), scene);
    const Layout moved = accepted_start_layout(evaluator, aps_at({{18.0, 18.0}}));
    EXPECT_EQ(moved.aps[0].x_m, 18.0);
    EXPECT_EQ(moved.aps[0].y_m, 18.0);
}

// Cells the point sees in line of sight, counted independently of CellsInSight's map: a path
// with no interaction at all among the paths the engine traces to each measured cell's centre.
int cells_with_a_clear_line(const LayoutEvaluator& evaluator, const Vec3& p) {
    const RadioEngine& engine = evaluator.engine();
    const MeasurementGrid& grid = engine.grid();
    int seen = 0;
    for (int iy = 0; iy < grid.cells_y; ++iy)
        for (int ix = 0; ix < grid.cells_x; ++ix) {
            if (!grid.mask[grid.index(ix, iy)]) continue;
            for (const PropagationPath& path :
                 engine.trace_paths(TxPose{p}, grid.cell_center(ix, iy)))
                if (path.interactions.empty()) {
                    ++seen;
                    break;
                }
        }
    return seen;
}

// The office's bounds centre is inside the brick washroom block (x 18..25, y 18..23), an
// acceptable point that sees little more than the block itself: the studio's first AP comes
// out onto the open floor, where it sees more than twice as many cells, within the search radius.
TEST(StartLayout, AnApShutInASmallRoomComesOutOntoTheOpenFloor) {
    const nlohmann::json document = {
        {"name", "office"},
        {"scene", (test::source_dir() / "scenes/office/office.xml").string()},
        {"mode", "1ap"},
        {"methods", {{{"type", "grid"}}}}};
    const StudySpec spec = parse_study(document, "office.json");
    const Scene scene = load_scene(spec.scene_path);
    const LayoutEvaluator evaluator(spec, scene);
    const Layout middle = aps_at({{20.0, 20.0}});
    Layout start = middle;
    start.aps[0].z_m = spec.bounds.z_m;
    ASSERT_TRUE(acceptable_start_point(evaluator, Vec3(20, 20, spec.bounds.z_m)));
    const Layout open = open_floor_start_layout(evaluator, start);
    const ApPlacement& ap = open.aps[0];
    const bool in_washroom = ap.x_m > 18 && ap.x_m < 25 && ap.y_m > 18 && ap.y_m < 23;
    EXPECT_FALSE(in_washroom) << ap.x_m << ", " << ap.y_m;
    EXPECT_LE(std::hypot(ap.x_m - 20, ap.y_m - 20), kStartSearchRadius_m);
    EXPECT_TRUE(acceptable_start_point(evaluator, Vec3(ap.x_m, ap.y_m, ap.z_m)));
    const int before = cells_with_a_clear_line(evaluator, Vec3(20, 20, ap.z_m));
    const int after = cells_with_a_clear_line(evaluator, Vec3(ap.x_m, ap.y_m, ap.z_m));
    EXPECT_GT(after, 2 * before) << "from " << before << " cells to " << after;
    const CellsInSight sight(evaluator);
    EXPECT_EQ(sight.count(Vec3(20, 20, ap.z_m)), before);
    EXPECT_EQ(sight.count(Vec3(ap.x_m, ap.y_m, ap.z_m)), after);
    // Run again from there, it stays: it is on the open floor now.
    const Layout again = open_floor_start_layout(evaluator, open);
    EXPECT_EQ(again.aps[0].x_m, ap.x_m);
    EXPECT_EQ(again.aps[0].y_m, ap.y_m);
}

// An AP already in the open stays where it is, and APs before first_ap (placed by the user) are
// never moved, even shut in.
TEST(StartLayout, OpenFloorKeepsApsInTheOpenAndThoseTheUserPlaced) {
    const HallStudy study = hall_study("1ap");
    const Layout open = open_floor_start_layout(*study.evaluator, aps_at({{9.75, 10.0}}));
    EXPECT_EQ(open.aps[0].x_m, 9.75);
    EXPECT_EQ(open.aps[0].y_m, 10.0);
    const Layout kept = open_floor_start_layout(*study.evaluator, aps_at({{9.75, 10.0}}), 1);
    EXPECT_EQ(kept.aps[0].x_m, 9.75);
}

}  // namespace
}  // namespace rps
