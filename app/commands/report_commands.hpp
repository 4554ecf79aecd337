#pragma once
// The study report commands (docs/study_format.md):
//   rps show FILE.h5 [--json]                 best layout, objective, metrics, statistics
//   rps export FILE.h5 --best --out DIR       best_layout.json, best_scene.xml (+ plate PLY),
//                                             best_map.png, best_map.csv
//   rps compare FILE.h5 [--rows I,J | --top N] [--json] [--out-dir DIR]
//                                             2-4 stored layouts: metrics, CDF, difference
//   rps sweep SWEEP.json [--workers N] [--out-dir DIR] [--generate-only] [--json]
//   rps report FILE.h5 --out FILE.html|FILE.pdf [--title TEXT]   the studio's HTML/PDF report
// Registered by register_study_commands (study_commands.cpp), next to `rps run` and `rps worker`.
#include <filesystem>

#include "app/commands/command_registry.hpp"

namespace rps::cli {

void register_report_commands(CLI::App& app, CommandAction& action);  // the four below

void register_show(CLI::App& app, CommandAction& action);    // show_command.cpp
void register_export(CLI::App& app, CommandAction& action);  // export_command.cpp
void register_compare(CLI::App& app, CommandAction& action);  // compare_command.cpp
void register_sweep(CLI::App& app, CommandAction& action);   // sweep_command.cpp
void register_report(CLI::App& app, CommandAction& action);  // report_command.cpp

// Creates an output folder and its parents, or throws InputError naming it and the option (a
// file or an unwritable place there ended export and sweep in "internal error").
void create_output_folder(const std::filesystem::path& dir, const char* option);

}  // namespace rps::cli
