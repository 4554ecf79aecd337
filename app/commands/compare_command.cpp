// rps compare FILE.h5 [--rows I,J,...] [--top N] [--json] [--out-dir DIR] [--scene SCENE.xml]:
// 2-4 stored layouts side by side, as the studio's Compare Winners (ui/compare_dialog.hpp) shows
// them: each layout's combined map recomputed with the study's own spec and scene (as `rps export
// --best` recomputes one), its metrics (compute_metrics), its CDF (map_cdf) and the difference of
// the first two (map_difference) (docs/study_format.md, "Compare").
#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/commands/compared_rows.hpp"
#include "app/commands/json_fields.hpp"
#include "app/commands/map_output.hpp"
#include "app/commands/report_commands.hpp"
#include "app/commands/stored_study_setup.hpp"
#include "app/commands/stored_study_view.hpp"
#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/metrics/map_cdf.hpp"
#include "core/metrics/map_difference.hpp"
#include "core/metrics/map_metrics.hpp"
#include "core/study/layout.hpp"
#include "core/study/layout_evaluator.hpp"
#include "core/study/task_executor.hpp"

namespace rps::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct CompareOptions {
    std::string file, out_dir, scene;
    std::optional<std::string> rows;
    std::optional<int> top;
    bool json = false;
};

// Where each layout's CDF is read (percent of the measured cells at or below).
constexpr double kCdfLevels_percent[] = {5, 10, 50, 90};

struct ComparedLayout {
    ComparedRow row;
    std::string title;  // "row 17"
    Layout layout;
    std::vector<double> power_w;
    MapMetrics metrics;
    MapCdf cdf;
};

struct Comparison {
    const StudySpec* spec = nullptr;
    MeasurementGrid grid;
    std::vector<ComparedLayout> layouts;
    MapDifference difference;  // of the first two
    std::string unit;          // of the maps' values: dBm, dB for a SINR study
};

// ------------------------------------------------------------------------------ the comparison

Comparison compare_rows(const StudySpec& spec, const Scene& scene,
                        const std::vector<ComparedRow>& rows) {
    const LayoutEvaluator evaluator(spec, scene);
    Comparison c;
    c.spec = &spec;
    c.grid = evaluator.engine().grid();
    c.unit = objective_unit("p5", to_string(spec.objective.combine));
    const ObjectiveSpec& objective = spec.objective;
    for (const ComparedRow& row : rows) {
        ComparedLayout& l = c.layouts.emplace_back();
        l.row = row;
        l.title = fmt::format("row {}", row.row);
        l.layout = evaluator.space().decode(row.x);
        l.power_w = evaluate_stored_layout(evaluator, l.layout, l.title).combined_power_w;
        l.metrics = compute_metrics(l.power_w, c.grid.mask, objective.coverage_threshold_dbm,
                                    objective.softmin_temperature);
        l.cdf = map_cdf(l.power_w, c.grid.mask);
    }
    c.difference = map_difference(c.layouts[0].power_w, c.layouts[1].power_w, c.grid.mask);
    return c;
}

// ------------------------------------------------------------------------------ JSON

json cdf_json(const MapCdf& cdf) {
    json levels = json::array();
    for (double percent : kCdfLevels_percent)
        levels.push_back({{"percent", percent}, {"value", cdf.level_dbm(percent)}});
    return levels;
}

json layout_json(const ComparedLayout& l) {
    json j = {{"row", l.row.row},
              {"title", l.title},
              {"task_id", l.row.task_id},
              {"method", l.row.method},
              {"objective", l.row.objective},
              {"x", l.row.x},
              {"layout", layout_to_json(l.layout)},
              {"metrics", metrics_to_json(l.metrics)},
              {"cdf", cdf_json(l.cdf)}};
    if (l.row.max_order) j["max_order"] = *l.row.max_order;
    return j;
}

