// rps show FILE.h5 [--json]: a study file's summary (stored_study_view.hpp), as text or as the
// JSON docs/study_format.md describes.
#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/commands/json_fields.hpp"
#include "app/commands/report_commands.hpp"
#include "app/commands/stored_study_view.hpp"
#include "core/study/study_spec.hpp"

namespace rps::cli {
namespace {

using nlohmann::json;

void print_layout(const json& layout, const json& plate) {
    if (!layout.is_object()) {
        fmt::print("  (no layout recorded)\n");
        return;
    }
    if (layout.contains("aps"))
        for (size_t i = 0; i < layout["aps"].size(); ++i) {
            const json& ap = layout["aps"][i];
            fmt::print("  AP {}       x {:>7} m  y {:>7} m  z {:>5} m  yaw {:>7}°  "
                       "downtilt {:>5}°\n",
                       i, fixed(ap.value("x_m", json()), 3), fixed(ap.value("y_m", json()), 3),
                       fixed(ap.value("z_m", json()), 2), fixed(ap.value("yaw_deg", json()), 2),
                       fixed(ap.value("downtilt_deg", json()), 2));
        }
    if (const json* r = object_at(layout, "reflector")) {
        const json focal = r->value("focal_m", json::array({nullptr, nullptr, nullptr}));
        fmt::print("  plate      u {:>6}  v {:>6}  focal ({}, {}, {}) m\n",
                   fixed(r->value("u", json()), 4), fixed(r->value("v", json()), 4),
                   fixed(focal[0], 2), fixed(focal[1], 2), fixed(focal[2], 2));
        if (plate.is_object()) {
            const auto c = vec3_at(plate, "center_m"), n = vec3_at(plate, "normal");
            if (c && n)
                fmt::print("             centre ({:.3f}, {:.3f}, {:.3f}) m  normal ({:.3f}, "
                           "{:.3f}, {:.3f})  {} x {} m\n",
                           c->x(), c->y(), c->z(), n->x(), n->y(), n->z(),
                           fixed(plate.value("width_m", json()), 2),
                           fixed(plate.value("height_m", json()), 2));
        }
    }
}

// study, file, about, scene, state (and a recovered file, a spec that does not parse).
void print_study(const json& d) {
    const std::string metric = d["objective"].value("metric", "p5");
    const std::string combine = d["objective"].value("combine", "best");
    fmt::print("study      {} ({}; objective {}{})\n", d["name"].get<std::string>(),
               d["mode"].get<std::string>(), metric,
               d["mode"] == "1ap" ? ""
               : combine == "best" ? " of the best-server map"
               : combine == "sum"  ? " of the power-sum map"
                                   : " of the " + combine + " map");
    fmt::print("file       {}\n", d["file"].get<std::string>());
    if (d.contains("description"))
        fmt::print("about      {}\n", d["description"].is_string()
                                          ? d["description"].get<std::string>()
                                          : d["description"].dump());
    fmt::print("scene      {}\n", d["scene"].get<std::string>());
    if (d["finished"].get<bool>()) {
        fmt::print("state      finished ({} run{})\n", d["runs"].get<size_t>(),
                   d["runs"].get<size_t>() == 1 ? "" : "s");
    } else {
        fmt::print("state      UNFINISHED: the run was stopped or is still going; {} task(s) "
                   "stored (rps run --resume {} finishes it)\n",
                   d["tasks"]["tasks"].get<size_t>(), d["file"].get<std::string>());
    }
    if (d["recovered"].get<bool>() || d["dropped_rows"].get<size_t>() > 0)
        fmt::print("           the file was left open by a killed writer ({} torn row(s) "
                   "ignored)\n",
                   d["dropped_rows"].get<size_t>());
    if (d.contains("spec_error"))
        fmt::print("warning    the stored study does not parse: {}\n",
                   d["spec_error"].get<std::string>());
}

void print_best(const json& d) {
    const std::string unit = d["objective"].value("unit", "dBm");
    const std::string metric = d["objective"].value("metric", "p5");
    const json& best = d["best"];
    if (best.is_null()) {
        fmt::print("best       none yet\n");
        return;
    }
    fmt::print("best       {} = {} {}{}\n", metric, fixed(best["objective"], 3), unit,
               best["source"] == "task_rows" ? " (best task so far)" : "");
    print_layout(best.value("layout", json()), best.value("plate", json()));
    const json& m = best.value("metrics", json());
    // The map's unit, whatever the objective's ("%" for coverage): a SINR map holds dB, as
    // rps compare labels it; the stored keys say _dbm for either.
    const std::string map_unit =
        objective_unit("p5", d["objective"].value("combine", std::string("best")));
    if (m.is_object())
        fmt::print(
            "metrics    P5 {1} {0}  min {2} {0}  soft-min {3} {0}  mean {4} {0}  "
            "coverage {5} % ({6} of {7} cells with signal)\n",
            map_unit, fixed(m.value("p5_dbm", json()), 2), fixed(m.value("min_dbm", json()), 2),
            fixed(m.value("softmin_dbm", json()), 2), fixed(m.value("mean_dbm", json()), 2),
            fixed(m.value("coverage_percent", json()), 1), m.value("valid_cells", json()).dump(),
            m.value("masked_cells", json()).dump());
}

// tasks, objectives, methods.
void print_tasks(const json& d) {
    const std::string unit = d["objective"].value("unit", "dBm");
    const json& t = d["tasks"];
    fmt::print("tasks      {} ok, {} failed, {} cancelled, {} retried ({} rows, {} map task(s))\n",
               t["ok"].get<size_t>(), t["failed"].get<size_t>(), t["cancelled"].get<size_t>(),
               t["retried"].get<size_t>(), t["rows"].get<size_t>(), t["map_tasks"].get<size_t>());
    const json& s = d["statistics"];
    if (s.contains("mean"))
        fmt::print("objectives mean {} std {} min {} max {} {} over {} task(s){}\n",
                   fixed(s["mean"], 3), fixed(s["std"], 3), fixed(s["min"], 3),
                   fixed(s["max"], 3), unit, s["count"].get<size_t>(),
                   s["infeasible"].get<size_t>()
                       ? fmt::format(" ({} infeasible)", s["infeasible"].get<size_t>())
                       : "");
    fmt::print("methods\n");
    for (const json& m : d["methods"])
        fmt::print("  #{:<2} {:<8} {:>6} task(s) {:>6} ok   best {}\n", m["index"].get<int>(),
                   m["type"].get<std::string>(), m["tasks"].get<size_t>(),
                   m["ok"].get<size_t>(),
                   m["best_objective"].is_number()
                       ? fixed(m["best_objective"], 3) + " " + unit
                       : std::string("-"));
}

// workers, time.
void print_workers(const json& d) {
    const json& w = d["workers"];
    std::string busy;
    for (const json& b : w["busy"])
        busy += fmt::format("{}{}: {:.2f} s", busy.empty() ? "" : ", ", b["worker_id"].get<int>(),
                            b["busy_s"].get<double>());
    fmt::print("workers    {} (busy: {}){}\n", w["count"].get<int>(), busy.empty() ? "-" : busy,
               w.contains("restarts") ? ", restarts " + w["restarts"].dump() : "");
    fmt::print("time       wall {} s{}, task time {} s, pool efficiency {}\n",
               fixed(d["wall_s"], 2), d["wall_source"] == "summary" ? "" : " (from task rows)",
               fixed(d["task_time_s"], 2),
               d["pool_efficiency"].is_number()
                   ? fmt::format("{:.1f} %", 100.0 * d["pool_efficiency"].get<double>())
                   : "-");
}

void print_view(const json& d) {
    print_study(d);
    print_best(d);
    print_tasks(d);
    print_workers(d);
}

}  // namespace

void register_show(CLI::App& app, CommandAction& action) {
    struct Options {
        std::string file;
        bool json = false;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand("show", "Summarise a study file (best layout, stats)");
    command->add_option("FILE", o->file, "Study file written by rps run (.h5)")->required();
    command->add_flag("--json", o->json, "Print JSON");
    command->callback([&action, o] {
        action = [o] {
            const StoredStudy study = read_study_file(o->file);
            const StoredStudyView view = view_stored_study(study);
            if (o->json)
                std::cout << view.data.dump(2) << "\n";
            else
                print_view(view.data);
            return kExitOk;
        };
    });
}

}  // namespace rps::cli
