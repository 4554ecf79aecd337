// A SINR study's maps hold dB (signal over interference and noise), not dBm: `rps show` and the
// report label the best map's metrics and the coverage threshold in dB, as `rps compare` does.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "cli/cli_runner.hpp"
#include "support/test_paths.hpp"

using nlohmann::json;
using rps::test::CommandResult;
using rps::test::describe;
using rps::test::read_text;
using rps::test::run_rps;
namespace fs = std::filesystem;

namespace {

// The l_hall example with SINR combining (one AP: signal over noise).
class CliSinrUnits : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = new rps::test::TempDir("rps_sinr_units");
        const fs::path example = rps::test::source_dir() / "scenes" / "l_hall";
        json study = json::parse(read_text(example / "l_hall_1ap_study.json"));
        study["name"] = "sinr";
        study["scene"] = (example / "l_hall.xml").string();
        study["objective"] = {{"metric", "p5"}, {"combine", "sinr"}};
        std::ofstream(dir_->path() / "sinr.json") << study.dump(2);
        run_ = run_rps({"run", (dir_->path() / "sinr.json").string(), "--out", study_file(),
                        "--workers", "2"});
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    void SetUp() override { ASSERT_EQ(run_.exit_code, 0) << describe(run_); }

    static std::string study_file() { return (dir_->path() / "sinr.h5").string(); }

    static rps::test::TempDir* dir_;
    static CommandResult run_;
};

rps::test::TempDir* CliSinrUnits::dir_ = nullptr;
CommandResult CliSinrUnits::run_;

std::string line_starting(const std::string& text, const std::string& start) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(start, 0) == 0) return line;
    return "";
}

TEST_F(CliSinrUnits, ShowLabelsTheMapMetricsInDb) {
    const auto r = run_rps({"show", study_file()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const std::string best = line_starting(r.out, "best ");
    const std::string metrics = line_starting(r.out, "metrics ");
    EXPECT_TRUE(std::regex_search(best, std::regex(R"(^best +p5 = -?[0-9.]+ dB$)"))) << r.out;
    const std::string number = "-?[0-9]+\\.[0-9]{2}";
    EXPECT_TRUE(std::regex_search(
        metrics, std::regex("^metrics +P5 " + number + " dB  min " + number + " dB  soft-min " +
                            number + " dB  mean " + number + " dB  coverage ")))
        << r.out;
}

TEST_F(CliSinrUnits, RunSummaryLabelsTheMapMetricsInDb) {
    const std::string metrics = line_starting(run_.out, "metrics ");
    const std::string number = "-?[0-9]+\\.[0-9]{2}";
    EXPECT_TRUE(
        std::regex_search(metrics, std::regex("^metrics +P5 " + number + " dB  min " + number +
                                              " dB  mean " + number + " dB  coverage ")))
        << run_.out;
}

TEST_F(CliSinrUnits, ReportLabelsTheMapMetricsInDb) {
    const fs::path out = dir_->path() / "sinr.html";
    const auto r =
        run_rps({"report", study_file(), "--out", out.string()}, {},
                {{"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR"}, {}});
    if (r.err.find("unavailable") != std::string::npos) GTEST_SKIP() << r.err;
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const std::string html = read_text(out);
    EXPECT_NE(html.find("<th>P5 [dB]</th><th>Min [dB]</th><th>Soft-min [dB]</th>"
                        "<th>Mean [dB]</th>"),
              std::string::npos);
    EXPECT_EQ(html.find("[dBm]"), std::string::npos);
    EXPECT_TRUE(
        std::regex_search(html, std::regex("<td>Coverage threshold</td><td>10\\.0 dB</td>")))
        << "a SINR study's coverage threshold defaults to 10 dB (-100 counted every cell)";
}

}  // namespace
