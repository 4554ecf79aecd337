#include "core/scene/xml_values.hpp"

#include <cctype>
#include <cmath>

#include "core/common/error.hpp"
#include "core/scene/text_numbers.hpp"

namespace rps {

namespace {

std::string quoted(const std::string& text) {
    return "'" + (text.size() > 60 ? text.substr(0, 60) + "..." : text) + "'";
}

// Built by appending: GCC 12 warns falsely (-Wrestrict, bug 105329) on "literal" + string&&.
std::string missing_attribute(const tinyxml2::XMLElement& element, const char* attribute) {
    std::string text = "<";
    text.append(element.Name()).append("> needs a '").append(attribute).append("' attribute");
    return text;
}

}  // namespace

std::string substitute_references(const std::string& text,
                                  const std::function<std::string(const std::string&)>& value_of) {
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (text[i] != '$') {
            out += text[i++];
            continue;
        }
        size_t end = i + 1;
        while (end < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
            ++end;
        out += value_of(text.substr(i + 1, end - i - 1));
        i = end;
    }
    return out;
}

void XmlValues::add_default(const tinyxml2::XMLElement& element) {
    const std::string name = required(element, "name");
    // A default may itself refer to an earlier default.
    defaults_[name] = required(element, "value");
}

std::optional<std::string> XmlValues::optional(const tinyxml2::XMLElement& element,
                                               const char* attribute) const {
    const char* raw = element.Attribute(attribute);
    if (!raw) return std::nullopt;
    return substitute(element, attribute, raw);
}

std::string XmlValues::required(const tinyxml2::XMLElement& element, const char* attribute) const {
    auto value = optional(element, attribute);
    if (!value)
        fail(element, attribute, missing_attribute(element, attribute));
    return *value;
}

std::string XmlValues::substitute(const tinyxml2::XMLElement& element, const char* attribute,
                                  const std::string& text) const {
    if (text.find('$') == std::string::npos) return text;
    return substitute_references(text, [&](const std::string& name) {
        const auto found = defaults_.find(name);
        if (name.empty() || found == defaults_.end())
            fail(element, attribute,
                 "undefined parameter '$" + name + "' (no <default name=\"" + name + "\">)");
        return found->second;
    });
}

std::optional<double> XmlValues::optional_number(const tinyxml2::XMLElement& element,
                                                 const char* attribute,
                                                 const std::string& field) const {
    const auto text = optional(element, attribute);
    if (!text) return std::nullopt;
    const auto value = parse_double(trim(*text));
    if (!value || !std::isfinite(*value))
        fail(element, field.empty() ? attribute : field,
             "malformed number " + quoted(*text) + " in <" + element.Name() + ">");
    return *value;
}

double XmlValues::number(const tinyxml2::XMLElement& element, const char* attribute,
                         const std::string& field) const {
    const auto value = optional_number(element, attribute, field);
    if (!value)
        fail(element, field.empty() ? attribute : field, missing_attribute(element, attribute));
    return *value;
}

std::vector<double> XmlValues::numbers(const tinyxml2::XMLElement& element, const char* attribute,
                                       size_t count, const std::string& field) const {
    const std::string text = required(element, attribute);
    const std::string name = field.empty() ? attribute : field;
    const auto tokens = split_list(text);
    if (tokens.size() != count)
        fail(element, name,
             "expected " + std::to_string(count) + " numbers, found " +
                 std::to_string(tokens.size()) + " in " + quoted(text));
    std::vector<double> values;
    for (auto token : tokens) {
        const auto value = parse_double(token);
        if (!value || !std::isfinite(*value))
            fail(element, name,
                 "malformed number " + quoted(std::string(token)) + " in <" + element.Name() + ">");
        values.push_back(*value);
    }
    return values;
}

Vec3 XmlValues::vector(const tinyxml2::XMLElement& element, const char* attribute,
                       const std::string& field) const {
    const auto v = numbers(element, attribute, 3, field);
    return {v[0], v[1], v[2]};
}

bool XmlValues::boolean(const tinyxml2::XMLElement& element, const char* attribute,
                        const std::string& field) const {
    std::string text(trim(required(element, attribute)));
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    fail(element, field.empty() ? attribute : field,
         "expected true or false, found " + quoted(text));
}

const tinyxml2::XMLElement* XmlValues::property(const tinyxml2::XMLElement& parent, const char* tag,
                                                const std::string& name) const {
    for (auto* child = parent.FirstChildElement(tag); child;
         child = child->NextSiblingElement(tag)) {
        const auto child_name = optional(*child, "name");
        if (child_name && *child_name == name) return child;
    }
    return nullptr;
}

void XmlValues::fail(const tinyxml2::XMLElement& element, const std::string& field,
                     const std::string& message) const {
    throw InputError({file_, element.GetLineNum(), field}, message);
}

}  // namespace rps
