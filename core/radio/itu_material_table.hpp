#pragma once
// The ITU-R P.2040 material table (Table 3) as Sionna RT implements it (../shared/PHYSICS.md §1):
// eps' = a·f_GHz^b and sigma = c·f_GHz^d [S/m], each law valid on a frequency range.
#include <string>
#include <string_view>
#include <vector>

namespace rps {

// One validity range of a material and its coefficients (P.2040 eqs. 28-29 / Table 3).
struct ItuRange {
    double fmin_ghz;
    double fmax_ghz;
    double a, b, c, d;
};

struct ItuMaterialEntry {
    std::string name;             // Sionna's type name: "concrete", "ceiling_board", ...
    std::vector<ItuRange> ranges;  // tried in order; the first range that contains f wins
};

// The whole table, in Sionna's order.
const std::vector<ItuMaterialEntry>& itu_material_table();

bool is_itu_material(std::string_view name);

struct MaterialProperties {
    double relative_permittivity;  // eps' (real part)
    double conductivity_s_per_m;   // sigma
};

// eps' and sigma of ITU material `name` at freq_hz. Throws std::invalid_argument for an unknown
// name, a non-positive frequency, or a frequency outside every validity range, e.g.
// "Properties of ITU material 'floorboard' are not defined at 5.18 GHz (valid 50-100 GHz)".
MaterialProperties itu_material_properties(std::string_view name, double freq_hz);

}  // namespace rps
