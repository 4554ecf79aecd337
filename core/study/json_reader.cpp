#include "core/study/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <utility>

namespace rps {
namespace {

// json::parse's tree builder that also keeps where the parser stopped on an error: a number
// overflow ("1e400", out_of_range 406) carries no offset of its own, unlike a syntax error.
class PositionedDomParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
public:
    using json_sax_dom_parser::json_sax_dom_parser;
    // Hides the base's: the parser calls the SAX type it is given, not a virtual function.
    template <typename Exception>
    bool parse_error(std::size_t position, const std::string& last_token, const Exception& ex) {
        position_ = position;
        return json_sax_dom_parser::parse_error(position, last_token, ex);
    }
    std::size_t error_position() const { return position_; }

private:
    std::size_t position_ = 0;
};

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

}  // namespace

JsonReader::JsonReader(const nlohmann::json& value, std::string file, std::string path)
    : value_(value), file_(std::move(file)), path_(std::move(path)) {
    if (!value_.is_object() && !value_.is_array())
        throw InputError({file_, 0, path_.empty() ? "(document)" : path_},
                         "expected a JSON object");
}

std::string JsonReader::key_path(const std::string& key) const {
    if (path_.empty()) return key;
    if (!key.empty() && key[0] == '[') return path_ + key;
    return path_ + "." + key;
}

void JsonReader::fail(const std::string& key, const std::string& message) const {
    throw InputError({file_, 0, key_path(key)}, message);
}

void JsonReader::allow_only(std::initializer_list<const char*> allowed) const {
    allow_only_list(std::vector<const char*>(allowed));
}

void JsonReader::allow_only_list(const std::vector<const char*>& allowed) const {
    if (!value_.is_object()) fail("", "expected a JSON object");
    for (const auto& item : value_.items()) {
        // A named reference, not a structured binding: C++20 lets the lambda below capture a
        // binding, but Debian 12's clang 14 (the fuzzing build) does not implement that yet.
        const std::string& key = item.key();
        if (std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }))
            continue;
        std::string hint;
        size_t best = 3;
        for (const char* a : allowed) {
            const size_t d = edit_distance(key, a);
            if (d < best) best = d, hint = a;
        }
        std::string message = "unknown key";
        if (!hint.empty()) message += " (did you mean '" + hint + "'?)";
        fail(key, message);
    }
}

bool JsonReader::has(const char* key) const { return value_.is_object() && value_.contains(key); }

const nlohmann::json& JsonReader::at(const char* key) const {
    if (!has(key)) fail(key, "missing required key");
    return value_.at(key);
}

JsonReader JsonReader::child(const char* key) const {
    const auto& v = at(key);
    if (!v.is_object()) fail(key, "expected an object");
    return JsonReader(v, file_, key_path(key));
}

JsonReader JsonReader::element(size_t index) const {
    const std::string key = "[" + std::to_string(index) + "]";
    if (!value_.is_array() || index >= value_.size()) fail(key, "no such element");
    const auto& v = value_[index];
    if (!v.is_object()) fail(key, "expected an object");
    return JsonReader(v, file_, key_path(key));
}

size_t JsonReader::size() const {
    if (!value_.is_array()) fail("", "expected an array");
    return value_.size();
}

double JsonReader::number(const char* key) const {
    const auto& v = at(key);
    if (!v.is_number() || !std::isfinite(v.get<double>())) fail(key, "expected a finite number");
    return v.get<double>();
}

double JsonReader::number(const char* key, double fallback, double min, double max) const {
    const double value = has(key) ? number(key) : fallback;
    if (value < min || value > max) {
        std::ostringstream text;
        text << "value " << value << " is out of range [" << min << ", " << max << "]";
        fail(key, text.str());
    }
    return value;
}

int JsonReader::integer(const char* key, int fallback, int min, int max) const {
    int value = fallback;
    if (has(key)) {
        const auto& v = at(key);
        if (!v.is_number_integer()) fail(key, "expected an integer");
        const auto wide = v.get<long long>();
        if (wide < min || wide > max) {
            fail(key, "value " + std::to_string(wide) + " is out of range [" + std::to_string(min) +
                          ", " + std::to_string(max) + "]");
        }
        value = static_cast<int>(wide);
    }
    return value;
}

uint64_t JsonReader::unsigned64(const char* key, uint64_t fallback) const {
    if (!has(key)) return fallback;
    const auto& v = at(key);
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0))
        fail(key, "expected a non-negative integer");
    return v.get<uint64_t>();
}

bool JsonReader::boolean(const char* key, bool fallback) const {
    if (!has(key)) return fallback;
    const auto& v = at(key);
    if (!v.is_boolean()) fail(key, "expected true or false");
    return v.get<bool>();
}

std::string JsonReader::string(const char* key) const {
    const auto& v = at(key);
    if (!v.is_string()) fail(key, "expected a string");
    return v.get<std::string>();
}

std::string JsonReader::string(const char* key, const std::string& fallback) const {
    return has(key) ? string(key) : fallback;
}

std::vector<double> JsonReader::numbers(const char* key, size_t count) const {
    const auto& v = at(key);
    if (!v.is_array() || v.size() != count)
        fail(key, "expected an array of " + std::to_string(count) + " numbers");
    std::vector<double> values;
    for (const auto& item : v) {
        if (!item.is_number() || !std::isfinite(item.get<double>()))
            fail(key, "expected an array of " + std::to_string(count) + " numbers");
        values.push_back(item.get<double>());
    }
    return values;
}

std::vector<double> JsonReader::numbers(const char* key, std::vector<double> fallback,
                                        size_t count) const {
    return has(key) ? numbers(key, count) : std::move(fallback);
}

nlohmann::json read_json_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw InputError({path, 0, ""}, "cannot open the file");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    nlohmann::json document;
    PositionedDomParser parser(document);
    try {
        nlohmann::json::sax_parse(text, &parser);
    } catch (const nlohmann::json::exception& error) {  // a syntax error or a number overflow
        const size_t offset = std::min<size_t>(parser.error_position(), text.size());
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
        throw InputError({path, line, ""}, std::string("invalid JSON: ") + error.what());
    }
    return document;
}

}  // namespace rps
