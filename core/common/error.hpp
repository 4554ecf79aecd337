#pragma once
// Errors that reach the user. Every error names where it comes from (file, line, field) so that the
// command line and the GUI can show "office.xml:42: shape 'wall-3': unknown material 'itu_konkrete'".
#include <stdexcept>
#include <string>

namespace rps {

struct SourceLocation {
    std::string file;   // empty when the error is not about a file
    int line = 0;       // 1-based; 0 when unknown (binary files, JSON without positions)
    std::string field;  // the XML attribute / PLY property / JSON key at fault, may be empty
};

class InputError : public std::runtime_error {
public:
    InputError(SourceLocation where, const std::string& what);
    const SourceLocation& where() const { return where_; }
    const std::string& message() const { return message_; }

private:
    SourceLocation where_;
    std::string message_;
};

// "file:line: field 'x': message" with the parts that are known.
std::string format_location(const SourceLocation& where, const std::string& message);

}  // namespace rps
