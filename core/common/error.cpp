#include "core/common/error.hpp"

namespace rps {

std::string format_location(const SourceLocation& where, const std::string& message) {
    std::string text;
    if (!where.file.empty()) {
        text.append(where.file);
        if (where.line > 0) text.append(":").append(std::to_string(where.line));
        text.append(": ");
    }
    if (!where.field.empty()) text.append("field '").append(where.field).append("': ");
    text.append(message);
    return text;
}

InputError::InputError(SourceLocation where, const std::string& what)
    : std::runtime_error(format_location(where, what)), where_(std::move(where)), message_(what) {}

}  // namespace rps
