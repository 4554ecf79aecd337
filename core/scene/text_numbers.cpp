#include "core/scene/text_numbers.hpp"

#include <charconv>

namespace rps {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// from_chars rejects a leading '+', which people and exporters write.
std::string_view strip_plus(std::string_view token) {
    if (token.size() > 1 && token[0] == '+' && token[1] != '-' && token[1] != '+')
        token.remove_prefix(1);
    return token;
}

}  // namespace

std::optional<double> parse_double(std::string_view token) {
    token = strip_plus(token);
    if (token.empty()) return std::nullopt;
    double value = 0.0;
    const char* end = token.data() + token.size();
    auto [ptr, ec] = std::from_chars(token.data(), end, value, std::chars_format::general);
    // ERANGE: underflow to denormals is harmless, overflow is not a usable coordinate either way;
    // report both as malformed rather than silently clamping.
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

std::optional<int64_t> parse_int(std::string_view token) {
    token = strip_plus(token);
    if (token.empty()) return std::nullopt;
    int64_t value = 0;
    const char* end = token.data() + token.size();
    auto [ptr, ec] = std::from_chars(token.data(), end, value);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

std::vector<std::string_view> split_list(std::string_view text) {
    std::vector<std::string_view> tokens;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (is_space(text[i]) || text[i] == ',')) ++i;
        size_t start = i;
        while (i < text.size() && !is_space(text[i]) && text[i] != ',') ++i;
        if (i > start) tokens.push_back(text.substr(start, i - start));
    }
    return tokens;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace rps
