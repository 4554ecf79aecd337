#include "app/commands/command_registry.hpp"

#include <fmt/core.h>

#include <iostream>

#include "core/common/error.hpp"

namespace rps::cli {

#ifndef HAVE_RPS_STUDY_COMMANDS
void register_study_commands(CLI::App&, CommandAction&) {}
#endif

int run_command_line(int argc, char** argv) {
    CLI::App app{"rps: Reflector Placement Studio — indoor Wi-Fi AP and reflector placement"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "rps 0.1.0");
    CommandAction action;
    register_validate(app, action);
    register_materials(app, action);
    register_probe(app, action);
    register_map(app, action);
    register_study_commands(app, action);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);
        return code == 0 ? kExitOk : kExitBadInput;
    }
    try {
        return action ? action() : kExitBadInput;
    } catch (const InputError& error) {
        std::cerr << "rps: error: " << error.what() << "\n";
        return kExitBadInput;
    } catch (const std::invalid_argument& error) {
        std::cerr << "rps: error: " << error.what() << "\n";
        return kExitBadInput;
    } catch (const std::exception& error) {
        std::cerr << "rps: internal error: " << error.what() << "\n";
        return kExitFailure;
    }
}

}  // namespace rps::cli
