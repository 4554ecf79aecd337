#pragma once
// The one table of every search method's parameters: key, default, range. The study reader
// validates against it and the runner fills defaults from it, so the two never drift apart.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace rps {

struct MethodParam {
    const char* key;
    double default_value;
    double min, max;
    bool integer;
};

// The parameters of a method type; empty for an unknown type.
const std::vector<MethodParam>& method_params(const std::string& type);
// The known method types, for messages.
const std::vector<std::string>& method_types();
// {key: default} for every parameter of the type.
nlohmann::json method_defaults(const std::string& type);

}  // namespace rps
