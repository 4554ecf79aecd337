// rps validate / materials / probe / map through the binary: exit codes, JSON output, files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "support/test_paths.hpp"

using nlohmann::json;
using rps::test::describe;
using rps::test::run_rps;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> xml_files_under(const fs::path& folder) {
    std::vector<fs::path> files;
    if (!fs::is_directory(folder)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file() && entry.path().extension() == ".xml")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST(CliValidate, EveryProjectSceneLoads) {
    const auto files = xml_files_under(rps::test::source_dir() / "scenes");
    ASSERT_GE(files.size(), 2u);
    for (const fs::path& file : files) {
        const auto r = run_rps({"validate", file.string(), "--json"});
        ASSERT_EQ(r.exit_code, 0) << file << "\n" << describe(r);
        const json out = json::parse(r.out);
        EXPECT_GT(out["triangles"].get<int>(), 0) << file;
    }
}

TEST(CliValidate, EverySharedSceneLoads) {
    const auto files = xml_files_under(rps::test::shared_dir() / "scenes");
    if (files.empty()) GTEST_SKIP() << "no shared scenes at " << rps::test::shared_dir();
    for (const fs::path& file : files) {
        const auto r = run_rps({"validate", file.string()});
        EXPECT_EQ(r.exit_code, 0) << file << "\n" << describe(r);
        EXPECT_NE(r.out.find("triangles"), std::string::npos) << file;
    }
}

TEST(CliValidate, BadInputsExitTwoNamingFileAndLine) {
    rps::test::TempDir dir;
    const fs::path bad_material = dir / "bad_material.xml";
    std::ofstream(bad_material) << R"(<scene version="2.1.0">
    <bsdf type="itu-radio-material" id="m">
        <string name="type" value="konkrete"/>
    </bsdf>
    <shape type="rectangle" id="floor">
        <ref id="m"/>
    </shape>
</scene>
)";
    auto r = run_rps({"validate", bad_material.string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("bad_material.xml:3:"), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find("konkrete"), std::string::npos) << describe(r);

    const fs::path malformed = dir / "malformed.xml";
    std::ofstream(malformed)
        << "<scene version=\"2.1.0\">\n  <shape type=\"rectangle\">\n</scene>\n";
    r = run_rps({"validate", malformed.string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("malformed.xml:2:"), std::string::npos) << describe(r);

    const fs::path bad_number = dir / "bad_number.xml";
    std::ofstream(bad_number) << R"(<scene version="2.1.0">
    <bsdf type="itu-radio-material" id="m">
        <string name="type" value="concrete"/>
        <float name="thickness" value="0.2x"/>
    </bsdf>
</scene>
)";
    r = run_rps({"validate", bad_number.string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("bad_number.xml:4:"), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find("thickness"), std::string::npos) << describe(r);

    r = run_rps({"validate", (dir / "missing.xml").string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("missing.xml"), std::string::npos) << describe(r);

    r = run_rps({"validate"});  // a missing argument is bad input too
    EXPECT_EQ(r.exit_code, 2) << describe(r);
}

TEST(CliMaterials, JsonHoldsTheItuValues) {
    const auto r = run_rps({"materials", "--freq-hz", "5.18e9", "--json"});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const json out = json::parse(r.out);
    EXPECT_DOUBLE_EQ(out["freq_hz"].get<double>(), 5.18e9);
    std::map<std::string, json> by_name;
    for (const json& m : out["materials"]) by_name[m["name"].get<std::string>()] = m;
    ASSERT_TRUE(by_name.count("concrete"));
    ASSERT_TRUE(by_name.count("metal"));
    // ITU-R P.2040-3 Table 3: concrete a = 5.24, b = 0, c = 0.0462, d = 0.7822 (f in GHz).
    const json& concrete = by_name["concrete"];
    EXPECT_TRUE(concrete["valid"].get<bool>());
    EXPECT_NEAR(concrete["relative_permittivity"].get<double>(), 5.24, 1e-9);
    EXPECT_NEAR(concrete["conductivity_s_per_m"].get<double>(), 0.0462 * std::pow(5.18, 0.7822),
                1e-9);
    const json& metal = by_name["metal"];
    EXPECT_NEAR(metal["relative_permittivity"].get<double>(), 1.0, 1e-12);
    EXPECT_NEAR(metal["conductivity_s_per_m"].get<double>(), 1e7, 1e-3);
}

TEST(CliMaterials, TableHoldsTheItuValuesAndMarksUndefinedRanges) {
    // At 28 GHz the ground materials (defined 1-10 GHz) and floorboard (50-100 GHz) have no
    // value (ITU-R P.2040-3 Table 3); concrete has a = 5.24, b = 0, c = 0.0462, d = 0.7822.
    const auto r = run_rps({"materials", "--freq-hz", "28e9"});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    std::map<std::string, std::vector<std::string>> rows;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream words(line);
        std::vector<std::string> fields;
        for (std::string w; words >> w;) fields.push_back(w);
        if (!fields.empty()) rows[fields.front()] = fields;
    }
    ASSERT_TRUE(rows.count("concrete")) << r.out;
    const std::vector<std::string>& concrete = rows["concrete"];
    ASSERT_GE(concrete.size(), 5u) << r.out;
    const double f_ghz = 28.0;
    const double sigma = 0.0462 * std::pow(f_ghz, 0.7822);
    constexpr double kEps0 = 8.8541878128e-12;  // CODATA 2018
    EXPECT_NEAR(std::stod(concrete[1]), 5.24, 1e-6);
    EXPECT_NEAR(std::stod(concrete[2]), sigma, 1e-6);  // 7 significant digits
    EXPECT_NEAR(std::stod(concrete[3]), -sigma / (kEps0 * 2 * M_PI * f_ghz * 1e9), 1e-6);
    EXPECT_EQ(concrete[4], "1-100") << r.out;
    for (const char* undefined : {"wet_ground", "very_dry_ground", "floorboard"}) {
        ASSERT_TRUE(rows.count(undefined)) << undefined << "\n" << r.out;
        EXPECT_NE(r.out.find(std::string(undefined)), std::string::npos);
        const std::vector<std::string>& row = rows[undefined];
        EXPECT_TRUE(std::find(row.begin(), row.end(), "defined") != row.end())
            << undefined << " should read \"not defined\" at 28 GHz:\n"
            << r.out;
    }
    EXPECT_NE(r.out.find("at 28 GHz"), std::string::npos) << r.out;
}

TEST(CliMaterials, RejectsAFrequencyThatIsNotPositive) {
    for (const char* f : {"0", "-5e9", "inf"}) {
        const auto r = run_rps({"materials", "--freq-hz", f});
        EXPECT_EQ(r.exit_code, 2) << f << "\n" << describe(r);
        EXPECT_NE(r.err.find("--freq-hz"), std::string::npos) << f << "\n" << describe(r);
        EXPECT_TRUE(r.out.empty()) << f << "\n" << describe(r);
    }
}

TEST(CliProbe, LineOfSightIsFriis) {
    // In the L hall, (5, 5, 2) sees (8, 5, 2) directly; with no reflections only the LOS path.
    const fs::path scene = rps::test::source_dir() / "scenes" / "l_hall" / "l_hall.xml";
    const auto r = run_rps({"probe", scene.string(), "--tx", "5,5,2", "--rx", "8,5,2",
                            "--antenna", "iso", "--max-order", "0", "--json"});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const json out = json::parse(r.out);
    ASSERT_EQ(out["path_count"].get<int>(), 1) << out.dump(2);
    const json& path = out["paths"][0];
    EXPECT_EQ(path["kind"], "LOS");
    EXPECT_NEAR(path["length_m"].get<double>(), 3.0, 1e-9);
    const double lambda = 299792458.0 / 5.18e9;
    const double friis_db = 20 * std::log10(lambda / (4 * M_PI * 3.0));
    EXPECT_NEAR(out["path_gain_db"].get<double>(), friis_db, 0.01);
    EXPECT_NEAR(out["received_power_dbm"].get<double>(), 5.0 + friis_db, 0.01);
}

TEST(CliMap, WritesHdf5CsvAndPng) {
    rps::test::TempDir dir;
    const fs::path scene = rps::test::source_dir() / "scenes" / "l_hall" / "l_hall.xml";
    for (const char* name : {"m.h5", "m.csv", "m.png"}) {
        const auto r = run_rps({"map", scene.string(), "--ap", "5,5,3", "--out",
                                (dir / name).string(), "--json"});
        ASSERT_EQ(r.exit_code, 0) << name << "\n" << describe(r);
        const json out = json::parse(r.out);
        EXPECT_EQ(out["written"], (dir / name).string());
        ASSERT_TRUE(fs::exists(dir / name)) << name;
        EXPECT_GT(fs::file_size(dir / name), 100u) << name;
    }
    const std::string h5 = rps::test::read_text(dir / "m.h5");
    EXPECT_EQ(h5.substr(0, 8), std::string("\x89HDF\r\n\x1a\n", 8));
    const std::string png = rps::test::read_text(dir / "m.png");
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    // CSV: a header and one row per cell of the 20 m x 20 m hall at 1 m.
    std::ifstream csv(dir / "m.csv");
    std::string header;
    std::getline(csv, header);
    EXPECT_EQ(header.rfind("x_m,y_m,in_mask,combined_dbm", 0), 0u) << header;
    size_t rows = 0;
    for (std::string line; std::getline(csv, line);) rows += !line.empty();
    EXPECT_EQ(rows, 400u);

    const auto bad = run_rps({"map", scene.string(), "--ap", "5,5", "--out",
                              (dir / "m.txt").string()});
    EXPECT_EQ(bad.exit_code, 2) << describe(bad);
    EXPECT_NE(bad.err.find("m.txt"), std::string::npos) << describe(bad);
}

// An antenna closer than 5 cm to a surface (here 2 cm from the L hall's outer wall x = 0) gets a
// map that hangs on rounding (its segments start inside the wall): map and probe refuse it as
// studies do, exit 2, naming the option, the distance and the face's material; 6 cm is accepted.
TEST(CliMap, TransmitterOnASurfaceIsRefused) {
    const fs::path scene = rps::test::source_dir() / "scenes" / "l_hall" / "l_hall.xml";
    const auto map = run_rps({"map", scene.string(), "--ap", "5,5,3", "--ap", "0.02,5,2"});
    EXPECT_EQ(map.exit_code, 2) << describe(map);
    // Named as the map's output numbers the APs (from 0) and as given.
    for (const char* part : {"AP 1 (--ap 0.02,5,2)", "0.020 m", "concrete-outer", "0.05 m"})
        EXPECT_NE(map.err.find(part), std::string::npos) << part << "\n" << describe(map);
    const auto probe = run_rps({"probe", scene.string(), "--tx", "0.02,5,2", "--rx", "8,5,2"});
    EXPECT_EQ(probe.exit_code, 2) << describe(probe);
    EXPECT_NE(probe.err.find("--tx"), std::string::npos) << describe(probe);
    const auto clear = run_rps({"map", scene.string(), "--ap", "0.06,5,2"});
    EXPECT_EQ(clear.exit_code, 0) << describe(clear);
}

// So is an antenna closer than 5 cm to a receiver point of the map's grid (an AP at the plane's
// height): an AP 0.1 µm from a cell centre gave that cell +98 dBm from 5 dBm, and one exactly on
// it lost its line of sight, its own cell then the map's weakest. 6 cm away is accepted.
TEST(CliMap, TransmitterOnAReceiverPointIsRefused) {
    const fs::path scene = rps::test::source_dir() / "scenes" / "l_hall" / "l_hall.xml";
    for (const char* ap : {"5.5,5.5,1.5", "5.5,5.5,1.5000001"}) {
        const auto map = run_rps({"map", scene.string(), "--ap", ap, "--height-m", "1.5"});
        EXPECT_EQ(map.exit_code, 2) << describe(map);
        for (const char* part : {"AP 0 (--ap 5.5,5.5,1.5",
                                 "from the receiver point (5.500, 5.500, 1.500) m", "0.05 m"})
            EXPECT_NE(map.err.find(part), std::string::npos) << part << "\n" << describe(map);
    }
    const auto clear =
        run_rps({"map", scene.string(), "--ap", "5.5,5.56,1.5", "--height-m", "1.5"});
    EXPECT_EQ(clear.exit_code, 0) << describe(clear);
}

// A grid with no cell in its mask (here every cell centre lies inside a closed metal box) has
// no metric: rps map printed P5, min and mean of -160 dBm and 0 % coverage over no cells, exit 0.
TEST(CliMap, AGridWithNoMeasuredCellIsRefused) {
    rps::test::TempDir dir;
    const fs::path scene = dir / "box.xml";
    std::ofstream(scene) << R"(<scene version="2.1.0">
<bsdf type="itu-radio-material" id="metal"><string name="type" value="metal"/></bsdf>
<shape type="cube" id="box"><transform name="to_world"><scale x="5" y="5" z="2"/>
  <translate x="5" y="5" z="2"/></transform><ref id="metal"/></shape>
</scene>)";
    const auto inside = run_rps({"map", scene.string(), "--ap", "5,5,2"});
    EXPECT_EQ(inside.exit_code, 2) << describe(inside);
    EXPECT_NE(inside.err.find("no cell of the grid is measured"), std::string::npos)
        << describe(inside);
}

// What `rps validate` warns about is also said by the commands that compute on the scene (here
// a concrete block, crossed as two slabs), on stderr: the JSON on stdout stays whole.
TEST(CliMap, SceneWarningsAreReportedOnStderr) {
    rps::test::TempDir dir;
    const fs::path scene = dir / "block.xml";
    std::ofstream(scene) << R"(<scene version="2.1.0">
<bsdf type="itu-radio-material" id="concrete"><string name="type" value="concrete"/></bsdf>
<shape type="rectangle" id="floor"><transform name="to_world"><scale x="8" y="8"/></transform>
  <ref id="concrete"/></shape>
<shape type="cube" id="block"><transform name="to_world"><translate x="3" z="1"/></transform>
  <ref id="concrete"/></shape></scene>)";
    const std::vector<std::vector<std::string>> commands = {
        {"map", scene.string(), "--ap", "0,0,1", "--max-order", "1", "--json"},
        {"probe", scene.string(), "--tx", "0,0,1", "--rx", "6,0,1", "--json"}};
    for (const auto& command : commands) {
        const auto r = run_rps(command);
        EXPECT_EQ(r.exit_code, 0) << describe(r);
        for (const char* part : {"warning: shape 'block' is a closed solid", "two slabs"})
            EXPECT_NE(r.err.find(part), std::string::npos) << part << "\n" << describe(r);
        EXPECT_FALSE(nlohmann::json::parse(r.out, nullptr, false).is_discarded()) << describe(r);
    }
}

