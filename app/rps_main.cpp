// rps: the command line of Reflector Placement Studio. Thin: every command lives in commands/.
#include "app/commands/command_registry.hpp"
#include "core/store/study_store.hpp"

int main(int argc, char** argv) {
    // A study file that could not be closed (disk full) makes HDF5 crash in its exit-time
    // clean-up: the error is already printed, so exit_code() leaves without that clean-up.
    return rps::StudyStore::exit_code(rps::cli::run_command_line(argc, argv));
}
