// rps compare on a real study (`rps run` of the tiny reflector study): --top 2 picks the two best
// distinct layouts by stored objective; the recomputed P5 reproduces each row's stored objective
// (the study ranks by P5), an independent check of the recompute path; the difference statistics
// match the per-layout CSVs it writes; bad options and a missing scene exit 2 naming them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_runner.hpp"
#include "cli/tiny_study.hpp"
#include "core/store/study_store.hpp"

using nlohmann::json;
using rps::test::describe;
using rps::test::run_rps;
namespace fs = std::filesystem;

namespace {

// A cell carries signal above 1e-16 W (kNoSignalPower_w): -130 dBm.
constexpr double kNoSignal_dbm = -130.0;

// Runs the tiny study on `scene` into dir/study.h5.
void run_tiny_study(const rps::test::TempDir& dir, const fs::path& scene) {
    json study = rps::test::tiny_reflector_study();
    study["scene"] = scene.string();
    std::ofstream(dir / "study.json") << study.dump(2);
    const auto run = run_rps({"run", (dir / "study.json").string(), "--out",
                              (dir / "study.h5").string(), "--workers", "2"});
    ASSERT_EQ(run.exit_code, 0) << describe(run);
}

// One run of the tiny study for every test here (it is read, never written).
class CliCompare : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!rps::test::rps_has_command("compare") || !rps::test::rps_has_command("run")) return;
        dir_ = new rps::test::TempDir("rps_compare");
        run_tiny_study(*dir_, rps::test::l_hall());
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    void SetUp() override {
        if (!dir_) GTEST_SKIP() << "this rps has no `compare` or `run` command";
    }
    static std::string study() { return (*dir_ / "study.h5").string(); }
    static rps::test::TempDir* dir_;
};

rps::test::TempDir* CliCompare::dir_ = nullptr;

struct StoredRow {
    size_t row;
    double objective;
    json x;
};

// The two best distinct layouts of the store, by stored objective (ties: the lower row), read
// here straight from the task rows.
std::vector<StoredRow> two_best(const rps::StoredStudy& stored) {
    std::vector<StoredRow> rows;
    for (size_t i = 0; i < stored.tasks.size(); ++i) {
        const json& result = stored.results[i];
        if (stored.tasks[i].status != 0 || !std::isfinite(stored.tasks[i].objective) ||
            !result["best_x"].is_array())
            continue;
        rows.push_back({i, stored.tasks[i].objective, result["best_x"]});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const StoredRow& a, const StoredRow& b) {
        return a.objective > b.objective;
    });
    std::vector<StoredRow> best;
    for (const StoredRow& row : rows)
        if (std::none_of(best.begin(), best.end(),
                         [&](const StoredRow& b) { return b.x == row.x; }))
            best.push_back(row);
    best.resize(std::min<size_t>(best.size(), 2));
    return best;
}

struct CsvMap {
    std::vector<int> in_mask;
    std::vector<double> values;  // the last column
};

CsvMap read_csv(const fs::path& file, const std::string& header) {
    std::ifstream in(file);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, header) << file;
    CsvMap map;
    while (std::getline(in, line)) {
        std::stringstream fields(line);
        std::string x, y, mask, value;
        std::getline(fields, x, ',');
        std::getline(fields, y, ',');
        std::getline(fields, mask, ',');
        std::getline(fields, value, ',');
        map.in_mask.push_back(std::stoi(mask));
        map.values.push_back(value == "nan" ? std::numeric_limits<double>::quiet_NaN()
                                            : std::stod(value));
    }
    return map;
}

