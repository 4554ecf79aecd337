#include "core/scene/scene_loader.hpp"

#include <tinyxml2.h>

#include <map>
#include <optional>
#include <sstream>
#include <string>

#include "core/common/error.hpp"
#include "core/scene/many_faced_shapes.hpp"
#include "core/scene/mesh_file.hpp"
#include "core/scene/obj_reader.hpp"
#include "core/scene/overlapping_faces.hpp"
#include "core/scene/ply_reader.hpp"
#include "core/scene/primitive_shapes.hpp"
#include "core/scene/triangle_mesh.hpp"
#include "core/scene/xml_material.hpp"
#include "core/scene/xml_transform.hpp"
#include "core/scene/xml_values.hpp"

namespace rps {

namespace {

using tinyxml2::XMLElement;

// Elements that only matter for rendering: a radio scene has no use for them.
bool is_rendering_only(std::string_view tag) {
    for (std::string_view skipped :
         {"sensor", "emitter", "integrator", "film", "sampler", "texture", "rfilter", "medium",
          "phase", "volume", "spectrum", "rgb"})
        if (tag == skipped) return true;
    return false;
}

std::string format_thickness(double metres) {
    std::ostringstream text;
    text << metres << " m";
    return text.str();
}

class SceneLoader {
public:
    explicit SceneLoader(const std::filesystem::path& xml_path)
        : values_(xml_path.string()), folder_(xml_path.parent_path()) {
        scene_.source_path = xml_path;
    }

    Scene load(std::string_view text) {
        tinyxml2::XMLDocument document;
        if (document.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS) {
            const char* detail = document.ErrorStr();
            throw InputError({values_.file(), document.ErrorLineNum(), ""},
                             std::string("malformed XML: ") + (detail ? detail : "parse error"));
        }
        const XMLElement* root = document.RootElement();
        if (!root) throw InputError({values_.file(), 1, ""}, "the XML file has no root element");
        if (std::string_view(root->Name()) != "scene")
            values_.fail(
                *root, "scene",
                "the root element is <" + std::string(root->Name()) + ">, expected <scene>");

        for (auto* e = root->FirstChildElement("default"); e; e = e->NextSiblingElement("default"))
            values_.add_default(*e);
        register_ids(*root);
        // Materials first, in document order, so that a shape may refer to a BSDF declared
        // after it and so that an unknown material type is reported even when unused.
        for (auto* e = root->FirstChildElement("bsdf"); e; e = e->NextSiblingElement("bsdf"))
            load_top_level_bsdf(*e);
        for (auto* e = root->FirstChildElement(); e; e = e->NextSiblingElement()) {
            const std::string_view tag = e->Name();
            if (tag == "shape") {
                load_shape(*e);
            } else if (tag == "include") {
                values_.fail(*e, "filename", "<include> is not supported: inline the file");
            } else if (tag != "default" && tag != "bsdf" && !is_rendering_only(tag)) {
                scene_.warnings.push_back(values_.file() + ":" + std::to_string(e->GetLineNum()) +
                                          ": ignored <" + std::string(tag) + "> element");
            }
        }
        const PlanarFaceGrouping grouping = group_planar_faces(scene_);
        for (std::string& warning : overlapping_face_warnings(scene_, grouping))
            scene_.warnings.push_back(std::move(warning));
        for (std::string& warning : many_faced_shape_warnings(scene_, grouping))
            scene_.warnings.push_back(std::move(warning));
        return std::move(scene_);
    }

private:
    void register_ids(const XMLElement& root) {
        for (auto* e = root.FirstChildElement(); e; e = e->NextSiblingElement()) {
            if (is_rendering_only(e->Name())) continue;
            const auto id = values_.optional(*e, "id");
            if (!id) continue;
            const auto [it, inserted] = ids_.try_emplace(*id, e);
            if (!inserted)
                values_.fail(*e, "id",
                             "duplicate id '" + *id + "' (first used on line " +
                                 std::to_string(it->second->GetLineNum()) + ")");
        }
    }

    uint32_t add_material(RadioMaterial material, const XMLElement& where) {
        if (scene_.find_material(material.id) >= 0)
            values_.fail(where, "id", "duplicate material id '" + material.id + "'");
        scene_.materials.push_back(std::move(material));
        return static_cast<uint32_t>(scene_.materials.size() - 1);
    }

    void load_top_level_bsdf(const XMLElement& bsdf) {
        const auto id = values_.optional(bsdf, "id");
        if (!id) return;  // nothing can refer to it
        if (auto material = parse_radio_material(bsdf, *id, values_))
            material_by_bsdf_id_[*id] = add_material(std::move(*material), bsdf);
    }

    uint32_t material_from_ref(const XMLElement& ref, const std::string& shape_id) {
        const std::string id = values_.required(ref, "id");
        if (const auto found = material_by_bsdf_id_.find(id); found != material_by_bsdf_id_.end())
            return found->second;
        const auto element = ids_.find(id);
        if (element == ids_.end())
            values_.fail(ref, "id", "shape '" + shape_id + "': unknown material id '" + id + "'");
        if (std::string_view(element->second->Name()) == "bsdf")
            values_.fail(ref, "id",
                         "shape '" + shape_id + "': BSDF '" + id + "' (line " +
                             std::to_string(element->second->GetLineNum()) +
                             ") is not a radio material: use type \"itu-radio-material\" or "
                             "\"radio-material\", or name it mat-itu_<type>");
        values_.fail(ref, "id",
                     "shape '" + shape_id + "': id '" + id + "' refers to a <" +
                         element->second->Name() + ">, not to a BSDF");
    }

