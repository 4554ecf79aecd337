#pragma once
// A radio material as a scene declares it (Sionna RT conventions, see ../shared/PHYSICS.md §1):
// either an ITU-R P.2040 material by type name, whose permittivity and conductivity depend on the
// frequency, or a custom material with explicit parameters. Every material is a slab of
// `thickness_m` (walls are thin faces that carry a thickness).
#include <complex>
#include <string>

namespace rps {

inline constexpr double kDefaultSlabThickness_m = 0.1;  // Sionna's DEFAULT_THICKNESS

struct RadioMaterial {
    std::string id;        // the BSDF id in the scene file (unique within a scene)
    std::string itu_type;  // "concrete", "plasterboard", ...; empty for a custom material
    double relative_permittivity = 1.0;  // custom materials only
    double conductivity_s_per_m = 0.0;   // custom materials only
    double thickness_m = kDefaultSlabThickness_m;
    bool perfect_conductor = false;      // PEC: R_TE = -1, R_TM = +1, no transmission

    bool is_itu() const { return !itu_type.empty(); }
};

// A material evaluated at one frequency: what the slab formulas need.
struct MaterialAtFrequency {
    std::complex<double> eta;  // complex relative permittivity  eps' - j·sigma/(eps0·omega)
    double thickness_m = kDefaultSlabThickness_m;
    bool perfect_conductor = false;
};

// Evaluates the material at freq_hz. Throws std::invalid_argument (naming the material and the
// frequency) when an ITU material is not defined there.
MaterialAtFrequency evaluate_material(const RadioMaterial& material, double freq_hz);

}  // namespace rps