TEST_F(CliCompare, TopTwoReproducesTheStoredObjectivesAndTheDifference) {
    const rps::StoredStudy stored = rps::StudyStore::read(study());
    const std::vector<StoredRow> expected = two_best(stored);
    ASSERT_EQ(expected.size(), 2u);

    const fs::path out = *dir_ / "compare";
    const auto r = run_rps({"compare", study(), "--top", "2", "--json", "--out-dir", out.string()});
    ASSERT_EQ(r.exit_code, 0) << describe(r);
    const json c = json::parse(r.out);
    ASSERT_EQ(c["objective"]["metric"], "p5");  // the stored objectives are P5
    EXPECT_EQ(c["unit"], "dBm");
    ASSERT_EQ(c["layouts"].size(), 2u);
    for (size_t k = 0; k < 2; ++k) {
        SCOPED_TRACE(k);
        const json& layout = c["layouts"][k];
        EXPECT_EQ(layout["row"].get<size_t>(), expected[k].row);
        EXPECT_EQ(layout["title"], "row " + std::to_string(expected[k].row));
        EXPECT_EQ(layout["x"], expected[k].x);
        EXPECT_EQ(layout["objective"].get<double>(), expected[k].objective);
        EXPECT_NEAR(layout["metrics"]["p5_dbm"].get<double>(), expected[k].objective, 1e-9);
        EXPECT_EQ(layout["cdf"].size(), 4u);
    }

    // The difference, recomputed here from the two per-layout CSVs (4 decimals).
    const auto csv_of = [&](size_t k) {
        return read_csv(out / ("compare_row" + std::to_string(expected[k].row) + ".csv"),
                        "x_m,y_m,in_mask,combined_dbm");
    };
    const CsvMap first = csv_of(0), second = csv_of(1);
    const CsvMap diff = read_csv(out / "compare_diff.csv", "x_m,y_m,in_mask,difference_db");
    ASSERT_EQ(first.values.size(), second.values.size());
    ASSERT_EQ(diff.values.size(), first.values.size());
    double sum = 0, lo = 1e300, hi = -1e300;
    size_t cells = 0, second_better = 0, near_zero = 0;
    for (size_t i = 0; i < first.values.size(); ++i) {
        const bool counted =
            first.in_mask[i] && first.values[i] > kNoSignal_dbm && second.values[i] > kNoSignal_dbm;
        if (!counted) {
            EXPECT_TRUE(std::isnan(diff.values[i])) << i;
            continue;
        }
        const double d = first.values[i] - second.values[i];
        EXPECT_NEAR(diff.values[i], d, 2e-4) << i;
        sum += d, lo = std::min(lo, d), hi = std::max(hi, d);
        ++cells;
        second_better += d < 0;
        near_zero += std::abs(d) < 1e-3;
    }
    ASSERT_GT(cells, 0u);
    const json& d = c["difference"];
    EXPECT_EQ(d["first_row"].get<size_t>(), expected[0].row);
    EXPECT_EQ(d["second_row"].get<size_t>(), expected[1].row);
    EXPECT_EQ(d["cells"].get<size_t>(), cells);
    EXPECT_NEAR(d["mean_db"].get<double>(), sum / cells, 1e-3);
    EXPECT_NEAR(d["min_db"].get<double>(), lo, 1e-3);
    EXPECT_NEAR(d["max_db"].get<double>(), hi, 1e-3);
    EXPECT_NEAR(d["second_better_percent"].get<double>(), 100.0 * second_better / cells,
                100.0 * near_zero / cells + 1e-9);

    // compare.json holds the same document.
    const json written = json::parse(rps::test::read_text(out / "compare.json"));
    EXPECT_EQ(written, c);

    // The text table (the default --top 2) names the rows and prints the same P5.
    const auto text = run_rps({"compare", study()});
    ASSERT_EQ(text.exit_code, 0) << describe(text);
    EXPECT_NE(text.out.find("row " + std::to_string(expected[1].row)), std::string::npos);
    char p5[32];
    std::snprintf(p5, sizeof p5, "%.2f", c["layouts"][0]["metrics"]["p5_dbm"].get<double>());
    EXPECT_NE(text.out.find(p5), std::string::npos) << text.out;
}

