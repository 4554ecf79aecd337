// End to end through the binary: rps run (a tiny reflector study) -> rps show --json ->
// rps export -> load_scene(best_scene.xml); and rps sweep (trials, summary, a failing trial, a
// re-run that reuses finished trials). Skipped while the binary has no `run` command.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.hpp"
#include "cli/tiny_study.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/store/study_store.hpp"
#include "core/study/layout.hpp"
#include "support/test_paths.hpp"

using nlohmann::json;
using rps::test::describe;
using rps::test::l_hall;
using rps::test::run_rps;
using rps::test::tiny_1ap_study;
using rps::test::tiny_reflector_study;
namespace fs = std::filesystem;

namespace {

class CliStudyRun : public ::testing::Test {
protected:
    void SetUp() override {
        if (!rps::test::rps_has_command("run"))
            GTEST_SKIP() << "this rps has no `run` command yet (runtime/study_runner)";
    }
};

}  // namespace

TEST_F(CliStudyRun, RunShowExportReadsBack) {
    rps::test::TempDir dir;
    std::ofstream(dir / "study.json") << tiny_reflector_study().dump(2);
    const auto run = run_rps({"run", (dir / "study.json").string(), "--out",
                              (dir / "study.h5").string(), "--workers", "2", "--json"});
    ASSERT_EQ(run.exit_code, 0) << describe(run);

    const auto show = run_rps({"show", (dir / "study.h5").string(), "--json"});
    ASSERT_EQ(show.exit_code, 0) << describe(show);
    const json report = json::parse(show.out);
    EXPECT_TRUE(report["finished"].get<bool>());
    EXPECT_EQ(report["mode"], "2ap_reflector");
    EXPECT_EQ(report["best"]["source"], "map_task");
    EXPECT_EQ(report["tasks"]["failed"], 0);
    ASSERT_EQ(report["methods"].size(), 2u);
    EXPECT_EQ(report["methods"][0]["type"], "halving");
    EXPECT_EQ(report["methods"][1]["type"], "ga");
    EXPECT_TRUE(report["pool_efficiency"].is_number());
    EXPECT_EQ(report["workers"]["count"], 2);
    // The run's own summary says the same best.
    const std::string run_out = run.out;
    const json summary = json::parse(run_out.substr(run_out.find('{')));
    EXPECT_EQ(report["best"]["objective"], summary["best_objective"]);
    EXPECT_EQ(report["best"]["x"], summary["best_x"]);
    const auto& best_objective = report["best"]["objective"];
    EXPECT_DOUBLE_EQ(best_objective.get<double>(),
                     report["best"]["metrics"]["p5_dbm"].get<double>());

    const fs::path out_dir = dir / "export";
    const auto exported = run_rps({"export", (dir / "study.h5").string(), "--best", "--out",
                                   out_dir.string()});
    ASSERT_EQ(exported.exit_code, 0) << describe(exported);
    const rps::Scene original = rps::load_scene(l_hall());
    const rps::Scene scene = rps::load_scene(out_dir / "best_scene.xml");
    EXPECT_EQ(scene.shapes.size(), original.shapes.size() + 1);
    const rps::SceneShape* plate = nullptr;
    for (const auto& shape : scene.shapes)
        if (shape.id == "rps-reflector-plate") plate = &shape;
    ASSERT_NE(plate, nullptr);
    EXPECT_EQ(plate->triangle_count, 2u);
    const rps::RadioMaterial& metal = scene.materials[plate->material_index];
    EXPECT_EQ(metal.itu_type, "metal");
    EXPECT_DOUBLE_EQ(metal.thickness_m, 0.004);

    const json layout = json::parse(rps::test::read_text(out_dir / "best_layout.json"));
    EXPECT_EQ(layout["layout"], report["best"]["layout"]);
    EXPECT_EQ(layout["objective"]["value"], report["best"]["objective"]);
    EXPECT_EQ(layout["x"], report["best"]["x"]);
    EXPECT_EQ(layout["plate"]["center_m"], report["best"]["plate"]["center_m"]);
    EXPECT_EQ(layout["study"], "tiny_reflector");
    EXPECT_TRUE(fs::is_regular_file(out_dir / "best_map.png"));
    EXPECT_TRUE(fs::is_regular_file(out_dir / "best_map.csv"));
    // The AP defaults carry the best layout's positions.
    const rps::Layout best = rps::layout_from_json(layout["layout"]);
    const std::string xml = rps::test::read_text(out_dir / "best_scene.xml");
    for (size_t i = 0; i < best.aps.size(); ++i)
        EXPECT_NE(xml.find("name=\"ap" + std::to_string(i) + "_position\""), std::string::npos);
}

