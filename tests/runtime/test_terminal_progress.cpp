#include <gtest/gtest.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "runtime/terminal_progress.hpp"

using rps::TerminalProgress;

namespace {

std::string read_all(std::FILE* f) {
    std::fflush(f);
    std::rewind(f);
    std::string text;
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    return text;
}

int count(const std::string& text, char c) {
    return static_cast<int>(std::count(text.begin(), text.end(), c));
}

}  // namespace

TEST(TerminalProgress, FormatsDurations) {
    EXPECT_EQ(TerminalProgress::format_duration(7.2), "0:07");
    EXPECT_EQ(TerminalProgress::format_duration(723), "12:03");
    EXPECT_EQ(TerminalProgress::format_duration(3723), "1:02:03");
    EXPECT_EQ(TerminalProgress::format_duration(-1), "--:--");
}

TEST(TerminalProgress, EtaFromMeanRate) {
    EXPECT_DOUBLE_EQ(TerminalProgress::eta_s(25, 100, 10.0), 30.0);
    EXPECT_LT(TerminalProgress::eta_s(0, 100, 10.0), 0.0);
    EXPECT_DOUBLE_EQ(TerminalProgress::eta_s(100, 100, 10.0), 0.0);
}

TEST(TerminalProgress, RendersBar) {
    const std::string line = TerminalProgress::render("GA", 50, 100, 10.0, 10, "best -70.1 dBm");
    EXPECT_EQ(line, "GA [#####.....]  50% 50/100 0:10 ETA 0:10 best -70.1 dBm");
}

TEST(TerminalProgress, PlainOutputOneLinePerStep) {
    std::FILE* f = std::tmpfile();
    ASSERT_NE(f, nullptr);
    {
        TerminalProgress progress("grid", 200, f);  // a file: not a terminal
        EXPECT_FALSE(progress.is_tty());
        for (int i = 1; i <= 200; ++i) progress.update(static_cast<uint64_t>(i));
        progress.finish("best -71.0 dBm");
    }
    const std::string text = read_all(f);
    std::fclose(f);
    EXPECT_EQ(count(text, '\n'), 11) << text;  // 10%, 20%, ... 100%, then the summary
    EXPECT_EQ(count(text, '\r'), 0);
    EXPECT_NE(text.find("grid: 10% (20/200)"), std::string::npos) << text;
    EXPECT_NE(text.find("grid: 200/200 done in"), std::string::npos) << text;
}

TEST(TerminalProgress, JumpsPrintOnceNotPerCrossedStep) {
    std::FILE* f = std::tmpfile();
    ASSERT_NE(f, nullptr);
    {
        TerminalProgress progress("gd", 10, f);
        progress.update(9);
    }
    const std::string text = read_all(f);
    std::fclose(f);
    EXPECT_EQ(count(text, '\n'), 2) << text;  // the 90% line and the summary from the destructor
}

TEST(TerminalProgress, TerminalRedrawsInPlace) {
    std::FILE* f = std::tmpfile();
    ASSERT_NE(f, nullptr);
    TerminalProgress::Options options;
    options.force_tty = true;
    options.min_redraw_s = 0.0;
    {
        TerminalProgress progress("run", 4, f, options);
        for (int i = 1; i <= 4; ++i) progress.update(static_cast<uint64_t>(i));
        progress.finish();
    }
    const std::string text = read_all(f);
    std::fclose(f);
    EXPECT_EQ(count(text, '\n'), 1) << text;  // only the final line ends with a newline
    EXPECT_EQ(count(text, '\r'), 5) << text;
    EXPECT_NE(text.find("100% 4/4"), std::string::npos) << text;
}

TEST(TerminalProgress, AnExceptionUnwindingPrintsNoDoneLine) {
    for (const bool tty : {false, true}) {
        std::FILE* f = std::tmpfile();
        ASSERT_NE(f, nullptr);
        TerminalProgress::Options options;
        options.force_tty = tty;
        options.min_redraw_s = 0.0;
        try {
            TerminalProgress progress("study", 10, f, options);
            progress.update(1);
            throw std::runtime_error("bad input");
        } catch (const std::runtime_error&) {
        }
        const std::string text = read_all(f);
        std::fclose(f);
        EXPECT_EQ(text.find("done in"), std::string::npos) << text;
        // The progress line only; a redrawn one is ended so that the error starts a line.
        EXPECT_EQ(count(text, '\n'), 1) << text;
        EXPECT_NE(text.find("1/10"), std::string::npos) << text;
    }
}
