#pragma once
// A full disk without a mount, in this process: a file size limit (RLIMIT_FSIZE) for as long as
// the object lives, with SIGXFSZ ignored so that a write past the limit fails with EFBIG ("File
// too large") instead of killing the test. Unlike /dev/full it works in an ordinary folder, so a
// test can see what a failed write left there.
//
// In a coverage build (RPS_COVERAGE) the programs the test starts under the limit write their
// gcov counters elsewhere (GCOV_PREFIX): a counter file cut short at the limit would be corrupt,
// and the next process to write it would start it over, losing every earlier test's counts. The
// counts of those programs are not kept.
#include <sys/resource.h>

#include <csignal>
#ifdef RPS_COVERAGE
#include <cstdlib>
#include <optional>
#include <string>
#endif

namespace rps::test {

class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &saved_);
        old_handler_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved_;
        limited.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limited);
#ifdef RPS_COVERAGE
        if (const char* prefix = std::getenv("GCOV_PREFIX")) saved_gcov_prefix_ = prefix;
        setenv("GCOV_PREFIX", "/tmp/rps-coverage-not-kept", 1);
#endif
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, old_handler_);
#ifdef RPS_COVERAGE
        if (saved_gcov_prefix_)
            setenv("GCOV_PREFIX", saved_gcov_prefix_->c_str(), 1);
        else
            unsetenv("GCOV_PREFIX");
#endif
    }
    FileSizeLimit(const FileSizeLimit&) = delete;
    FileSizeLimit& operator=(const FileSizeLimit&) = delete;

private:
    rlimit saved_{};
    void (*old_handler_)(int) = SIG_DFL;
#ifdef RPS_COVERAGE
    std::optional<std::string> saved_gcov_prefix_;
#endif
};

}  // namespace rps::test
