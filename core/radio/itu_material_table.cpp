#include "core/radio/itu_material_table.hpp"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>

namespace rps {

namespace {

// Coefficients transcribed from ITU-R P.2040-3 Table 3 as Sionna RT's `ITU_MATERIALS_PROPERTIES`
// (src/sionna/rt/radio_materials/itu.py) holds them. The newest Sionna also adds vacuum,
// vinyl_tile, carpet_tile and asphalt_concrete, and sub-THz ranges (110-400 GHz) for several
// materials. The four new entries below are copied from that newest Sionna table (checked there,
// not against the Recommendation's own text). The sub-THz ranges are deliberately left out: they
// overlap (e.g. plasterboard 110-330 and 100-400 GHz, resolved in Sionna only by dict order) and
// lie far outside the Wi-Fi/cellular bands this tool targets. The second glass and ceiling_board
// ranges (220-450 GHz) are in both Sionna versions and are kept.
std::vector<ItuMaterialEntry> make_table() {
    return {
        {"vacuum", {{0.001, 100.0, 1.0, 0.0, 0.0, 0.0}}},
        {"concrete", {{1.0, 100.0, 5.24, 0.0, 0.0462, 0.7822}}},
        {"brick", {{1.0, 40.0, 3.91, 0.0, 0.0238, 0.16}}},
        {"plasterboard", {{1.0, 100.0, 2.73, 0.0, 0.0085, 0.9395}}},
        {"wood", {{0.001, 100.0, 1.99, 0.0, 0.0047, 1.0718}}},
        {"glass",
         {{0.1, 100.0, 6.31, 0.0, 0.0036, 1.3394}, {220.0, 450.0, 5.79, 0.0, 0.0004, 1.658}}},
        {"ceiling_board",
         {{1.0, 100.0, 1.48, 0.0, 0.0011, 1.0750}, {220.0, 450.0, 1.52, 0.0, 0.0029, 1.029}}},
        {"chipboard", {{1.0, 100.0, 2.58, 0.0, 0.0217, 0.7800}}},
        {"plywood", {{1.0, 40.0, 2.71, 0.0, 0.33, 0.0}}},
        {"marble", {{1.0, 60.0, 7.074, 0.0, 0.0055, 0.9262}}},
        {"floorboard", {{50.0, 100.0, 3.66, 0.0, 0.0044, 1.3515}}},
        {"vinyl_tile", {{1.0, 40.0, 3.62, 0.0, 0.0051, 0.8422}}},
        {"carpet_tile", {{1.0, 40.0, 2.08, 0.0, 0.0009, 0.8200}}},
        {"asphalt_concrete", {{1.0, 40.0, 4.83, 0.0, 0.0108, 1.3969}}},
        {"metal", {{1.0, 100.0, 1.0, 0.0, 1e7, 0.0}}},
        {"very_dry_ground", {{1.0, 10.0, 3.0, 0.0, 0.00015, 2.52}}},
        {"medium_dry_ground", {{1.0, 10.0, 15.0, -0.1, 0.035, 1.63}}},
        {"wet_ground", {{1.0, 10.0, 30.0, -0.4, 0.15, 1.30}}},
    };
}

const ItuMaterialEntry* find_entry(std::string_view name) {
    for (const ItuMaterialEntry& entry : itu_material_table())
        if (entry.name == name) return &entry;
    return nullptr;
}

std::string known_names() {
    std::string names;
    for (const ItuMaterialEntry& entry : itu_material_table()) {
        if (!names.empty()) names += ", ";
        names += entry.name;
    }
    return names;
}

std::string valid_ranges(const ItuMaterialEntry& entry) {
    std::string text;
    for (const ItuRange& range : entry.ranges) {
        if (!text.empty()) text += ", ";
        text += fmt::format("{:g}-{:g} GHz", range.fmin_ghz, range.fmax_ghz);
    }
    return text;
}

}  // namespace

const std::vector<ItuMaterialEntry>& itu_material_table() {
    static const std::vector<ItuMaterialEntry> table = make_table();
    return table;
}

bool is_itu_material(std::string_view name) { return find_entry(name) != nullptr; }

MaterialProperties itu_material_properties(std::string_view name, double freq_hz) {
    const ItuMaterialEntry* entry = find_entry(name);
    if (!entry)
        throw std::invalid_argument(
            fmt::format("Unknown ITU material '{}' (known: {})", name, known_names()));
    if (!(freq_hz > 0.0) || !std::isfinite(freq_hz))
        throw std::invalid_argument(
            fmt::format("Invalid frequency {} Hz for ITU material '{}'", freq_hz, name));
    const double f_ghz = freq_hz / 1e9;
    for (const ItuRange& range : entry->ranges) {
        // Inclusive test, as in the newest Sionna (`fmin <= f <= fmax`). Sionna RT v1.0.1 tests
        // strictly (`fmin < f < fmax`) and so rejects e.g. concrete at exactly 1 GHz; the ITU
        // ranges are closed intervals, so we accept the end points.
        if (range.fmin_ghz <= f_ghz && f_ghz <= range.fmax_ghz) {
            // P.2040 eqs. 28 and 29 (f in GHz).
            return {range.a * std::pow(f_ghz, range.b), range.c * std::pow(f_ghz, range.d)};
        }
    }
    throw std::invalid_argument(
        fmt::format("Properties of ITU material '{}' are not defined at {:g} GHz (valid {})", name,
                    f_ghz, valid_ranges(*entry)));
}

}  // namespace rps
