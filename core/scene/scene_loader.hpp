#pragma once
// Loads a Mitsuba 2/3 scene XML as Sionna RT writes it into an rps::Scene.
//
// Geometry: shapes `rectangle`, `cube`, `disk` (Mitsuba's object-space definitions, see
// primitive_shapes.hpp), `ply` and `obj` meshes (filename relative to the XML file's folder),
// each placed by its <transform name="to_world"> (children applied in document order).
// Materials: Sionna's radio materials and naming rules (see xml_material.hpp). Parameters:
// <default name="x" value="..."/> and "$x" in any attribute. Rendering-only elements (sensor,
// emitter, integrator, film, sampler, texture, ...) are skipped.
//
// Shapes without an id are named "<type>#<n>", n being the shape's index in the scene. Every
// closed shape (a solid such as a cube) gets a warning: a ray through it crosses two faces, so
// transmission counts two slabs.
//
// Errors are rps::InputError naming the XML file, the line of the offending element and the
// attribute or property at fault (for mesh files: the mesh file, its line or header line, and
// the property), e.g. "scene.xml:12: field 'thickness': malformed number '1.0x' in <float>".
#include <filesystem>
#include <string_view>

#include "core/scene/scene.hpp"

namespace rps {

Scene load_scene(const std::filesystem::path& xml_path);

// As load_scene, for XML text already in memory: `xml_path` names it in errors and is the base
// for relative mesh file names.
Scene parse_scene_xml(std::string_view xml_text, const std::filesystem::path& xml_path);

}  // namespace rps
