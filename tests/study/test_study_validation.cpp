// Study JSON validation: unknown keys and bad values name the file and the key path.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "core/common/error.hpp"
#include "core/study/json_reader.hpp"
#include "core/study/study_spec.hpp"
#include "runtime/study_runner.hpp"
#include "study_test_support.hpp"
#include "support/temp_dir.hpp"

namespace rps {
namespace {

using nlohmann::json;

std::string error_of(const json& doc) {
    try {
        parse_study(doc, "bad_study.json");
    } catch (const InputError& error) {
        return error.what();
    }
    return "";
}

json base() { return test::l_hall_study("1ap", {{{"type", "grid"}}}); }

// The free-text description is still text: a number there is named, as for every key.
TEST(StudyValidation, DescriptionMustBeText) {
    json doc = base();
    doc["description"] = 42;
    const std::string error = error_of(doc);
    EXPECT_NE(error.find("description"), std::string::npos) << error;
    doc["description"] = "south arm";
    EXPECT_EQ(error_of(doc), "");
}

// A SINR map holds dB: its coverage threshold defaults to 10 dB (kDefaultSinrCoverageThreshold_db,
// as rps map takes it), a power map's to -100 dBm; a threshold given is kept either way.
TEST(StudyValidation, CoverageThresholdDefaultFollowsTheMapKind) {
    json doc = base();
    doc["objective"] = {{"metric", "coverage"}, {"combine", "sinr"}};
    EXPECT_EQ(parse_study(doc, "s.json").objective.coverage_threshold_dbm, 10.0);
    doc["objective"]["combine"] = "best";
    EXPECT_EQ(parse_study(doc, "s.json").objective.coverage_threshold_dbm, -100.0);
    doc["objective"]["combine"] = "sinr";
    doc["objective"]["coverage_threshold_dbm"] = 3.0;
    EXPECT_EQ(parse_study(doc, "s.json").objective.coverage_threshold_dbm, 3.0);
}

TEST(StudyValidation, UnknownTopLevelKeyIsNamed) {
    json doc = base();
    doc["methodz"] = json::array();
    const std::string e = error_of(doc);
    EXPECT_NE(e.find("bad_study.json"), std::string::npos) << e;
    EXPECT_NE(e.find("methodz"), std::string::npos) << e;
}

TEST(StudyValidation, UnknownMethodKeyNamesItsPath) {
    json doc = base();
    doc["methods"].push_back({{"type", "ga"}, {"populaton", 10}});
    const std::string e = error_of(doc);
    EXPECT_NE(e.find("methods[1]"), std::string::npos) << e;
    EXPECT_NE(e.find("populaton"), std::string::npos) << e;
}

TEST(StudyValidation, OutOfRangeValueNamesItsPath) {
    json doc = base();
    doc["methods"][0]["yaw_steps"] = 0;
    const std::string e = error_of(doc);
    EXPECT_NE(e.find("methods[0].yaw_steps"), std::string::npos) << e;
}

TEST(StudyValidation, WrongTypeNamesItsPath) {
    json doc = base();
    doc["radio"]["max_order"] = "two";
    const std::string e = error_of(doc);
    EXPECT_NE(e.find("radio.max_order"), std::string::npos) << e;
}

TEST(StudyValidation, UnknownMethodTypeIsNamed) {
    json doc = base();
    doc["methods"][0]["type"] = "annealing";
    const std::string e = error_of(doc);
    EXPECT_NE(e.find("methods[0].type"), std::string::npos) << e;
    EXPECT_NE(e.find("annealing"), std::string::npos) << e;
}

TEST(StudyValidation, BadBoundsAreNamed) {
    json doc = base();
    doc["bounds"]["x_m"] = {19, 1};
    const std::string e = error_of(doc);
    EXPECT_NE(e.find("bounds.x_m"), std::string::npos) << e;
}

TEST(StudyValidation, ExcludedAreasAreReadAsRectanglesOrPolygons) {
    json doc = base();
    doc["grid"] = {{"exclude", {{1, 2, 3, 4}, {{0, 0}, {2, 0}, {0, 2}}}}};
    const StudySpec spec = parse_study(doc, "study.json");
    ASSERT_EQ(spec.grid.excluded_areas.size(), 2u);
    const Polygon2d rectangle = {{1, 2}, {3, 2}, {3, 4}, {1, 4}};
    EXPECT_EQ(spec.grid.excluded_areas[0], rectangle);
    EXPECT_EQ(spec.grid.excluded_areas[1].size(), 3u);
}

TEST(StudyValidation, BadExcludedAreasNameTheirElement) {
    const auto error_for = [](const json& areas) {
        json doc = base();
        doc["grid"] = {{"exclude", areas}};
        return error_of(doc);
    };
    EXPECT_NE(error_for(json{{3, 2, 1, 4}}).find("grid.exclude[0]"), std::string::npos);
    const std::string degenerate = error_for(json{{1, 2, 3, 4}, {{0, 0}, {1, 1}, {2, 2}}});
    EXPECT_NE(degenerate.find("grid.exclude[1]"), std::string::npos) << degenerate;
    EXPECT_NE(degenerate.find("no area"), std::string::npos) << degenerate;
    EXPECT_NE(error_for(json{{{0, 0}, {1, "a"}, {2, 2}}}).find("grid.exclude[0]"),
              std::string::npos);
    EXPECT_NE(error_for(json{{1, 2, 3}}).find("grid.exclude[0]"), std::string::npos);
    EXPECT_NE(error_for(json("core")).find("grid.exclude"), std::string::npos);
}

// Limits that used to fail only mid-run (after the store existed), deep in an optimiser or as
// "internal error: stoi": parse_study names the file and the key.
TEST(StudyValidation, CrossParameterLimitsAreNamedBeforeRunning) {
    json doc = base();
    doc["methods"].push_back({{"type", "cmaes"}, {"population", 4}});
    std::string e = error_of(doc);
    EXPECT_NE(e.find("bad_study.json"), std::string::npos) << e;
    EXPECT_NE(e.find("methods[1].population"), std::string::npos) << e;

    doc = base();
    doc["methods"].push_back({{"type", "ga"}, {"population", 6}, {"elite", 6}});
    e = error_of(doc);
    EXPECT_NE(e.find("methods[1].elite"), std::string::npos) << e;
    EXPECT_NE(e.find("smaller than population (6)"), std::string::npos) << e;
    doc["methods"][1] = {{"type", "ga"}, {"elite", 50}};  // the default population is 50
    EXPECT_NE(error_of(doc).find("methods[1].elite"), std::string::npos);
    doc["methods"][1]["elite"] = 49;
    EXPECT_EQ(error_of(doc), "");

    for (const char* mode : {"99999999999ap", "17ap", "0ap", "999ap"}) {
        doc = base();
        doc["methods"] = {{{"type", "refine"}}};
        doc["mode"] = mode;
        e = error_of(doc);
        EXPECT_NE(e.find("bad_study.json"), std::string::npos) << mode << ": " << e;
        EXPECT_NE(e.find("mode"), std::string::npos) << e;
        EXPECT_NE(e.find("1-16 APs"), std::string::npos) << e;
    }
    doc["mode"] = "16ap";
    EXPECT_EQ(error_of(doc), "");
}

// The grid's size depends on the mode and the bounds; an editor may pass through a grid that is
// too large, so parse_study accepts it and check_study_size (run before a store is created)
// refuses it.
TEST(StudyValidation, GridLargerThanMaxPointsIsNamedByCheckStudySize) {
    json doc = base();
    doc["methods"].push_back({{"type", "grid"}, {"max_points", 100}});
    const StudySpec spec = parse_study(doc, "bad_study.json");
    try {
        check_study_size(spec);
        FAIL() << "expected an InputError";
    } catch (const InputError& error) {
        const std::string e = error.what();
        EXPECT_NE(e.find("bad_study.json"), std::string::npos) << e;
        EXPECT_NE(e.find("methods[1].max_points"), std::string::npos) << e;
        EXPECT_NE(e.find("more than max_points = 100 "), std::string::npos) << e;
    }
    doc["methods"][1]["max_points"] = 100000;
    EXPECT_NO_THROW(check_study_size(parse_study(doc, "bad_study.json")));
    doc["mode"] = "16ap";  // ~1e40 points: still a readable count
    try {
        check_study_size(parse_study(doc, "bad_study.json"));
        FAIL() << "expected an InputError";
    } catch (const InputError& error) {
        EXPECT_NE(std::string(error.what()).find("e+"), std::string::npos) << error.what();
    }
}

TEST(StudyValidation, MissingMethodsIsNamed) {
    json doc = base();
    doc.erase("methods");
    EXPECT_NE(error_of(doc).find("methods"), std::string::npos);
}

TEST(StudyValidation, RunnerDefaultsCoverEveryMethod) {
    for (const char* type : {"grid", "gd", "ga", "pso", "cmaes", "refine", "halving"})
        EXPECT_FALSE(StudyRunner::method_defaults(type).empty()) << type;
}

TEST(StudyValidation, GridPointCountDoesNotDuplicateTheYawSeam) {
    const StudySpec spec = parse_study(test::l_hall_study("1ap", {{{"type", "grid"}}}, true),
                                       "study.json");
    // x 1..19 at 2 m: 10 values, y 1..9: 5, yaw 8 over [-180, 180), downtilt 1.
    EXPECT_EQ(StudyRunner::grid_point_count(spec, {{"resolution_m", 2.0}, {"yaw_steps", 8}}),
              10u * 5u * 8u);
}

}  // namespace
}  // namespace rps