// A transmitter more than 1 km outside the scene's bounds (where the engine's single-precision
// wall queries lose their edge margin) is refused the same way; 900 m outside is accepted.
TEST(CliMap, TransmitterFarOutsideTheSceneIsRefused) {
    const fs::path scene = rps::test::source_dir() / "scenes" / "l_hall" / "l_hall.xml";
    const auto far = run_rps({"probe", scene.string(), "--tx", "-1020,5,2", "--rx", "8,5,2"});
    EXPECT_EQ(far.exit_code, 2) << describe(far);
    for (const char* part : {"--tx", "1020 m outside the scene's bounds", "1000 m"})
        EXPECT_NE(far.err.find(part), std::string::npos) << part << "\n" << describe(far);
    const auto near = run_rps({"probe", scene.string(), "--tx", "-900,5,2", "--rx", "8,5,2"});
    EXPECT_EQ(near.exit_code, 0) << describe(near);
}

// A measurement grid or a probe's receiver beyond that reach is refused too (a grid 1e300 m away
// stopped rps in Embree's assertion, exit 134), and so is a receiver on the transmitter (whose
// line of sight has no length: the probe listed the other paths as if they were all).
TEST(CliMap, GridOrReceiverFarOutsideTheSceneIsRefused) {
    const fs::path scene = rps::test::source_dir() / "scenes" / "l_hall" / "l_hall.xml";
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--origin-m", "1e300,0"},
                                                 {"--height-m", "1200"},
                                                 {"--size-m", "2000,5"}}) {
        std::vector<std::string> command{"map", scene.string(), "--ap", "5,5,3"};
        command.insert(command.end(), args.begin(), args.end());
        const auto r = run_rps(command);
        EXPECT_EQ(r.exit_code, 2) << args[0] << "\n" << describe(r);
        for (const char* part : {"measurement grid", "outside the scene's bounds", "1000 m"})
            EXPECT_NE(r.err.find(part), std::string::npos) << part << "\n" << describe(r);
    }
    const auto far = run_rps({"probe", scene.string(), "--tx", "5,5,3", "--rx", "1e300,5,1.5"});
    EXPECT_EQ(far.exit_code, 2) << describe(far);
    EXPECT_NE(far.err.find("receiver at (1e+300, 5, 1.5) m"), std::string::npos) << describe(far);
    const auto same = run_rps({"probe", scene.string(), "--tx", "5,5,3", "--rx", "5,5.01,3"});
    EXPECT_EQ(same.exit_code, 2) << describe(same);
    EXPECT_NE(same.err.find("--rx is 0.010 m from --tx"), std::string::npos) << describe(same);
    const auto apart = run_rps({"probe", scene.string(), "--tx", "5,5,3", "--rx", "5,5.06,3"});
    EXPECT_EQ(apart.exit_code, 0) << describe(apart);
}

