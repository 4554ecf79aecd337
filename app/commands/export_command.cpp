// rps export FILE.h5 --best --out DIR [--scene SCENE.xml] [--json]: the best layout of a study
// file (as `rps show` picks it) as best_layout.json, best_scene.xml (+ meshes, plate PLY),
// best_map.png and best_map.csv (docs/study_format.md, "Export").
#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/commands/json_fields.hpp"
#include "app/commands/map_output.hpp"
#include "app/commands/report_commands.hpp"
#include "app/commands/stored_study_setup.hpp"
#include "app/commands/stored_study_view.hpp"
#include "core/common/error.hpp"
#include "core/study/best_config_export.hpp"
#include "core/study/layout.hpp"
#include "core/study/layout_evaluator.hpp"
#include "core/study/reflector_pose.hpp"
#include "core/study/task_executor.hpp"

namespace rps::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct ExportOptions {
    std::string file, out, scene;
    bool best = false, json = false;
};

// ------------------------------------------------------------------------------ the inputs

// The best layout of the view, which must have a layout.
const json& exportable_best(const StoredStudyView& view, const std::string& file) {
    const json& best = view.data["best"];
    if (best.is_null() || !best.value("layout", json()).is_object())
        throw InputError({file, 0, ""},
                         "no layout to export yet: the study has no finished task with a result");
    return best;
}

// ------------------------------------------------------------------------------ the maps

// The best layout's maps (W per cell: combined and per AP), plate, metrics and objective.
struct BestMaps {
    std::vector<double> combined;
    std::vector<std::vector<double>> per_ap;
    std::optional<PlateGeometry> plate;
    json metrics, objective;
    MeasurementGrid grid;
    bool recomputed = false;  // the study stored none
};

PlateGeometry plate_from_json(const json& plate, const ReflectorSpec& spec) {
    PlateGeometry p;
    const auto c = vec3_at(plate, "center_m"), n = vec3_at(plate, "normal"),
               w = vec3_at(plate, "width_axis");
    if (!c || !n || !w) throw std::runtime_error("the stored plate pose is incomplete");
    p.center = *c;
    p.normal = n->normalized();
    p.width_axis = w->normalized();
    p.width_m = number_at(plate, "width_m").value_or(spec.width_m);
    p.height_m = number_at(plate, "height_m").value_or(spec.height_m);
    p.thickness_m = spec.thickness_m;
    p.perfect_conductor = spec.perfect_conductor;
    return p;
}

// What the run's map task stored (the combined map may be in the maps or in the result).
void read_stored_maps(BestMaps& maps, const StoredStudy& study, const StoredStudyView& view,
                      const StudySpec& spec) {
    const json* map = view.map_result;
    if (!map) return;
    for (const StoredMap& m : study.maps)
        if (m.task_id == view.map_task_id) maps.combined = m.power_w;
    if (maps.combined.empty() && map->contains("combined_power_w"))
        maps.combined = (*map)["combined_power_w"].get<std::vector<double>>();
    if (map->contains("per_ap_power_w"))
        maps.per_ap = (*map)["per_ap_power_w"].get<std::vector<std::vector<double>>>();
    if (spec.reflector && map->contains("plate"))
        maps.plate = plate_from_json((*map)["plate"], *spec.reflector);
}

// A study stopped before its map task: the maps of the best layout so far.
void recompute_maps(BestMaps& maps, const StudySpec& spec, const Scene& scene,
                    const Layout& layout) {
    const LayoutEvaluator evaluator(spec, scene);
    const LayoutEvaluation e = evaluate_stored_layout(evaluator, layout, "the best layout");
    maps.combined = e.combined_power_w;
    maps.per_ap = e.per_ap_power_w;
    maps.metrics = metrics_to_json(e.metrics);
    maps.objective = e.objective;
    if (layout.reflector) maps.plate = e.plate;
    maps.grid = evaluator.engine().grid();
    maps.recomputed = true;
}

PlateGeometry plate_of(const ReflectorSpec& reflector, const Layout& layout) {
    const int anchor = reflector.orient_to_ap;
    const PlatePose pose =
        plate_pose(reflector, *layout.reflector, layout.aps.at(anchor).pose().position);
    if (!pose.valid) throw std::runtime_error("the best plate pose is refused: " + pose.reason);
    return pose.plate;
}

BestMaps best_maps(const StoredStudy& study, const StoredStudyView& view, const StudySpec& spec,
                   const Scene& scene, const Layout& layout) {
    const json& best = view.data["best"];
    BestMaps maps;
    maps.metrics = best.value("metrics", json());
    maps.objective = best.value("objective", json());
    read_stored_maps(maps, study, view, spec);
    if (maps.combined.empty()) {
        recompute_maps(maps, spec, scene, layout);
    } else {
        const RadioEngine engine(scene, spec.radio, spec.grid);
        maps.grid = engine.grid();
    }
    if (maps.combined.size() != maps.grid.cell_count())
        throw std::runtime_error(fmt::format(
            "the stored map has {} cells but the study's grid {} x {} = {}", maps.combined.size(),
            maps.grid.cells_x, maps.grid.cells_y, maps.grid.cell_count()));
    if (layout.reflector && !maps.plate && spec.reflector)
        maps.plate = plate_of(*spec.reflector, layout);
    return maps;
}

