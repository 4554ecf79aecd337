// expand_sweep / set_key_path (core/study/sweep.hpp): counts, the documented order, names,
// key paths, scene anchoring and errors that name the trial and the key.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "core/common/error.hpp"
#include "core/study/study_spec.hpp"
#include "core/study/sweep.hpp"
#include "support/test_paths.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

using TempDir = rps::test::TempDir;

json base_study() {
    return json::parse(R"({
        "name": "base", "scene": "scene.xml", "mode": "1ap",
        "methods": [{"type": "grid", "resolution_m": 2.0},
                    {"type": "ga", "population": 10, "generations": 2}],
        "seed": 4})");
}

std::string message_of(const json& sweep, const std::string& file = "/tmp/s/sweep.json") {
    try {
        rps::expand_sweep(sweep, file);
    } catch (const rps::InputError& error) {
        return error.what();
    }
    return "(no error)";
}

}  // namespace

TEST(SetKeyPath, FollowsObjectsIndicesAndMethodTypes) {
    json doc = base_study();
    rps::set_key_path(doc, "methods.1.population", 30);
    rps::set_key_path(doc, "methods[0].resolution_m", 1.5);
    rps::set_key_path(doc, "methods.ga.generations", 7);
    rps::set_key_path(doc, "objective.metric", "min");  // creates the missing object
    rps::set_key_path(doc, "bounds.x_m", json::array({6, 30}));
    EXPECT_EQ(doc["methods"][1]["population"], 30);
    EXPECT_EQ(doc["methods"][0]["resolution_m"], 1.5);
    EXPECT_EQ(doc["methods"][1]["generations"], 7);
    EXPECT_EQ(doc["objective"]["metric"], "min");
    EXPECT_EQ(doc["bounds"]["x_m"], json::array({6, 30}));
}

TEST(SetKeyPath, SaysWhichSegmentFails) {
    json doc = base_study();
    const auto message = [&](const std::string& path) {
        try {
            rps::set_key_path(doc, path, 1);
        } catch (const std::invalid_argument& error) {
            return std::string(error.what());
        }
        return std::string("(no error)");
    };
    EXPECT_NE(message("methods.5.population").find("'methods' has 2 elements, no element 5"),
              std::string::npos);
    EXPECT_NE(message("methods.pso.population").find("no element of type 'pso'"),
              std::string::npos);
    EXPECT_NE(message("seed.x").find("'seed' is a number"), std::string::npos);
    EXPECT_NE(message("methods..x").find("empty segment"), std::string::npos);
    doc["methods"].push_back({{"type", "ga"}});
    EXPECT_NE(message("methods.ga.population").find("more than one element of type 'ga'"),
              std::string::npos);
    // A method whose type is not a string is no method of that type (found by fuzz_sweep_spec:
    // json::value threw a type_error, which `rps sweep` reported as an internal error).
    doc["methods"] = json::array({{{"type", nullptr}}, {{"type", 3}}, {{"type", "grid"}}});
    EXPECT_NE(message("methods.ga.population").find("no element of type 'ga'"), std::string::npos);
    rps::set_key_path(doc, "methods.grid.resolution_m", 2.0);
    EXPECT_EQ(doc["methods"][2]["resolution_m"], 2.0);
}

TEST(ExpandSweep, CartesianProductInTheDocumentedOrder) {
    // seeds outermost, then grid keys in lexicographic order ("methods..." < "objective..."),
    // the last key fastest.
    const json sweep = {{"name_prefix", "t"},
                        {"base", base_study()},
                        {"grid",
                         {{"objective.metric", {"p5", "min", "mean"}},
                          {"methods.ga.population", {10, 20}}}},
                        {"seeds", {1, 2}}};
    const auto trials = rps::expand_sweep(sweep, "/tmp/s/sweep.json");
    ASSERT_EQ(trials.size(), 2u * 2u * 3u);
    size_t k = 0;
    for (int seed : {1, 2})
        for (int population : {10, 20})
            for (const char* metric : {"p5", "min", "mean"}) {
                const auto& t = trials[k];
                EXPECT_EQ(t.index, k);
                EXPECT_EQ(t.name, (k < 10 ? "t_00" : "t_0") + std::to_string(k)) << k;
                EXPECT_EQ(t.document["name"], t.name);
                EXPECT_EQ(t.document["seed"], seed) << k;
                EXPECT_EQ(t.document["methods"][1]["population"], population) << k;
                EXPECT_EQ(t.document["objective"]["metric"], metric) << k;
                EXPECT_EQ(t.values, (json{{"seed", seed},
                                          {"methods.ga.population", population},
                                          {"objective.metric", metric}}));
                // Untouched parts of the base stay as they were.
                EXPECT_EQ(t.document["methods"][1]["generations"], 2);
                ++k;
            }
    EXPECT_EQ(rps::sweep_grid_keys(sweep),
              (std::vector<std::string>{"methods.ga.population", "objective.metric"}));
}

TEST(ExpandSweep, NoGridIsOneTrialPerSeedOrJustTheBase) {
    EXPECT_EQ(rps::expand_sweep({{"base", base_study()}}, "/tmp/s/x.json").size(), 1u);
    const auto trials =
        rps::expand_sweep({{"base", base_study()}, {"seeds", {7, 8, 9}}}, "/tmp/s/x.json");
    ASSERT_EQ(trials.size(), 3u);
    EXPECT_EQ(trials[2].name, "x_002");  // the prefix defaults to the sweep file's stem
    EXPECT_EQ(trials[2].document["seed"], 9);
}

