// libFuzzer target: PLY meshes (ASCII, binary little and big endian, any header). A malformed file
// must end in an InputError; anything else (another exception, a sanitizer report) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/common/error.hpp"
#include "core/scene/ply_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        (void)rps::parse_ply({reinterpret_cast<const char*>(data), size}, "fuzz.ply");
    } catch (const rps::InputError&) {
    }
    return 0;
}
