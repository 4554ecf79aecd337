#pragma once
// `rps` started in the background, to be signalled part-way (the SIGINT / SIGTERM tests of
// rps run and rps sweep), and what those tests poll for instead of sleeping.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_runner.hpp"
#include "cli/tiny_study.hpp"
#include "core/store/study_store.hpp"

namespace rps::test {

// A grid of a few hundred small tasks: long enough (seconds) to be stopped part-way.
inline nlohmann::json long_study() {
    nlohmann::json study = tiny_1ap_study({{{"type", "grid"},
                                            {"resolution_m", 1.0},
                                            {"yaw_steps", 8},
                                            {"downtilt_steps", 2},
                                            {"chunk", 4}}});
    study["name"] = "long";
    study["radio"]["max_order"] = 2;
    study["compute"]["workers"] = 1;
    return study;
}

// Starts `rps args...` in the background, stderr into `log`.err and stdout into `log`.out (or
// into `stdout_fd` when one is given), with TMPDIR set to `tmp` so that the workers' temporary
// folder can be looked for.
inline pid_t spawn_rps(const std::vector<std::string>& args, const std::filesystem::path& log,
                       const std::filesystem::path& tmp, int stdout_fd = -1) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    if (stdout_fd >= 0)
        posix_spawn_file_actions_adddup2(&actions, stdout_fd, STDOUT_FILENO);
    else
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, (log.string() + ".out").c_str(),
                                         O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, (log.string() + ".err").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<std::string> all{RPS_EXECUTABLE};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env = changed_environment({{}, {"TMPDIR=" + tmp.string()}});
    std::vector<char*> envp;
    for (std::string& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_t pid = 0;
    posix_spawn(&pid, RPS_EXECUTABLE, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    return pid;
}

// Its exit status, 128 + signal when a signal killed it.
inline int wait_exit(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Polls `condition` every 20 ms for up to `timeout_s`; whether it came true.
inline bool wait_until(const std::function<bool()>& condition, double timeout_s = 60) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_s);
    while (std::chrono::steady_clock::now() < end) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

// The study file as rps show reads it, or nothing while it does not read (not there yet, or
// being created).
inline std::optional<StoredStudy> read_store(const std::filesystem::path& h5) {
    try {
        if (std::filesystem::exists(h5)) return StudyStore::read(h5);
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

// Waits until the study file holds `rows` task rows.
inline bool wait_for_rows(const std::filesystem::path& h5, std::size_t rows,
                          double timeout_s = 60) {
    return wait_until(
        [&] {
            const auto stored = read_store(h5);
            return stored && stored->tasks.size() >= rows;
        },
        timeout_s);
}

// The processes whose parent is `pid` (zombies included: they are there until reaped).
inline std::vector<pid_t> children_of(pid_t pid) {
    std::vector<pid_t> children;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;  // self, sys...
        std::ifstream in(entry.path() / "stat");
        std::string stat;
        if (!std::getline(in, stat)) continue;
        // "PID (COMM) STATE PPID ...": COMM may hold spaces and parentheses.
        const auto end_of_name = stat.rfind(')');
        if (end_of_name == std::string::npos) continue;
        char state = 0;
        int parent = 0;
        if (std::sscanf(stat.c_str() + end_of_name + 1, " %c %d", &state, &parent) == 2 &&
            parent == pid)
            children.push_back(std::stoi(name));
    }
    return children;
}

}  // namespace rps::test