// Numbers that parse but mean nothing are refused naming the option, exit 2: a transmit power
// whose watts overflow (it printed "received inf dBm" and a map with 0 cells of signal and 100 %
// coverage), a NaN coverage threshold (0 % coverage "above nan dBm"), and no repeat at all.
TEST(CliMap, MeaninglessNumbersAreRefused) {
    const fs::path scene = rps::test::source_dir() / "scenes" / "l_hall" / "l_hall.xml";
    const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
        {{"--power-dbm", "inf"}, "transmit power inf dBm"},
        {{"--power-dbm", "1e308"}, "-100..100 dBm"},
        {{"--coverage-dbm", "nan"}, "--coverage-dbm"},
        {{"--repeat", "0"}, "--repeat"},
        {{"--repeat", "-3"}, "--repeat"}};
    for (const auto& [args, expected] : cases) {
        std::vector<std::string> command{"map", scene.string(), "--ap", "5,5,3"};
        command.insert(command.end(), args.begin(), args.end());
        const auto r = run_rps(command);
        EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[1] << "\n" << describe(r);
        EXPECT_NE((r.err + r.out).find(expected), std::string::npos) << expected << "\n"
                                                                     << describe(r);
    }
    const auto probe = run_rps(
        {"probe", scene.string(), "--tx", "5,5,3", "--rx", "8,5,1.5", "--power-dbm", "inf"});
    EXPECT_EQ(probe.exit_code, 2) << describe(probe);
}

