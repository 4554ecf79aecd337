// libFuzzer target: sweep files (core/study/sweep.hpp). A JSON document must either expand into
// trials that each parse as a study, or end in an InputError naming the sweep and the key; the
// base study it names resolves in RPS_FUZZ_SCENE_DIR (scripts/fuzz puts the example studies
// there).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/common/error.hpp"
#include "core/study/sweep.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string sweep_path = [] {
        const char* dir = std::getenv("RPS_FUZZ_SCENE_DIR");
        return (std::filesystem::path(dir ? dir : ".") / "fuzz_sweep.json").string();
    }();
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(reinterpret_cast<const char*>(data),
                                         reinterpret_cast<const char*>(data) + size);
    } catch (const nlohmann::json::exception&) {
        return 0;
    }
    try {
        (void)rps::expand_sweep(document, sweep_path);
    } catch (const rps::InputError&) {
    }
    return 0;
}
