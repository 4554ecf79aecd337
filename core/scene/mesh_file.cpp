#include "core/scene/mesh_file.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

#include "core/common/error.hpp"

namespace rps {

std::string read_file_bytes(const std::filesystem::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw InputError({name, 0, ""}, "file not found");
    if (!std::filesystem::is_regular_file(path, ec))
        throw InputError({name, 0, ""}, "not a regular file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError({name, 0, ""}, "cannot open the file for reading");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw InputError({name, 0, ""}, "read error");
    return bytes;
}

}  // namespace rps
