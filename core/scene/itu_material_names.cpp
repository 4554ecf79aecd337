#include "core/scene/itu_material_names.hpp"

#include <algorithm>

namespace rps {

namespace {

constexpr std::string_view kPrefixes[] = {"mat-itu_", "itu_"};

}  // namespace

const std::vector<std::string>& itu_material_types() {
    static const std::vector<std::string> types = {
        "concrete",      "brick",           "plasterboard",      "wood",       "glass",
        "ceiling_board", "chipboard",       "plywood",           "marble",     "floorboard",
        "metal",         "very_dry_ground", "medium_dry_ground", "wet_ground", "vacuum",
        "vinyl_tile",    "carpet_tile",     "asphalt_concrete",
    };
    return types;
}

bool is_itu_material_type(std::string_view type) {
    const auto& types = itu_material_types();
    return std::find(types.begin(), types.end(), type) != types.end();
}

bool is_perfect_conductor_type(std::string_view type) {
    return type == "pec" || type == "perfect_conductor";
}

std::string strip_itu_prefix(std::string_view name) {
    for (std::string_view prefix : kPrefixes)
        if (name.size() > prefix.size() && name.substr(0, prefix.size()) == prefix)
            return std::string(name.substr(prefix.size()));
    return std::string(name);
}

std::optional<std::string> legacy_itu_type(std::string_view bsdf_id) {
    for (std::string_view prefix : kPrefixes)
        if (bsdf_id.size() > prefix.size() && bsdf_id.substr(0, prefix.size()) == prefix)
            return std::string(bsdf_id.substr(prefix.size()));
    return std::nullopt;
}

}  // namespace rps
