#include "core/common/shortfall_format.hpp"

#include <fmt/format.h>

#include <cstdlib>

namespace rps {

std::string format_below_limit(double value, double limit) {
    if (value < limit) {
        for (int decimals = 3; decimals <= 12; ++decimals) {
            std::string text = fmt::format("{:.{}f}", value, decimals);
            if (std::strtod(text.c_str(), nullptr) < limit) return text;
        }
        return fmt::format("{}", value);  // shortest text that reads back as the value itself
    }
    return fmt::format("{:.3f}", value);
}

}  // namespace rps
