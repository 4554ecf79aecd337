#pragma once
// Radio materials from Mitsuba <bsdf> elements, following Sionna RT's rules (internal to the
// scene loader):
//   - <bsdf type="itu-radio-material"> with <string name="type" value="concrete"/> (or the older
//     <string name="name" value="itu_concrete"/>), optional <float name="thickness"> (0.1 m);
//   - <bsdf type="radio-material"> with relative_permittivity, conductivity, thickness and
//     optionally <boolean name="perfect_conductor" value="true"/>;
//   - any other BSDF whose id is "mat-itu_<type>" or "itu_<type>" (legacy naming): ITU <type>,
//     0.1 m thick;
//   - wrappers such as "twosided": the material of the wrapped BSDF, under the wrapper's id.
// ITU type "pec" / "perfect_conductor" gives an ideal conductor.
#include <optional>
#include <string>

#include <tinyxml2.h>

#include "core/radio/radio_material.hpp"
#include "core/scene/xml_values.hpp"

namespace rps {

// The radio material `bsdf` declares, with id `material_id`; nullopt when it declares none (a
// plain rendering BSDF). Throws InputError for malformed or unknown materials.
std::optional<RadioMaterial> parse_radio_material(const tinyxml2::XMLElement& bsdf,
                                                  const std::string& material_id,
                                                  const XmlValues& values);

}  // namespace rps
