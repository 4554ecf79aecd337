#include "core/radio/radio_material.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/common/units.hpp"
#include "core/radio/itu_material_table.hpp"

namespace rps {

MaterialAtFrequency evaluate_material(const RadioMaterial& material, double freq_hz) {
    if (!(freq_hz > 0.0) || !std::isfinite(freq_hz))
        throw std::invalid_argument(
            fmt::format("Material '{}': invalid frequency {} Hz", material.id, freq_hz));
    if (!(material.thickness_m >= 0.0) || !std::isfinite(material.thickness_m))
        throw std::invalid_argument(fmt::format("Material '{}': invalid thickness {} m",
                                                material.id, material.thickness_m));

    MaterialAtFrequency result;
    result.thickness_m = material.thickness_m;
    if (material.perfect_conductor) {
        // eta = -j·inf for a PEC; the slab code checks the flag and never uses eta.
        result.perfect_conductor = true;
        result.eta = {1.0, -std::numeric_limits<double>::infinity()};
        return result;
    }

    double permittivity = material.relative_permittivity;
    double conductivity = material.conductivity_s_per_m;
    if (material.is_itu()) {
        try {
            const MaterialProperties props = itu_material_properties(material.itu_type, freq_hz);
            permittivity = props.relative_permittivity;
            conductivity = props.conductivity_s_per_m;
        } catch (const std::invalid_argument& error) {
            if (material.id.empty()) throw;
            throw std::invalid_argument(
                fmt::format("Material '{}': {}", material.id, error.what()));
        }
    } else if (!std::isfinite(permittivity) || !(conductivity >= 0.0) ||
               !std::isfinite(conductivity)) {
        // A negative conductivity would be an active medium: the slab formulas would amplify.
        throw std::invalid_argument(
            fmt::format("Material '{}': invalid custom parameters (permittivity {}, conductivity "
                        "{} S/m)",
                        material.id, permittivity, conductivity));
    }

    // Complex relative permittivity, P.2040 eq. 9b / Sionna's complex_relative_permittivity:
    // eta = eps' - j·sigma/(eps0·omega) (e^{+j omega t} time convention). A lossless material
    // gets Im eta = -0.0, which keeps sqrt(eta - sin^2) on the decaying branch (see slab code).
    const double omega = 2.0 * kPi * freq_hz;
    result.eta = {permittivity, -conductivity / (kVacuumPermittivity_f_per_m * omega)};
    return result;
}

}  // namespace rps