namespace rps {
namespace {

// Objective values are dBm of received power, % of cells for coverage, and dB for SINR
// combining (the combined map holds signal over interference plus noise): summaries, exports and
// `rps show` label them with this unit.
TEST(StudyValidation, ObjectiveUnitsFollowMetricAndCombining) {
    EXPECT_EQ(objective_unit("p5", "best"), "dBm");
    EXPECT_EQ(objective_unit("mean", "sum"), "dBm");
    EXPECT_EQ(objective_unit("p5", "sinr"), "dB");
    EXPECT_EQ(objective_unit("softmin", "sinr"), "dB");
    EXPECT_EQ(objective_unit("coverage", "sinr"), "%");
    EXPECT_EQ(objective_unit("coverage", "best"), "%");
}

// The name is the default store, NAME.h5 beside the study: one file name, never a path.
TEST(StudyValidation, ANameThatIsNoFileNameIsRefused) {
    const std::vector<std::string> names = {"../escaped", "", "a/b", "a\\b",
                                            std::string("a\0b", 3)};
    for (const std::string& name : names) {
        json doc = base();
        doc["name"] = name;
        EXPECT_EQ(error_of(doc),
                  "bad_study.json: field 'name': must be a non-empty file-name-safe string")
            << name;
    }
    json doc = base();
    doc["name"] = "..office 2ap (v2)";
    EXPECT_EQ(error_of(doc), "");
}

// A number JSON can write but a double cannot hold is bad input of the file, with its line.
TEST(StudyValidation, ANumberOverflowNamesTheFileAndLine) {
    const test::TempDir dir;
    const std::string file = (dir.path() / "big_number.json").string();
    std::ofstream(file) << "{\n  \"name\": \"x\",\n  \"seed\": 1e400\n}\n";
    try {
        read_json_file(file);
        FAIL() << "1e400 was read";
    } catch (const InputError& error) {
        EXPECT_EQ(std::string(error.what()),
                  file +
                      ":3: invalid JSON: [json.exception.out_of_range.406] number overflow "
                      "parsing '1e400'");
    }
}

// A syntax error keeps its line.
TEST(StudyValidation, ASyntaxErrorNamesTheFileAndLine) {
    const test::TempDir dir;
    const std::string file = (dir.path() / "bad_syntax.json").string();
    std::ofstream(file) << "{\n  \"name\": \"x\",\n  \"seed\": 4,\n}\n";
    try {
        read_json_file(file);
        FAIL() << "a trailing comma was read";
    } catch (const InputError& error) {
        EXPECT_EQ(error.where().line, 4) << error.what();
        EXPECT_EQ(error.where().file, file);
    }
}

}  // namespace
}  // namespace rps
