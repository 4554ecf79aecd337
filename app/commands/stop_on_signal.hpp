#pragma once
// SIGINT and SIGTERM stop a run the way the studio's Cancel does (runner.cancel()): the pool
// stops, the store stays resumable and the workers' temporary folder is removed (a signal's
// default action left a /tmp/rps-XXXXXX behind every time and said nothing). The handler only
// writes to a pipe; a thread reads it and calls `stop`, since cancel() is not
// async-signal-safe. The handlers reset themselves (SA_RESETHAND): a second Ctrl-C kills at once.
// rps sweep stops the same way: no further trial, the running one stopped, its summary written.
#include <signal.h>

#include <csignal>
#include <functional>
#include <thread>

namespace rps::cli {

class StopOnSignal {
public:
    explicit StopOnSignal(std::function<void()> stop);
    ~StopOnSignal();
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

    // The signal that stopped the run, or 0.
    int signal() const { return signal_; }

private:
    static void on_signal(int sig);
    static inline volatile std::sig_atomic_t signal_ = 0;
    static inline volatile int write_end_ = -1;
    int pipe_[2] = {-1, -1};
    struct sigaction old_int_ {
    }, old_term_{};
    std::thread thread_;
};

// "SIGTERM" or "SIGINT", for messages.
inline const char* signal_name(int sig) { return sig == SIGTERM ? "SIGTERM" : "SIGINT"; }

}  // namespace rps::cli