// rps map --exclude leaves areas out of the metrics (rectangles and polygons), reports them, and
// refuses malformed ones with exit 2 naming the option. The excluded cells are counted exactly:
// a 4 m x 4 m square over whole cells of the L hall drops 16 cells from the mask.
TEST(CliMap, ExcludedAreasLeaveTheMetrics) {
    const fs::path scene = rps::test::source_dir() / "scenes" / "l_hall" / "l_hall.xml";
    const auto whole = run_rps({"map", scene.string(), "--ap", "5,5,3", "--json"});
    ASSERT_EQ(whole.exit_code, 0) << describe(whole);
    const auto cut = run_rps({"map", scene.string(), "--ap", "5,5,3", "--exclude", "10,0,14,4",
                              "--exclude", "0,0;2,0;0,2", "--json"});
    ASSERT_EQ(cut.exit_code, 0) << describe(cut);
    const json a = json::parse(whole.out), b = json::parse(cut.out);
    // The triangle holds one cell centre, (0.5, 0.5): (1.5, 0.5) and (0.5, 1.5) lie on its
    // hypotenuse, outside by the half-open rule.
    EXPECT_EQ(a["metrics"]["masked_cells"].get<int>() - b["metrics"]["masked_cells"].get<int>(),
              16 + 1);
    EXPECT_EQ(b["grid"]["excluded_areas"].size(), 2u);
    for (const char* bad : {"10,0,14", "14,0,10,4", "0,0;1,1;2,2", "a,b,c,d"}) {
        const auto r = run_rps({"map", scene.string(), "--ap", "5,5,3", "--exclude", bad});
        EXPECT_EQ(r.exit_code, 2) << bad << "\n" << describe(r);
        EXPECT_NE(r.err.find("--exclude"), std::string::npos) << describe(r);
    }
}