TEST(ExpandSweep, NamesArePaddedToTheTrialCount) {
    std::vector<int> seeds(1200);
    for (int i = 0; i < 1200; ++i) seeds[i] = i;
    const auto trials =
        rps::expand_sweep({{"base", base_study()}, {"seeds", seeds}, {"name_prefix", "p"}}, "s");
    ASSERT_EQ(trials.size(), 1200u);
    EXPECT_EQ(trials.front().name, "p_0000");
    EXPECT_EQ(trials.back().name, "p_1199");
}

TEST(ExpandSweep, ScenesBecomeAbsolute) {
    TempDir dir;
    fs::create_directories(dir.path() / "studies");
    json study = base_study();
    study["scene"] = "../scenes/a.xml";
    std::ofstream(dir.path() / "studies" / "s.json") << study.dump();
    // From the study file: relative to the study file's folder; base overrides merged over it.
    const json sweep = {{"study", "studies/s.json"},
                        {"base", {{"mode", "2ap"}}},
                        {"grid", {{"methods.ga.population", {4, 5}}}}};
    const auto trials = rps::expand_sweep(sweep, (dir.path() / "sweep.json").string());
    ASSERT_EQ(trials.size(), 2u);
    EXPECT_EQ(trials[0].document["scene"], (dir.path() / "scenes" / "a.xml").string());
    EXPECT_EQ(trials[0].document["mode"], "2ap");
    EXPECT_EQ(trials[1].document["methods"][0]["type"], "grid");
    // A scene from the grid or from an inline base: relative to the sweep file's folder.
    const json grid_scene = {{"base", base_study()},
                             {"grid", {{"scene", {"b.xml", "/abs/c.xml"}}}}};
    const auto t2 = rps::expand_sweep(grid_scene, (dir.path() / "sweep.json").string());
    EXPECT_EQ(t2[0].document["scene"], (dir.path() / "b.xml").string());
    EXPECT_EQ(t2[1].document["scene"], "/abs/c.xml");
    // Each trial parses as a study with that scene.
    const rps::StudySpec spec = rps::parse_study(t2[0].document, "/elsewhere/trial.json");
    EXPECT_EQ(spec.scene_path, (dir.path() / "b.xml").string());
}

TEST(ExpandSweep, ErrorsNameTheFileTheTrialAndTheKey) {
    // A value the study schema refuses: the trial, its values and the study key.
    const json bad_value = {{"name_prefix", "t"},
                            {"base", base_study()},
                            {"grid", {{"methods.ga.population", {10, 1}}}}};
    const std::string m1 = message_of(bad_value);
    EXPECT_NE(m1.find("/tmp/s/sweep.json"), std::string::npos) << m1;
    EXPECT_NE(m1.find("trial t_001"), std::string::npos) << m1;
    EXPECT_NE(m1.find("methods.ga.population=1"), std::string::npos) << m1;
    EXPECT_NE(m1.find("methods[1].population"), std::string::npos) << m1;
    EXPECT_NE(m1.find("out of range"), std::string::npos) << m1;
    // An unknown study key set by the grid.
    const std::string m2 =
        message_of({{"base", base_study()}, {"grid", {{"methods.ga.populaton", {10}}}}});
    EXPECT_NE(m2.find("methods[1].populaton"), std::string::npos) << m2;
    EXPECT_NE(m2.find("did you mean 'population'"), std::string::npos) << m2;
    // Sweep-level mistakes.
    const std::string m3 = message_of({{"base", base_study()}, {"grids", json::object()}});
    EXPECT_NE(m3.find("field 'grids'"), std::string::npos) << m3;
    EXPECT_NE(m3.find("did you mean 'grid'"), std::string::npos) << m3;
    const std::string m4 = message_of({{"base", base_study()}, {"grid", {{"seed", 3}}}});
    EXPECT_NE(m4.find("field 'grid.seed'"), std::string::npos) << m4;
    EXPECT_NE(m4.find("non-empty array"), std::string::npos) << m4;
    const std::string m5 = message_of({{"base", base_study()}, {"seeds", {1, -2}}});
    EXPECT_NE(m5.find("field 'seeds[1]'"), std::string::npos) << m5;
    const std::string m6 = message_of({{"grid", {{"seed", {1}}}}});
    EXPECT_NE(m6.find("give the base study"), std::string::npos) << m6;
    const std::string m7 =
        message_of({{"base", base_study()}, {"grid", {{"methods.9.population", {1}}}}});
    EXPECT_NE(m7.find("field 'grid.methods.9.population'"), std::string::npos) << m7;
    EXPECT_NE(m7.find("no element 9"), std::string::npos) << m7;
    const std::string m8 = message_of({{"study", "missing_study.json"}});
    EXPECT_NE(m8.find("/tmp/s/missing_study.json"), std::string::npos) << m8;
}

TEST(ExpandSweep, TheExampleOfficeSweep) {
    const fs::path file = rps::test::source_dir() / "scenes" / "office" / "office_sweep.json";
    std::ifstream in(file);
    ASSERT_TRUE(in) << file;
    const json sweep = json::parse(in);
    const auto trials = rps::expand_sweep(sweep, file.string());
    ASSERT_EQ(trials.size(), 4u);
    const int seeds[] = {1, 1, 2, 2}, populations[] = {20, 40, 20, 40};
    for (size_t k = 0; k < 4; ++k) {
        EXPECT_EQ(trials[k].name, "office_ga_00" + std::to_string(k));
        EXPECT_EQ(trials[k].document["seed"], seeds[k]);
        EXPECT_EQ(trials[k].document["methods"][0]["population"], populations[k]);
        EXPECT_TRUE(fs::path(trials[k].document["scene"].get<std::string>()).is_absolute());
        EXPECT_TRUE(fs::exists(trials[k].document["scene"].get<std::string>()));
    }
}
