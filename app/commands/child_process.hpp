#pragma once
// Running another program to completion, its output into a log file (rps sweep runs `rps run`
// for each trial this way).
#include <filesystem>
#include <string>
#include <vector>

namespace rps::cli {

// Runs `exe args...` with stdin from /dev/null and stdout and stderr into `log`; returns its
// exit status (128 + signal when killed; -1 when it could not start). Like system(), the caller
// ignores SIGINT and SIGQUIT while it waits (the child, in the same process group, gets them and
// ends), so that the caller can record the interruption and carry on.
// A SIGTERM to the caller while it waits is passed on to the child (which stops as it does on
// SIGINT), and run_child still waits for it; terminated() then says so.
int run_child(const std::filesystem::path& exe, const std::vector<std::string>& args,
              const std::filesystem::path& log);

// The exit status of a child ended by SIGINT, SIGQUIT or SIGTERM (Ctrl-C, Ctrl-\, kill), or of
// an `rps run` that stopped on one of them (it exits with 128 + the signal).
bool interrupted(int exit_code);

// True once a SIGTERM reached run_child's caller.
bool terminated();

}  // namespace rps::cli
