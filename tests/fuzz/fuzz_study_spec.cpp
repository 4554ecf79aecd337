// libFuzzer target: study files. A JSON document must either give a study that passes the size
// checks and can be stored, or end in an InputError naming the key.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/common/error.hpp"
#include "core/study/study_spec.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string study_path = (rps::fuzz::scene_dir() / "fuzz.json").string();
    const auto document = rps::fuzz::json_document(data, size);
    if (!document) return 0;
    try {
        const rps::StudySpec spec = rps::parse_study(*document, study_path);
        rps::check_study_size(spec);
        (void)rps::stored_study_document(spec);
    } catch (const rps::InputError&) {
    }
    return 0;
}
