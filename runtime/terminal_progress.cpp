#include "runtime/terminal_progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <exception>

namespace rps {

TerminalProgress::TerminalProgress(std::string label, uint64_t total, std::FILE* out)
    : TerminalProgress(std::move(label), total, out, Options{}) {}

TerminalProgress::TerminalProgress(std::string label, uint64_t total, std::FILE* out,
                                   Options options)
    : label_(std::move(label)),
      total_(total),
      out_(out),
      options_(options),
      start_(std::chrono::steady_clock::now()),
      exceptions_at_start_(std::uncaught_exceptions()) {
    tty_ = options_.force_tty ? *options_.force_tty : (out_ && ::isatty(::fileno(out_)) == 1);
    options_.plain_step_percent = std::clamp(options_.plain_step_percent, 1, 100);
    next_plain_percent_ = options_.plain_step_percent;
}

TerminalProgress::~TerminalProgress() {
    if (finished_) return;
    if (std::uncaught_exceptions() > exceptions_at_start_)
        abandon();
    else
        finish();
}

void TerminalProgress::abandon() {
    finished_ = true;
    if (out_ && tty_ && last_width_ > 0) {
        std::fputc('\n', out_);  // the error that follows starts on its own line
        std::fflush(out_);
    }
}

double TerminalProgress::elapsed_s() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void TerminalProgress::set_total(uint64_t total) { total_ = total; }

void TerminalProgress::advance(uint64_t n, std::string_view status) { update(done_ + n, status); }

void TerminalProgress::update(uint64_t done, std::string_view status) {
    if (finished_) return;
    done_ = done;
    draw(status, false);
}

void TerminalProgress::finish(std::string_view status) {
    if (finished_ || !out_) {
        finished_ = true;
        return;
    }
    finished_ = true;
    const double t = elapsed_s();
    std::string line = label_ + ": " + std::to_string(done_) + "/" + std::to_string(total_) +
                       " done in " + format_duration(t);
    if (!status.empty()) line.append(" ").append(status);  // not "a" + b: GCC 12 -Wrestrict bug
    if (tty_) {
        // Pad over the last redraw so that no tail of the bar stays visible.
        const std::size_t pad = last_width_ > line.size() ? last_width_ - line.size() : 0;
        std::fprintf(out_, "\r%s%s\n", line.c_str(), std::string(pad, ' ').c_str());
    } else {
        std::fprintf(out_, "%s\n", line.c_str());
    }
    std::fflush(out_);
}

void TerminalProgress::draw(std::string_view status, bool force) {
    if (!out_) return;
    const double t = elapsed_s();
    if (tty_) {
        const bool complete = total_ > 0 && done_ >= total_;
        if (!force && !complete && last_draw_s_ >= 0.0 && t - last_draw_s_ < options_.min_redraw_s)
            return;
        last_draw_s_ = t;
        const std::string line = render(label_, done_, total_, t, options_.bar_width, status);
        const std::size_t pad = last_width_ > line.size() ? last_width_ - line.size() : 0;
        std::fprintf(out_, "\r%s%s", line.c_str(), std::string(pad, ' ').c_str());
        last_width_ = line.size();
        std::fflush(out_);
        return;
    }
    if (total_ == 0) return;
    const int percent = static_cast<int>(std::min<uint64_t>(100, done_ * 100 / total_));
    if (percent < next_plain_percent_ && !force) return;
    // One line per crossed step, even when a jump crosses several.
    while (next_plain_percent_ <= percent) next_plain_percent_ += options_.plain_step_percent;
    std::fprintf(out_, "%s\n", render_plain(label_, done_, total_, t, status).c_str());
    std::fflush(out_);
}

std::string TerminalProgress::format_duration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0.0) return "--:--";
    const auto s = static_cast<uint64_t>(std::llround(seconds));
    char buf[64];
    if (s >= 3600)
        std::snprintf(
            buf, sizeof buf, "%llu:%02llu:%02llu", static_cast<unsigned long long>(s / 3600),
            static_cast<unsigned long long>(s / 60 % 60), static_cast<unsigned long long>(s % 60));
    else
        std::snprintf(buf, sizeof buf, "%llu:%02llu", static_cast<unsigned long long>(s / 60),
                      static_cast<unsigned long long>(s % 60));
    return buf;
}

double TerminalProgress::eta_s(uint64_t done, uint64_t total, double elapsed_s) {
    if (done == 0 || total == 0 || elapsed_s <= 0.0) return -1.0;
    if (done >= total) return 0.0;
    return elapsed_s / static_cast<double>(done) * static_cast<double>(total - done);
}

std::string TerminalProgress::render(std::string_view label, uint64_t done, uint64_t total,
                                     double elapsed_s, int bar_width, std::string_view status) {
    const double fraction =
        total > 0 ? std::min(1.0, static_cast<double>(done) / static_cast<double>(total)) : 0.0;
    const int width = std::max(1, bar_width);
    const int filled = static_cast<int>(fraction * width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar += std::string(static_cast<std::size_t>(width - filled), '.');
    char head[64];
    std::snprintf(head, sizeof head, "%3d%% ", static_cast<int>(fraction * 100.0));
    std::string line = std::string(label) + " [" + bar + "] " + head + std::to_string(done) + "/" +
                       std::to_string(total) + " " + format_duration(elapsed_s) + " ETA " +
                       format_duration(eta_s(done, total, elapsed_s));
    if (!status.empty()) line.append(" ").append(status);  // not "a" + b: GCC 12 -Wrestrict bug
    return line;
}

std::string TerminalProgress::render_plain(std::string_view label, uint64_t done, uint64_t total,
                                           double elapsed_s, std::string_view status) {
    const int percent =
        total > 0 ? static_cast<int>(std::min<uint64_t>(100, done * 100 / total)) : 0;
    std::string line = std::string(label) + ": " + std::to_string(percent) + "% (" +
                       std::to_string(done) + "/" + std::to_string(total) + ") elapsed " +
                       format_duration(elapsed_s) + " ETA " +
                       format_duration(eta_s(done, total, elapsed_s));
    if (!status.empty()) line.append(" ").append(status);  // not "a" + b: GCC 12 -Wrestrict bug
    return line;
}

}  // namespace rps
