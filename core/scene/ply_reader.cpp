#include "core/scene/ply_reader.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/common/error.hpp"
#include "core/scene/mesh_file.hpp"
#include "core/scene/text_numbers.hpp"

namespace rps {

namespace {

enum class Format { Ascii, BinaryLittleEndian, BinaryBigEndian };

enum class ScalarType { Int8, UInt8, Int16, UInt16, Int32, UInt32, Float32, Float64 };

struct ScalarTypeName {
    std::string_view name;
    ScalarType type;
};

// Both the classic names and the sized aliases that newer exporters write.
constexpr ScalarTypeName kScalarTypeNames[] = {
    {"char", ScalarType::Int8},      {"int8", ScalarType::Int8},
    {"uchar", ScalarType::UInt8},    {"uint8", ScalarType::UInt8},
    {"short", ScalarType::Int16},    {"int16", ScalarType::Int16},
    {"ushort", ScalarType::UInt16},  {"uint16", ScalarType::UInt16},
    {"int", ScalarType::Int32},      {"int32", ScalarType::Int32},
    {"uint", ScalarType::UInt32},    {"uint32", ScalarType::UInt32},
    {"float", ScalarType::Float32},  {"float32", ScalarType::Float32},
    {"double", ScalarType::Float64}, {"float64", ScalarType::Float64},
};

std::optional<ScalarType> scalar_type_named(std::string_view name) {
    for (const auto& entry : kScalarTypeNames)
        if (entry.name == name) return entry.type;
    return std::nullopt;
}

size_t size_of(ScalarType type) {
    switch (type) {
        case ScalarType::Int8:
        case ScalarType::UInt8: return 1;
        case ScalarType::Int16:
        case ScalarType::UInt16: return 2;
        case ScalarType::Int32:
        case ScalarType::UInt32:
        case ScalarType::Float32: return 4;
        case ScalarType::Float64: return 8;
    }
    return 1;
}

bool is_integer(ScalarType type) {
    return type != ScalarType::Float32 && type != ScalarType::Float64;
}

struct Property {
    std::string name;
    bool is_list = false;
    ScalarType count_type = ScalarType::UInt8;  // lists only
    ScalarType type = ScalarType::Float32;      // the value type (list items for lists)
    int header_line = 0;
};

struct Element {
    std::string name;
    uint64_t count = 0;
    std::vector<Property> properties;
    int header_line = 0;

    // Bytes one item takes at least in binary: lists count as their length prefix only.
    uint64_t min_binary_size() const {
        uint64_t size = 0;
        for (const auto& p : properties) size += size_of(p.is_list ? p.count_type : p.type);
        return size;
    }
    bool has_lists() const {
        for (const auto& p : properties)
            if (p.is_list) return true;
        return false;
    }
    int find(std::string_view property_name) const {
        for (size_t i = 0; i < properties.size(); ++i)
            if (properties[i].name == property_name) return static_cast<int>(i);
        return -1;
    }
};

struct Header {
    Format format = Format::Ascii;
    std::vector<Element> elements;
    size_t data_offset = 0;  // first byte after "end_header\n"
    int data_line = 0;       // line number of the first data line (ASCII)
};

// Which value is being read, spelled out only when an error needs it (no per-value strings).
struct ReadContext {
    const Element& element;
    uint64_t item;
    const Property& property;

    const std::string& field() const { return property.name; }
    std::string describe() const {
        return element.name + " " + std::to_string(item) + " property '" + property.name + "'";
    }
};

std::string plural(const Element& element) {
    if (element.name == "vertex") return "vertices";
    if (element.name == "face") return "faces";
    return "'" + element.name + "' elements";
}

class HeaderParser {
public:
    HeaderParser(std::string_view bytes, const std::string& file) : bytes_(bytes), file_(file) {}

