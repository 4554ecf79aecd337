// best_layout.json and best_scene.xml (+ meshes, plate PLY) of a study's best configuration
// (best_config_export.hpp).
#include "core/study/best_config_export.hpp"

#include <fmt/core.h>
#include <tinyxml2.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "core/common/atomic_file.hpp"
#include "core/common/error.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/scene/xml_values.hpp"

namespace rps {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;
using Parameters = std::vector<std::pair<std::string, std::string>>;

// What the scene copy is made of.
struct SceneExport {
    const BestConfigInput& input;
    const fs::path& out_dir;
    std::string objective;  // "p5 = -82.580 dBm", for the comment
};

json vec3_json(const Vec3& v) { return json::array({v.x(), v.y(), v.z()}); }
std::string xyz(const Vec3& v) { return fmt::format("{},{},{}", v.x(), v.y(), v.z()); }

// ------------------------------------------------------------------------------ the plate mesh

template <typename T>
void put_le(std::ostream& out, T value) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    if constexpr (std::endian::native == std::endian::big) std::reverse(bytes, bytes + sizeof(T));
    out.write(reinterpret_cast<const char*>(bytes), sizeof(T));
}

// Corners in order (-w,-h), (+w,-h), (+w,+h), (-w,+h): triangles (0,1,2), (0,2,3) face +normal.
std::array<Vec3, 4> plate_corners(const PlateGeometry& p) {
    const Vec3 w = 0.5 * p.width_m * p.width_axis, h = 0.5 * p.height_m * p.height_axis();
    return {p.center - w - h, p.center + w - h, p.center + w + h, p.center - w + h};
}

// Binary little-endian PLY: 4 vertices (float x, y, z), 2 triangles.
void write_plate_ply(const fs::path& path, const PlateGeometry& plate) {
    std::ostringstream out(std::ios::binary);
    out << "ply\nformat binary_little_endian 1.0\n"
        << "comment Reflector Placement Studio: reflector plate " << plate.width_m << " m x "
        << plate.height_m << " m\n"
        << "element vertex 4\nproperty float x\nproperty float y\nproperty float z\n"
        << "element face 2\nproperty list uchar int vertex_indices\nend_header\n";
    for (const Vec3& c : plate_corners(plate))
        for (int k = 0; k < 3; ++k) put_le(out, static_cast<float>(c[k]));
    static constexpr int32_t kFaces[2][3] = {{0, 1, 2}, {0, 2, 3}};
    for (const auto& face : kFaces) {
        put_le(out, static_cast<uint8_t>(3));
        for (const int32_t index : face) put_le(out, index);
    }
    write_file_atomically(path, out.str());
}

// ------------------------------------------------------------------------------ the scene XML

XMLElement* load_scene_root(XMLDocument& doc, const fs::path& file) {
    if (doc.LoadFile(file.c_str()) != tinyxml2::XML_SUCCESS)
        throw InputError({file.string(), doc.ErrorLineNum(), ""},
                         std::string("cannot read the scene XML: ") +
                             (doc.ErrorStr() ? doc.ErrorStr() : "error"));
    XMLElement* root = doc.RootElement();
    if (!root || std::string_view(root->Name()) != "scene")
        throw InputError({file.string(), 1, ""}, "the root element is not <scene>");
    return root;
}

// ------------------------------------------------------------------------------ meshes

// Top-level <default> parameters, for "$name" in mesh file names.
std::map<std::string, std::string> scene_defaults(const XMLElement* root) {
    std::map<std::string, std::string> defaults;
    for (auto* d = root->FirstChildElement("default"); d; d = d->NextSiblingElement("default"))
        if (d->Attribute("name") && d->Attribute("value"))
            defaults[d->Attribute("name")] = d->Attribute("value");
    return defaults;
}

// "$name" -> the default's value; an unknown name stays as it is.
std::string substitute(const std::string& text,
                       const std::map<std::string, std::string>& defaults) {
    return substitute_references(text, [&](const std::string& name) {
        const auto found = defaults.find(name);
        return found != defaults.end() ? found->second : "$" + name;
    });
}

bool is_filename(const XMLElement* s) {
    return s->Attribute("name") && std::string_view(s->Attribute("name")) == "filename" &&
           s->Attribute("value");
}

// The copy is written whole or not at all, as every exported file.
void copy_mesh(const fs::path& source, const fs::path& target) {
    std::ifstream in(source, std::ios::binary);
    if (!in) throw InputError({source.string(), 0, ""}, "cannot read the mesh file");
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw InputError({source.string(), 0, ""}, "cannot read the mesh file");
    write_file_atomically(target, bytes);
}

