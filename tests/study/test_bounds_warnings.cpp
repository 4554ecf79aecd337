// Warnings for AP bounds meant for another building (core/study/bounds_warnings.hpp), on the
// L hall: x, y in [0, 20] m, walls 3.5 m high, no roof.
#include <gtest/gtest.h>

#include "core/scene/scene_loader.hpp"
#include "core/study/bounds_warnings.hpp"
#include "study_test_support.hpp"

namespace rps {
namespace {

std::vector<std::string> warnings_for(const nlohmann::json& bounds) {
    nlohmann::json document = test::l_hall_study("1ap", {{{"type", "grid"}}});
    document["bounds"] = bounds;
    return bounds_warnings(parse_study(document, "hall.json"),
                           load_scene(test::l_hall_scene().string()));
}

// The defaults (the office's 5.5 .. 34.5 m at 3.8 m) reach 14.5 m past the hall's 20 m in x and
// y, and hang 0.3 m above its walls: three warnings, each naming the file and its key.
TEST(BoundsWarnings, OfficeDefaultsOnTheHallAreNamed) {
    const auto warnings = warnings_for(nlohmann::json::object());
    ASSERT_EQ(warnings.size(), 3u);
    EXPECT_NE(warnings[0].find("hall.json: bounds.x_m: [5.5, 34.5] m reaches 14.50 m beyond the "
                               "scene (0.00 .. 20.00 m)"),
              std::string::npos)
        << warnings[0];
    EXPECT_NE(warnings[1].find("bounds.y_m: [5.5, 34.5] m reaches 14.50 m"), std::string::npos)
        << warnings[1];
    EXPECT_NE(warnings[2].find("bounds.ap_z_m: 3.8 m is 0.30 m above the scene's top (3.50 m)"),
              std::string::npos)
        << warnings[2];
    EXPECT_NE(warnings[2].find("office example"), std::string::npos) << warnings[2];
}

// Bounds the study sets are its own: the warning names them, without the defaults' hint.
TEST(BoundsWarnings, GivenBoundsAreNotCalledDefaults) {
    const auto warnings = warnings_for({{"x_m", {1, 25}}, {"y_m", {1, 19}}, {"ap_z_m", 3.0}});
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("bounds.x_m: [1, 25] m reaches 5.00 m beyond"), std::string::npos)
        << warnings[0];
    EXPECT_EQ(warnings[0].find("office"), std::string::npos) << warnings[0];
}

TEST(BoundsWarnings, BoundsInsideTheSceneSayNothing) {
    EXPECT_TRUE(warnings_for({{"x_m", {1, 19}}, {"y_m", {1, 19}}, {"ap_z_m", 3.5}}).empty());
}

// Up to 0.5 m past the walls is a plan (an AP outside a window); 0.51 m is not.
TEST(BoundsWarnings, ToleranceBeyondTheScene) {
    EXPECT_TRUE(warnings_for({{"x_m", {-0.5, 20.5}}, {"y_m", {1, 19}}, {"ap_z_m", 3.0}}).empty());
    const auto warnings = warnings_for({{"x_m", {1, 20.51}}, {"y_m", {1, 19}}, {"ap_z_m", 3.0}});
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_NE(warnings[0].find("reaches 0.51 m beyond"), std::string::npos) << warnings[0];
}

}  // namespace
}  // namespace rps
