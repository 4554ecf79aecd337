// rps probe SCENE --tx --rx: every propagation path between two points, with its interactions.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <nlohmann/json.hpp>

#include "app/commands/command_registry.hpp"
#include "app/commands/radio_options.hpp"
#include "app/commands/scene_warnings.hpp"
#include "core/common/shortfall_format.hpp"
#include "core/common/units.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/engine/transmitter_clearance.hpp"

namespace rps::cli {
namespace {

std::string path_kind(const PropagationPath& path) {
    int transmissions = 0;
    for (const PathInteraction& i : path.interactions)
        transmissions += i.kind == InteractionKind::Transmission;
    std::string kind = path.reflection_count == 0 ? "LOS"
                                                  : fmt::format("R{}", path.reflection_count);
    if (transmissions > 0) kind += fmt::format("+T{}", transmissions);
    return kind;
}

}  // namespace

void register_probe(CLI::App& app, CommandAction& action) {
    struct Options {
        std::string scene, tx, rx, look_at;
        double yaw_deg = 0, downtilt_deg = 0;
        bool json = false;
        RadioOptions radio;
    };
    auto o = std::make_shared<Options>();
    auto* command = app.add_subcommand("probe", "Paths and path gain between a Tx and an Rx");
    command->add_option("SCENE", o->scene, "Scene XML")->required();
    command->add_option("--tx", o->tx, "Transmitter X,Y,Z in metres")->required();
    command->add_option("--rx", o->rx, "Receiver X,Y,Z in metres")->required();
    command->add_option("--tx-yaw-deg", o->yaw_deg, "Tx boresight azimuth from +x (deg)");
    command->add_option("--tx-downtilt-deg", o->downtilt_deg, "Tx downtilt below horizon (deg)");
    command->add_option("--tx-look-at", o->look_at, "Point the Tx boresight at X,Y,Z instead");
    command->add_flag("--json", o->json, "Print JSON");
    o->radio.add_to(*command);
    command->callback([&action, o] {
        action = [o] {
            const auto tx = parse_numbers(o->tx, "--tx", 3, 3);
            const auto rx = parse_numbers(o->rx, "--rx", 3, 3);
            const Scene scene = load_scene_with_warnings(o->scene);
            MeasurementGridSpec grid;  // unused by probes, but the engine needs one: one cell
            const Aabb box = scene.bounds();
            grid.cell_m = box.empty() ? 2.0 : std::max({box.size().x(), box.size().y(), 1.0});
            const RadioEngine engine(scene, o->radio.to_setup(), grid);
            TxPose pose{Vec3(tx[0], tx[1], tx[2]), deg_to_rad(o->yaw_deg),
                        deg_to_rad(o->downtilt_deg)};
            if (!std::isfinite(o->yaw_deg) || !std::isfinite(o->downtilt_deg))
                throw std::invalid_argument("--tx-yaw-deg and --tx-downtilt-deg must be finite");
            if (!o->look_at.empty() && (o->yaw_deg != 0 || o->downtilt_deg != 0))
                throw std::invalid_argument(
                    "--tx-look-at sets the direction: do not give --tx-yaw-deg/--tx-downtilt-deg too");
            if (!o->look_at.empty()) {
                const auto target = parse_numbers(o->look_at, "--tx-look-at", 3, 3);
                const AntennaPose aim = rps::look_at(pose.position, Vec3(target[0], target[1], target[2]));
                pose.yaw_rad = aim.yaw_rad;
                pose.downtilt_rad = aim.downtilt_rad;
            }
            if (std::string problem = transmitter_clearance_problem(engine, pose.position, "--tx");
                !problem.empty())
                throw std::invalid_argument(problem);
            const Vec3 receiver(rx[0], rx[1], rx[2]);
            // Closer, the line of sight has no length to speak of and the far-field path model
            // does not hold: the probe would print the other paths as if they were all.
            if (const double apart_m = (receiver - pose.position).norm();
                apart_m < kTransmitterClearance_m)
                throw std::invalid_argument(fmt::format(
                    "--rx is {} m from --tx: a receiver must keep {} m from the transmitter",
                    format_below_limit(apart_m, kTransmitterClearance_m), kTransmitterClearance_m));
            const auto paths = engine.trace_paths(pose, receiver);
            // Incoherent: Σ|a|² (Sionna's radio maps); coherent: |Σ a|² per receiver port (θ, φ),
            // as `rps map --coherent` and Sionna's paths.
            const bool coherent = o->radio.to_setup().coherent;
            double total = 0.0;
            Vec3c field_sum = Vec3c::Zero();
            for (const auto& p : paths) {
                total += p.path_gain;
                field_sum += p.ports;
            }
            if (coherent) total = field_sum.squaredNorm();
            nlohmann::json out;
            out["sum"] = coherent ? "coherent" : "incoherent";
            out["path_gain_db"] = total > 0 ? linear_to_db(total) : -std::numeric_limits<double>::infinity();
            out["received_power_dbm"] = o->radio.power_dbm + linear_to_db(total);
            out["path_count"] = paths.size();
            out["paths"] = nlohmann::json::array();
            for (const auto& p : paths) {
                nlohmann::json entry{{"kind", path_kind(p)},
                                     {"reflections", p.reflection_count},
                                     {"length_m", p.length_m},
                                     {"gain_db", linear_to_db(p.path_gain)},
                                     {"delay_ns", p.length_m / kSpeedOfLight_m_per_s * 1e9}};
                entry["interactions"] = nlohmann::json::array();
                for (const auto& i : p.interactions) {
                    entry["interactions"].push_back(
                        {{"kind", i.kind == InteractionKind::Reflection ? "reflection"
                                                                        : "transmission"},
                         {"face", i.face},
                         {"material", i.material >= 0 ? scene.materials[i.material].id : "plate"},
                         {"point_m", {i.point.x(), i.point.y(), i.point.z()}},
                         {"incidence_deg", rad_to_deg(std::acos(std::min(1.0, i.cos_incidence)))}});
                }
                out["paths"].push_back(entry);
            }
            if (o->json) {
                std::cout << out.dump(2) << "\n";
                return kExitOk;
            }
            if (total <= 0) {
                fmt::print("no path from Tx to Rx (total path gain 0)\n");
                return kExitOk;
            }
            fmt::print(
                "total path gain {:.3f} dB  ({} paths, {} sum, received {:.2f} dBm at "
                "{:.1f} dBm Tx)\n",
                linear_to_db(total), paths.size(), coherent ? "coherent" : "incoherent",
                o->radio.power_dbm + linear_to_db(total), o->radio.power_dbm);
            for (const auto& entry : out["paths"]) {
                fmt::print("  {:<8} {:>9.3f} m {:>10.3f} dB\n", entry["kind"].get<std::string>(),
                           entry["length_m"].get<double>(), entry["gain_db"].get<double>());
                for (const auto& i : entry["interactions"])
                    fmt::print("           {:<12} face {:>4} {:<24} at ({:.3f}, {:.3f}, {:.3f}) "
                               "incidence {:.1f} deg\n",
                               i["kind"].get<std::string>(), i["face"].get<int>(),
                               i["material"].get<std::string>(), i["point_m"][0].get<double>(),
                               i["point_m"][1].get<double>(), i["point_m"][2].get<double>(),
                               i["incidence_deg"].get<double>());
            }
            return kExitOk;
        };
    });
}

}  // namespace rps::cli
