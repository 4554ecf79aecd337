#include "app/commands/json_fields.hpp"

#include <fmt/core.h>

namespace rps::cli {

using nlohmann::json;

std::optional<double> number_at(const json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

std::string string_at(const json& object, const char* key, const std::string& fallback) {
    if (!object.is_object()) return fallback;
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

const json* object_at(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it != object.end() && it->is_object() ? &*it : nullptr;
}

std::optional<std::vector<double>> vector_at(const json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_array()) return std::nullopt;
    std::vector<double> x;
    for (const auto& v : *it) {
        if (!v.is_number()) return std::nullopt;
        x.push_back(v.get<double>());
    }
    return x;
}

std::optional<Vec3> vec3_at(const json& object, const char* key) {
    const auto v = vector_at(object, key);
    if (!v || v->size() != 3) return std::nullopt;
    return Vec3((*v)[0], (*v)[1], (*v)[2]);
}

json vec3_json(const Vec3& v) { return json::array({v.x(), v.y(), v.z()}); }

std::string fixed(const json& value, int digits) {
    return value.is_number() ? fmt::format("{:.{}f}", value.get<double>(), digits) : "-";
}

}  // namespace rps::cli
