#pragma once
// Running another program to completion, its output into a log file (rps sweep runs `rps run`
// for each trial this way), and stopping it from another thread (rps sweep's StopOnSignal).
#include <sys/types.h>

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace rps::cli {

class ChildRunner {
public:
    // Runs `exe args...` with stdin from /dev/null and stdout and stderr into `log`; returns its
    // exit status (128 + signal when killed; -1 when it could not start), or nothing when stop()
    // came first (then nothing is started). Like system(), the caller ignores SIGQUIT while it
    // waits (the child, in the same process group, gets Ctrl-\ and ends). SIGINT and SIGTERM are
    // the caller's to handle: its handler calls stop().
    std::optional<int> run(const std::filesystem::path& exe, const std::vector<std::string>& args,
                           const std::filesystem::path& log);

    // Passes SIGTERM to the running child and lets no other start; run() still waits for the
    // child. Callable from any thread. SIGTERM whatever stopped the caller: `rps run` stops on
    // it as on SIGINT (its store stays resumable), and a SIGINT sent after a Ctrl-C, which the
    // terminal also gave the child, would kill it at once (its handler resets itself).
    void stop();
    // Whether stop() was called.
    bool stopped();

private:
    std::mutex mutex_;
    pid_t child_ = 0;  // 0 when none runs
    bool stopped_ = false;
};

// The exit status of a child ended by SIGINT, SIGQUIT or SIGTERM (Ctrl-C, Ctrl-\, kill), or of
// an `rps run` that stopped on one of them (it exits with 128 + the signal).
bool interrupted(int exit_code);

}  // namespace rps::cli
