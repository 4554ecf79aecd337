// rps report through the binary: the studio's HTML and PDF report of a study file written by
// `rps run` (the L hall 1-AP example, a fraction of a second), checked against `rps show --json`
// of the same file; bad outputs and bad study files. Every report runs without DISPLAY,
// WAYLAND_DISPLAY and QT_QPA_PLATFORM, so the command's offscreen fallback is what renders.
// Without the studio built (RPS_BUILD_GUI=OFF) the command must say it is unavailable.
#include <gtest/gtest.h>

#include <QByteArray>
#include <QImage>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "support/image_checks.hpp"
#include "support/test_paths.hpp"

using nlohmann::json;
using rps::test::describe;
using rps::test::read_text;
using rps::test::run_rps;
namespace fs = std::filesystem;

namespace {

// XDG_RUNTIME_DIR is unset too, as for root in a headless session: Qt must not warn about it.
const rps::test::EnvChanges kNoDisplay{
    {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR"}, {}};

rps::test::CommandResult report(const std::vector<std::string>& args) {
    std::vector<std::string> all{"report"};
    all.insert(all.end(), args.begin(), args.end());
    return run_rps(all, {}, kNoDisplay);
}

// One study file for the whole suite.
class CliReport : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("rps_cli_report_" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        const fs::path study =
            rps::test::source_dir() / "scenes" / "l_hall" / "l_hall_1ap_study.json";
        run_ = run_rps({"run", study.string(), "--out", study_file(), "--workers", "2"});
    }
    static void TearDownTestSuite() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    void SetUp() override { ASSERT_EQ(run_.exit_code, 0) << describe(run_); }

    static std::string study_file() { return (dir_ / "lh.h5").string(); }
    static fs::path file(const std::string& name) { return dir_ / name; }

    static fs::path dir_;
    static rps::test::CommandResult run_;
};

fs::path CliReport::dir_;
rps::test::CommandResult CliReport::run_;

}  // namespace

#if RPS_HAVE_STUDIO

namespace {

// The report's numbers: QString::number(value, 'f', decimals), correctly rounded like printf.
std::string fixed(double value, int decimals = 2) {
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// The PNG images embedded in an HTML report, decoded.
std::vector<QImage> embedded_images(const std::string& html) {
    static const std::string kPrefix = "data:image/png;base64,";
    std::vector<QImage> images;
    for (size_t at = html.find(kPrefix); at != std::string::npos; at = html.find(kPrefix, at + 1)) {
        const size_t begin = at + kPrefix.size(), end = html.find('"', begin);
        const QByteArray png =
            QByteArray::fromBase64(QByteArray::fromStdString(html.substr(begin, end - begin)));
        QImage image;
        image.loadFromData(png, "PNG");
        images.push_back(image);
    }
    return images;
}

}  // namespace

TEST_F(CliReport, HtmlShowsWhatRpsShowSays) {
    const auto show = run_rps({"show", study_file(), "--json"});
    ASSERT_EQ(show.exit_code, 0) << describe(show);
    const json best = json::parse(show.out)["best"];
    ASSERT_TRUE(best["objective"].is_number()) << show.out;

    const fs::path out = file("r.html");
    const auto r = report({study_file(), "--out", out.string()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const std::string html = read_text(out);
    EXPECT_NE(html.find("<h1>Study report: l_hall_1ap</h1>"), std::string::npos);
    EXPECT_NE(html.find("Best objective: P5 RSS = " + fixed(best["objective"]) + " dBm"),
              std::string::npos)
        << "best " << best["objective"];
    const json& aps = best["layout"]["aps"];
    ASSERT_EQ(aps.size(), 1u);
    for (size_t i = 0; i < aps.size(); ++i) {
        const std::string row = "<tr><td>" + std::to_string(i) + "</td><td>" +
                                fixed(aps[i]["x_m"]) + "</td><td>" + fixed(aps[i]["y_m"]) +
                                "</td><td>" + fixed(aps[i]["z_m"]) + "</td>";
        EXPECT_NE(html.find(row), std::string::npos) << row;
    }
    for (const char* heading : {"1. Scene", "2. Study set-up", "3. Best layout", "4. Maps",
                                "5. Plots", "6. Statistics", "7. Timing"})
        EXPECT_NE(html.find(std::string("<h2>") + heading + "</h2>"), std::string::npos) << heading;

    // The scene picture (the plan view of the best layout) comes first, then the map and plots.
    EXPECT_EQ(html.find("No scene picture."), std::string::npos);
    EXPECT_NE(html.find("alt=\"scene\""), std::string::npos);
    const std::vector<QImage> images = embedded_images(html);
    ASSERT_GE(images.size(), 2u);
    for (const QImage& image : images) {
        ASSERT_FALSE(image.isNull());
        EXPECT_GT(rps::test::distinct_colours(image), 1);
    }
    EXPECT_GT(rps::test::distinct_colours(images.front()), 20);  // walls, heatmap, legend
}

TEST_F(CliReport, TitleOption) {
    const fs::path out = file("titled.html");
    const auto r = report({study_file(), "--out", out.string(), "--title", "Hall & co"});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    EXPECT_NE(read_text(out).find("<h1>Study report: Hall &amp; co</h1>"), std::string::npos);
    EXPECT_EQ(r.err.find("XDG_RUNTIME_DIR"), std::string::npos) << r.err;
}

TEST_F(CliReport, Pdf) {
    const fs::path out = file("r.pdf");
    const auto r = report({study_file(), "--out", out.string()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const std::string pdf = read_text(out);
    EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
    size_t pages = 0;
    for (size_t at = pdf.find("/Type /Page"); at != std::string::npos;
         at = pdf.find("/Type /Page", at + 1))
        pages += pdf.compare(at, 12, "/Type /Pages") != 0;
    EXPECT_GE(pages, 1u);
    EXPECT_GT(pdf.size(), 10u * 1024);
}

TEST_F(CliReport, UnknownExtensionFailsBeforeAnyWork) {
    const fs::path out = file("r.txt");
    auto r = report({study_file(), "--out", out.string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("r.txt"), std::string::npos) << describe(r);
    EXPECT_NE(r.err.find("'.txt'"), std::string::npos) << describe(r);
    EXPECT_FALSE(fs::exists(out));
    // Checked first: a missing study file is not even looked at.
    r = report({file("missing.h5").string(), "--out", out.string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("'.txt'"), std::string::npos) << describe(r);
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(CliReport, BadStudyFilesExitTwoNamingThem) {
    const fs::path out = file("bad.html");
    auto r = report({file("missing.h5").string(), "--out", out.string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("missing.h5"), std::string::npos) << describe(r);

    std::ofstream(file("damaged.h5")) << "hello";
    r = report({file("damaged.h5").string(), "--out", out.string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("damaged.h5"), std::string::npos) << describe(r);

    const fs::path study = rps::test::source_dir() / "scenes" / "l_hall" / "l_hall_1ap_study.json";
    r = report({study.string(), "--out", out.string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find("l_hall_1ap_study.json"), std::string::npos) << describe(r);
    EXPECT_FALSE(fs::exists(out));
}

TEST_F(CliReport, OutputInAMissingFolderExitsTwo) {
    const fs::path out = file("no_such_folder") / "r.html";
    const auto r = report({study_file(), "--out", out.string()});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find(out.string()), std::string::npos) << describe(r);
    EXPECT_FALSE(fs::exists(out.parent_path()));
}

// Only `rps report` starts Qt's GUI: the other commands run whatever the platform settings say.
TEST_F(CliReport, OtherCommandsNeedNoGui) {
    const auto show =
        run_rps({"show", study_file()}, {},
                {{"DISPLAY", "WAYLAND_DISPLAY"}, {"QT_QPA_PLATFORM=no-such-platform"}});
    EXPECT_EQ(show.exit_code, 0) << describe(show);
}

#else

TEST_F(CliReport, UnavailableWithoutTheStudio) {
    const auto r = report({study_file(), "--out", file("r.html").string()});
    EXPECT_EQ(r.exit_code, 1) << describe(r);
    EXPECT_NE(r.err.find("unavailable"), std::string::npos) << describe(r);
    EXPECT_FALSE(fs::exists(file("r.html")));
}

#endif
