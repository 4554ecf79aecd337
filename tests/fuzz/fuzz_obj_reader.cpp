// libFuzzer target: Wavefront OBJ meshes. A malformed file must end in an InputError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/common/error.hpp"
#include "core/scene/obj_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        (void)rps::parse_obj({reinterpret_cast<const char*>(data), size}, "fuzz.obj");
    } catch (const rps::InputError&) {
    }
    return 0;
}