// Copies every mesh a shape names into DIR/meshes (unique names) and points the shape at it.
// Returns [{from, to}], one per mesh copied.
json copy_meshes(XMLElement* root, const SceneExport& e) {
    const std::map<std::string, std::string> defaults = scene_defaults(root);
    const fs::path scene_dir = fs::path(e.input.spec.scene_path).parent_path();
    const fs::path mesh_dir = e.out_dir / "meshes";
    std::set<std::string> used_names{fs::path(kPlateMeshFile).filename().string()};
    std::map<fs::path, std::string> copied;
    json meshes = json::array();
    for (auto* shape = root->FirstChildElement("shape"); shape;
         shape = shape->NextSiblingElement("shape"))
        for (auto* s = shape->FirstChildElement("string"); s; s = s->NextSiblingElement("string")) {
            if (!is_filename(s)) continue;
            const fs::path relative = substitute(s->Attribute("value"), defaults);
            const fs::path source = fs::weakly_canonical(
                relative.is_absolute() ? relative : scene_dir / relative);
            auto [it, fresh] = copied.try_emplace(source, "");
            if (fresh) {
                const std::string stem = source.stem().string(), ext = source.extension().string();
                std::string name = stem + ext;
                for (int k = 2; used_names.count(name); ++k)
                    name = fmt::format("{}_{}{}", stem, k, ext);
                used_names.insert(name);
                it->second = "meshes/" + name;
                const fs::path target = mesh_dir / name;
                fs::create_directories(mesh_dir);
                std::error_code ec;
                if (!(fs::exists(target) && fs::equivalent(source, target, ec)))
                    copy_mesh(source, target);
                meshes.push_back({{"from", source.string()}, {"to", it->second}});
            }
            s->SetAttribute("value", it->second.c_str());
        }
    return meshes;
}

// ------------------------------------------------------------------------------ the layout

// The APs (and the plate's parameters) as <default> parameters: the geometry never refers to
// them, so Mitsuba, Sionna and our loader accept and ignore them.
Parameters layout_parameters(const SceneExport& e) {
    Parameters params;
    for (size_t i = 0; i < e.input.layout.aps.size(); ++i) {
        const ApPlacement& ap = e.input.layout.aps[i];
        params.emplace_back(fmt::format("ap{}_position", i), xyz(Vec3(ap.x_m, ap.y_m, ap.z_m)));
        params.emplace_back(fmt::format("ap{}_yaw_deg", i), fmt::format("{}", ap.yaw_deg));
        params.emplace_back(fmt::format("ap{}_downtilt_deg", i),
                            fmt::format("{}", ap.downtilt_deg));
    }
    if (e.input.layout.reflector) {
        params.emplace_back("reflector_u", fmt::format("{}", e.input.layout.reflector->u));
        params.emplace_back("reflector_v", fmt::format("{}", e.input.layout.reflector->v));
        params.emplace_back("reflector_focal", xyz(e.input.layout.reflector->focal));
    }
    if (e.input.plate) {
        params.emplace_back("reflector_center", xyz(e.input.plate->center));
        params.emplace_back("reflector_normal", xyz(e.input.plate->normal));
    }
    return params;
}

std::string parameters_comment(const SceneExport& e) {
    std::string comment = fmt::format(
        "\n    Reflector Placement Studio export of study '{}': its best layout ({}).\n"
        "    The layout is recorded as <default> parameters that no shape uses, so Mitsuba,\n"
        "    Sionna and rps load this file as it is (docs/study_format.md, \"Export\"):\n"
        "      apN_position      AP N's antenna position x,y,z in metres\n"
        "      apN_yaw_deg       boresight azimuth in degrees, counter-clockwise from +x\n"
        "      apN_downtilt_deg  boresight tilt below the horizon in degrees\n",
        e.input.spec.name, e.objective);
    if (e.input.layout.reflector)
        comment +=
            "      reflector_u, reflector_v, reflector_focal  the plate's place on its mount and\n"
            "                        the point its normal aims at (x,y,z in metres)\n"
            "      reflector_center, reflector_normal  the plate's pose; the plate itself is the\n"
            "                        shape at the end of this file\n";
    return comment;
}

