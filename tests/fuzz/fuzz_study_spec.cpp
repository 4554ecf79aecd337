// libFuzzer target: study files. Text that is not JSON is the JSON reader's to reject (rps reports
// it with its line, core/study/json_reader.cpp); a JSON document must either give a study that
// passes the size checks and can be stored, or end in an InputError naming the key.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/common/error.hpp"
#include "core/study/study_spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string study_path = [] {
        const char* dir = std::getenv("RPS_FUZZ_SCENE_DIR");
        return (std::filesystem::path(dir ? dir : ".") / "fuzz.json").string();
    }();
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(reinterpret_cast<const char*>(data),
                                         reinterpret_cast<const char*>(data) + size);
    } catch (const nlohmann::json::exception&) {
        return 0;
    }
    try {
        const rps::StudySpec spec = rps::parse_study(document, study_path);
        rps::check_study_size(spec);
        (void)rps::stored_study_document(spec);
    } catch (const rps::InputError&) {
    }
    return 0;
}
