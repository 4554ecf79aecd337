#pragma once
// Runs the built `rps` binary (RPS_EXECUTABLE, set by tests/cli/CMakeLists.txt) as a child
// process and captures its exit code, stdout and stderr; plus a per-test temporary folder.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

extern char** environ;

namespace rps::test {

struct CommandResult {
    int exit_code = -1;  // 128 + signal when killed
    std::string out, err;
};

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

using TempDir = rps::test::TempDir;

// Changes to the environment a command runs in (default: this process's environment).
struct EnvChanges {
    std::vector<std::string> unset;  // variable names
    std::vector<std::string> set;    // "NAME=value"
};

inline std::vector<std::string> changed_environment(const EnvChanges& changes) {
    const auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e, name = name_of(entry);
        bool drop =
            std::find(changes.unset.begin(), changes.unset.end(), name) != changes.unset.end();
        for (const std::string& s : changes.set) drop = drop || name_of(s) == name;
        if (!drop) env.push_back(entry);
    }
    env.insert(env.end(), changes.set.begin(), changes.set.end());
    return env;
}

// Runs `program args...` in `cwd` (default: the current folder), in this process's environment
// with `env_changes` applied, its standard input read from `stdin_path`.
inline CommandResult run_program(const std::string& program, const std::vector<std::string>& args,
                                 const std::filesystem::path& cwd = {},
                                 const EnvChanges& env_changes = {},
                                 const std::string& stdin_path = "/dev/null") {
    static int counter = 0;
    const auto base = std::filesystem::temp_directory_path() /
                      ("rps_cli_capture_" + std::to_string(::getpid()) + "_" +
                       std::to_string(counter++));
    const std::string out_file = base.string() + ".out", err_file = base.string() + ".err";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdin_path.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    std::vector<std::string> all{program};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_entries = changed_environment(env_changes);
    std::vector<char*> envp;
    for (std::string& e : env_entries) envp.push_back(e.data());
    envp.push_back(nullptr);
    CommandResult result;
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc == 0) {
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    result.out = read_text(out_file);
    result.err = read_text(err_file);
    std::filesystem::remove(out_file);
    std::filesystem::remove(err_file);
    return result;
}

// Runs `rps args...` as run_program.
inline CommandResult run_rps(const std::vector<std::string>& args,
                             const std::filesystem::path& cwd = {},
                             const EnvChanges& env_changes = {}) {
    return run_program(RPS_EXECUTABLE, args, cwd, env_changes);
}

// For assertion messages.
inline std::string describe(const CommandResult& r) {
    return "exit " + std::to_string(r.exit_code) + "\n--- stdout ---\n" + r.out +
           "\n--- stderr ---\n" + r.err;
}

// True when the binary has the sub-command (its --help succeeds).
inline bool rps_has_command(const std::string& name) {
    return run_rps({name, "--help"}).exit_code == 0;
}

}  // namespace rps::test
