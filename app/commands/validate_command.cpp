// rps validate SCENE: load a scene and summarise it, or say exactly what is wrong and where.
#include <fmt/core.h>

#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "app/commands/command_registry.hpp"
#include "core/scene/planar_faces.hpp"
#include "core/scene/scene_loader.hpp"

namespace rps::cli {

void register_validate(CLI::App& app, CommandAction& action) {
    auto* command = app.add_subcommand("validate", "Load a scene and print a summary");
    auto scene_path = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    command->add_option("SCENE", *scene_path, "Scene XML (Mitsuba/Sionna format)")->required();
    command->add_flag("--json", *json, "Print JSON");
    command->callback([&action, scene_path, json] {
        action = [scene_path, json] {
            const Scene scene = load_scene(*scene_path);
            const PlanarFaceGrouping grouping = group_planar_faces(scene);
            std::map<uint32_t, size_t> triangles_per_material;
            for (uint32_t t = 0; t < scene.triangles.size(); ++t)
                ++triangles_per_material[scene.triangle_material(t)];
            const Aabb box = scene.bounds();
            nlohmann::json out;
            out["scene"] = *scene_path;
            out["shapes"] = scene.shapes.size();
            out["triangles"] = scene.triangles.size();
            out["planar_faces"] = grouping.faces.size();
            out["bounds_min_m"] = {box.lower.x(), box.lower.y(), box.lower.z()};
            out["bounds_max_m"] = {box.upper.x(), box.upper.y(), box.upper.z()};
            out["materials"] = nlohmann::json::array();
            for (size_t m = 0; m < scene.materials.size(); ++m) {
                const RadioMaterial& mat = scene.materials[m];
                nlohmann::json entry = {{"id", mat.id},
                                        {"type", mat.is_itu() ? mat.itu_type : "custom"},
                                        {"thickness_m", mat.thickness_m},
                                        {"triangles", triangles_per_material[m]}};
                if (!mat.is_itu()) {
                    entry["relative_permittivity"] = mat.relative_permittivity;
                    entry["conductivity_s_per_m"] = mat.conductivity_s_per_m;
                }
                if (mat.perfect_conductor) entry["perfect_conductor"] = true;
                out["materials"].push_back(entry);
            }
            out["warnings"] = scene.warnings;
            if (*json) {
                std::cout << out.dump(2) << "\n";
                return kExitOk;
            }
            fmt::print("scene      {}\n", *scene_path);
            fmt::print("shapes     {}\ntriangles  {}\nfaces      {} planar faces\n",
                       scene.shapes.size(), scene.triangles.size(), grouping.faces.size());
            fmt::print("bounds     x [{:.3f}, {:.3f}]  y [{:.3f}, {:.3f}]  z [{:.3f}, {:.3f}] m\n",
                       box.lower.x(), box.upper.x(), box.lower.y(), box.upper.y(), box.lower.z(),
                       box.upper.z());
            fmt::print("materials\n");
            for (const auto& entry : out["materials"])
                fmt::print("  {:<28} {:<16} {:>7.3f} m  {:>6} triangles\n",
                           entry["id"].get<std::string>(), entry["type"].get<std::string>(),
                           entry["thickness_m"].get<double>(), entry["triangles"].get<size_t>());
            for (const std::string& warning : scene.warnings) fmt::print("warning: {}\n", warning);
            return kExitOk;
        };
    });
}

}  // namespace rps::cli