// Errors that used to appear only mid-run, after the store existed (GA elite >= population),
// are input errors naming the file and the key, and leave no store behind.
TEST_F(CliStudyRun, StudyErrorsFailBeforeTheStoreIsCreated) {
    rps::test::TempDir dir;
    json study = tiny_reflector_study();
    study["methods"][1]["elite"] = 4;
    std::ofstream(dir / "study.json") << study.dump(2);
    const auto run = run_rps({"run", (dir / "study.json").string(), "--out",
                              (dir / "study.h5").string(), "--workers", "1"});
    EXPECT_EQ(run.exit_code, 2) << describe(run);
    EXPECT_NE(run.err.find("study.json"), std::string::npos) << describe(run);
    EXPECT_NE(run.err.find("methods[1].elite"), std::string::npos) << describe(run);
    EXPECT_FALSE(fs::exists(dir / "study.h5"));
}

// A study whose scene file is missing names the study file and its "scene" key (the loader's
// "nope.xml: file not found" did not say which file asked for it).
TEST_F(CliStudyRun, MissingSceneNamesTheStudyAndItsKey) {
    rps::test::TempDir dir;
    json study = tiny_reflector_study();
    study["scene"] = "nope.xml";
    std::ofstream(dir / "study.json") << study.dump(2);
    const auto run = run_rps({"run", (dir / "study.json").string(), "--out",
                              (dir / "study.h5").string(), "--workers", "1"});
    EXPECT_EQ(run.exit_code, 2) << describe(run);
    for (const std::string& part :
         {(dir / "study.json").string() + ": field 'scene'", (dir / "nope.xml").string()})
        EXPECT_NE(run.err.find(part), std::string::npos) << part << "\n" << describe(run);
    EXPECT_FALSE(fs::exists(dir / "study.h5"));
}

// Studies the engine cannot run in their scene fail before the store exists, naming the file and
// the key: a grid 1e300 m away (every worker stopped in Embree's assertion, "no worker could be
// started") and a frequency where a material has no ITU values (0.9 GHz: concrete is defined
// from 1 GHz; every worker failed at start-up, after the store existed, exit 1). So do studies
// whose bounds provably admit no layout the workers would evaluate (each created its store, ran
// every method on refused layouts and ended "no feasible layout was evaluated", exit 1): APs on
// the floor, a separation the 18 m x 8 m bounds cannot give, a focal range behind the mount wall.
TEST_F(CliStudyRun, StudiesThatCannotRunFailBeforeTheStoreIsCreated) {
    const struct {
        const char* section;
        const char* key;
        json value;
        const char* field;
        const char* named;
    } cases[] = {{"grid", "origin_m", {1e300, 0.0}, "grid", "outside the scene's bounds"},
                 {"radio", "freq_hz", 9e8, "radio", "not defined at 0.9 GHz"},
                 {"bounds", "ap_z_m", 0.0, "bounds.ap_z_m",
                  "closer than 0.05 m to a surface above or below it"},
                 {"bounds", "min_ap_separation_m", 25.0, "bounds.min_ap_separation_m",
                  "no two APs can be 25 m apart"},
                 {"reflector",
                  "focal_x_m",
                  {-5.0, -1.0},
                  "reflector",
                  "the whole focal range (focal_x_m, focal_y_m, focal_z_m) lies on or behind"}};
    for (const auto& c : cases) {
        rps::test::TempDir dir;
        json study = tiny_reflector_study();
        study[c.section][c.key] = c.value;
        std::ofstream(dir / "study.json") << study.dump(2);
        const auto run = run_rps({"run", (dir / "study.json").string(), "--out",
                                  (dir / "study.h5").string(), "--workers", "1"});
        EXPECT_EQ(run.exit_code, 2) << describe(run);
        const std::string field = std::string("field '") + c.field + "'";
        for (const std::string& part : {std::string("study.json"), field, std::string(c.named)})
            EXPECT_NE(run.err.find(part), std::string::npos) << part << "\n" << describe(run);
        // Nothing ran: no progress summary claims the study done before the error.
        EXPECT_EQ(run.err.find("done in"), std::string::npos) << describe(run);
        EXPECT_FALSE(fs::exists(dir / "study.h5"));
    }
}

