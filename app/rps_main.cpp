// rps: the command line of Reflector Placement Studio. Thin: every command lives in commands/.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "app/commands/command_registry.hpp"
#include "core/store/study_store.hpp"

int main(int argc, char** argv) {
    const int code = rps::cli::run_command_line(argc, argv);
    // A study file that could not be closed (disk full) makes HDF5 crash in its exit-time
    // clean-up: the error is already printed, so leave without that clean-up and keep the code.
    if (rps::StudyStore::left_a_file_unclosed()) {
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        std::_Exit(code);
    }
    return code;
}
