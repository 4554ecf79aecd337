// libFuzzer target: sweep files (core/study/sweep.hpp). A JSON document must either expand into
// trials that each parse as a study, or end in an InputError naming the sweep and the key; the
// base study it names resolves in the fuzz scene folder (the example studies).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/common/error.hpp"
#include "core/study/sweep.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string sweep_path = (rps::fuzz::scene_dir() / "fuzz_sweep.json").string();
    const auto document = rps::fuzz::json_document(data, size);
    if (!document) return 0;
    try {
        (void)rps::expand_sweep(*document, sweep_path);
    } catch (const rps::InputError&) {
    }
    return 0;
}
