#include "core/study/method_params.hpp"

#include <map>

namespace rps {
namespace {

using Table = std::map<std::string, std::vector<MethodParam>>;

const Table& table() {
    static const Table methods = {
        {"grid",
         {{"resolution_m", 1.0, 0.01, 100, false},
          {"yaw_steps", 8, 1, 360, true},
          {"downtilt_steps", 1, 1, 90, true},
          {"u_steps", 3, 1, 1000, true},
          {"v_steps", 3, 1, 1000, true},
          {"focal_steps", 4, 1, 1000, true},
          {"chunk", 32, 1, 100000, true},
          {"refine_levels", 0, 0, 10, true},
          {"max_points", 200000, 1, 100000000, true}}},
        {"gd",
         {{"starts", 16, 1, 100000, true},
          {"iterations", 30, 1, 100000, true},
          {"lr_m", 0.5, 1e-6, 100, false},
          {"lr_deg", 5.0, 1e-6, 180, false},
          {"lr_uv", 0.02, 1e-6, 1, false},
          {"surrogate_temperature_db", 3.0, 0.01, 100, false},
          {"chunk", 1, 1, 1000, true}}},
        {"ga",
         {{"population", 50, 2, 100000, true},
          {"generations", 20, 1, 100000, true},
          {"cxpb", 0.7, 0, 1, false},
          {"mutpb", 0.3, 0, 1, false},
          {"tournament", 3, 1, 1000, true},
          {"alpha", 0.5, 0, 10, false},
          {"indpb", 0.2, 0, 1, false},
          {"elite", 1, 0, 1000, true},
          {"hall_of_fame", 5, 1, 1000, true},
          {"sigma_pos_m", 2.0, 0, 100, false},
          {"sigma_deg", 20.0, 0, 360, false},
          {"sigma_uv", 0.1, 0, 1, false},
          {"sigma_focal_m", 2.0, 0, 100, false},
          {"chunk", 4, 1, 100000, true}}},
        {"pso",
         {{"population", 20, 2, 100000, true},
          {"generations", 20, 1, 100000, true},
          {"sigma0", 0.3, 1e-6, 1, false},
          {"chunk", 4, 1, 100000, true}}},
        {"cmaes",
         {{"population", 20, 5, 100000, true},  // pagmo's cmaes needs 5
          {"generations", 20, 1, 100000, true},
          {"sigma0", 0.3, 1e-6, 1, false},
          {"chunk", 4, 1, 100000, true}}},
        {"refine",
         {{"max_evaluations", 60, 1, 100000, true}, {"initial_step", 0.05, 1e-6, 1, false}}},
        {"halving",
         {{"candidates", 64, 2, 1000000, true},
          {"keep_fraction", 0.25, 0.01, 0.99, false},
          {"chunk", 4, 1, 100000, true}}},
    };
    return methods;
}

}  // namespace

const std::vector<MethodParam>& method_params(const std::string& type) {
    static const std::vector<MethodParam> none;
    const auto it = table().find(type);
    return it == table().end() ? none : it->second;
}

const std::vector<std::string>& method_types() {
    static const std::vector<std::string> types = {"grid", "gd",     "ga",     "pso",
                                                   "cmaes", "refine", "halving"};
    return types;
}

nlohmann::json method_defaults(const std::string& type) {
    nlohmann::json defaults = nlohmann::json::object();
    for (const MethodParam& p : method_params(type)) {
        if (p.integer)
            defaults[p.key] = static_cast<long long>(p.default_value);
        else
            defaults[p.key] = p.default_value;
    }
    return defaults;
}

}  // namespace rps