// ------------------------------------------------------------------------------ the outputs

// best_map.png and best_map.csv: the combined map and each AP's.
void write_best_maps(const fs::path& out_dir, const BestMaps& maps, const json& map_meta) {
    std::vector<NamedMap> named{{"combined", &maps.combined}};
    for (size_t i = 0; i < maps.per_ap.size(); ++i)
        if (maps.per_ap[i].size() == maps.combined.size())
            named.push_back({fmt::format("ap{}", i), &maps.per_ap[i]});
    write_maps((out_dir / "best_map.png").string(), maps.grid, named, map_meta);
    write_maps((out_dir / "best_map.csv").string(), maps.grid, named, map_meta);
}

// `scene`: BestConfigExport::scene.
std::vector<std::string> written_files(const fs::path& out_dir, const json& scene, bool plate) {
    std::vector<std::string> written = {(out_dir / kBestLayoutFile).string(),
                                        scene["xml"].get<std::string>(),
                                        (out_dir / "best_map.png").string(),
                                        (out_dir / "best_map.csv").string()};
    if (plate) written.push_back((out_dir / kPlateMeshFile).string());
    for (const json& m : scene["meshes"])
        written.push_back((out_dir / m["to"].get<std::string>()).string());
    return written;
}

// The best configuration (core/study/best_config_export.hpp), then the maps.
int write_export(const ExportOptions& o, const BestConfigInput& input, const BestMaps& maps) {
    const fs::path out_dir = o.out;
    create_output_folder(out_dir, "--out");
    const BestConfigExport exported = export_best_configuration(input, out_dir);
    const json& layout_json = exported.layout;
    write_best_maps(out_dir, maps,
                    {{"study", layout_json["study"]}, {"objective", layout_json["objective"]}});

    const std::vector<std::string> written =
        written_files(out_dir, exported.scene, maps.plate.has_value());
    if (o.json) {
        std::cout << json{{"written", written},
                          {"best_layout", layout_json},
                          {"scene_shapes", exported.scene_shapes}}
                         .dump(2)
                  << "\n";
        return kExitOk;
    }
    fmt::print("exported the best layout of '{}' ({}{})\n", input.spec.name,
               objective_text(input.spec, input.objective),
               input.finished ? "" : ", study UNFINISHED");
    for (const std::string& file : written) fmt::print("  wrote {}\n", file);
    if (maps.recomputed)
        fmt::print("  (maps recomputed: the study stored none for its best layout)\n");
    return kExitOk;
}

int export_best(const ExportOptions& o) {
    if (!o.best) throw std::invalid_argument("rps export: say what to export: --best");
    const StoredStudy study = read_study_file(o.file);
    const StoredStudyView view = view_stored_study(study);
    const json& best = exportable_best(view, o.file);
    const StoredStudySetup setup = stored_study_setup(study, view, o.file, o.scene);
    const StudySpec& spec = setup.spec;
    const Scene& scene = setup.scene;
    const Layout layout = layout_from_json(best["layout"]);
    if (static_cast<int>(layout.aps.size()) != spec.ap_count)
        throw std::runtime_error("the best layout has " + std::to_string(layout.aps.size()) +
                                 " AP(s), the study " + std::to_string(spec.ap_count));
    const BestMaps maps = best_maps(study, view, spec, scene, layout);
    return write_export(o,
                        {.spec = spec,
                         .scene = &scene,
                         .layout = layout,
                         .x = best.value("x", json()),
                         .objective = maps.objective,
                         .metrics = maps.metrics,
                         .plate = maps.plate,
                         .study_file = o.file,
                         .finished = study.finished,
                         .maps = {{"png", "best_map.png"},
                                  {"csv", "best_map.csv"},
                                  {"recomputed", maps.recomputed}}},
                        maps);
}

}  // namespace

void register_export(CLI::App& app, CommandAction& action) {
    auto o = std::make_shared<ExportOptions>();
    auto* command = app.add_subcommand(
        "export", "Export a study's best layout as JSON, a scene XML (APs, plate) and maps");
    command->add_option("FILE", o->file, "Study file written by rps run (.h5)")->required();
    command->add_flag("--best", o->best, "Export the best layout");
    command->add_option("--out", o->out, "Output folder")->required();
    command->add_option("--scene", o->scene,
                        "The study's scene XML, when the stored path does not resolve");
    command->add_flag("--json", o->json, "Print JSON");
    command->callback([&action, o] {
        action = [o] { return export_best(*o); };
    });
}

}  // namespace rps::cli
