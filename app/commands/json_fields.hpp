#pragma once
// Lenient reads of fields from the JSON a study file stores (task results, markers, the spec):
// a missing field or one of another type gives "none" (or the fallback), never an error, so a
// report can show what a partial or older file holds. Also the report's number text.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/common/geometry.hpp"

namespace rps::cli {

std::optional<double> number_at(const nlohmann::json& object, const char* key);
std::string string_at(const nlohmann::json& object, const char* key, const std::string& fallback);
const nlohmann::json* object_at(const nlohmann::json& object, const char* key);
std::optional<std::vector<double>> vector_at(const nlohmann::json& object, const char* key);  // numbers only
std::optional<Vec3> vec3_at(const nlohmann::json& object, const char* key);     // 3 numbers

nlohmann::json vec3_json(const Vec3& v);  // [x, y, z]

// A number with `digits` decimals; "-" for anything else (null, missing).
std::string fixed(const nlohmann::json& value, int digits);

}  // namespace rps::cli