TEST_F(CliStudyRun, SweepRunsEachTrialAndRecordsFailures) {
    rps::test::TempDir dir;
    const json study = tiny_1ap_study({{{"type", "ga"}, {"population", 4}, {"generations", 1}}});
    std::ofstream(dir / "base.json") << study.dump(2);
    // Three trials: two scenes that exist, then one that does not (its run fails).
    std::ofstream(dir / "sweep.json") << json{{"name_prefix", "tr"},
                                              {"study", "base.json"},
                                              {"grid",
                                               {{"scene",
                                                 {l_hall().string(), l_hall().string(),
                                                  "no_such_scene.xml"}}}},
                                              {"seeds", {5}}}
                                             .dump(2);
    const fs::path out_dir = dir / "runs";
    const auto gen = run_rps({"sweep", (dir / "sweep.json").string(), "--out-dir",
                              out_dir.string(), "--generate-only", "--json"});
    ASSERT_EQ(gen.exit_code, 0) << describe(gen);
    const json index = json::parse(gen.out);
    EXPECT_EQ(index["count"], 3);
    EXPECT_TRUE(fs::is_regular_file(out_dir / "trials.json"));
    for (const char* name : {"tr_000.json", "tr_001.json", "tr_002.json"})
        EXPECT_TRUE(fs::is_regular_file(out_dir / name)) << name;
    EXPECT_FALSE(fs::exists(out_dir / "tr_000.h5"));

    const auto run = run_rps({"sweep", (dir / "sweep.json").string(), "--out-dir",
                              out_dir.string(), "--workers", "1", "--json"});
    EXPECT_EQ(run.exit_code, 1) << describe(run);  // one trial failed; the others went on
    const json summary = json::parse(rps::test::read_text(out_dir / "summary.json"));
    ASSERT_EQ(summary["trials"].size(), 3u);
    EXPECT_EQ(summary["failed"], 1);
    EXPECT_EQ(summary["trials"][0]["status"], "ok");
    EXPECT_EQ(summary["trials"][1]["status"], "ok");
    EXPECT_EQ(summary["trials"][2]["status"], "failed");
    EXPECT_TRUE(summary["trials"][0]["best_objective"].is_number());
    // Same scene, same seed: the same best.
    EXPECT_EQ(summary["trials"][0]["best_objective"], summary["trials"][1]["best_objective"]);
    EXPECT_EQ(summary["trials"][0]["seed"], 5);
    EXPECT_EQ(summary["trials"][0]["methods"], json::array({"ga"}));
    EXPECT_FALSE(summary["trials"][2]["error"].get<std::string>().empty());
    // The failed trial was refused before its study file existed: no file is listed for it.
    EXPECT_TRUE(fs::is_regular_file(summary["trials"][0]["file"].get<std::string>()));
    EXPECT_TRUE(summary["trials"][2]["file"].is_null()) << summary["trials"][2].dump();
    const std::string csv = rps::test::read_text(out_dir / "summary.csv");
    EXPECT_EQ(csv.substr(0, csv.find('\n')),
              "trial,methods,mode,seed,status,objective,best_objective,time_s,file,scene");
    EXPECT_NE(csv.find("\ntr_002,ga,1ap,5,failed,"), std::string::npos) << csv;
    EXPECT_EQ(csv.find("null"), std::string::npos) << csv;

    // Again: finished trials are reused, not re-run.
    const auto again = run_rps({"sweep", (dir / "sweep.json").string(), "--out-dir",
                                out_dir.string(), "--json"});
    const json summary2 = json::parse(again.out);
    EXPECT_EQ(summary2["trials"][0]["status"], "reused");
    EXPECT_EQ(summary2["trials"][0]["best_objective"], summary["trials"][0]["best_objective"]);
}

