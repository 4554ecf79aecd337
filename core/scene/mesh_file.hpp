#pragma once
// Reading a whole mesh file into memory, with the error the user sees when it cannot be read.
#include <filesystem>
#include <string>

namespace rps {

// The file's bytes. Throws InputError naming the file when it is missing, not a regular file or
// unreadable.
std::string read_file_bytes(const std::filesystem::path& path);

}  // namespace rps