json difference_json(const Comparison& c) {
    const MapDifference& d = c.difference;
    const auto known = [&](double value) { return d.cells > 0 ? json(value) : json(nullptr); };
    return {{"first_row", c.layouts[0].row.row},
            {"second_row", c.layouts[1].row.row},
            {"cells", d.cells},
            {"mean_db", known(d.mean_db)},
            {"min_db", known(d.min_db)},
            {"max_db", known(d.max_db)},
            {"second_better_percent", known(100.0 * d.second_better_fraction)}};
}

json comparison_json(const Comparison& c, const StoredStudyView& view) {
    json layouts = json::array();
    for (const ComparedLayout& l : c.layouts) layouts.push_back(layout_json(l));
    return {{"file", view.data["file"]},
            {"study", view.data["name"]},
            {"mode", view.data["mode"]},
            {"objective", view.data["objective"]},
            {"unit", c.unit},
            {"coverage_threshold", c.spec->objective.coverage_threshold_dbm},
            {"softmin_temperature", c.spec->objective.softmin_temperature},
            {"layouts", layouts},
            {"difference", difference_json(c)}};
}

// ------------------------------------------------------------------------------ text

constexpr int kLabelWidth = 30, kColumnWidth = 14;

// One table row: a label, then one value per layout.
template <typename Value>
void print_row(const std::string& label, const Comparison& c, Value value) {
    std::string line = fmt::format("{:<{}}", label, kLabelWidth);
    for (const ComparedLayout& l : c.layouts) line += fmt::format("{:>{}}", value(l), kColumnWidth);
    fmt::print("{}\n", line);
}

std::string decimals(double value, int digits) { return fmt::format("{:.{}f}", value, digits); }

// A row of a successive-halving round that scored layouts on a lower-order map: its stored
// objective is that map's, not comparable with the metrics recomputed at the study's order.
bool cheap_round(const Comparison& c, const ComparedLayout& l) {
    return l.row.max_order && *l.row.max_order < c.spec->radio.max_reflection_order;
}

void print_metrics(const Comparison& c, const json& objective) {
    const std::string& u = c.unit;
    const ObjectiveSpec& spec = c.spec->objective;
    print_row("", c, [](const ComparedLayout& l) { return l.title; });
    print_row("method", c, [](const ComparedLayout& l) { return l.row.method; });
    print_row(fmt::format("objective {} [{}] (stored)", objective.value("metric", "p5"),
                          objective.value("unit", u)),
              c, [&](const ComparedLayout& l) {
                  return decimals(l.row.objective, 3) + (cheap_round(c, l) ? " *" : "");
              });
    const auto dbm = [](double power_w) { return decimals(power_to_dbm_floored(power_w), 2); };
    print_row(fmt::format("P5 [{}]", u), c, [&](const auto& l) { return dbm(l.metrics.p5_w); });
    print_row(fmt::format("min [{}]", u), c, [&](const auto& l) { return dbm(l.metrics.min_w); });
    print_row(fmt::format("soft-min [{}] (T {})", u, spec.softmin_temperature), c,
              [&](const auto& l) { return dbm(l.metrics.softmin_w); });
    print_row(fmt::format("mean [{}]", u), c, [&](const auto& l) { return dbm(l.metrics.mean_w); });
    print_row(fmt::format("coverage [%] (>= {} {})", spec.coverage_threshold_dbm, u), c,
              [](const auto& l) { return decimals(100.0 * l.metrics.coverage_fraction, 1); });
    print_row("cells with signal / measured", c, [](const ComparedLayout& l) {
        return fmt::format("{} / {}", l.metrics.valid_cells, l.metrics.total_cells);
    });
    for (double percent : kCdfLevels_percent)
        print_row(fmt::format("CDF {} % [{}]", percent, u), c,
                  [&](const auto& l) { return decimals(l.cdf.level_dbm(percent), 2); });
    for (const ComparedLayout& l : c.layouts)
        if (cheap_round(c, l)) {
            fmt::print(
                "* stored by a cheap round on an order-{} map; the metrics above are recomputed "
                "at the study's order {}\n",
                *l.row.max_order, c.spec->radio.max_reflection_order);
            break;
        }
}

