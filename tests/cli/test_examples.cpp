// The example studies and sweep in scenes/: each parses (parse_study), names a scene that exists
// and loads, and says what it is for; the sweep expands as documented.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/scene/scene_loader.hpp"
#include "core/study/json_reader.hpp"
#include "core/study/layout.hpp"
#include "core/study/study_spec.hpp"
#include "core/study/sweep.hpp"
#include "support/test_paths.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> example_studies() {
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(rps::test::source_dir() / "scenes"))
        if (entry.is_regular_file() && entry.path().filename().string().ends_with("_study.json"))
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST(ExampleStudies, TheListedOnesExist) {
    const fs::path scenes = rps::test::source_dir() / "scenes";
    for (const char* name : {"office/office_1ap_study.json", "office/office_2ap_study.json",
                             "office/office_2ap_reflector_study.json",
                             "l_hall/l_hall_1ap_study.json", "office/office_sweep.json"})
        EXPECT_TRUE(fs::is_regular_file(scenes / name)) << name;
}

TEST(ExampleStudies, EachParsesAndItsSceneLoads) {
    const auto files = example_studies();
    ASSERT_GE(files.size(), 4u);
    for (const fs::path& file : files) {
        SCOPED_TRACE(file.string());
        const nlohmann::json document = rps::read_json_file(file.string());
        const rps::StudySpec spec = rps::parse_study(document, file.string());
        EXPECT_TRUE(document.contains("description")) << "say what the study is for";
        EXPECT_EQ(spec.name + "_study.json", file.filename().string());
        EXPECT_FALSE(spec.methods.empty());
        ASSERT_TRUE(fs::is_regular_file(spec.scene_path)) << spec.scene_path;
        const rps::Scene scene = rps::load_scene(spec.scene_path);
        EXPECT_FALSE(scene.triangles.empty());
        const rps::LayoutSpace space(spec);
        EXPECT_EQ(space.ap_count(), spec.ap_count);
    }
}

TEST(ExampleStudies, TheReflectorStudyUsesTheOfficeMountWall) {
    const fs::path file =
        rps::test::source_dir() / "scenes" / "office" / "office_2ap_reflector_study.json";
    const rps::StudySpec spec = rps::load_study(file.string());
    EXPECT_EQ(spec.mode, rps::StudyMode::TwoApReflector);
    ASSERT_TRUE(spec.reflector.has_value());
    const rps::ReflectorSpec& r = *spec.reflector;
    // scenes/README.md: y = 34, x from 15 to 34, z from 1 to 3, plate on the south side.
    EXPECT_EQ(r.top_left, rps::Vec3(15, 34, 3));
    EXPECT_EQ(r.bottom_right, rps::Vec3(34, 34, 1));
    EXPECT_EQ(r.facing, rps::Vec3(0, -1, 0));
    EXPECT_DOUBLE_EQ(r.thickness_m, 0.002);
    EXPECT_DOUBLE_EQ(r.focal_z_m, 1.5);
}

TEST(ExampleStudies, TheOriginalOneApSetUp) {
    const rps::StudySpec spec = rps::load_study(
        (rps::test::source_dir() / "scenes" / "office" / "office_1ap_study.json").string());
    EXPECT_EQ(spec.mode, rps::StudyMode::OneAp);
    EXPECT_EQ(spec.compute.workers, 2);
    EXPECT_DOUBLE_EQ(spec.bounds.z_m, 3.8);
    EXPECT_DOUBLE_EQ(spec.bounds.x_min_m, 5.5);
    EXPECT_DOUBLE_EQ(spec.bounds.x_max_m, 34.5);
    EXPECT_DOUBLE_EQ(spec.radio.freq_hz, 5.18e9);
    EXPECT_DOUBLE_EQ(spec.radio.tx_power_dbm, 5.0);
    std::vector<std::string> types;
    for (const auto& m : spec.methods) types.push_back(m.type);
    EXPECT_EQ(types, (std::vector<std::string>{"ga", "gd", "grid"}));
    EXPECT_EQ(spec.methods[0].params["population"], 100);
    EXPECT_EQ(spec.methods[0].params["generations"], 20);
    EXPECT_GE(spec.methods[2].params.value("refine_levels", 0), 1);
}

TEST(ExampleSweep, ExpandsIntoFourValidTrials) {
    const fs::path file = rps::test::source_dir() / "scenes" / "office" / "office_sweep.json";
    const auto trials = rps::expand_sweep(rps::read_json_file(file.string()), file.string());
    ASSERT_EQ(trials.size(), 4u);
    for (const auto& t : trials) {
        const rps::StudySpec spec = rps::parse_study(t.document, "/elsewhere/" + t.name + ".json");
        EXPECT_TRUE(fs::is_regular_file(spec.scene_path)) << spec.scene_path;
        EXPECT_EQ(spec.name, t.name);
    }
}
