#include "core/study/file_name_field.hpp"

namespace rps {

bool is_file_name_safe(std::string_view name) {
    return !name.empty() && name.find_first_of(std::string_view("/\\\0", 3)) == name.npos;
}

std::string file_name_field(const JsonReader& reader, const char* key,
                            const std::string& fallback) {
    std::string name = reader.string(key, fallback);
    if (!is_file_name_safe(name)) reader.fail(key, "must be a non-empty file-name-safe string");
    return name;
}

}  // namespace rps
