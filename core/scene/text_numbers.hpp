#pragma once
// Strict number parsing for scene and mesh text: the whole token must be a number ("1.0x" is not),
// independent of the C locale. Used by the XML loader and the ASCII mesh readers.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace rps {

// A finite or infinite decimal number ("1", "-2.5", "1.", "+3e-2"); nullopt when the token has
// anything else in it, or is empty. Callers that need finite values check std::isfinite.
std::optional<double> parse_double(std::string_view token);

// A decimal integer ("12", "-3", "+4"); nullopt otherwise or when out of int64 range.
std::optional<int64_t> parse_int(std::string_view token);

// Tokens of `text` split at whitespace and commas (Mitsuba accepts "1 2 3" and "1, 2, 3").
std::vector<std::string_view> split_list(std::string_view text);

// `text` without leading and trailing whitespace.
std::string_view trim(std::string_view text);

}  // namespace rps