    Header parse() {
        std::string_view first;
        if (!next_line(first) || first != "ply")
            throw InputError({file_, 1, ""},
                             "bad magic: not a PLY file (the first line must "
                             "be 'ply')");
        Header header;
        bool have_format = false;
        std::string_view line;
        while (next_line(line)) {
            const auto tokens = split_words(line);
            if (tokens.empty()) continue;
            const std::string_view keyword = tokens[0];
            if (keyword == "end_header") {
                if (!have_format) fail("format", "the header has no 'format' line");
                header.data_offset = pos_;
                header.data_line = line_ + 1;
                return header;
            }
            if (keyword == "comment" || keyword == "obj_info") continue;
            if (keyword == "format") {
                if (tokens.size() != 3) bad_line(line, "expected 'format <type> <version>'");
                if (tokens[1] == "ascii")
                    header.format = Format::Ascii;
                else if (tokens[1] == "binary_little_endian")
                    header.format = Format::BinaryLittleEndian;
                else if (tokens[1] == "binary_big_endian")
                    header.format = Format::BinaryBigEndian;
                else
                    fail("format", "unsupported format '" + std::string(tokens[1]) +
                                       "' (expected ascii, binary_little_endian or "
                                       "binary_big_endian)");
                have_format = true;
            } else if (keyword == "element") {
                if (tokens.size() != 3) bad_line(line, "expected 'element <name> <count>'");
                const auto count = parse_int(tokens[2]);
                if (!count || *count < 0) bad_line(line, "the element count is not a count");
                Element element;
                element.name = std::string(tokens[1]);
                element.count = static_cast<uint64_t>(*count);
                element.header_line = line_;
                header.elements.push_back(std::move(element));
            } else if (keyword == "property") {
                if (header.elements.empty()) bad_line(line, "a property before any element");
                header.elements.back().properties.push_back(parse_property(tokens, line));
            } else {
                bad_line(line, "unknown header keyword '" + std::string(keyword) + "'");
            }
        }
        throw InputError({file_, line_, ""}, "the header has no 'end_header' line");
    }

private:
    // Next '\n'-terminated line without its terminator (and without a '\r' before it).
    bool next_line(std::string_view& line) {
        if (pos_ >= bytes_.size()) return false;
        size_t end = bytes_.find('\n', pos_);
        if (end == std::string_view::npos) end = bytes_.size();
        line = bytes_.substr(pos_, end - pos_);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos_ = end + 1 <= bytes_.size() ? end + 1 : bytes_.size();
        ++line_;
        return true;
    }

    static std::vector<std::string_view> split_words(std::string_view line) {
        std::vector<std::string_view> words;
        size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
            size_t start = i;
            while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
            if (i > start) words.push_back(line.substr(start, i - start));
        }
        return words;
    }

    Property parse_property(const std::vector<std::string_view>& tokens, std::string_view line) {
        Property property;
        property.header_line = line_;
        if (tokens.size() >= 2 && tokens[1] == "list") {
            if (tokens.size() != 5)
                bad_line(line, "expected 'property list <count type> <item type> <name>'");
            const auto count_type = scalar_type_named(tokens[2]);
            const auto item_type = scalar_type_named(tokens[3]);
            if (!count_type || !item_type) bad_line(line, "unknown property type");
            if (!is_integer(*count_type)) bad_line(line, "a list count type must be an integer");
            property.is_list = true;
            property.count_type = *count_type;
            property.type = *item_type;
            property.name = std::string(tokens[4]);
        } else {
            if (tokens.size() != 3) bad_line(line, "expected 'property <type> <name>'");
            const auto type = scalar_type_named(tokens[1]);
            if (!type) bad_line(line, "unknown property type '" + std::string(tokens[1]) + "'");
            property.type = *type;
            property.name = std::string(tokens[2]);
        }
        return property;
    }

    [[noreturn]] void bad_line(std::string_view line, const std::string& why) {
        // Hostile headers can hold very long lines; quote only the start.
        std::string quoted(line.substr(0, 80));
        if (line.size() > 80) quoted += "...";
        throw InputError({file_, line_, "header"}, "bad header line '" + quoted + "': " + why);
    }
    [[noreturn]] void fail(const std::string& field, const std::string& why) {
        throw InputError({file_, line_, field}, why);
    }

