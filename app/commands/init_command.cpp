// rps init SCENE: write the study a scene gets when opened on its own in rps-studio
// (core/study/default_study.hpp), as a file to edit and run: the command line's way to start a
// study from a floor plan, with bounds, AP height and focal range fitted to the scene instead
// of the study format's defaults (the office example's).
#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands/command_registry.hpp"
#include "app/commands/scene_warnings.hpp"
#include "core/common/atomic_file.hpp"
#include "core/engine/cell_mask.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/study/default_study.hpp"
#include "core/study/study_spec.hpp"

namespace rps::cli {
namespace {

namespace fs = std::filesystem;

struct InitOptions {
    std::string scene, out;
    bool overwrite = false, json = false;
};

void print_study(const nlohmann::json& study, const fs::path& out) {
    const nlohmann::json& b = study["bounds"];
    fmt::print("wrote     {}\n", out.string());
    fmt::print("study     {} ({}{}), scene {}\n", study["name"].get<std::string>(),
               study["mode"].get<std::string>(), study.contains("reflector") ? " + plate" : "",
               study["scene"].get<std::string>());
    fmt::print("bounds    x [{:.2f}, {:.2f}] m  y [{:.2f}, {:.2f}] m  AP height {:.2f} m\n",
               b["x_m"][0].get<double>(), b["x_m"][1].get<double>(), b["y_m"][0].get<double>(),
               b["y_m"][1].get<double>(), b["ap_z_m"].get<double>());
    fmt::print("methods   {}\n", study["methods"].dump());
    fmt::print("run it    rps run {}\n", out.string());
}

// Where the study may go: not over the scene it is made from (even with --overwrite), not onto
// a folder, into a folder that exists, over an existing file only with --overwrite.
void check_out(const fs::path& out, const InitOptions& o) {
    std::error_code error;
    if (fs::equivalent(out, o.scene, error))
        throw std::invalid_argument("--out: " + out.string() + " is the scene itself");
    if (fs::is_directory(out))
        throw std::invalid_argument("--out: " + out.string() +
                                    " is a folder: name the study file in it");
    const fs::path folder = fs::absolute(out).parent_path();
    if (!fs::is_directory(folder))
        throw std::invalid_argument("--out: the folder " + folder.string() + " does not exist");
    if (fs::exists(out) && !o.overwrite)
        throw std::invalid_argument("--out: " + out.string() + " exists (--overwrite replaces it)");
}

// A scene whose default grid measures no cell (every cell centre off the floor or inside a
// solid, as in Sionna's closed `box`) gets a study rps run refuses: said at once, the study is
// still written for its `grid` to be edited.
void warn_if_nothing_measured(const Scene& scene, const StudySpec& spec) {
    const RadioEngine engine(scene, spec.radio, spec.grid);
    if (!any_cell_measured(engine.grid().mask))
        std::cerr << "rps: warning: " << spec.source_file << ": " << kNoMeasuredCell
                  << "; rps run refuses the study until its `grid` is changed\n";
}

int init_study(const InitOptions& o) {
    const Scene scene = load_scene_with_warnings(o.scene);
    const fs::path out = o.out.empty() ? fs::path(fs::path(o.scene).stem().string() + "_study.json")
                                       : fs::path(o.out);
    check_out(out, o);
    nlohmann::json study = default_study(scene, o.scene);
    // The scene as seen from the study file, which resolves a relative path from its folder: the
    // two move together.
    const fs::path out_dir = fs::absolute(out).parent_path();
    study["scene"] = fs::absolute(o.scene).lexically_normal().lexically_relative(out_dir).string();
    // What is written reads back as a study (the scene resolved from the study's folder).
    warn_if_nothing_measured(scene, parse_study(study, out.string()));
    write_file_atomically(out, study.dump(2) + "\n", "--out");
    if (o.json)
        std::cout << nlohmann::json{{"file", out.string()}, {"study", study}}.dump(2) << "\n";
    else
        print_study(study, out);
    return kExitOk;
}

}  // namespace

void register_init(CLI::App& app, CommandAction& action) {
    auto* command = app.add_subcommand(
        "init", "Write a study JSON for a scene, as rps-studio makes for a scene opened alone");
    auto o = std::make_shared<InitOptions>();
    command->add_option("SCENE", o->scene, "Scene XML (Mitsuba/Sionna format)")->required();
    command->add_option("--out", o->out, "Study JSON to write (default SCENE_NAME_study.json)");
    command->add_flag("--overwrite", o->overwrite, "Replace an existing --out");
    command->add_flag("--json", o->json, "Print JSON");
    command->callback([&action, o] { action = [o] { return init_study(*o); }; });
}

}  // namespace rps::cli
