#pragma once
// Progress bar with ETA for the command line. On a terminal it redraws one line in place
// (throttled); otherwise (a pipe, a log file, CI) it prints a plain line every N percent, so that
// logs stay short and readable. Qt-free.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace rps {

class TerminalProgress {
public:
    struct Options {
        int plain_step_percent = 10;  // non-terminal: one line per this many percent
        double min_redraw_s = 0.1;    // terminal: at most this often
        int bar_width = 30;
        std::optional<bool> force_tty;  // tests: override isatty()
    };

    TerminalProgress(std::string label, uint64_t total, std::FILE* out = stderr);
    TerminalProgress(std::string label, uint64_t total, std::FILE* out, Options options);
    TerminalProgress(const TerminalProgress&) = delete;
    TerminalProgress& operator=(const TerminalProgress&) = delete;
    // Finishes the line if finish() was not called; while an exception thrown after the
    // construction unwinds, it only ends a redrawn line: a failure is not "done".
    ~TerminalProgress();

    void set_total(uint64_t total);
    // `done` is absolute; `status` is a short free text (e.g. "best -71.2 dBm").
    void update(uint64_t done, std::string_view status = {});
    void advance(uint64_t n = 1, std::string_view status = {});
    // Prints the final line ("label: 100/100 done in 0:42 status").
    void finish(std::string_view status = {});
    bool is_tty() const { return tty_; }
    // Ends a redrawn line without a final line (nothing ran: no "0/1 done" to print).
    void abandon();

    // Pure helpers, exposed for tests.
    static std::string format_duration(double seconds);  // "0:07", "12:03", "1:02:03", "--:--"
    // Remaining seconds from the mean rate so far; negative when unknown.
    static double eta_s(uint64_t done, uint64_t total, double elapsed_s);
    static std::string render(std::string_view label, uint64_t done, uint64_t total,
                              double elapsed_s, int bar_width, std::string_view status);
    static std::string render_plain(std::string_view label, uint64_t done, uint64_t total,
                                    double elapsed_s, std::string_view status);

private:
    double elapsed_s() const;
    void draw(std::string_view status, bool force);

    std::string label_;
    uint64_t total_;
    uint64_t done_ = 0;
    std::FILE* out_;
    Options options_;
    bool tty_ = false;
    bool finished_ = false;
    int next_plain_percent_ = 0;
    double last_draw_s_ = -1.0;
    std::size_t last_width_ = 0;
    std::chrono::steady_clock::time_point start_;
    int exceptions_at_start_ = 0;
};

}  // namespace rps
