// rps show / rps export (and rps compare's choice of rows) on study files built here with the
// runner's store conventions (task rows
// {"method","method_index","payload","result","best_x","best_objective","worker_id"}, a final
// "map" task, the finished marker's summary), so they need no `rps run`: a finished reflector
// study exported and read back, an unfinished study, and bad inputs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/cli_runner.hpp"
#include "cli/tiny_study.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/store/study_store.hpp"
#include "core/study/layout.hpp"
#include "core/study/layout_evaluator.hpp"
#include "core/study/task_executor.hpp"
#include "support/test_paths.hpp"

using nlohmann::json;
using rps::test::describe;
using rps::test::run_rps;
namespace fs = std::filesystem;

namespace {

constexpr uint64_t kMethodShift = 40;  // the runner's task ids: (method index << 40) | sequence

using rps::test::l_hall;

// A small reflector study on the L hall (the plate on the west wall, x = 0, facing +x): the
// tiny study with a smaller plate and a GA alone.
json reflector_study() {
    json study = rps::test::tiny_reflector_study();
    study["name"] = "lh_reflector";
    study["grid"] = {{"cell_m", 1.0}};
    study["reflector"]["size_m"] = {1.5, 1.0};
    study["reflector"]["thickness_m"] = 0.003;
    study["methods"] = {{{"type", "ga"}, {"population", 4}, {"generations", 1}}};
    study["compute"] = {{"workers", 2}};
    study.erase("description");
    study.erase("seed");
    return study;
}

rps::Layout reflector_layout() {
    rps::Layout layout;
    layout.aps.push_back({6.0, 4.0, 3.0, 180.0, 10.0});
    layout.aps.push_back({15.0, 5.0, 3.0, 0.0, 5.0});
    layout.reflector = rps::ReflectorPlacement{0.5, 0.5, rps::Vec3(5, 15, 1.5)};
    return layout;
}

struct Row {
    uint64_t id;
    int worker;
    double start, elapsed;
};

// Appends an "evaluate" task row (one point) as the runner does.
double append_evaluate(rps::StudyStore& store, const rps::LayoutEvaluator& evaluator,
                       const rps::Vector& x, const Row& row) {
    const json payload = {{"kind", "evaluate"}, {"points", {x}}};
    const json result = rps::execute_study_task(evaluator, payload);
    const double f = result["objectives"][0].get<double>();
    rps::TaskRecord record;
    record.task_id = row.id;
    record.objective = f;
    record.worker_id = row.worker;
    record.start_s = row.start;
    record.end_s = row.start + row.elapsed;
    record.elapsed_s = row.elapsed;
    store.append_task(record, {{"method", "ga"},
                               {"method_index", 0},
                               {"payload", payload},
                               {"result", result},
                               {"best_x", x},
                               {"best_objective", f},
                               {"worker_id", row.worker},
                               {"attempts", 1}});
    return f;
}

struct FinishedStudy {
    json document;
    json map_result;
    rps::Vector best_x;
    std::vector<double> objectives;
};

// A finished study: three evaluate rows, one failed row, the final map task and its map, the
// summary marker.
FinishedStudy make_finished_reflector_store(const fs::path& file) {
    FinishedStudy s;
    s.document = reflector_study();
    const rps::StudySpec spec = rps::parse_study(s.document, file.string());
    const rps::Scene scene = rps::load_scene(spec.scene_path);
    const rps::LayoutEvaluator evaluator(spec, scene);
    const rps::LayoutSpace& space = evaluator.space();
    s.best_x = space.encode(reflector_layout());
    rps::Vector worse = s.best_x, other = s.best_x;
    worse[0] = 18.0, worse[1] = 8.0;  // AP 0 far from the plate
    other[8] = 0.2;                   // the plate elsewhere on the mount
    rps::StudyStore store = rps::StudyStore::create(file, s.document);
    s.objectives.push_back(append_evaluate(store, evaluator, worse, {0, 0, 0.0, 1.0}));
    s.objectives.push_back(append_evaluate(store, evaluator, other, {1, 1, 0.0, 2.0}));
    s.objectives.push_back(append_evaluate(store, evaluator, s.best_x, {2, 0, 1.0, 1.5}));
    rps::TaskRecord failed;
    failed.task_id = 3;
    failed.attempt = 3;
    failed.status = static_cast<int32_t>(rps::TaskStatus::failed);
    failed.worker_id = 1;
    failed.start_s = 2.0, failed.end_s = 2.1, failed.elapsed_s = 0.1;
    store.append_task(failed, {{"method", "ga"},
                               {"method_index", 0},
                               {"payload", {{"kind", "evaluate"}, {"points", {other}}}},
                               {"result", nullptr},
                               {"best_x", nullptr},
                               {"best_objective", nullptr},
                               {"worker_id", 1},
                               {"attempts", 3},
                               {"error", "worker crashed"}});
    const uint64_t map_id = uint64_t{1} << kMethodShift;
    const json payload = {{"kind", "map"}, {"point", s.best_x}};
    s.map_result = rps::execute_study_task(evaluator, payload);
    rps::TaskRecord map_record;
    map_record.task_id = map_id;
    map_record.objective = s.map_result["objective"].get<double>();
    map_record.worker_id = 1;
    map_record.start_s = 2.1, map_record.end_s = 2.6, map_record.elapsed_s = 0.5;
    store.append_task(map_record, {{"method", "map"},
                                   {"method_index", 1},
                                   {"payload", payload},
                                   {"result", s.map_result},
                                   {"best_x", s.best_x},
                                   {"best_objective", map_record.objective},
                                   {"worker_id", 1},
                                   {"attempts", 1}});
    const auto& grid = evaluator.engine().grid();
    const auto combined = s.map_result["combined_power_w"].get<std::vector<double>>();
    store.append_map(map_id, grid.cells_x, grid.cells_y, combined);
    store.mark_finished({{"study", "lh_reflector"},
                         {"best_x", s.best_x},
                         {"best_objective", map_record.objective},
                         {"best_layout", s.map_result["layout"]},
                         {"best_metrics", s.map_result["metrics"]},
                         {"wall_s", 3.0},
                         {"pool",
                          {{"workers", 2},
                           {"wall_s", 2.8},
                           {"busy_s", 5.1},
                           {"efficiency", 5.1 / 5.6},
                           {"restarts", 1},
                           {"retries", 2},
                           {"per_worker",
                            {{{"id", 0}, {"busy_s", 2.5}, {"tasks_ok", 2}, {"tasks_failed", 0}},
                             {{"id", 1}, {"busy_s", 2.6}, {"tasks_ok", 2}, {"tasks_failed", 1}}}}}}
                         });
    store.close();
    return s;
}

const rps::SceneShape* find_shape(const rps::Scene& scene, const std::string& id) {
    for (const auto& shape : scene.shapes)
        if (shape.id == id) return &shape;
    return nullptr;
}

size_t count_of(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST(CliShow, FinishedReflectorStudy) {
    rps::test::TempDir dir;
    const FinishedStudy s = make_finished_reflector_store(dir / "study.h5");
    const auto r = run_rps({"show", (dir / "study.h5").string(), "--json"});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const json out = json::parse(r.out);
    EXPECT_EQ(out["name"], "lh_reflector");
    EXPECT_EQ(out["mode"], "2ap_reflector");
    EXPECT_EQ(out["objective"]["metric"], "p5");
    EXPECT_TRUE(out["finished"].get<bool>());
    EXPECT_EQ(out["tasks"]["rows"], 5);
    EXPECT_EQ(out["tasks"]["ok"], 4);
    EXPECT_EQ(out["tasks"]["failed"], 1);
    EXPECT_EQ(out["tasks"]["retried"], 1);
    EXPECT_EQ(out["tasks"]["map_tasks"], 1);
    // The best: the map task's layout, objective, metrics and plate pose.
    const json& best = out["best"];
    EXPECT_EQ(best["source"], "map_task");
    EXPECT_EQ(best["objective"], s.map_result["objective"]);
    EXPECT_EQ(best["layout"], rps::layout_to_json(reflector_layout()));
    EXPECT_EQ(best["metrics"], s.map_result["metrics"]);
    EXPECT_EQ(best["plate"], s.map_result["plate"]);
    EXPECT_EQ(best["x"], json(s.best_x));
    // Statistics over the task objectives (population standard deviation).
    double mean = 0;
    for (double f : s.objectives) mean += f / 3;
    double var = 0;
    for (double f : s.objectives) var += (f - mean) * (f - mean) / 3;
    EXPECT_EQ(out["statistics"]["count"], 3);
    EXPECT_NEAR(out["statistics"]["mean"].get<double>(), mean, 1e-9);
    EXPECT_NEAR(out["statistics"]["std"].get<double>(), std::sqrt(var), 1e-9);
    EXPECT_DOUBLE_EQ(out["statistics"]["max"].get<double>(),
                     *std::max_element(s.objectives.begin(), s.objectives.end()));
    // Pool: the runner's per-worker busy time; efficiency = Σ busy / (N × wall of the pool).
    EXPECT_EQ(out["workers"]["count"], 2);
    EXPECT_EQ(out["workers"]["busy"].size(), 2u);
    EXPECT_DOUBLE_EQ(out["workers"]["busy"][1]["busy_s"].get<double>(), 2.6);
    EXPECT_EQ(out["workers"]["restarts"], 1);
    EXPECT_DOUBLE_EQ(out["wall_s"].get<double>(), 3.0);
    EXPECT_NEAR(out["task_time_s"].get<double>(), 5.1, 1e-12);
    EXPECT_NEAR(out["pool_efficiency"].get<double>(), 5.1 / (2 * 2.8), 1e-12);
    // Per method: the GA's 4 tasks (one failed) and its best.
    ASSERT_EQ(out["methods"].size(), 1u);
    EXPECT_EQ(out["methods"][0]["type"], "ga");
    EXPECT_EQ(out["methods"][0]["tasks"], 4);
    EXPECT_EQ(out["methods"][0]["ok"], 3);
    EXPECT_DOUBLE_EQ(out["methods"][0]["best_objective"].get<double>(),
                     *std::max_element(s.objectives.begin(), s.objectives.end()));

    const auto text = run_rps({"show", (dir / "study.h5").string()});
    ASSERT_EQ(text.exit_code, 0) << describe(text);
    for (const char* expected : {"lh_reflector", "2ap_reflector", "finished", "AP 0", "AP 1",
                                 "plate", "centre", "normal", "pool efficiency", "ga", "1 failed",
                                 "1 retried"})
        EXPECT_NE(text.out.find(expected), std::string::npos) << expected << "\n" << text.out;
}

TEST(CliExport, ReflectorSceneReadsBackWithThePlate) {
    rps::test::TempDir dir;
    const FinishedStudy s = make_finished_reflector_store(dir / "study.h5");
    const fs::path out_dir = dir / "export";
    const auto r = run_rps({"export", (dir / "study.h5").string(), "--best", "--out",
                            out_dir.string()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    for (const char* name : {"best_layout.json", "best_scene.xml", "best_map.png", "best_map.csv",
                             "meshes/reflector_plate.ply"})
        EXPECT_TRUE(fs::is_regular_file(out_dir / name)) << name;

    // The scene: every shape of the original plus the plate, a PLY of ITU metal, the study's
    // thickness, its corners where the stored pose puts them.
    const rps::Scene original = rps::load_scene(l_hall());
    const rps::Scene scene = rps::load_scene(out_dir / "best_scene.xml");
    ASSERT_EQ(scene.shapes.size(), original.shapes.size() + 1);
    for (const auto& shape : original.shapes) EXPECT_TRUE(find_shape(scene, shape.id)) << shape.id;
    const rps::SceneShape* plate = find_shape(scene, "rps-reflector-plate");
    ASSERT_NE(plate, nullptr);
    EXPECT_EQ(plate->type, "ply");
    EXPECT_EQ(plate->triangle_count, 2u);
    const rps::RadioMaterial& metal = scene.materials[plate->material_index];
    EXPECT_TRUE(metal.is_itu());
    EXPECT_EQ(metal.itu_type, "metal");
    EXPECT_DOUBLE_EQ(metal.thickness_m, 0.003);

    const json layout = json::parse(rps::test::read_text(out_dir / "best_layout.json"));
    const json show = json::parse(run_rps({"show", (dir / "study.h5").string(), "--json"}).out);
    EXPECT_EQ(layout["layout"], show["best"]["layout"]);
    EXPECT_EQ(layout["objective"]["value"], show["best"]["objective"]);
    EXPECT_EQ(layout["metrics"], show["best"]["metrics"]);
    EXPECT_EQ(layout["study"], "lh_reflector");
    EXPECT_EQ(layout["scene"], l_hall().lexically_normal().string());
    EXPECT_TRUE(layout["finished"].get<bool>());
    EXPECT_FALSE(layout["maps"]["recomputed"].get<bool>());
    EXPECT_EQ(layout["aps"][1]["position_m"], json::array({15.0, 5.0, 3.0}));
    EXPECT_EQ(layout["plate"]["center_m"], s.map_result["plate"]["center_m"]);
    EXPECT_DOUBLE_EQ(layout["plate"]["thickness_m"].get<double>(), 0.003);
    // The PLY's vertices are the plate's corners (stored as 32-bit floats).
    ASSERT_EQ(layout["plate"]["corners_m"].size(), 4u);
    for (uint32_t t = plate->first_triangle; t < plate->first_triangle + 2; ++t)
        for (uint32_t v : scene.triangles[t]) {
            double nearest = 1e9;
            for (const json& c : layout["plate"]["corners_m"])
                nearest = std::min(
                    nearest, (scene.vertices[v] - rps::Vec3(c[0], c[1], c[2])).norm());
            EXPECT_LT(nearest, 1e-5);
        }
    // The plate's corners span its size around the stored centre.
    const auto& c = layout["plate"]["corners_m"];
    const rps::Vec3 c0(c[0][0], c[0][1], c[0][2]), c1(c[1][0], c[1][1], c[1][2]),
        c2(c[2][0], c[2][1], c[2][2]);
    EXPECT_NEAR((c1 - c0).norm(), 1.5, 1e-9);
    EXPECT_NEAR((c2 - c1).norm(), 1.0, 1e-9);

    // The APs are <default> parameters in the XML (and the same numbers in the JSON).
    const std::string xml = rps::test::read_text(out_dir / "best_scene.xml");
    EXPECT_NE(xml.find(R"(<default name="ap0_position" value="6,4,3"/>)"), std::string::npos);
    EXPECT_NE(xml.find(R"(<default name="ap1_position" value="15,5,3"/>)"), std::string::npos);
    EXPECT_NE(xml.find(R"(<default name="ap0_yaw_deg" value="180"/>)"), std::string::npos);
    EXPECT_NE(xml.find(R"(<default name="reflector_u" value="0.5"/>)"), std::string::npos);

    // The map CSV: one row per cell, the combined map and each AP's.
    std::ifstream csv(out_dir / "best_map.csv");
    std::string header;
    std::getline(csv, header);
    EXPECT_EQ(header, "x_m,y_m,in_mask,combined_dbm,ap0_dbm,ap1_dbm");
    size_t rows = 0;
    for (std::string line; std::getline(csv, line);) rows += !line.empty();
    EXPECT_EQ(rows, s.map_result["combined_power_w"].size());

    // Exporting from an exported scene: the AP parameters are replaced, not repeated, and the
    // second plate gets fresh ids and a mesh name of its own.
    const fs::path again = dir / "again";
    const auto r2 = run_rps({"export", (dir / "study.h5").string(), "--best", "--out",
                             again.string(), "--scene", (out_dir / "best_scene.xml").string()});
    ASSERT_EQ(r2.exit_code, 0) << describe(r2);
    const std::string xml2 = rps::test::read_text(again / "best_scene.xml");
    EXPECT_EQ(count_of(xml2, R"(name="ap0_position")"), 1u);
    const rps::Scene scene2 = rps::load_scene(again / "best_scene.xml");
    EXPECT_EQ(scene2.shapes.size(), original.shapes.size() + 2);
    EXPECT_TRUE(find_shape(scene2, "rps-reflector-plate-2"));
    EXPECT_TRUE(fs::is_regular_file(again / "meshes" / "reflector_plate_2.ply"));
}

TEST(CliShowExport, UnfinishedStudyWithMeshScene) {
    rps::test::TempDir dir;
    // A scene with a PLY mesh (floor) beside rectangles, to check that export copies meshes.
    fs::create_directories(dir / "scene" / "meshes");
    std::ofstream(dir / "scene" / "meshes" / "floor.ply") << R"(ply
format ascii 1.0
element vertex 4
property float x
property float y
property float z
element face 1
property list uchar int vertex_indices
end_header
0 0 0
10 0 0
10 10 0
0 10 0
4 0 1 2 3
)";
    std::ofstream(dir / "scene" / "hall.xml") << R"(<scene version="2.1.0">
    <bsdf type="itu-radio-material" id="concrete">
        <string name="type" value="concrete"/>
        <float name="thickness" value="0.2"/>
    </bsdf>
    <shape type="ply" id="floor">
        <string name="filename" value="meshes/floor.ply"/>
        <ref id="concrete" name="bsdf"/>
    </shape>
    <shape type="rectangle" id="wall-south">
        <transform name="to_world">
            <scale x="5" y="1.5" z="1"/>
            <rotate x="1" angle="90"/>
            <translate x="5" y="0" z="1.5"/>
        </transform>
        <ref id="concrete" name="bsdf"/>
    </shape>
</scene>
)";
    const json document = {{"name", "hall"},
                           {"scene", (dir / "scene" / "hall.xml").string()},
                           {"radio", {{"max_order", 1}}},
                           {"mode", "1ap"},
                           {"bounds", {{"x_m", {1, 9}}, {"y_m", {1, 9}}, {"ap_z_m", 2.5}}},
                           {"methods", {{{"type", "grid"}}}}};
    const rps::StudySpec spec = rps::parse_study(document, "hall.json");
    const rps::Scene scene = rps::load_scene(spec.scene_path);
    const rps::LayoutEvaluator evaluator(spec, scene);
    {
        rps::StudyStore store = rps::StudyStore::create(dir / "hall.h5", document);
        append_evaluate(store, evaluator, {3, 3, 45, 10}, {0, 0, 0.0, 0.2});
        append_evaluate(store, evaluator, {5, 6, -90, 0}, {1, 1, 0.0, 0.3});
        // No map task, no finished marker: the run was killed here.
    }
    const auto show = run_rps({"show", (dir / "hall.h5").string()});
    ASSERT_EQ(show.exit_code, 0) << describe(show);
    EXPECT_NE(show.out.find("UNFINISHED"), std::string::npos) << show.out;
    EXPECT_NE(show.out.find("best task so far"), std::string::npos) << show.out;
    const json out = json::parse(run_rps({"show", (dir / "hall.h5").string(), "--json"}).out);
    EXPECT_FALSE(out["finished"].get<bool>());
    EXPECT_EQ(out["state"], "unfinished");
    EXPECT_EQ(out["best"]["source"], "task_rows");
    EXPECT_TRUE(out["summary"].is_null());
    EXPECT_EQ(out["wall_source"], "task_rows");
    const json& aps = out["best"]["layout"]["aps"];
    ASSERT_EQ(aps.size(), 1u);
    EXPECT_DOUBLE_EQ(aps[0]["z_m"].get<double>(), 2.5);

    // Export recomputes the maps of the best layout so far, and copies the mesh.
    const fs::path out_dir = dir / "export";
    const auto r = run_rps({"export", (dir / "hall.h5").string(), "--best", "--out",
                            out_dir.string(), "--json"});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const json exported = json::parse(r.out)["best_layout"];
    EXPECT_TRUE(exported["maps"]["recomputed"].get<bool>());
    EXPECT_FALSE(exported["finished"].get<bool>());
    EXPECT_EQ(exported["layout"], out["best"]["layout"]);
    EXPECT_DOUBLE_EQ(exported["objective"]["value"].get<double>(),
                     out["best"]["objective"].get<double>());
    EXPECT_FALSE(exported.contains("plate"));
    EXPECT_TRUE(fs::is_regular_file(out_dir / "meshes" / "floor.ply"));
    const std::string xml = rps::test::read_text(out_dir / "best_scene.xml");
    EXPECT_NE(xml.find(R"(value="meshes/floor.ply")"), std::string::npos);
    const rps::Scene reread = rps::load_scene(out_dir / "best_scene.xml");
    EXPECT_EQ(reread.shapes.size(), scene.shapes.size());
    EXPECT_EQ(reread.triangles.size(), scene.triangles.size());
}

// An unfinished halving study: its cheap round's row (an order-0 map here, payload.max_order)
// is left out of the statistics and the methods' bests computed from the rows, as the runner's
// summary leaves it out once the study finishes; its task still counts.
TEST(CliShow, UnfinishedStudyLeavesCheapRoundsOutOfTheStatistics) {
    rps::test::TempDir dir("rps_show_cheap");
    const json document = {{"name", "hall"},
                           {"scene", rps::test::l_hall().string()},
                           {"radio", {{"max_order", 1}, {"antenna", "iso"}}},
                           {"grid", {{"cell_m", 2.0}}},
                           {"mode", "1ap"},
                           {"bounds", {{"x_m", {1, 19}}, {"y_m", {1, 9}}, {"ap_z_m", 3.0}}},
                           {"methods", {{{"type", "halving"}, {"candidates", 4}}}}};
    const rps::StudySpec spec = rps::parse_study(document, "hall.json");
    const rps::Scene scene = rps::load_scene(spec.scene_path);
    const rps::LayoutEvaluator evaluator(spec, scene);
    std::vector<double> full;
    {
        rps::StudyStore store = rps::StudyStore::create(dir / "hall.h5", document);
        full.push_back(append_evaluate(store, evaluator, {3, 3, 45, 10}, {0, 0, 0.0, 0.2}));
        full.push_back(append_evaluate(store, evaluator, {12, 6, -90, 0}, {1, 1, 0.0, 0.3}));
        // The cheap round's row: scored by the worker on an order-0 map.
        const json payload = {{"kind", "evaluate"}, {"points", {{5, 5, 0, 0}}}, {"max_order", 0}};
        const json result = rps::execute_study_task(evaluator, payload);
        rps::TaskRecord record;
        record.task_id = 2;
        record.objective = result["objectives"][0].get<double>();
        record.end_s = record.elapsed_s = 0.1;
        store.append_task(record, {{"method", "halving"},
                                   {"method_index", 0},
                                   {"payload", payload},
                                   {"result", result},
                                   {"best_x", {5, 5, 0, 0}},
                                   {"best_objective", record.objective},
                                   {"attempts", 1}});
        ASSERT_TRUE(std::isfinite(record.objective));
        ASSERT_NE(record.objective, full[0]);
    }
    const auto r = run_rps({"show", (dir / "hall.h5").string(), "--json"});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const json out = json::parse(r.out);
    EXPECT_EQ(out["statistics"]["source"], "task_rows");
    EXPECT_EQ(out["statistics"]["count"], 2);
    EXPECT_DOUBLE_EQ(out["statistics"]["mean"].get<double>(), 0.5 * (full[0] + full[1]));
    EXPECT_DOUBLE_EQ(out["methods"][0]["best_objective"].get<double>(), std::max(full[0], full[1]));
    EXPECT_EQ(out["methods"][0]["tasks"], 3);
}

TEST(CliShowExport, BadInputsExitTwo) {
    rps::test::TempDir dir;
    std::ofstream(dir / "not_a_study.h5") << "hello";
    auto r = run_rps({"show", (dir / "not_a_study.h5").string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("not_a_study.h5"), std::string::npos) << describe(r);
    r = run_rps({"show", (dir / "missing.h5").string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("missing.h5"), std::string::npos) << describe(r);
    make_finished_reflector_store(dir / "study.h5");
    r = run_rps({"export", (dir / "study.h5").string(), "--out", (dir / "x").string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("--best"), std::string::npos) << describe(r);
    // An --out that names a file: "internal error: filesystem error" (exit 1) before.
    r = run_rps({"export", (dir / "study.h5").string(), "--best", "--out",
                 (dir / "not_a_study.h5").string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("not_a_study.h5: field '--out': cannot create"), std::string::npos)
        << describe(r);
    // A study that has not finished a task yet (just started, or every task failed) has no
    // best layout: said so, nothing written.
    rps::StudyStore::create(dir / "started.h5", reflector_study()).close();
    r = run_rps({"export", (dir / "started.h5").string(), "--best", "--out", (dir / "y").string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("started.h5"), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find("no layout to export yet"), std::string::npos) << describe(r);
    EXPECT_FALSE(fs::exists(dir / "y" / "best_layout.json"));
}

// rps compare on the hand-made store: row 3 failed, row 4 (the map task) repeats row 2's layout.
TEST(CliCompareRows, FailedRowsRefusedAndRepeatedLayoutsComparedOnce) {
    rps::test::TempDir dir;
    const FinishedStudy s = make_finished_reflector_store(dir / "study.h5");
    const std::string file = (dir / "study.h5").string();
    auto r = run_rps({"compare", file, "--rows", "2,3"});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("--rows 2,3: row 3 failed"), std::string::npos) << describe(r);

    // The three distinct layouts, best first; the map task's copy of row 2 is left out.
    r = run_rps({"compare", file, "--top", "3", "--json"});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    std::vector<size_t> expected = {0, 1, 2};
    std::stable_sort(expected.begin(), expected.end(),
                     [&](size_t a, size_t b) { return s.objectives[a] > s.objectives[b]; });
    const json out = json::parse(r.out);
    ASSERT_EQ(out["layouts"].size(), 3u);
    for (size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(out["layouts"][k]["row"].get<size_t>(), expected[k]) << k;
        EXPECT_NEAR(out["layouts"][k]["metrics"]["p5_dbm"].get<double>(), s.objectives[expected[k]],
                    1e-9);
    }
    r = run_rps({"compare", file, "--top", "4"});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("--top 4: the study has only 3 distinct layout(s)"), std::string::npos)
        << describe(r);
}
