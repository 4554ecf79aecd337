#pragma once
// Reading typed values out of Mitsuba XML elements (internal to the scene loader): `$name`
// substitution from <default> parameters, strict numbers, vectors, and errors that name the XML
// file, the element's line and the attribute or property at fault.
#include <functional>
#include <map>
#include <optional>
#include <string>

#include <tinyxml2.h>

#include "core/common/geometry.hpp"

namespace rps {

// Replaces each "$name" in `text` (name: the letters, digits and '_' after the '$', possibly
// none) by value_of(name). The loader fails on an unknown name; the scene export of `rps export`
// keeps it as written.
std::string substitute_references(const std::string& text,
                                  const std::function<std::string(const std::string&)>& value_of);

class XmlValues {
public:
    explicit XmlValues(std::string file) : file_(std::move(file)) {}

    const std::string& file() const { return file_; }

    // Registers a <default name="x" value="..."/> parameter, referenced as "$x".
    void add_default(const tinyxml2::XMLElement& element);

    // The attribute with `$name` references replaced, or nullopt when the attribute is absent.
    std::optional<std::string> optional(const tinyxml2::XMLElement& element,
                                        const char* attribute) const;
    // As `optional`, but a missing attribute is an error.
    std::string required(const tinyxml2::XMLElement& element, const char* attribute) const;

    // A number attribute; `field` names it in errors (defaults to the attribute name).
    double number(const tinyxml2::XMLElement& element, const char* attribute,
                  const std::string& field = {}) const;
    std::optional<double> optional_number(const tinyxml2::XMLElement& element,
                                          const char* attribute,
                                          const std::string& field = {}) const;
    // "x y z" (spaces or commas) in one attribute.
    Vec3 vector(const tinyxml2::XMLElement& element, const char* attribute,
                const std::string& field = {}) const;
    // A list of exactly `count` numbers in one attribute.
    std::vector<double> numbers(const tinyxml2::XMLElement& element, const char* attribute,
                                size_t count, const std::string& field = {}) const;
    bool boolean(const tinyxml2::XMLElement& element, const char* attribute,
                 const std::string& field = {}) const;

    // The child <tag name="..."> property (e.g. <float name="thickness">), or nullptr.
    const tinyxml2::XMLElement* property(const tinyxml2::XMLElement& parent, const char* tag,
                                         const std::string& name) const;

    [[noreturn]] void fail(const tinyxml2::XMLElement& element, const std::string& field,
                           const std::string& message) const;

private:
    std::string substitute(const tinyxml2::XMLElement& element, const char* attribute,
                           const std::string& text) const;

    std::string file_;
    std::map<std::string, std::string> defaults_;
};

}  // namespace rps
