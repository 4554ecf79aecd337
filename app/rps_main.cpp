// rps: the command line of Reflector Placement Studio. Thin: every command lives in commands/.
#include "app/commands/command_registry.hpp"

int main(int argc, char** argv) { return rps::cli::run_command_line(argc, argv); }