// A full disk (here a file size limit) ends the run with the store's error, naming the study
// file, and exit code 2. HDF5 used to crash at exit (139) on the file it could not close, and
// the message named the temporary study.h5.creating.
TEST_F(CliStudyRun, FullDiskEndsWithTheStoreErrorNotACrash) {
    rps::test::TempDir dir;
    const json study = tiny_1ap_study({{{"type", "grid"}}});  // ~40 tasks of ~50 kB results
    std::ofstream(dir / "study.json") << study.dump(2);
    std::ofstream(dir / "run.sh") << "trap '' XFSZ\nulimit -f 64\nexec '" << RPS_EXECUTABLE
                                  << "' run '" << (dir / "study.json").string() << "' --out '"
                                  << (dir / "study.h5").string() << "' --workers 1 2> '"
                                  << (dir / "err.txt").string() << "' > /dev/null\n";
    const int status = std::system(("/bin/sh '" + (dir / "run.sh").string() + "'").c_str());
    const std::string err = rps::test::read_text(dir / "err.txt");
    ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status) << "\n" << err;
    EXPECT_EQ(WEXITSTATUS(status), 2) << err;
    EXPECT_NE(err.find("study.h5: cannot append"), std::string::npos) << err;
    EXPECT_NE(err.find("File too large"), std::string::npos) << err;
    EXPECT_EQ(err.find(".creating"), std::string::npos) << err;
}

// Trials are named by position: after the sweep changes, tr_000.h5 holds another study than the
// new tr_000. It used to be reused (or resumed) and reported under the new values; the sweep now
// refuses before it rewrites any trial file.
TEST_F(CliStudyRun, SweepRefusesStudyFilesOfAnotherSweep) {
    rps::test::TempDir dir;
    const json study = tiny_1ap_study({{{"type", "ga"}, {"population", 4}, {"generations", 1}}});
    std::ofstream(dir / "base.json") << study.dump(2);
    const auto write_sweep = [&](int seed) {
        std::ofstream(dir / "sweep.json")
            << json{{"name_prefix", "tr"}, {"study", "base.json"}, {"seeds", {seed}}}.dump(2);
    };
    const fs::path out_dir = dir / "runs";
    const std::vector<std::string> args = {
        "sweep", (dir / "sweep.json").string(), "--out-dir", out_dir.string(), "--workers", "1",
        "--json"};
    write_sweep(5);
    const auto first = run_rps(args);
    ASSERT_EQ(first.exit_code, 0) << describe(first);
    const std::string trial_file = rps::test::read_text(out_dir / "tr_000.json");

    write_sweep(6);
    const auto changed = run_rps(args);
    EXPECT_EQ(changed.exit_code, 2) << describe(changed);
    EXPECT_NE(changed.err.find("tr_000.h5"), std::string::npos) << describe(changed);
    EXPECT_NE(changed.err.find("remove it"), std::string::npos) << describe(changed);
    EXPECT_EQ(rps::test::read_text(out_dir / "tr_000.json"), trial_file);
    EXPECT_EQ(rps::StudyStore::read(out_dir / "tr_000.h5").spec["seed"], 5);

    write_sweep(5);  // back to the sweep that made it: reused as before
    const auto again = run_rps(args);
    ASSERT_EQ(again.exit_code, 0) << describe(again);
    EXPECT_EQ(json::parse(again.out)["trials"][0]["status"], "reused");

    // An --out-dir that names a file: "internal error: filesystem error" (exit 1) before.
    const auto onto_file = run_rps({"sweep", (dir / "sweep.json").string(), "--out-dir",
                                    (dir / "base.json").string(), "--generate-only"});
    EXPECT_EQ(onto_file.exit_code, 2) << describe(onto_file);
    EXPECT_NE(onto_file.err.find("base.json: field '--out-dir': cannot create"), std::string::npos)
        << describe(onto_file);
}

