#include "ui/study_estimate.hpp"

#include <cmath>

#include "runtime/study_runner.hpp"

namespace rps {
namespace {

uint64_t count(const nlohmann::json& p, const char* key) {
    const auto it = p.find(key);
    return it != p.end() && it->is_number()
               ? static_cast<uint64_t>(std::max(0.0, it->get<double>()))
               : 0;
}

uint64_t method_maps(const StudySpec& spec, const MethodSpec& method) {
    nlohmann::json p = StudyRunner::method_defaults(method.type);
    if (!p.is_object()) p = nlohmann::json::object();
    p.update(method.params);
    const std::string& t = method.type;
    if (t == "grid") return StudyRunner::grid_point_count(spec, method.params);
    if (t == "gd") return count(p, "starts") * (count(p, "iterations") + 1);
    if (t == "refine") return count(p, "max_evaluations");
    if (t == "halving") {
        const uint64_t n = count(p, "candidates");
        const double keep = p.value("keep_fraction", 0.25);
        return n + static_cast<uint64_t>(std::ceil(static_cast<double>(n) * keep));
    }
    return count(p, "population") * (count(p, "generations") + 1);  // ga, pso, cmaes
}

}  // namespace

StudyEstimate estimateStudy(const StudySpec& spec) {
    StudyEstimate estimate;
    estimate.total = 1;
    for (const MethodSpec& method : spec.methods) {
        uint64_t maps = 0;
        try {
            maps = method_maps(spec, method);
        } catch (const std::exception&) {
            maps = 0;
        }
        estimate.per_method.push_back(maps);
        estimate.total += maps;
    }
    return estimate;
}

}  // namespace rps
