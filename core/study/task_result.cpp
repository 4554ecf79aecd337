#include "core/study/task_result.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace rps {

using nlohmann::json;

namespace {

void consider(TaskDigest& d, double objective, const Vector& x) {
    if (!is_valid_objective(objective)) return;
    if (!d.has_objective || objective > d.objective) {
        d.has_objective = true;
        d.objective = objective;
        d.x = x;
    }
}

bool numbers(const json& j, std::size_t size) {
    return j.is_array() && j.size() == size &&
           std::all_of(j.begin(), j.end(), [](const json& v) { return v.is_number(); });
}

}  // namespace

bool is_valid_objective(double objective) {
    return std::isfinite(objective) && objective > opt::kInfeasibleFitness;
}

TaskDigest digest_task_result(const json& payload, const json& result, const LayoutSpace& space) {
    TaskDigest d;
    if (!result.is_object()) return d;
    const std::string kind = payload.value("kind", "");
    if (kind == "evaluate") {
        const json& points = payload.at("points");
        const json& objectives = result.at("objectives");
        for (std::size_t i = 0; i < objectives.size() && i < points.size(); ++i) {
            const double f = objectives[i].get<double>();
            if (is_valid_objective(f)) ++d.evaluations;
            consider(d, f, points[i].get<Vector>());
        }
    } else if (kind == "gd") {
        // The surrogate's steps may cross the AP separation; only feasible points count.
        for (const json& step : result.value("trajectory", json::array())) {
            ++d.evaluations;
            const Vector x = step.at("x").get<Vector>();
            if (space.feasible(x)) consider(d, step.at("objective").get<double>(), x);
        }
    } else if (kind == "map") {
        d.evaluations = 1;
        if (result.value("valid", false))
            consider(d, result.at("objective").get<double>(), payload.at("point").get<Vector>());
    }
    return d;
}

std::string check_task_result(const json& payload, const json& result, std::size_t dim) {
    if (!result.is_object()) return "the result is not a JSON object";
    const std::string kind = payload.value("kind", "");
    if (kind == "evaluate") {
        const std::size_t n = payload.at("points").size();
        if (!numbers(result.value("objectives", json()), n))
            return "'objectives' must hold " + std::to_string(n) + " numbers";
    } else if (kind == "gd") {
        const json trajectory = result.value("trajectory", json());
        if (!trajectory.is_array()) return "'trajectory' must be an array";
        for (const json& step : trajectory)
            if (!step.is_object() || !numbers(step.value("x", json()), dim) ||
                !step.value("objective", json()).is_number())
                return "every 'trajectory' step needs 'x' (" + std::to_string(dim) +
                       " numbers) and a numeric 'objective'";
    } else if (kind == "map") {
        if (!result.value("valid", json()).is_boolean()) return "'valid' must be a boolean";
        if (result.at("valid").get<bool>() && !result.value("objective", json()).is_number())
            return "a valid map needs a numeric 'objective'";
        // The map is stored only when it comes with both (an invalid layout has no power).
        if (result.contains("grid") && result.contains("combined_power_w")) {
            const json cells =
                result.at("grid").is_object() ? result.at("grid").value("cells", json()) : json();
            const bool cells_ok = cells.is_array() && cells.size() == 2 &&
                                  cells[0].is_number_integer() && cells[1].is_number_integer() &&
                                  cells[0].get<int64_t>() > 0 && cells[1].get<int64_t>() > 0;
            if (!cells_ok) return "'grid.cells' must hold two positive integers";
            const auto size =
                static_cast<std::size_t>(cells[0].get<int64_t>() * cells[1].get<int64_t>());
            if (!numbers(result.value("combined_power_w", json()), size))
                return "'combined_power_w' must hold grid.cells[0] * grid.cells[1] numbers";
        }
    }
    return {};
}

}  // namespace rps
