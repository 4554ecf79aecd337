#pragma once
// A JSON string that names files in a folder: a study's "name" (its default store NAME.h5) and a
// sweep's "name_prefix" (PREFIX_000.h5, ...). It is one file name, never a path: "../x" would
// write outside the folder, "a/b" into a folder nobody made, "" a hidden ".h5".
#include <string>
#include <string_view>

#include "core/study/json_reader.hpp"

namespace rps {

// Non-empty, with no path separator ('/', '\') and no NUL.
bool is_file_name_safe(std::string_view name);

// The string at `key` (or `fallback`); fails naming the file and the key when it is not safe.
std::string file_name_field(const JsonReader& reader, const char* key, const std::string& fallback);

}  // namespace rps
