#include "core/scene/obj_reader.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "core/common/error.hpp"
#include "core/scene/mesh_file.hpp"
#include "core/scene/text_numbers.hpp"

namespace rps {

namespace {

std::vector<std::string_view> split_words(std::string_view line) {
    std::vector<std::string_view> words;
    size_t i = 0;
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; };
    while (i < line.size()) {
        while (i < line.size() && space(line[i])) ++i;
        const size_t start = i;
        while (i < line.size() && !space(line[i])) ++i;
        if (i > start) words.push_back(line.substr(start, i - start));
    }
    return words;
}

std::string quoted(std::string_view token) {
    std::string text(token.substr(0, 40));
    if (token.size() > 40) text += "...";
    return "'" + text + "'";
}

}  // namespace

TriangleMesh parse_obj(std::string_view text, const std::string& file_label) {
    TriangleMesh mesh;
    std::vector<uint32_t> polygon;
    size_t pos = 0;
    int line_number = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        if (const size_t hash = line.find('#'); hash != std::string_view::npos)
            line = line.substr(0, hash);
        const auto words = split_words(line);
        if (words.empty()) continue;

        if (words[0] == "v") {
            // "v x y z [w]": w (rational curves) does not apply to polygon meshes.
            if (words.size() < 4)
                throw InputError({file_label, line_number, "v"},
                                 "a vertex needs three coordinates");
            Vec3 p;
            for (int a = 0; a < 3; ++a) {
                const auto value = parse_double(words[1 + a]);
                if (!value || !std::isfinite(*value))
                    throw InputError({file_label, line_number, "v"},
                                     "malformed vertex coordinate " + quoted(words[1 + a]));
                p[a] = *value;
            }
            if (mesh.vertices.size() >= std::numeric_limits<uint32_t>::max())
                throw InputError({file_label, line_number, "v"}, "too many vertices");
            mesh.vertices.push_back(p);
        } else if (words[0] == "f") {
            if (words.size() < 4)
                throw InputError({file_label, line_number, "f"},
                                 "a face needs at least three vertices");
            polygon.clear();
            const auto count = static_cast<int64_t>(mesh.vertices.size());
            for (size_t k = 1; k < words.size(); ++k) {
                // Only the position index matters: "7", "7/2", "7//3", "7/2/3".
                const std::string_view corner = words[k];
                const auto index = parse_int(corner.substr(0, corner.find('/')));
                if (!index || *index == 0)
                    throw InputError({file_label, line_number, "f"},
                                     "malformed face vertex " + quoted(corner));
                // Negative indices count back from the most recent vertex (-1 = last).
                const int64_t resolved = *index > 0 ? *index - 1 : count + *index;
                if (resolved < 0 || resolved >= count)
                    throw InputError({file_label, line_number, "f"},
                                     "face vertex index " + std::to_string(*index) +
                                         " out of range (" + std::to_string(count) +
                                         " vertices defined so far)");
                polygon.push_back(static_cast<uint32_t>(resolved));
            }
            for (size_t j = 1; j + 1 < polygon.size(); ++j) {
                const std::array<uint32_t, 3> t = {polygon[0], polygon[j], polygon[j + 1]};
                if (t[0] != t[1] && t[1] != t[2] && t[0] != t[2]) mesh.triangles.push_back(t);
            }
        }
        // vt, vn, o, g, s, usemtl, mtllib, l, p, ...: nothing the radio scene needs.
    }
    return mesh;
}

TriangleMesh read_obj(const std::filesystem::path& path) {
    const std::string text = read_file_bytes(path);
    return parse_obj(text, path.string());
}

}  // namespace rps
