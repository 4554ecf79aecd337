#include "app/commands/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

extern char** environ;

namespace rps::cli {
namespace {

// Starts `exe args...` (SIGINT and SIGQUIT back at their defaults, whatever the caller does with
// them; stdin /dev/null, stdout and stderr into `log`); 0 when it could not start.
pid_t spawn_logged(const std::filesystem::path& exe, const std::vector<std::string>& args,
                   const std::filesystem::path& log) {
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<std::string> all{exe.string()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, exe.c_str(), &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    return rc == 0 ? pid : 0;
}

// Waits until the child has ended, without reaping it: until then its pid cannot be reused, so
// that stop() never signals another process.
void wait_for_end(pid_t pid) {
    siginfo_t info{};
    while (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR) {
    }
}

// Reaps the child: its exit status, 128 + signal when killed, -1 when waiting failed.
int exit_code_of(pid_t pid) {
    int status = 0;
    int waited = 0;
    while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
    }
    if (waited == pid && WIFEXITED(status)) return WEXITSTATUS(status);
    if (waited == pid && WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

}  // namespace

std::optional<int> ChildRunner::run(const std::filesystem::path& exe,
                                    const std::vector<std::string>& args,
                                    const std::filesystem::path& log) {
    struct sigaction ignore {
    }, old_quit{};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGQUIT, &ignore, &old_quit);
    pid_t pid = 0;
    bool stopped = false;
    {
        // Checked and started under the lock: a stop() just before is seen, one just after
        // finds the pid to signal.
        const std::lock_guard lock(mutex_);
        stopped = stopped_;
        if (!stopped) pid = child_ = spawn_logged(exe, args, log);
    }
    std::optional<int> code;
    if (pid > 0) {
        wait_for_end(pid);
        {
            const std::lock_guard lock(mutex_);
            child_ = 0;
        }
        code = exit_code_of(pid);
    } else if (!stopped) {
        code = -1;
    }
    sigaction(SIGQUIT, &old_quit, nullptr);
    return code;
}

void ChildRunner::stop() {
    const std::lock_guard lock(mutex_);
    stopped_ = true;
    if (child_ > 0) ::kill(child_, SIGTERM);
}

bool ChildRunner::stopped() {
    const std::lock_guard lock(mutex_);
    return stopped_;
}

bool interrupted(int exit_code) {
    return exit_code == 128 + SIGINT || exit_code == 128 + SIGQUIT || exit_code == 128 + SIGTERM;
}

}  // namespace rps::cli