    std::string_view bytes_;
    const std::string& file_;
    size_t pos_ = 0;
    int line_ = 0;
};

// Binary data: fixed-size scalars in the file's byte order.
class BinarySource {
public:
    BinarySource(std::string_view data, bool big_endian, const std::string& file)
        : data_(data), big_endian_(big_endian), file_(file) {}

    size_t remaining() const { return data_.size() - pos_; }
    int line() const { return 0; }  // binary data has no lines

    double read_value(ScalarType type, const ReadContext& at) {
        unsigned char raw[8];
        take(raw, size_of(type), at);
        switch (type) {
            case ScalarType::Int8: return static_cast<int8_t>(raw[0]);
            case ScalarType::UInt8: return raw[0];
            case ScalarType::Int16: return as<int16_t>(raw);
            case ScalarType::UInt16: return as<uint16_t>(raw);
            case ScalarType::Int32: return as<int32_t>(raw);
            case ScalarType::UInt32: return as<uint32_t>(raw);
            case ScalarType::Float32: return as<float>(raw);
            case ScalarType::Float64: return as<double>(raw);
        }
        return 0.0;
    }

    // Integer types only (checked by the caller): every value of them is exact in a double.
    int64_t read_integer(ScalarType type, const ReadContext& at) {
        if (!is_integer(type))
            throw InputError({file_, 0, at.field()},
                             at.describe() + ": indices and counts must be integers");
        return static_cast<int64_t>(read_value(type, at));
    }

    // Bytes a list of `n` items of `type` needs; throws when the file does not hold them.
    void require_list(uint64_t n, ScalarType type, const ReadContext& at) {
        if (n > remaining() / size_of(type))
            throw InputError({file_, 0, at.field()},
                             "file too short: " + at.describe() + " declares a list of " +
                                 std::to_string(n) + " items but only " +
                                 std::to_string(remaining()) + " bytes remain");
    }

    // Skips a whole fixed-size element. The header check assumed lists at their minimum size,
    // so longer lists read before may have used the bytes this element needs: check again.
    void skip_element(const Element& element, const std::string& file) {
        const uint64_t size = element.min_binary_size();
        // read_body() skips only elements with properties: each is at least a byte.
        // NOLINTNEXTLINE(clang-analyzer-core.DivideZero)
        if (element.count > remaining() / size)
            throw InputError({file, element.header_line, element.name},
                             "file too short: the data ends inside the " + plural(element));
        pos_ += static_cast<size_t>(element.count * size);
    }

private:
    void take(unsigned char* out, size_t n, const ReadContext& at) {
        if (remaining() < n)
            throw InputError({file_, 0, at.field()},
                             "file too short: the data ends inside " + at.describe());
        std::memcpy(out, data_.data() + pos_, n);
        pos_ += n;
        const bool host_big = std::endian::native == std::endian::big;
        if (big_endian_ != host_big)
            for (size_t i = 0; i < n / 2; ++i) std::swap(out[i], out[n - 1 - i]);
    }
    template <class T>
    static T as(const unsigned char* raw) {
        T value;
        std::memcpy(&value, raw, sizeof(T));
        return value;
    }

    std::string_view data_;
    bool big_endian_;
    const std::string& file_;
    size_t pos_ = 0;
};

// ASCII data: whitespace-separated numbers, line numbers kept for errors.
class AsciiSource {
public:
    AsciiSource(std::string_view data, int first_line, const std::string& file)
        : data_(data), line_(first_line), file_(file) {}

    size_t remaining() const { return data_.size() - pos_; }
    int line() const { return line_; }

    double read_value(ScalarType /*type*/, const ReadContext& at) {
        const std::string_view token = next(at);
        const auto value = parse_double(token);
        if (!value) malformed(token, at);
        return *value;
    }

    int64_t read_integer(ScalarType type, const ReadContext& at) {
        const std::string_view token = next(at);
        if (!is_integer(type))
            throw InputError({file_, line_, at.field()},
                             at.describe() + ": indices and counts must be integers");
        const auto value = parse_int(token);
        if (!value) malformed(token, at);
        return *value;
    }

