#pragma once
// The ITU-R P.2040 material type names a scene may use (Sionna RT's table, PHYSICS.md §1, with
// the entries newer Sionna versions add), and Sionna's naming rules for them in XML.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rps {

const std::vector<std::string>& itu_material_types();
bool is_itu_material_type(std::string_view type);

// "pec" and "perfect_conductor" name an ideal conductor rather than a table entry.
bool is_perfect_conductor_type(std::string_view type);

// "itu_concrete" and "mat-itu_concrete" -> "concrete"; other names are returned unchanged.
std::string strip_itu_prefix(std::string_view name);

// The ITU type a legacy BSDF id names ("mat-itu_<type>" or "itu_<type>"), or nullopt.
std::optional<std::string> legacy_itu_type(std::string_view bsdf_id);

}  // namespace rps
