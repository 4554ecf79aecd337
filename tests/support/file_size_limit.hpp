#pragma once
// A full disk without a mount, in this process: a file size limit (RLIMIT_FSIZE) for as long as
// the object lives, with SIGXFSZ ignored so that a write past the limit fails with EFBIG ("File
// too large") instead of killing the test. Unlike /dev/full it works in an ordinary folder, so a
// test can see what a failed write left there.
#include <sys/resource.h>

#include <csignal>

namespace rps::test {

class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &saved_);
        old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved_;
        limited.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limited);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, old_handler_);
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit saved_{};
    void (*old_handler_)(int) = SIG_DFL;
};

}  // namespace rps::test