    // Every list item takes at least one byte of text; fail early on absurd list lengths.
    void require_list(uint64_t n, ScalarType /*type*/, const ReadContext& at) {
        if (n > remaining())
            throw InputError({file_, line_, at.field()},
                             "file too short: " + at.describe() + " declares a list of " +
                                 std::to_string(n) + " items but only " +
                                 std::to_string(remaining()) + " bytes remain");
    }

private:
    std::string_view next(const ReadContext& at) {
        while (pos_ < data_.size()) {
            const char c = data_[pos_];
            if (c == '\n') {
                ++line_;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
                break;
            }
            ++pos_;
        }
        if (pos_ >= data_.size())
            throw InputError({file_, line_, at.field()},
                             "file too short: the data ends inside " + at.describe());
        const size_t start = pos_;
        while (pos_ < data_.size()) {
            const char c = data_[pos_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') break;
            ++pos_;
        }
        return data_.substr(start, pos_ - start);
    }

    [[noreturn]] void malformed(std::string_view token, const ReadContext& at) {
        std::string quoted(token.substr(0, 40));
        if (token.size() > 40) quoted += "...";
        throw InputError({file_, line_, at.field()},
                         at.describe() + ": malformed number '" + quoted + "'");
    }

    std::string_view data_;
    size_t pos_ = 0;
    int line_;
    const std::string& file_;
};

// Checks the declared element counts against the data size before anything is allocated.
void check_declared_sizes(const Header& header, size_t data_bytes, const std::string& file) {
    uint64_t left = data_bytes;
    for (const Element& element : header.elements) {
        // Binary: the exact fixed part of every item. ASCII: at least one byte per value.
        const uint64_t per_item = header.format == Format::Ascii
                                      ? static_cast<uint64_t>(element.properties.size())
                                      : element.min_binary_size();
        if (per_item == 0 || element.count == 0) continue;
        if (element.count > left / per_item) {
            const std::string least =
                element.has_lists() || header.format == Format::Ascii ? "at least " : "";
            const std::string need = element.count > std::numeric_limits<uint64_t>::max() / per_item
                                         ? "more than 2^64"
                                         : std::to_string(element.count * per_item);
            throw InputError({file, element.header_line, element.name},
                             "file too short: header declares " + std::to_string(element.count) +
                                 " " + plural(element) + " (" + least + need +
                                 " bytes) but the file holds only " + std::to_string(data_bytes) +
                                 " bytes after the header");
        }
        left -= element.count * per_item;
    }
}

struct MeshLayout {
    const Element* vertex = nullptr;
    int x = -1, y = -1, z = -1;
    const Element* face = nullptr;
    int indices = -1;
};

MeshLayout find_layout(const Header& header, const std::string& file) {
    MeshLayout layout;
    for (const Element& element : header.elements) {
        if (element.name == "vertex" && !layout.vertex) layout.vertex = &element;
        if (element.name == "face" && !layout.face) layout.face = &element;
    }
    if (!layout.vertex) throw InputError({file, 0, "vertex"}, "the header has no vertex element");
    const Element& vertex = *layout.vertex;
    int* axes[3] = {&layout.x, &layout.y, &layout.z};
    const char* names[3] = {"x", "y", "z"};
    for (int a = 0; a < 3; ++a) {
        *axes[a] = vertex.find(names[a]);
        if (*axes[a] < 0)
            throw InputError({file, vertex.header_line, names[a]},
                             std::string("the vertex element has no '") + names[a] + "' property");
        if (vertex.properties[*axes[a]].is_list)
            throw InputError({file, vertex.properties[*axes[a]].header_line, names[a]},
                             "a vertex coordinate cannot be a list");
    }
    if (vertex.count > std::numeric_limits<uint32_t>::max())
        throw InputError({file, vertex.header_line, "vertex"},
                         "more than 2^32 - 1 vertices are not supported");
    if (layout.face) {
        layout.indices = layout.face->find("vertex_indices");
        if (layout.indices < 0) layout.indices = layout.face->find("vertex_index");
        if (layout.indices < 0)
            throw InputError({file, layout.face->header_line, "vertex_indices"},
                             "the face element has no 'vertex_indices' list");
        const Property& p = layout.face->properties[layout.indices];
        if (!p.is_list || !is_integer(p.type))
            throw InputError({file, p.header_line, p.name},
                             "face vertex indices must be a list of integers");
    }
    return layout;
}

template <class Source>
void read_body(Source& source, const Header& header, const MeshLayout& layout,
               const std::string& file, TriangleMesh& mesh) {
    const uint64_t vertex_count = layout.vertex->count;
    mesh.vertices.reserve(static_cast<size_t>(vertex_count));
    if (layout.face) mesh.triangles.reserve(static_cast<size_t>(layout.face->count));
    std::vector<uint32_t> polygon;
    constexpr bool binary = std::is_same_v<Source, BinarySource>;

    for (const Element& element : header.elements) {
        if (element.properties.empty()) continue;  // nothing to read, whatever the count
        const bool is_vertex = &element == layout.vertex;
        const bool is_face = &element == layout.face;
        if constexpr (binary) {
            // Elements the mesh does not use and whose size is fixed: skip them in one step.
            if (!is_vertex && !is_face && !element.has_lists()) {
                source.skip_element(element, file);
                continue;
            }
        }
        for (uint64_t item = 0; item < element.count; ++item) {
            Vec3 position = Vec3::Zero();
            for (size_t k = 0; k < element.properties.size(); ++k) {
                const Property& property = element.properties[k];
                const ReadContext at{element, item, property};
                if (!property.is_list) {
                    const double value = source.read_value(property.type, at);
                    const int ki = static_cast<int>(k);
                    if (is_vertex) {
                        if (ki == layout.x) position.x() = value;
                        if (ki == layout.y) position.y() = value;
                        if (ki == layout.z) position.z() = value;
                    }
                    continue;
                }
                const int64_t n = source.read_integer(property.count_type, at);
                if (n < 0)
                    throw InputError({file, source.line(), property.name},
                                     at.describe() + ": negative list length " + std::to_string(n));
                source.require_list(static_cast<uint64_t>(n), property.type, at);
                const bool indices = is_face && static_cast<int>(k) == layout.indices;
                polygon.clear();
                for (int64_t j = 0; j < n; ++j) {
                    if (!indices) {
                        source.read_value(property.type, at);
                        continue;
                    }
                    const int64_t index = source.read_integer(property.type, at);
                    if (index < 0 || static_cast<uint64_t>(index) >= vertex_count)
                        throw InputError({file, source.line(), property.name},
                                         "face " + std::to_string(item) + ": vertex index " +
                                             std::to_string(index) +
                                             " out of range (the file has " +
                                             std::to_string(vertex_count) + " vertices)");
                    polygon.push_back(static_cast<uint32_t>(index));
                }
                // Fan triangulation; triangles with a repeated corner have no area: drop them.
                for (size_t j = 1; j + 1 < polygon.size(); ++j) {
                    const std::array<uint32_t, 3> t = {polygon[0], polygon[j], polygon[j + 1]};
                    if (t[0] != t[1] && t[1] != t[2] && t[0] != t[2]) mesh.triangles.push_back(t);
                }
            }
            if (is_vertex) {
                if (!position.allFinite())
                    throw InputError(
                        {file, source.line(), "x"},
                        "vertex " + std::to_string(item) + " has a non-finite coordinate");
                mesh.vertices.push_back(position);
            }
        }
    }
}

}  // namespace

TriangleMesh parse_ply(std::string_view bytes, const std::string& file_label) {
    const Header header = HeaderParser(bytes, file_label).parse();
    const std::string_view data = bytes.substr(header.data_offset);
    check_declared_sizes(header, data.size(), file_label);
    const MeshLayout layout = find_layout(header, file_label);

    TriangleMesh mesh;
    if (header.format == Format::Ascii) {
        AsciiSource source(data, header.data_line, file_label);
        read_body(source, header, layout, file_label, mesh);
    } else {
        BinarySource source(data, header.format == Format::BinaryBigEndian, file_label);
        read_body(source, header, layout, file_label, mesh);
    }
    return mesh;
}

TriangleMesh read_ply(const std::filesystem::path& path) {
    const std::string bytes = read_file_bytes(path);
    return parse_ply(bytes, path.string());
}

}  // namespace rps