TEST_F(CliCompare, BadOptionsExitTwoNamingThem) {
    const rps::StoredStudy stored = rps::StudyStore::read(study());
    const std::string beyond = std::to_string(stored.tasks.size());
    const struct {
        std::vector<std::string> args;
        std::string named;
    } cases[] = {
        {{"--rows", "0"}, "--rows 0"},
        {{"--rows", "0,1,2,3,4"}, "--rows 0,1,2,3,4"},
        {{"--rows", "0," + beyond}, "row " + beyond + " is out of range"},
        {{"--rows", "0,1", "--top", "2"}, "--rows 0,1 and --top 2"},
        {{"--top", "5"}, "--top 5"},
        {{"--top", "-1"}, "--top -1: compare 2 to 4 layouts, not -1"},  // read "not 0"
        {{"--top", "2", "--out-dir", study()}, "field '--out-dir': cannot create"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args = {"compare", study()};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const auto r = run_rps(args);
        EXPECT_EQ(r.exit_code, 2) << describe(r);
        EXPECT_NE(r.err.find(c.named), std::string::npos) << describe(r);
    }
    const std::string missing = (*dir_ / "no_such_study.h5").string();
    const auto r = run_rps({"compare", missing, "--top", "2"});
    EXPECT_EQ(r.exit_code, 2) << describe(r);
    EXPECT_NE(r.err.find(missing), std::string::npos) << describe(r);
}

TEST_F(CliCompare, AMissingSceneFailsAsInExport) {
    // A study whose scene is gone since it ran: compare and export say the same.
    rps::test::TempDir dir;
    fs::copy_file(rps::test::l_hall(), dir / "hall.xml");
    run_tiny_study(dir, dir / "hall.xml");
    fs::remove(dir / "hall.xml");
    const std::string file = (dir / "study.h5").string();
    const auto compared = run_rps({"compare", file}, dir.path());
    const auto exported = run_rps({"export", file, "--best", "--out", "x"}, dir.path());
    EXPECT_EQ(compared.exit_code, 2) << describe(compared);
    EXPECT_EQ(exported.exit_code, 2) << describe(exported);
    EXPECT_NE(compared.err.find("give it with --scene"), std::string::npos) << describe(compared);
    EXPECT_EQ(compared.err, exported.err);
    // --scene gives it.
    const auto given = run_rps({"compare", file, "--scene", rps::test::l_hall().string()});
    EXPECT_EQ(given.exit_code, 0) << describe(given);
}

}  // namespace

namespace {

// A halving study at order 2 scores its candidates on order-1 maps first: a compared row of that
// round shows its stored objective marked, and a note says the metrics are recomputed at order 2
// (the order-1 objective beside the order-2 P5 read as a contradiction). Rows of the study's own
// order are not marked.
TEST(CliCompareCheapRounds, ACheapRoundsObjectiveIsMarked) {
    if (!rps::test::rps_has_command("compare")) GTEST_SKIP() << "no `compare` command";
    const rps::test::TempDir dir("rps_compare_cheap");
    json study = rps::test::tiny_1ap_study(
        {{{"type", "halving"}, {"candidates", 8}, {"keep_fraction", 0.5}}});
    study["radio"]["max_order"] = 2;
    std::ofstream(dir / "study.json") << study.dump(2);
    const std::string store = (dir / "study.h5").string();
    const auto run =
        run_rps({"run", (dir / "study.json").string(), "--out", store, "--workers", "2"});
    ASSERT_EQ(run.exit_code, 0) << describe(run);

    const rps::StoredStudy stored = rps::StudyStore::read(store);
    std::vector<size_t> cheap, full;
    for (size_t i = 0; i < stored.tasks.size(); ++i) {
        const json& result = stored.results[i];
        if (stored.tasks[i].status != 0 || !result["best_x"].is_array()) continue;
        const bool lower = result.contains("payload") && result["payload"].contains("max_order") &&
                           result["payload"]["max_order"].get<int>() < 2;
        (lower ? cheap : full).push_back(i);
    }
    ASSERT_FALSE(cheap.empty());
    ASSERT_GE(full.size(), 2u);

    const auto objective_line = [](const std::string& text) {
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);)
            if (line.rfind("objective ", 0) == 0) return line;
        return std::string();
    };
    const std::string note = "* stored by a cheap round on an order-1 map";
    const auto mixed = run_rps(
        {"compare", store, "--rows", std::to_string(full[0]) + "," + std::to_string(cheap[0])});
    ASSERT_EQ(mixed.exit_code, 0) << describe(mixed);
    const std::string line = objective_line(mixed.out);
    EXPECT_NE(line.find("(stored)"), std::string::npos) << mixed.out;
    EXPECT_EQ(line.size() - line.find_last_not_of(" *") - 1, 2u) << line;  // last column " *"
    EXPECT_EQ(std::count(line.begin(), line.end(), '*'), 1) << line;
    EXPECT_NE(mixed.out.find(note), std::string::npos) << mixed.out;

    const auto same_order = run_rps(
        {"compare", store, "--rows", std::to_string(full[0]) + "," + std::to_string(full[1])});
    ASSERT_EQ(same_order.exit_code, 0) << describe(same_order);
    EXPECT_EQ(objective_line(same_order.out).find('*'), std::string::npos) << same_order.out;
    EXPECT_EQ(same_order.out.find("cheap round"), std::string::npos) << same_order.out;
}

}  // namespace
