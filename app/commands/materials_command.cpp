// rps materials --freq-hz F: the ITU-R P.2040 material table evaluated at one frequency.
#include <fmt/core.h>

#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands/command_registry.hpp"
#include "core/common/units.hpp"
#include "core/radio/itu_material_table.hpp"

namespace rps::cli {

void register_materials(CLI::App& app, CommandAction& action) {
    auto* command = app.add_subcommand("materials", "ITU-R P.2040 materials at a frequency");
    auto freq_hz = std::make_shared<double>(5.18e9);
    auto json = std::make_shared<bool>(false);
    command->add_option("--freq-hz", *freq_hz, "Frequency in Hz")->capture_default_str();
    command->add_flag("--json", *json, "Print JSON");
    command->callback([&action, freq_hz, json] {
        action = [freq_hz, json] {
            if (!(*freq_hz > 0) || !std::isfinite(*freq_hz))
                throw std::invalid_argument("--freq-hz must be a positive frequency in Hz");
            nlohmann::json rows = nlohmann::json::array();
            for (const ItuMaterialEntry& entry : itu_material_table()) {
                nlohmann::json row = {{"name", entry.name}};
                nlohmann::json ranges = nlohmann::json::array();
                for (const ItuRange& r : entry.ranges) ranges.push_back({r.fmin_ghz, r.fmax_ghz});
                row["valid_ghz"] = ranges;
                try {
                    const MaterialProperties p = itu_material_properties(entry.name, *freq_hz);
                    row["relative_permittivity"] = p.relative_permittivity;
                    row["conductivity_s_per_m"] = p.conductivity_s_per_m;
                    row["imag_eta"] = -p.conductivity_s_per_m /
                                      (kVacuumPermittivity_f_per_m * 2.0 * kPi * *freq_hz);
                    row["valid"] = true;
                } catch (const std::invalid_argument&) {
                    row["valid"] = false;
                }
                rows.push_back(row);
            }
            if (*json) {
                std::cout << nlohmann::json{{"freq_hz", *freq_hz}, {"materials", rows}}.dump(2)
                          << "\n";
                return kExitOk;
            }
            fmt::print("ITU-R P.2040 materials at {:.4g} GHz\n", *freq_hz / 1e9);
            fmt::print("{:<20} {:>10} {:>14} {:>12}  valid range (GHz)\n", "material", "eps'",
                       "sigma (S/m)", "Im eta");
            for (const auto& row : rows) {
                std::string ranges;
                for (const auto& r : row["valid_ghz"])
                    ranges += fmt::format("{}{:g}-{:g}", ranges.empty() ? "" : ", ",
                                          r[0].get<double>(), r[1].get<double>());
                if (row["valid"].get<bool>())
                    fmt::print("{:<20} {:>10.6f} {:>14.7g} {:>12.7f}  {}\n",
                               row["name"].get<std::string>(),
                               row["relative_permittivity"].get<double>(),
                               row["conductivity_s_per_m"].get<double>(),
                               row["imag_eta"].get<double>(), ranges);
                else
                    fmt::print("{:<20} {:>10} {:>14} {:>12}  {}\n", row["name"].get<std::string>(),
                               "-", "not defined", "-", ranges);
            }
            return kExitOk;
        };
    });
}

}  // namespace rps::cli
