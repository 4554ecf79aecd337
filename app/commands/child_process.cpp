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

// Starts `exe args...` (SIGINT and SIGQUIT back at their defaults, stdin /dev/null, stdout and
// stderr into `log`); 0 when it could not start.
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

// Waits for the child: its exit status, 128 + signal when killed, -1 when waiting failed.
int exit_code_of(pid_t pid) {
    int status = 0;
    int waited = 0;
    while ((waited = waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
    }
    if (waited == pid && WIFEXITED(status)) return WEXITSTATUS(status);
    if (waited == pid && WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

// The child being waited for, for the SIGTERM handler: a SIGTERM to `rps sweep` (a batch system,
// kill PID) left the running trial's `rps run` orphaned and still writing. It is passed on to
// the child, which stops cleanly (its store stays resumable), and the caller waits for it.
volatile sig_atomic_t g_child = 0;
volatile sig_atomic_t g_terminated = 0;

void forward_term(int) {
    g_terminated = 1;
    if (g_child > 0) ::kill(static_cast<pid_t>(g_child), SIGTERM);
}

}  // namespace

int run_child(const std::filesystem::path& exe, const std::vector<std::string>& args,
              const std::filesystem::path& log) {
    struct sigaction ignore {
    }, forward{}, old_int{}, old_quit{}, old_term{};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    forward.sa_handler = forward_term;
    sigemptyset(&forward.sa_mask);
    forward.sa_flags = SA_RESTART;
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);
    g_child = 0;
    sigaction(SIGTERM, &forward, &old_term);
    const pid_t pid = spawn_logged(exe, args, log);
    g_child = pid;
    // A SIGTERM that came while the child was being started found no pid to pass on to.
    if (pid > 0 && g_terminated) ::kill(pid, SIGTERM);
    const int code = pid > 0 ? exit_code_of(pid) : -1;
    g_child = 0;
    sigaction(SIGTERM, &old_term, nullptr);
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGQUIT, &old_quit, nullptr);
    return code;
}

bool interrupted(int exit_code) {
    return exit_code == 128 + SIGINT || exit_code == 128 + SIGQUIT || exit_code == 128 + SIGTERM;
}

bool terminated() { return g_terminated != 0; }

}  // namespace rps::cli
