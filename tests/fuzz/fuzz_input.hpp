#pragma once
// What the fuzz targets share: the folder that relative file names resolve in, and JSON input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

namespace rps::fuzz {

// RPS_FUZZ_SCENE_DIR (scripts/fuzz gathers the example scenes, meshes and studies there; the test
// build points it at the office example), else the working folder.
inline const std::filesystem::path& scene_dir() {
    static const std::filesystem::path dir = [] {
        const char* value = std::getenv("RPS_FUZZ_SCENE_DIR");
        return std::filesystem::path(value ? value : ".");
    }();
    return dir;
}

// The input as a JSON document; none when it is not JSON (the JSON reader's to reject, with its
// line: core/study/json_reader.cpp).
inline std::optional<nlohmann::json> json_document(const uint8_t* data, size_t size) {
    const char* text = reinterpret_cast<const char*>(data);
    nlohmann::json document = nlohmann::json::parse(text, text + size, nullptr, false);
    if (document.is_discarded()) return std::nullopt;
    return document;
}

}  // namespace rps::fuzz
