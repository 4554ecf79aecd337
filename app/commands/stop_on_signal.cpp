#include "app/commands/stop_on_signal.hpp"

#include <unistd.h>

#include <cerrno>

namespace rps::cli {

StopOnSignal::StopOnSignal(std::function<void()> stop) {
    if (::pipe(pipe_) != 0) return;
    write_end_ = pipe_[1];
    signal_ = 0;
    struct sigaction action {};
    action.sa_handler = &StopOnSignal::on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART | SA_RESETHAND;
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
    thread_ = std::thread([this, stop = std::move(stop)] {
        char byte = 0;
        while (::read(pipe_[0], &byte, 1) < 0 && errno == EINTR) {
        }
        if (signal_ != 0) stop();
    });
}

StopOnSignal::~StopOnSignal() {
    if (!thread_.joinable()) return;
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    const char byte = 0;
    (void)!::write(pipe_[1], &byte, 1);  // wakes the thread when no signal came
    thread_.join();
    write_end_ = -1;
    ::close(pipe_[0]);
    ::close(pipe_[1]);
}

void StopOnSignal::on_signal(int sig) {
    if (signal_ == 0) signal_ = sig;
    const char byte = 1;
    if (write_end_ >= 0) (void)!::write(write_end_, &byte, 1);
}

}  // namespace rps::cli