// Puts the comment and the parameters right after the scene's own <default>s; an earlier
// export's values of the same parameters are removed first.
void insert_parameters(XMLDocument& doc, XMLElement* root, const Parameters& params,
                       const std::string& comment) {
    std::set<std::string> param_names;
    for (const auto& p : params) param_names.insert(p.first);
    tinyxml2::XMLNode* anchor = nullptr;
    for (auto* d = root->FirstChildElement("default"); d;) {
        auto* next = d->NextSiblingElement("default");
        if (d->Attribute("name") && param_names.count(d->Attribute("name")))
            root->DeleteChild(d);
        else
            anchor = d;
        d = next;
    }
    const auto insert = [&](tinyxml2::XMLNode* node) {
        anchor = anchor ? root->InsertAfterChild(anchor, node) : root->InsertFirstChild(node);
    };
    insert(doc.NewComment(comment.c_str()));
    for (const auto& [name, value] : params) {
        XMLElement* d = doc.NewElement("default");
        d->SetAttribute("name", name.c_str());
        d->SetAttribute("value", value.c_str());
        insert(d);
    }
}

// ------------------------------------------------------------------------------ the plate

void collect_ids(const XMLElement* element, std::set<std::string>& ids) {
    if (element->Attribute("id")) ids.insert(element->Attribute("id"));
    for (auto* c = element->FirstChildElement(); c; c = c->NextSiblingElement())
        collect_ids(c, ids);
}

// `base`, or `base-2`, `base-3`, ... when the scene already has it.
std::string unique_id(std::set<std::string>& ids, const std::string& base) {
    std::string id = base;
    for (int k = 2; ids.count(id); ++k) id = fmt::format("{}-{}", base, k);
    ids.insert(id);
    return id;
}

XMLElement* named_value(XMLDocument& doc, const char* type, const char* name, const char* value) {
    XMLElement* element = doc.NewElement(type);
    element->SetAttribute("name", name);
    element->SetAttribute("value", value);
    return element;
}

XMLElement* metal_bsdf(XMLDocument& doc, const std::string& id, double thickness_m) {
    XMLElement* bsdf = doc.NewElement("bsdf");
    bsdf->SetAttribute("type", "itu-radio-material");
    bsdf->SetAttribute("id", id.c_str());
    bsdf->InsertEndChild(named_value(doc, "string", "type", "metal"));
    bsdf->InsertEndChild(
        named_value(doc, "float", "thickness", fmt::format("{}", thickness_m).c_str()));
    return bsdf;
}

XMLElement* plate_shape(XMLDocument& doc, const std::string& id, const std::string& material_id) {
    XMLElement* shape = doc.NewElement("shape");
    shape->SetAttribute("type", "ply");
    shape->SetAttribute("id", id.c_str());
    shape->InsertEndChild(named_value(doc, "string", "filename", kPlateMeshFile));
    XMLElement* ref = doc.NewElement("ref");
    ref->SetAttribute("id", material_id.c_str());
    ref->SetAttribute("name", "bsdf");
    shape->InsertEndChild(ref);
    return shape;
}

std::string plate_comment(const PlateGeometry& p) {
    return fmt::format(" The reflector plate: {} m x {} m of ITU metal, {} m thick, centre "
                       "({:.4f}, {:.4f}, {:.4f}) m, normal ({:.4f}, {:.4f}, {:.4f}). ",
                       p.width_m, p.height_m, p.thickness_m, p.center.x(), p.center.y(),
                       p.center.z(), p.normal.x(), p.normal.y(), p.normal.z());
}

// Writes the plate's PLY and appends its material and shape (ids the scene does not use yet).
json add_plate(XMLDocument& doc, XMLElement* root, const PlateGeometry& plate,
               const fs::path& out_dir) {
    std::set<std::string> ids;
    collect_ids(root, ids);
    const std::string material_id = unique_id(ids, "mat-rps-reflector-metal");
    const std::string shape_id = unique_id(ids, "rps-reflector-plate");
    const fs::path mesh = out_dir / kPlateMeshFile;
    fs::create_directories(mesh.parent_path());
    write_plate_ply(mesh, plate);
    root->InsertEndChild(doc.NewComment(plate_comment(plate).c_str()));
    root->InsertEndChild(metal_bsdf(doc, material_id, plate.thickness_m));
    root->InsertEndChild(plate_shape(doc, shape_id, material_id));
    return {{"shape_id", shape_id}, {"material_id", material_id}, {"mesh", kPlateMeshFile}};
}

// Writes best_scene.xml (and meshes/...). Returns what it wrote (BestConfigExport::scene).
json write_best_scene_xml(const SceneExport& e) {
    XMLDocument doc;
    XMLElement* root = load_scene_root(doc, e.input.spec.scene_path);
    const json meshes = copy_meshes(root, e);
    const Parameters params = layout_parameters(e);
    insert_parameters(doc, root, params, parameters_comment(e));
    const json plate = e.input.plate ? add_plate(doc, root, *e.input.plate, e.out_dir) : json();
    const fs::path xml = e.out_dir / kBestSceneFile;
    tinyxml2::XMLPrinter printer;  // in memory: tinyxml2's SaveFile does not check fclose
    doc.Print(&printer);
    write_file_atomically(xml, std::string_view(printer.CStr(), printer.CStrSize() - 1));
    return {{"xml", xml.string()}, {"meshes", meshes}, {"plate", plate}, {"parameters", params}};
}

