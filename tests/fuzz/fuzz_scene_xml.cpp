// libFuzzer target: Mitsuba scene XML as Sionna RT writes it, with its meshes. Relative mesh
// names resolve in the fuzz scene folder (scripts/fuzz gathers every example's meshes there), so
// mutated files also reach the PLY/OBJ loading and the planar-face grouping. A malformed scene
// must end in an InputError.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "core/common/error.hpp"
#include "core/scene/scene_loader.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::filesystem::path xml_path = rps::fuzz::scene_dir() / "fuzz.xml";
    try {
        (void)rps::parse_scene_xml({reinterpret_cast<const char*>(data), size}, xml_path);
    } catch (const rps::InputError&) {
    }
    return 0;
}
