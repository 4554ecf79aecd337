// rps init SCENE: the study rps-studio makes for a scene opened alone, as a file. Its bounds,
// AP height and mount follow the scene (checked against the scenes' own descriptions), it reads
// back as a study wherever the folder moves, and an existing file is not replaced unasked.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/cli_runner.hpp"
#include "core/study/study_spec.hpp"
#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

using nlohmann::json;
using rps::test::describe;
using rps::test::read_text;
using rps::test::run_rps;
namespace fs = std::filesystem;

namespace {

fs::path example(const std::string& name) {
    return rps::test::source_dir() / "scenes" / name / (name + ".xml");
}

// The L hall: x, y in [0, 20] m, walls 3.5 m high, no roof, its west wall (x = 0, "mount-01")
// the mount: the AP's range is the hall drawn in by 1 m, 0.2 m under the wall tops, the plate on
// the west wall facing +x; the scene path relative to the study file.
TEST(CliInit, HallStudyFitsTheHall) {
    const rps::test::TempDir dir("rps_init");
    const fs::path out = dir / "hall_study.json";
    const auto r = run_rps({"init", example("l_hall").string(), "--out", out.string()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_NE(r.out.find("rps run " + out.string()), std::string::npos) << r.out;
    const json study = json::parse(read_text(out));
    EXPECT_EQ(study["name"], "l_hall");
    EXPECT_EQ(study["mode"], "1ap");
    EXPECT_EQ(study["bounds"]["x_m"], json::array({1.0, 19.0}));
    EXPECT_EQ(study["bounds"]["y_m"], json::array({1.0, 19.0}));
    EXPECT_DOUBLE_EQ(study["bounds"]["ap_z_m"].get<double>(), 3.3);
    const json& mount = study["reflector"];
    EXPECT_EQ(mount["top_left"], json::array({0.0, 0.0, 3.5}));
    EXPECT_EQ(mount["bottom_right"], json::array({0.0, 20.0, 0.0}));
    EXPECT_EQ(mount["facing"], json::array({1.0, 0.0, 0.0}));
    EXPECT_TRUE(fs::path(study["scene"].get<std::string>()).is_relative());

    // The study and its scene move together: copied elsewhere with the scene at the same
    // relative place, it still reads back (the scene resolves from the study's folder).
    const rps::StudySpec spec = rps::parse_study(study, out.string());
    EXPECT_TRUE(fs::equivalent(spec.scene_path, example("l_hall"))) << spec.scene_path;
}

// The office: 40 m x 40 m x 4 m, the mount wall on y = 34 for x in [15, 34], z 0..4, the open
// plan south of it: the plate on that wall facing -y, the AP at the original's 3.8 m.
TEST(CliInit, OfficeStudyMountsThePlateOnTheMountWall) {
    const rps::test::TempDir dir("rps_init_office");
    const fs::path out = dir / "office.json";
    const auto r = run_rps({"init", example("office").string(), "--out", out.string(), "--json"});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const json study = json::parse(r.out)["study"];
    EXPECT_EQ(study, json::parse(read_text(out)));
    EXPECT_DOUBLE_EQ(study["bounds"]["ap_z_m"].get<double>(), 3.8);
    EXPECT_EQ(study["bounds"]["x_m"], json::array({1.0, 39.0}));
    const json& mount = study["reflector"];
    EXPECT_NEAR(mount["top_left"][0].get<double>(), 15.0, 1e-9);
    EXPECT_NEAR(mount["top_left"][1].get<double>(), 34.0, 1e-9);
    EXPECT_NEAR(mount["top_left"][2].get<double>(), 4.0, 1e-9);
    EXPECT_NEAR(mount["bottom_right"][0].get<double>(), 34.0, 1e-9);
    EXPECT_NEAR(mount["bottom_right"][2].get<double>(), 0.0, 1e-9);
    EXPECT_NEAR(mount["facing"][1].get<double>(), -1.0, 1e-12);
    EXPECT_NO_THROW(rps::parse_study(study, out.string()));
}

TEST(CliInit, ExistingFileIsKeptUnlessOverwrite) {
    const rps::test::TempDir dir("rps_init_exists");
    const fs::path out = dir / "study.json";
    std::ofstream(out) << "{\"mine\": true}\n";
    const auto refused = run_rps({"init", example("l_hall").string(), "--out", out.string()});
    EXPECT_EQ(refused.exit_code, 2) << describe(refused);
    EXPECT_NE(refused.err.find("--out"), std::string::npos) << describe(refused);
    EXPECT_EQ(read_text(out), "{\"mine\": true}\n");
    const auto replaced =
        run_rps({"init", example("l_hall").string(), "--out", out.string(), "--overwrite"});
    EXPECT_EQ(replaced.exit_code, 0) << describe(replaced);
    EXPECT_EQ(json::parse(read_text(out))["name"], "l_hall");
}

// --out never replaces the scene it is made from (with --overwrite it did: the scene became the
// study, which named itself as its scene); a folder, or a folder that does not exist, is named.
TEST(CliInit, OutMustBeANewFileBesideTheScene) {
    const rps::test::TempDir dir("rps_init_out");
    const fs::path scene = dir / "hall.xml";
    fs::copy_file(example("l_hall"), scene);
    const std::string before = read_text(scene);
    const auto itself = run_rps({"init", scene.string(), "--out", scene.string(), "--overwrite"});
    EXPECT_EQ(itself.exit_code, 2) << describe(itself);
    EXPECT_NE(itself.err.find("is the scene itself"), std::string::npos) << describe(itself);
    EXPECT_EQ(read_text(scene), before);
    const auto folder = run_rps({"init", scene.string(), "--out", dir.path().string()});
    EXPECT_EQ(folder.exit_code, 2) << describe(folder);
    EXPECT_NE(folder.err.find("is a folder"), std::string::npos) << describe(folder);
    const auto missing =
        run_rps({"init", scene.string(), "--out", (dir / "no" / "such" / "s.json").string()});
    EXPECT_EQ(missing.exit_code, 2) << describe(missing);
    EXPECT_NE(missing.err.find("does not exist"), std::string::npos) << describe(missing);
}

// Sionna's street canyon: its box is in float; drawn in by 1 m its x starts at -92.96609497070313,
// written rounded inwards to the centimetre. Sionna's closed `box`: no cell of the default grid
// is measured (all inside the solid), which rps run would refuse: said at once.
TEST(CliInit, SionnaScenesGetRoundedBoundsOrAWarning) {
    const rps::test::TempDir dir("rps_init_sionna");
    const fs::path sionna = rps::test::shared_dir() / "scenes" / "sionna";
    if (!fs::exists(sionna)) GTEST_SKIP() << "no shared scenes at " << sionna;
    const fs::path out = dir / "canyon.json";
    const auto canyon =
        run_rps({"init", (sionna / "simple_street_canyon" / "simple_street_canyon.xml").string(),
                 "--out", out.string()});
    ASSERT_EQ(canyon.exit_code, 0) << describe(canyon);
    const json bounds = json::parse(read_text(out))["bounds"];
    for (const char* axis : {"x_m", "y_m"})
        for (const json& value : bounds[axis]) {
            const double centimetres = 100.0 * value.get<double>();
            EXPECT_NEAR(centimetres, std::round(centimetres), 1e-6) << axis << " " << value;
        }
    EXPECT_DOUBLE_EQ(bounds["x_m"][0].get<double>(), -92.96);  // inwards: not -92.97
    // A grid search of at most ~2 500 positions, in whole metres: its x, y extent over 2 500,
    // square-rooted and rounded up (22 000 positions at 1 m).
    const double width = bounds["x_m"][1].get<double>() - bounds["x_m"][0].get<double>();
    const double depth = bounds["y_m"][1].get<double>() - bounds["y_m"][0].get<double>();
    const json method = json::parse(read_text(out))["methods"][0];
    EXPECT_EQ(method["type"], "grid");
    EXPECT_DOUBLE_EQ(method["resolution_m"].get<double>(),
                     std::ceil(std::sqrt(width * depth / 2500.0)));
    EXPECT_GT(method["resolution_m"].get<double>(), 1.0);

    const auto box = run_rps(
        {"init", (sionna / "box" / "box.xml").string(), "--out", (dir / "box.json").string()});
    EXPECT_EQ(box.exit_code, 0) << describe(box);
    EXPECT_NE(box.err.find("no cell of the grid is measured"), std::string::npos) << describe(box);
    EXPECT_TRUE(fs::exists(dir / "box.json"));
}

TEST(CliInit, BadSceneNamesItAndWritesNothing) {
    const rps::test::TempDir dir("rps_init_bad");
    const fs::path scene = dir / "bad.xml";
    std::ofstream(scene) << "<scene version=\"2.1.0\">\n  <shape type=\"cube\"\n</scene>\n";
    const fs::path out = dir / "study.json";
    const auto r = run_rps({"init", scene.string(), "--out", out.string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("bad.xml"), std::string::npos) << describe(r);
    EXPECT_FALSE(fs::exists(out));
}

}  // namespace
