// rps map SCENE --ap ...: radio maps for one or more APs, their combination and its metrics.
#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands/command_registry.hpp"
#include "app/commands/map_output.hpp"
#include "app/commands/radio_options.hpp"
#include "app/commands/scene_warnings.hpp"
#include "core/common/units.hpp"
#include "core/engine/cell_mask.hpp"
#include "core/engine/transmitter_clearance.hpp"
#include "core/metrics/combine_maps.hpp"
#include "core/metrics/map_metrics.hpp"

namespace rps::cli {
namespace {

constexpr double kDefaultApHeight_m = 3.8;  // the original framework's fixed AP height

TxPose parse_ap(const std::string& text) {
    const auto v = parse_numbers(text, "--ap", 2, 5);
    TxPose pose;
    pose.position = Vec3(v[0], v[1], v.size() > 2 ? v[2] : kDefaultApHeight_m);
    pose.yaw_rad = v.size() > 3 ? deg_to_rad(v[3]) : 0.0;
    pose.downtilt_rad = v.size() > 4 ? deg_to_rad(v[4]) : 0.0;
    return pose;
}

// --exclude: "X0,Y0,X1,Y1" (a rectangle) or "X,Y;X,Y;X,Y[;...]" (a polygon), metres.
Polygon2d parse_excluded_area(const std::string& text) {
    Polygon2d polygon;
    if (text.find(';') == std::string::npos) {
        const auto v = parse_numbers(text, "--exclude", 4, 4);
        if (!(v[0] < v[2] && v[1] < v[3]))
            throw std::invalid_argument("option --exclude: a rectangle is X_MIN,Y_MIN,X_MAX,Y_MAX "
                                        "with min < max, got '" + text + "'");
        polygon = rectangle_polygon(v[0], v[1], v[2], v[3]);
    } else {
        size_t start = 0;
        while (start <= text.size()) {
            const size_t end = std::min(text.find(';', start), text.size());
            const auto v = parse_numbers(text.substr(start, end - start), "--exclude", 2, 2);
            polygon.push_back({v[0], v[1]});
            start = end + 1;
        }
    }
    check_polygon(polygon, "option --exclude '" + text + "'");
    return polygon;
}

nlohmann::json metrics_json(const MapMetrics& m, double threshold_dbm) {
    return {{"p5_dbm", power_to_dbm_floored(m.p5_w)},
            {"min_dbm", power_to_dbm_floored(m.min_w)},
            {"softmin_dbm", power_to_dbm_floored(m.softmin_w)},
            {"mean_dbm", power_to_dbm_floored(m.mean_w)},
            {"coverage_percent", 100.0 * m.coverage_fraction},
            {"coverage_threshold_dbm", threshold_dbm},
            {"valid_cells", m.valid_cells},
            {"masked_cells", m.total_cells}};
}

}  // namespace

void register_map(CLI::App& app, CommandAction& action) {
    struct Options {
        std::string scene, out, combine = "best", origin, size;
        std::vector<std::string> aps, excluded;
        double cell_m = 1.0, height_m = 1.5, threshold_dbm = kDefaultCoverageThreshold_dbm;
        bool threshold_given = false;
        int samples = 1, repeat = 1;
        bool json = false;
        RadioOptions radio;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand("map", "Radio map(s) of one or more APs");
    command->add_option("SCENE", o->scene, "Scene XML")->required();
    command->add_option("--ap", o->aps, "AP X,Y[,Z[,YAW_DEG[,DOWNTILT_DEG]]] (Z default 3.8 m)")
        ->required();
    command->add_option("--cell-m", o->cell_m, "Cell size in metres")->capture_default_str();
    command->add_option("--height-m", o->height_m, "Measurement plane height")->capture_default_str();
    command->add_option("--origin-m", o->origin, "Grid corner X,Y (default: the scene's box)");
    command->add_option("--size-m", o->size, "Grid extent W,H in metres (default: the scene's box)");
    command->add_option("--cell-samples", o->samples,
                        "Average over N×N points per cell (1 = cell centre)")->capture_default_str();
    command->add_option("--exclude", o->excluded,
                        "Leave an area out of the metrics: X0,Y0,X1,Y1 (rectangle) or "
                        "X,Y;X,Y;X,Y[;...] (polygon); repeatable");
    command->add_option("--combine", o->combine, "Multi-AP combining: best, sum, sinr")
        ->capture_default_str();
    command->add_option("--coverage-dbm", o->threshold_dbm,
                        "Coverage threshold (dB of SINR with --combine sinr, default 10)")
        ->capture_default_str()
        ->each([o](const std::string&) { o->threshold_given = true; });
    command->add_option("--repeat", o->repeat, "Compute each map N times (timing)")
        ->check(CLI::Range(1, 1000000));
    command->add_option("--out", o->out, "Write maps: FILE.h5, FILE.csv or FILE.png");
    command->add_flag("--json", o->json, "Print JSON");
    o->radio.add_to(*command);
    command->callback([&action, o] {
        action = [o] {
            if (!o->out.empty()) check_map_output(o->out);  // before minutes of maps, not after
            if (!std::isfinite(o->threshold_dbm))           // CLI11's ranges let NaN through
                throw std::invalid_argument("--coverage-dbm: must be a finite number");
            std::vector<TxPose> aps;
            for (const auto& text : o->aps) aps.push_back(parse_ap(text));
            const CombineMode mode = parse_combine_mode(o->combine);
            const Scene scene = load_scene_with_warnings(o->scene);
            MeasurementGridSpec spec;
            spec.cell_m = o->cell_m;
            spec.height_m = o->height_m;
            spec.samples_per_axis = o->samples;
            if (!o->origin.empty()) {
                const auto v = parse_numbers(o->origin, "--origin-m", 2, 2);
                spec.origin_x_m = v[0], spec.origin_y_m = v[1];
            }
            if (!o->size.empty()) {
                const auto v = parse_numbers(o->size, "--size-m", 2, 2);
                if (!(v[0] > 0 && v[1] > 0))
                    throw std::invalid_argument("--size-m: sizes must be > 0");
                spec.size_x_m = v[0], spec.size_y_m = v[1];
            }
            for (const auto& text : o->excluded)
                spec.excluded_areas.push_back(parse_excluded_area(text));
            const auto build_start = std::chrono::steady_clock::now();
            const RadioEngine engine(scene, o->radio.to_setup(), spec);
            const double build_ms = std::chrono::duration<double, std::milli>(
                                        std::chrono::steady_clock::now() - build_start).count();
            for (size_t a = 0; a < aps.size(); ++a)
                if (std::string problem = antenna_placement_problem(
                        engine, aps[a].position,
                        fmt::format("AP {} (--ap {})", a, o->aps[a]));  // as the output numbers
                    !problem.empty())
                    throw std::invalid_argument(problem);
            if (!any_cell_measured(engine.grid().mask))
                throw std::invalid_argument(kNoMeasuredCell);
            std::vector<RadioMap> maps;
            double total_ms = 0.0;
            RadioEngine::reset_thread_counters();
            const int repeat = o->repeat;
            for (const TxPose& ap : aps) {
                for (int r = 0; r < repeat; ++r) {
                    const auto start = std::chrono::steady_clock::now();
                    RadioMap map = engine.compute_map(ap);
                    total_ms += std::chrono::duration<double, std::milli>(
                                    std::chrono::steady_clock::now() - start).count();
                    if (r == 0) maps.push_back(std::move(map));
                }
            }
            const MeasurementGrid& grid = engine.grid();
            std::vector<double> combined(grid.cell_count());
            std::vector<std::span<const double>> views;
            for (const auto& m : maps) views.emplace_back(m.power_w);
            combine_maps(views, mode, default_noise_power_w(), combined);
            const bool sinr = mode == CombineMode::Sinr;
            double threshold = o->threshold_dbm;
            if (sinr) {
                for (double& v : combined) v *= kSinrRatioAsPower_w;  // dBm columns read dB
                if (!o->threshold_given) threshold = kDefaultSinrCoverageThreshold_db;
            }
            const MapMetrics metrics = compute_metrics(combined, grid.mask, threshold);
            nlohmann::json out;
            out["scene"] = o->scene;
            out["grid"] = {{"origin_m", {grid.origin_x_m, grid.origin_y_m}},
                           {"cells", {grid.cells_x, grid.cells_y}},
                           {"cell_m", grid.cell_m},
                           {"height_m", grid.height_m}};
            if (!grid.excluded_areas.empty()) out["grid"]["excluded_areas"] = grid.excluded_areas;
            out["combine"] = std::string(to_string(mode));
            out["metrics"] = metrics_json(metrics, threshold);
            out["unit"] = sinr ? "dB (SINR; noise " +
                                     fmt::format("{:.1f}", watts_to_dbm(default_noise_power_w())) +
                                     " dBm)"
                               : "dBm";
            out["per_ap"] = nlohmann::json::array();
            for (const auto& m : maps)
                out["per_ap"].push_back(
                    metrics_json(compute_metrics(m.power_w, grid.mask, o->threshold_dbm),
                                 o->threshold_dbm));
            const RadioEngine::Counters counters = RadioEngine::thread_counters();
            out["engine_counters"] = {{"rays", counters.rays},
                                      {"candidates", counters.candidates},
                                      {"paths", counters.paths}};
            out["timing"] = {{"engine_build_ms", build_ms},
                             {"ms_per_map", total_ms / (repeat * aps.size())},
                             {"maps", repeat * aps.size()}};
            if (!o->out.empty()) {
                std::vector<NamedMap> named{{"combined", &combined}};
                for (size_t i = 0; i < maps.size(); ++i)
                    named.push_back({fmt::format("ap{}", i), &maps[i].power_w});
                write_maps(o->out, grid, named, out);
                out["written"] = o->out;
            }
            if (o->json) {
                std::cout << out.dump(2) << "\n";
                return kExitOk;
            }
            const auto& m = out["metrics"];
            fmt::print("grid      {} x {} cells of {} m at z = {} m ({} measured cells)\n",
                       grid.cells_x, grid.cells_y, grid.cell_m, grid.height_m,
                       m["masked_cells"].get<size_t>());
            fmt::print("combined  {} over {} AP(s)\n", out["combine"].get<std::string>(), aps.size());
            const char* unit = sinr ? "dB SINR" : "dBm";
            fmt::print(
                "cells     {} of {} measured cells have signal (> -130 dBm); P5, min and mean "
                "are over those\n",
                m["valid_cells"].get<size_t>(), m["masked_cells"].get<size_t>());
            fmt::print("P5        {:8.2f} {}\nmin       {:8.2f} {}\nmean      {:8.2f} {}\n"
                       "coverage  {:8.2f} % >= {} {}\n",
                       m["p5_dbm"].get<double>(), unit, m["min_dbm"].get<double>(), unit,
                       m["mean_dbm"].get<double>(), unit, m["coverage_percent"].get<double>(),
                       threshold, unit);
            fmt::print("time      {:.3f} ms per map ({} maps), engine set-up {:.1f} ms\n",
                       out["timing"]["ms_per_map"].get<double>(), repeat * aps.size(), build_ms);
            if (!o->out.empty()) fmt::print("wrote     {}\n", o->out);
            return kExitOk;
        };
    });
}

}  // namespace rps::cli