void print_difference(const Comparison& c) {
    const MapDifference& d = c.difference;
    const std::string& first = c.layouts[0].title;
    const std::string& second = c.layouts[1].title;
    if (d.cells == 0) {
        fmt::print("difference {} - {}: no measured cell where both have signal\n", first, second);
        return;
    }
    fmt::print(
        "difference {} - {} [dB]: mean {:.2f}  min {:.2f}  max {:.2f}; {} better in "
        "{:.1f} % of {} cells\n",
        first, second, d.mean_db, d.min_db, d.max_db, second, 100.0 * d.second_better_fraction,
        d.cells);
}

void print_comparison(const Comparison& c, const json& data) {
    fmt::print("compare    {} ({}; {} layouts, maps recomputed with the study's spec)\n",
               data["name"].get<std::string>(), data["mode"].get<std::string>(), c.layouts.size());
    fmt::print("file       {}\n\n", data["file"].get<std::string>());
    print_metrics(c, data["objective"]);
    fmt::print("\n");
    print_difference(c);
}

// ------------------------------------------------------------------------------ files

// compare_rowI.csv per layout, compare_diff.csv, compare.json (its content: `document`).
std::vector<std::string> written_files(const fs::path& dir, const Comparison& c) {
    std::vector<std::string> files;
    for (const ComparedLayout& l : c.layouts)
        files.push_back((dir / fmt::format("compare_row{}.csv", l.row.row)).string());
    files.push_back((dir / "compare_diff.csv").string());
    files.push_back((dir / "compare.json").string());
    return files;
}

void write_files(const std::vector<std::string>& files, const Comparison& c, const json& document) {
    const size_t n = c.layouts.size();
    for (size_t k = 0; k < n; ++k)
        write_maps(files[k], c.grid, {{"combined", &c.layouts[k].power_w}}, json(), "--out-dir");
    write_csv_columns(files[n], c.grid, {{"difference_db", &c.difference.db}}, "--out-dir");
    write_file_atomically(files[n + 1], document.dump(2) + "\n", "--out-dir");
}

int run_compare(const CompareOptions& o) {
    const StoredStudy study = read_study_file(o.file);
    const StoredStudyView view = view_stored_study(study);
    // The choice first: a bad option is reported before the scene is looked for and loaded.
    const std::vector<ComparedRow> rows =
        choose_compared_rows(study, LayoutSpace(stored_spec(view, o.file)), o.rows, o.top);
    const StoredStudySetup setup = stored_study_setup(study, view, o.file, o.scene);
    const Comparison c = compare_rows(setup.spec, setup.scene, rows);
    json document = comparison_json(c, view);
    if (!o.out_dir.empty()) {
        create_output_folder(o.out_dir, "--out-dir");
        const std::vector<std::string> files = written_files(o.out_dir, c);
        document["written"] = files;
        write_files(files, c, document);
    }
    if (o.json) {
        std::cout << document.dump(2) << "\n";
        return kExitOk;
    }
    print_comparison(c, view.data);
    if (document.contains("written"))
        for (const json& file : document["written"])
            fmt::print("  wrote {}\n", file.get<std::string>());
    return kExitOk;
}

}  // namespace

void register_compare(CLI::App& app, CommandAction& action) {
    auto o = std::make_shared<CompareOptions>();
    auto* command = app.add_subcommand(
        "compare", "Compare 2-4 stored layouts of a study: metrics, CDF, difference map");
    command->add_option("FILE", o->file, "Study file written by rps run (.h5)")->required();
    command->add_option("--rows", o->rows,
                        "Row indices to compare, comma-separated (0-based, as stored)");
    command->add_option("--top", o->top,
                        "Compare the N best distinct layouts (default 2 without --rows)");
    command->add_option("--out-dir", o->out_dir,
                        "Also write compare_rowI.csv, compare_diff.csv and compare.json here");
    command->add_option("--scene", o->scene,
                        "The study's scene XML, when the stored path does not resolve");
    command->add_flag("--json", o->json, "Print JSON");
    command->callback([&action, o] { action = [o] { return run_compare(*o); }; });
}

}  // namespace rps::cli