    uint32_t material_from_nested(const XMLElement& bsdf, const std::string& shape_id) {
        const std::string id = values_.optional(bsdf, "id").value_or(shape_id + ".bsdf");
        auto material = parse_radio_material(bsdf, id, values_);
        if (!material)
            values_.fail(bsdf, "bsdf",
                         "shape '" + shape_id +
                             "': its BSDF is not a radio material: use type "
                             "\"itu-radio-material\" or \"radio-material\", or an id "
                             "mat-itu_<type>");
        return add_material(std::move(*material), bsdf);
    }

    uint32_t shape_material(const XMLElement& shape, const std::string& shape_id) {
        std::optional<uint32_t> material;
        const XMLElement* first = nullptr;
        for (auto* child = shape.FirstChildElement(); child; child = child->NextSiblingElement()) {
            const std::string_view tag = child->Name();
            std::optional<uint32_t> found;
            if (tag == "bsdf") {
                found = material_from_nested(*child, shape_id);
            } else if (tag == "ref") {
                // Named refs other than "bsdf" (interior/exterior media, ...) are not materials.
                const auto name = values_.optional(*child, "name");
                if (name && *name != "bsdf") continue;
                found = material_from_ref(*child, shape_id);
            }
            if (!found) continue;
            if (material)
                values_.fail(*child, "bsdf",
                             "shape '" + shape_id + "' has more than one BSDF (the first on line " +
                                 std::to_string(first->GetLineNum()) + ")");
            material = found;
            first = child;
        }
        if (!material)
            values_.fail(shape, "bsdf",
                         "shape '" + shape_id +
                             "' has no material: add <ref id=\"...\"/> or a "
                             "nested <bsdf>");
        return *material;
    }

    TriangleMesh read_mesh(const XMLElement& shape, const std::string& type,
                           const std::string& shape_id, std::string& mesh_file) {
        const auto* filename = values_.property(shape, "string", "filename");
        if (!filename)
            values_.fail(shape, "filename",
                         "shape '" + shape_id + "' of type " + type +
                             " needs <string name=\"filename\" value=\"...\"/>");
        const std::filesystem::path relative = values_.required(*filename, "value");
        const std::filesystem::path path = relative.is_absolute() ? relative : folder_ / relative;
        mesh_file = path.string();
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec))
            values_.fail(*filename, "filename",
                         "shape '" + shape_id + "': mesh file '" + mesh_file + "' not found");
        try {
            return type == "ply" ? read_ply(path) : read_obj(path);
        } catch (const InputError& error) {
            // Keep the mesh file's own location, and say which shape of which scene wanted it.
            throw InputError(error.where(), error.message() + " (mesh of shape '" + shape_id +
                                                "', " + values_.file() + ":" +
                                                std::to_string(shape.GetLineNum()) + ")");
        }
    }

    void load_shape(const XMLElement& shape) {
        const std::string type = values_.required(shape, "type");
        const std::string id = values_.optional(shape, "id")
                                   .value_or(type + "#" + std::to_string(scene_.shapes.size()));

        SceneShape info;
        info.id = id;
        info.type = type;
        info.source_file = values_.file();
        info.source_line = shape.GetLineNum();

        TriangleMesh mesh;
        if (type == "rectangle") {
            mesh = make_rectangle();
        } else if (type == "cube") {
            mesh = make_cube();
        } else if (type == "disk") {
            mesh = make_disk();
        } else if (type == "ply" || type == "obj") {
            mesh = read_mesh(shape, type, id, info.mesh_file);
        } else {
            values_.fail(shape, "type",
                         "shape '" + id + "': unsupported shape type '" + type +
                             "' (supported: rectangle, cube, disk, ply, obj)");
        }
        info.material_index = shape_material(shape, id);

        Eigen::Matrix4d to_world = Eigen::Matrix4d::Identity();
        for (auto* t = shape.FirstChildElement("transform"); t;
             t = t->NextSiblingElement("transform")) {
            const auto name = values_.optional(*t, "name");
            if (!name || *name == "to_world") to_world = parse_transform(*t, values_);
        }
        info.closed = is_closed_mesh(mesh.vertices, mesh.triangles);
        mesh.transform(to_world);
        for (const Vec3& v : mesh.vertices)
            if (!v.allFinite())
                values_.fail(shape, "to_world",
                             "shape '" + id + "': the transform gives non-finite coordinates");

        if (mesh.triangles.empty())
            scene_.warnings.push_back("shape '" + id + "' (" + values_.file() + ":" +
                                      std::to_string(info.source_line) + ") has no triangles");
        // A solid thinner than the planar grouping's 1e-4 m is a sheet (a cube scaled flat):
        // its sides merge into one face and a path crosses one slab.
        if (info.closed && mean_thickness_m(mesh.vertices, mesh.triangles) > 1e-4) {
            const RadioMaterial& material = scene_.materials[info.material_index];
            scene_.warnings.push_back(
                "shape '" + id +
                "' is a closed solid: a path through it crosses two faces, so "
                "transmission counts two slabs of '" +
                material.id + "' (" + format_thickness(material.thickness_m) +
                " each); model a thin wall as a single face");
        }
        scene_.add_shape(std::move(info), mesh.vertices, mesh.triangles);
    }

    XmlValues values_;
    std::filesystem::path folder_;
    std::map<std::string, const XMLElement*> ids_;
    std::map<std::string, uint32_t> material_by_bsdf_id_;
    Scene scene_;
};

}  // namespace

Scene parse_scene_xml(std::string_view xml_text, const std::filesystem::path& xml_path) {
    return SceneLoader(xml_path).load(xml_text);
}

Scene load_scene(const std::filesystem::path& xml_path) {
    const std::string text = read_file_bytes(xml_path);
    return parse_scene_xml(text, xml_path);
}

}  // namespace rps
