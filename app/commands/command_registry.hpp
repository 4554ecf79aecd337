#pragma once
// Registration of the `rps` sub-commands (each in its own file) and the shared entry point.
#include <CLI/CLI.hpp>

#include <functional>

namespace rps::cli {

// Exit codes: 0 success, 1 internal failure, 2 bad input (file, option or value).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;

// Each sub-command adds itself to the app and sets the action to run when it is chosen.
using CommandAction = std::function<int()>;
void register_validate(CLI::App& app, CommandAction& action);
void register_materials(CLI::App& app, CommandAction& action);
void register_probe(CLI::App& app, CommandAction& action);
void register_map(CLI::App& app, CommandAction& action);
// run, sweep, show, export, compare, worker, init
void register_study_commands(CLI::App& app, CommandAction& action);
void register_init(CLI::App& app, CommandAction& action);  // with the study commands

int run_command_line(int argc, char** argv);

}  // namespace rps::cli