// ------------------------------------------------------------------------------ the JSON

json aps_json(const Layout& layout) {
    json aps = json::array();
    for (size_t i = 0; i < layout.aps.size(); ++i) {
        const ApPlacement& ap = layout.aps[i];
        aps.push_back({{"index", i},
                       {"position_m", vec3_json(Vec3(ap.x_m, ap.y_m, ap.z_m))},
                       {"yaw_deg", ap.yaw_deg},
                       {"downtilt_deg", ap.downtilt_deg},
                       {"xml_defaults",
                        {fmt::format("ap{}_position", i), fmt::format("ap{}_yaw_deg", i),
                         fmt::format("ap{}_downtilt_deg", i)}}});
    }
    return aps;
}

json plate_json(const PlateGeometry& plate, const json& shape_id) {
    json corners = json::array();
    for (const Vec3& c : plate_corners(plate)) corners.push_back(vec3_json(c));
    return {{"center_m", vec3_json(plate.center)},
            {"normal", vec3_json(plate.normal)},
            {"width_axis", vec3_json(plate.width_axis)},
            {"height_axis", vec3_json(plate.height_axis())},
            {"width_m", plate.width_m},
            {"height_m", plate.height_m},
            {"thickness_m", plate.thickness_m},
            {"corners_m", corners},
            {"mesh", kPlateMeshFile},
            {"material", {{"type", "itu-radio-material"},
                          {"itu_type", "metal"},
                          {"thickness_m", plate.thickness_m}}},
            {"shape_id", shape_id}};
}

std::string absolute_path(const fs::path& path) {
    return fs::absolute(path).lexically_normal().string();
}

// best_layout.json; `scene`: what write_best_scene_xml wrote.
json best_layout_json(const BestConfigInput& in, const json& scene) {
    const StudySpec& spec = in.spec;
    const std::string metric(to_string(spec.objective.metric));
    json out;
    out["format"] = "rps-best-layout";
    out["version"] = 1;
    out["study"] = spec.name;
    out["study_file"] = in.study_file.empty() ? json() : json(absolute_path(in.study_file));
    out["finished"] = in.finished;
    out["scene"] = absolute_path(spec.scene_path);
    out["exported_scene"] = kBestSceneFile;
    out["mode"] = to_string(spec.mode, spec.ap_count);
    out["objective"] = {{"metric", metric},
                        {"combine", to_string(spec.objective.combine)},
                        {"unit", objective_unit(metric, to_string(spec.objective.combine))},
                        {"value", in.objective}};
    out["metrics"] = in.metrics;
    out["x"] = in.x;
    try {
        out["parameter_names"] = LayoutSpace(spec).names();
    } catch (const std::exception&) {
    }
    out["layout"] = layout_to_json(in.layout);
    out["aps"] = aps_json(in.layout);
    if (in.plate) out["plate"] = plate_json(*in.plate, scene["plate"]["shape_id"]);
    if (!in.maps.is_null()) out["maps"] = in.maps;
    return out;
}

void write_json_file(const fs::path& file, const json& value) {
    write_file_atomically(file, value.dump(2) + "\n");
}

}  // namespace

std::string objective_text(const StudySpec& spec, const json& objective) {
    const std::string_view metric = to_string(spec.objective.metric);
    return objective.is_number()
               ? fmt::format("{} = {:.3f} {}", metric, objective.get<double>(),
                             objective_unit(metric, to_string(spec.objective.combine)))
               : std::string(metric) + " unknown";
}

// Writes the scene and reads it back (what we write must load), then the JSON.
BestConfigExport export_best_configuration(const BestConfigInput& input,
                                           const fs::path& out_dir) {
    fs::create_directories(out_dir);
    BestConfigExport out;
    out.scene = write_best_scene_xml({input, out_dir, objective_text(input.spec, input.objective)});
    const Scene reread = load_scene(out_dir / kBestSceneFile);
    out.scene_shapes = reread.shapes.size();
    if (input.plate) {
        const size_t shapes = input.scene ? input.scene->shapes.size()
                                          : load_scene(input.spec.scene_path).shapes.size();
        if (out.scene_shapes != shapes + 1)
            throw std::runtime_error("the exported scene does not read back with its plate");
    }
    out.layout = best_layout_json(input, out.scene);
    write_json_file(out_dir / kBestLayoutFile, out.layout);
    return out;
}

}  // namespace rps
