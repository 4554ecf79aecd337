#include "core/scene/xml_material.hpp"

#include "core/scene/itu_material_names.hpp"

namespace rps {

namespace {

// The element of number property <float name="..."> (or <integer>, which people write for
// whole values); the BSDF itself when absent, so that errors still point somewhere useful.
const tinyxml2::XMLElement& number_element(const tinyxml2::XMLElement& bsdf,
                                           const std::string& name, const XmlValues& values) {
    const auto* element = values.property(bsdf, "float", name);
    if (!element) element = values.property(bsdf, "integer", name);
    return element ? *element : bsdf;
}

std::optional<double> number_property(const tinyxml2::XMLElement& bsdf, const std::string& name,
                                      const XmlValues& values) {
    const auto& element = number_element(bsdf, name, values);
    if (&element == &bsdf) return std::nullopt;
    return values.number(element, "value", name);
}

double thickness_property(const tinyxml2::XMLElement& bsdf, const XmlValues& values) {
    const double thickness =
        number_property(bsdf, "thickness", values).value_or(kDefaultSlabThickness_m);
    if (thickness < 0.0)
        values.fail(number_element(bsdf, "thickness", values), "thickness",
                    "a thickness cannot be negative");
    return thickness;
}

std::string known_types_list() {
    std::string list;
    for (const auto& type : itu_material_types()) list += (list.empty() ? "" : ", ") + type;
    return list + ", pec";
}

// Fills `material` for ITU type `type` (prefix already stripped); `where`/`field` locate errors.
void set_itu_type(RadioMaterial& material, const std::string& type,
                  const tinyxml2::XMLElement& where, const std::string& field,
                  const XmlValues& values) {
    if (is_perfect_conductor_type(type)) {
        material.itu_type.clear();
        material.perfect_conductor = true;
        return;
    }
    if (!is_itu_material_type(type))
        values.fail(where, field,
                    "unknown ITU material type '" + type + "' (known: " + known_types_list() + ")");
    material.itu_type = type;
}

RadioMaterial itu_radio_material(const tinyxml2::XMLElement& bsdf, const std::string& id,
                                 const XmlValues& values) {
    RadioMaterial material;
    material.id = id;
    if (const auto* type = values.property(bsdf, "string", "type")) {
        set_itu_type(material, strip_itu_prefix(values.required(*type, "value")), *type, "type",
                     values);
    } else if (const auto* name = values.property(bsdf, "string", "name")) {
        // The older form: <string name="name" value="itu_concrete"/>.
        set_itu_type(material, strip_itu_prefix(values.required(*name, "value")), *name, "name",
                     values);
    } else if (const auto legacy = legacy_itu_type(values.optional(bsdf, "id").value_or(""))) {
        set_itu_type(material, *legacy, bsdf, "id", values);
    } else {
        values.fail(bsdf, "type",
                    "missing ITU material type: itu-radio-material '" + id +
                        "' needs <string name=\"type\" value=\"...\"/>");
    }
    material.thickness_m = thickness_property(bsdf, values);
    return material;
}

RadioMaterial custom_radio_material(const tinyxml2::XMLElement& bsdf, const std::string& id,
                                    const XmlValues& values) {
    RadioMaterial material;
    material.id = id;
    material.relative_permittivity =
        number_property(bsdf, "relative_permittivity", values).value_or(1.0);
    material.conductivity_s_per_m = number_property(bsdf, "conductivity", values).value_or(0.0);
    material.thickness_m = thickness_property(bsdf, values);
    if (const auto* pec = values.property(bsdf, "boolean", "perfect_conductor"))
        material.perfect_conductor = values.boolean(*pec, "value", "perfect_conductor");
    if (material.conductivity_s_per_m < 0.0)
        values.fail(number_element(bsdf, "conductivity", values), "conductivity",
                    "a conductivity cannot be negative");
    return material;
}

}  // namespace

std::optional<RadioMaterial> parse_radio_material(const tinyxml2::XMLElement& bsdf,
                                                  const std::string& material_id,
                                                  const XmlValues& values) {
    const std::string type = values.optional(bsdf, "type").value_or("");
    if (type == "itu-radio-material") return itu_radio_material(bsdf, material_id, values);
    if (type == "radio-material") return custom_radio_material(bsdf, material_id, values);

    // Legacy naming: the id alone makes any BSDF an ITU material.
    if (const auto legacy = legacy_itu_type(values.optional(bsdf, "id").value_or(""))) {
        RadioMaterial material;
        material.id = material_id;
        set_itu_type(material, *legacy, bsdf, "id", values);
        return material;
    }
    // Wrappers (twosided, mask, blendbsdf, ...): the first wrapped BSDF that is a radio material.
    for (auto* inner = bsdf.FirstChildElement("bsdf"); inner;
         inner = inner->NextSiblingElement("bsdf")) {
        if (auto material = parse_radio_material(*inner, material_id, values)) return material;
    }
    return std::nullopt;
}

}  // namespace rps
