#include "core/study/task_executor.hpp"

#include <stdexcept>

#include "core/study/surrogate_objective.hpp"

namespace rps {
namespace {

Vector to_vector(const nlohmann::json& json, size_t dim, const char* what) {
    if (!json.is_array() || json.size() != dim)
        throw std::invalid_argument(std::string("task: '") + what + "' must hold " +
                                    std::to_string(dim) + " numbers");
    Vector x;
    for (const auto& v : json) x.push_back(v.get<double>());
    return x;
}

nlohmann::json evaluate_points(const LayoutEvaluator& evaluator, const nlohmann::json& payload) {
    const LayoutSpace& space = evaluator.space();
    nlohmann::json objectives = nlohmann::json::array(), metrics = nlohmann::json::array(),
                   reasons = nlohmann::json::array();
    for (const auto& point : payload.at("points")) {
        const Vector x = to_vector(point, space.dim(), "points[i]");
        if (!space.feasible(x)) {
            objectives.push_back(opt::kInfeasibleFitness);
            metrics.push_back(nullptr);
            reasons.push_back("APs closer than the minimum separation");
            continue;
        }
        const LayoutEvaluation e = evaluator.evaluate_objective(space.decode(x));
        objectives.push_back(e.valid ? e.objective : opt::kInfeasibleFitness);
        metrics.push_back(e.valid ? metrics_to_json(e.metrics) : nlohmann::json(nullptr));
        reasons.push_back(e.reason);
    }
    return {{"objectives", objectives}, {"metrics", metrics}, {"reasons", reasons}};
}

nlohmann::json gradient_descent(const LayoutEvaluator& evaluator, const nlohmann::json& payload,
                                const TaskProgress& progress) {
    const LayoutSpace& space = evaluator.space();
    const Vector start = to_vector(payload.at("start"), space.dim(), "start");
    opt::AdamParams params;
    params.iterations = payload.value("iterations", 30);
    params.learning_rate = to_vector(payload.at("learning_rate"), space.dim(), "learning_rate");
    const double temperature_db = payload.value("temperature_db", 3.0);
    // One surrogate per evaluated point; the true objective comes with it (same maps).
    Vector memo_x;
    std::unique_ptr<SurrogateObjective> memo;
    const auto at = [&](const Vector& x) -> const SurrogateObjective& {
        if (!memo || memo_x != x) {
            memo = std::make_unique<SurrogateObjective>(evaluator, x, temperature_db);
            memo_x = x;
        }
        return *memo;
    };
    const auto surrogate = [&](const Vector& x) { return at(x).value_and_gradient(x); };
    const auto true_objective = [&](const Vector& x) { return at(x).true_objective_at_x0(); };
    nlohmann::json trajectory = nlohmann::json::array();
    const auto on_iteration = [&](int iteration, const opt::AdamStep& step) {
        nlohmann::json record = {{"iteration", iteration},
                                 {"x", step.x},
                                 {"objective", step.true_value},
                                 {"surrogate", step.value},
                                 {"gradient_norm", step.gradient_norm}};
        trajectory.push_back(record);
        if (progress) progress(record);
    };
    const opt::AdamResult result =
        opt::adam_ascent(surrogate, space.box(), start, params, true_objective, on_iteration);
    nlohmann::json out = {
        {"trajectory", trajectory},
        {"status", result.status == opt::AdamStatus::Completed ? "completed" : "stopped"},
        {"message", result.message}};
    out["best_x"] = result.trace.best.x;
    out["best_objective"] = result.trace.best.fitness;
    return out;
}

nlohmann::json layout_maps(const LayoutEvaluator& evaluator, const nlohmann::json& payload) {
    const LayoutSpace& space = evaluator.space();
    const Vector x = to_vector(payload.at("point"), space.dim(), "point");
    const Layout layout = space.decode(x);
    const LayoutEvaluation e = evaluator.evaluate(layout, true);
    nlohmann::json out = {
        {"valid", e.valid}, {"reason", e.reason}, {"layout", layout_to_json(layout)}};
    if (!e.valid) return out;
    out["objective"] = e.objective;
    out["metrics"] = metrics_to_json(e.metrics);
    out["combined_power_w"] = e.combined_power_w;
    out["per_ap_power_w"] = e.per_ap_power_w;
    if (layout.reflector) {
        const PlateGeometry& p = e.plate;
        out["plate"] = {{"center_m", {p.center.x(), p.center.y(), p.center.z()}},
                        {"normal", {p.normal.x(), p.normal.y(), p.normal.z()}},
                        {"width_axis", {p.width_axis.x(), p.width_axis.y(), p.width_axis.z()}},
                        {"width_m", p.width_m},
                        {"height_m", p.height_m}};
    }
    return out;
}

}  // namespace

nlohmann::json metrics_to_json(const MapMetrics& m) {
    // Searches compute only what ranks a layout (LayoutEvaluator::evaluate_objective): the
    // metrics they did not compute are null, never a made-up number.
    const auto known = [&](double value) { return m.complete ? nlohmann::json(value) : nullptr; };
    return {{"p5_dbm", power_to_dbm_floored(m.p5_w)},
            {"min_dbm", power_to_dbm_floored(m.min_w)},
            {"softmin_dbm", known(power_to_dbm_floored(m.softmin_w))},
            {"mean_dbm", known(power_to_dbm_floored(m.mean_w))},
            {"coverage_percent", known(100.0 * m.coverage_fraction)},
            {"valid_cells", m.valid_cells},
            {"masked_cells", m.total_cells}};
}

nlohmann::json execute_study_task(const LayoutEvaluator& evaluator, const nlohmann::json& payload,
                                  const TaskProgress& progress) {
    const std::string kind = payload.value("kind", "");
    if (kind == "evaluate") return evaluate_points(evaluator, payload);
    if (kind == "gd") return gradient_descent(evaluator, payload, progress);
    if (kind == "map") return layout_maps(evaluator, payload);
    throw std::invalid_argument("unknown task kind '" + kind + "' (evaluate, gd, map)");
}

}  // namespace rps
