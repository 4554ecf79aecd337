// rps validate SCENE: load a scene and summarise it, or say exactly what is wrong and where.
#include <fmt/core.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands/command_registry.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/scene/scene_summary.hpp"

namespace rps::cli {
namespace {

nlohmann::json summary_json(const SceneSummary& s) {
    nlohmann::json out = {{"scene", s.source_path},
                          {"shapes", s.shape_count},
                          {"closed_shapes", s.closed_shape_count},
                          {"vertices", s.vertex_count},
                          {"triangles", s.triangle_count},
                          {"planar_faces", s.planar_face_count},
                          {"warnings", s.warnings}};
    if (!s.bounds.empty()) {
        out["bounds_min_m"] = {s.bounds.lower.x(), s.bounds.lower.y(), s.bounds.lower.z()};
        out["bounds_max_m"] = {s.bounds.upper.x(), s.bounds.upper.y(), s.bounds.upper.z()};
    }
    out["materials"] = nlohmann::json::array();
    for (const MaterialUsage& m : s.materials) {
        nlohmann::json entry = {{"id", m.id},
                                {"type", m.perfect_conductor ? "perfect_conductor"
                                         : m.itu_type.empty() ? "custom"
                                                              : m.itu_type},
                                {"thickness_m", m.thickness_m},
                                {"shapes", m.shape_count},
                                {"triangles", m.triangle_count}};
        if (m.itu_type.empty() && !m.perfect_conductor) {
            entry["relative_permittivity"] = m.relative_permittivity;
            entry["conductivity_s_per_m"] = m.conductivity_s_per_m;
        }
        out["materials"].push_back(entry);
    }
    return out;
}

void print_summary(const SceneSummary& s) {
    fmt::print("scene      {}\n", s.source_path);
    fmt::print("shapes     {} ({} closed)\ntriangles  {}\nfaces      {} planar faces\n",
               s.shape_count, s.closed_shape_count, s.triangle_count, s.planar_face_count);
    if (!s.bounds.empty())
        fmt::print("bounds     x [{:.3f}, {:.3f}]  y [{:.3f}, {:.3f}]  z [{:.3f}, {:.3f}] m\n",
                   s.bounds.lower.x(), s.bounds.upper.x(), s.bounds.lower.y(), s.bounds.upper.y(),
                   s.bounds.lower.z(), s.bounds.upper.z());
    fmt::print("materials\n");
    for (const MaterialUsage& m : s.materials)
        fmt::print("  {:<28} {:<18} {:>7.3f} m  {:>4} shapes {:>7} triangles\n", m.id,
                   m.perfect_conductor ? "perfect_conductor"
                   : m.itu_type.empty() ? "custom"
                                        : m.itu_type,
                   m.thickness_m, m.shape_count, m.triangle_count);
    for (const std::string& warning : s.warnings) fmt::print("warning: {}\n", warning);
}

}  // namespace

void register_validate(CLI::App& app, CommandAction& action) {
    auto* command = app.add_subcommand("validate", "Load a scene and print a summary");
    auto scene_path = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    command->add_option("SCENE", *scene_path, "Scene XML (Mitsuba/Sionna format)")->required();
    command->add_flag("--json", *json, "Print JSON");
    command->callback([&action, scene_path, json] {
        action = [scene_path, json] {
            const SceneSummary summary = summarize_scene(load_scene(*scene_path));
            if (*json)
                std::cout << summary_json(summary).dump(2) << "\n";
            else
                print_summary(summary);
            return kExitOk;
        };
    });
}

}  // namespace rps::cli
