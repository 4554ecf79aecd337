#pragma once
// Strict reading of JSON documents (studies, sweeps): every key is checked, unknown keys and bad
// values raise InputError naming the file and the key path ("methods[1].iterations").
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <vector>

#include "core/common/error.hpp"

namespace rps {

class JsonReader {
public:
    JsonReader(const nlohmann::json& value, std::string file, std::string path = "");

    // Fails on keys other than `allowed` (with a "did you mean" hint).
    void allow_only(std::initializer_list<const char*> allowed) const;
    void allow_only_list(const std::vector<const char*>& allowed) const;
    bool has(const char* key) const;
    JsonReader child(const char* key) const;   // required object
    JsonReader element(size_t index) const;    // array element
    size_t size() const;                       // array size (fails if not an array)

    double number(const char* key, double fallback, double min, double max) const;
    double number(const char* key) const;  // required, any finite value
    int integer(const char* key, int fallback, int min, int max) const;
    uint64_t unsigned64(const char* key, uint64_t fallback) const;
    bool boolean(const char* key, bool fallback) const;
    std::string string(const char* key, const std::string& fallback) const;
    std::string string(const char* key) const;  // required
    // A fixed-length array of numbers, e.g. [lo, hi] or [x, y, z].
    std::vector<double> numbers(const char* key, std::vector<double> fallback, size_t count) const;
    std::vector<double> numbers(const char* key, size_t count) const;  // required

    [[noreturn]] void fail(const std::string& key, const std::string& message) const;
    const nlohmann::json& value() const { return value_; }
    const std::string& file() const { return file_; }
    std::string key_path(const std::string& key) const;

private:
    const nlohmann::json& at(const char* key) const;
    const nlohmann::json& value_;
    std::string file_;
    std::string path_;
};

// Reads a JSON file; a syntax error names the file and line.
nlohmann::json read_json_file(const std::string& path);

}  // namespace rps