// A study folder moved or copied elsewhere (results sent to a colleague): the store names the
// scene where the study ran, gone now; the scene beside the store is found by its name, for
// show, export, compare, report and a resume. A scene of another building is refused, not
// silently mapped beside the stored results; a scene nowhere gets the places tried.
TEST_F(CliStudyRun, MovedStudyFolderOpensWithTheSceneBesideIt) {
    rps::test::TempDir dir;
    const fs::path before = dir / "project_a", after = dir / "project_b";
    fs::create_directories(before);
    fs::copy_file(l_hall(), before / "l_hall.xml");
    json study = tiny_1ap_study({{{"type", "ga"}, {"population", 4}, {"generations", 1}}});
    study["scene"] = "l_hall.xml";
    std::ofstream(before / "study.json") << study.dump(2);
    const auto run = run_rps({"run", (before / "study.json").string(), "--out",
                              (before / "s.h5").string(), "--workers", "1"});
    ASSERT_EQ(run.exit_code, 0) << describe(run);
    fs::rename(before, after);
    const std::string store = (after / "s.h5").string();

    const auto show = run_rps({"show", store, "--json"});
    ASSERT_EQ(show.exit_code, 0) << describe(show);
    const auto exported =
        run_rps({"export", store, "--best", "--out", (after / "export").string()});
    EXPECT_EQ(exported.exit_code, 0) << describe(exported);
    EXPECT_TRUE(fs::is_regular_file(after / "export" / "best_scene.xml"));
    const auto compared = run_rps({"compare", store, "--top", "2"});
    EXPECT_EQ(compared.exit_code, 0) << describe(compared);
    const auto resumed = run_rps({"run", "--resume", store});
    EXPECT_EQ(resumed.exit_code, 0) << describe(resumed);
    const auto reported = run_rps({"report", store, "--out", (after / "r.html").string()}, {},
                                  {{"DISPLAY", "WAYLAND_DISPLAY"}, {"QT_QPA_PLATFORM=offscreen"}});
    if (reported.err.find("unavailable") == std::string::npos) {  // built with the studio
        EXPECT_EQ(reported.exit_code, 0) << describe(reported);
    }

    const fs::path office = rps::test::source_dir() / "scenes" / "office" / "office.xml";
    const auto other = run_rps({"export", store, "--best", "--out", (after / "other").string(),
                                "--scene", office.string()});
    EXPECT_EQ(other.exit_code, 2) << describe(other);
    EXPECT_NE(other.err.find("field '--scene'"), std::string::npos) << describe(other);
    EXPECT_NE(other.err.find("not the one the study ran on"), std::string::npos) << describe(other);
    EXPECT_FALSE(fs::exists(after / "other" / "best_scene.xml"));

    fs::remove(after / "l_hall.xml");
    const auto lost = run_rps({"export", store, "--best", "--out", (after / "lost").string()});
    EXPECT_EQ(lost.exit_code, 2) << describe(lost);
    for (const std::string& part :
         {std::string("not found (tried"), (before / "l_hall.xml").string(),
          (after / "l_hall.xml").string(), std::string("--scene")})
        EXPECT_NE(lost.err.find(part), std::string::npos) << part << "\n" << describe(lost);
}
