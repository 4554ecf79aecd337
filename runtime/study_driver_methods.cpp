#include <algorithm>
#include <cmath>
#include <string>

#include "core/common/error.hpp"
#include "core/opt/adam_ascent.hpp"
#include "core/opt/genetic_algorithm.hpp"
#include "core/opt/grid_search.hpp"
#include "core/opt/nlopt_refine.hpp"
#include "core/opt/pagmo_methods.hpp"
#include "core/opt/seed_sequence.hpp"
#include "core/opt/successive_halving.hpp"
#include "core/study/grid_axes.hpp"
#include "core/study/method_params.hpp"
#include "core/study/task_result.hpp"
#include "runtime/study_driver.hpp"

// Each search method of a study as the tasks it runs (StudyRunner::Driver's methods part): the
// method's parameters with their defaults, its seed, its task estimate for the progress bar.
namespace rps {

using nlohmann::json;
using opt::kInfeasibleFitness;

namespace {

// Points per dimension of a grid refinement level (5: the spacing halves at every level).
constexpr int kRefineSteps = 5;
// Redraws of a random point that violates the AP separation before it is kept as it is.
constexpr int kFeasibleTries = 1000;

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

double param_number(const json& p, const char* key) { return p.at(key).get<double>(); }
int param_int(const json& p, const char* key) { return p.at(key).get<int>(); }

uint64_t ceil_div(uint64_t a, uint64_t b) { return b ? (a + b - 1) / b : a; }

std::string format_objective(double f) {
    // The infeasible sentinel (-1e300) printed as "-1000000000000000052504760..." in the logs.
    if (!is_valid_objective(f)) return "none feasible yet";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f", f);
    return buffer;
}

InputError method_error(const StudySpec& spec, int index, const std::string& key,
                        const std::string& message) {
    return InputError(
        SourceLocation{spec.source_file, 0, "methods[" + std::to_string(index) + "]." + key},
        message);
}

}  // namespace

uint64_t StudyRunner::Driver::estimate_tasks(const MethodSpec& method) const {
    json p = method_defaults(method.type);
    p.update(method.params);
    const std::string& t = method.type;
    if (t == "grid") {
        const auto axes = grid_axes(space_, p);
        uint64_t n =
            ceil_div(static_cast<uint64_t>(grid_axes_point_count(axes)), param_int(p, "chunk"));
        const uint64_t level =
            ceil_div(static_cast<uint64_t>(std::pow(kRefineSteps, 2)), param_int(p, "chunk"));
        return n + param_int(p, "refine_levels") * level;
    }
    if (t == "gd") return param_int(p, "starts");
    if (t == "refine") return param_int(p, "max_evaluations");
    if (t == "halving") {
        const uint64_t n = param_int(p, "candidates");
        const auto kept = static_cast<uint64_t>(std::ceil(n * param_number(p, "keep_fraction")));
        return ceil_div(n, param_int(p, "chunk")) + ceil_div(kept, param_int(p, "chunk"));
    }
    // ga, pso, cmaes: one batch per generation plus the initial population.
    return (param_int(p, "generations") + 1) *
           ceil_div(param_int(p, "population"), param_int(p, "chunk"));
}

uint64_t StudyRunner::Driver::estimate_tasks() const {
    uint64_t n = 1;  // the final map
    for (const MethodSpec& m : spec_.methods) n += estimate_tasks(m);
    return n;
}

opt::Constraint StudyRunner::Driver::constraint() const {
    if (space_.ap_count() < 2) return {};
    return [this](const Vector& x) { return space_.feasible(x); };
}

Vector StudyRunner::Driver::random_feasible(std::mt19937_64& rng) const {
    const opt::Box& box = space_.box();
    Vector x(box.dim());
    for (int attempt = 0; attempt < kFeasibleTries; ++attempt) {
        for (std::size_t i = 0; i < box.dim(); ++i)
            x[i] = opt::uniform(rng, box.lower[i], box.upper[i]);
        if (space_.feasible(x)) break;
    }
    return x;
}

// ---- methods -------------------------------------------------------------------------------

void StudyRunner::Driver::run_grid(MethodState& m, const json& p, uint64_t) {
    const std::vector<GridAxis> axes = grid_axes(space_, p);
    // check_study_size has refused a first level larger than max_points (before the run).
    const int max_points = param_int(p, "max_points");
    const std::size_t chunk_size = static_cast<std::size_t>(param_int(p, "chunk"));
    // The levels evaluated so far, by their axes only: a point is evaluated once, and a feasible
    // point of an earlier level was evaluated there. They stand for a set of every point seen,
    // which cost ~650 B a point (up to max_points = 1e8 of them). Each level's points are walked
    // in grid order, feasible new ones only, a chunk per task, as the pool asks for tasks:
    // the same payloads and ids as the whole list chunked up front.
    std::vector<GridWalk> levels;
    const auto evaluate_level = [&](std::vector<GridAxis> level_axes) {
        GridWalk walk(std::move(level_axes));
        const auto keep = [&](const Vector& x) {
            return space_.feasible(x) &&
                   std::none_of(levels.begin(), levels.end(),
                                [&](const GridWalk& level) { return level.contains(x); });
        };
        run_streamed(m, [&]() -> std::optional<json> {
            const std::vector<Vector> chunk = next_grid_chunk(walk, chunk_size, keep);
            if (chunk.empty()) return std::nullopt;
            return json{{"kind", "evaluate"}, {"points", chunk}};
        });
        levels.push_back(std::move(walk));
    };
    evaluate_level(axes);

    // Coarse to fine: a grid of kRefineSteps per free dimension over +-1 cell around the best.
    Vector half(axes.size());
    for (std::size_t i = 0; i < axes.size(); ++i) half[i] = axes[i].spacing;
    const int free =
        static_cast<int>(std::count_if(half.begin(), half.end(), [](double h) { return h > 0; }));
    int steps = kRefineSteps;
    while (steps > 2 && std::pow(steps, free) > max_points) steps -= 2;
    for (int level = 0; level < param_int(p, "refine_levels") && m.best.valid(); ++level) {
        const opt::Box window = opt::refine_around(m.best.x, space_.box(), half);
        std::vector<int> per_dim(axes.size(), 1);
        for (std::size_t i = 0; i < axes.size(); ++i)
            if (half[i] > 0 && window.width(i) > 0) per_dim[i] = steps;
        // The axes of opt::grid_points(window, per_dim).
        window.validate();
        std::vector<GridAxis> level_axes(axes.size());
        for (std::size_t i = 0; i < axes.size(); ++i)
            level_axes[i].values = opt::linspace(window.lower[i], window.upper[i], per_dim[i]);
        evaluate_level(std::move(level_axes));
        for (std::size_t i = 0; i < axes.size(); ++i)
            half[i] = per_dim[i] > 1 ? window.width(i) / (per_dim[i] - 1) : 0.0;
        Q_EMIT owner_.log(QStringLiteral("grid refinement level %1: best %2")
                              .arg(level + 1)
                              .arg(QString::fromStdString(format_objective(m.best.objective))));
    }
}

void StudyRunner::Driver::run_gd(MethodState& m, const json& p, uint64_t seed) {
    const int starts = param_int(p, "starts");
    std::vector<Vector> points = opt::latin_hypercube_starts(space_.box(), starts, seed);
    // A start that breaks the AP separation is replaced by a random feasible one (own stream).
    const opt::SeedSequence redraw(opt::SeedSequence(seed).derive("redraw"));
    for (std::size_t i = 0; i < points.size(); ++i)
        if (!space_.feasible(points[i])) {
            auto rng = redraw.engine(i);
            points[i] = random_feasible(rng);
        }
    Vector lr;
    for (const std::string& name : space_.names()) {
        if (ends_with(name, "_deg"))
            lr.push_back(param_number(p, "lr_deg"));
        else if (name == "reflector.u" || name == "reflector.v")
            lr.push_back(param_number(p, "lr_uv"));
        else
            lr.push_back(param_number(p, "lr_m"));
    }
    std::vector<json> payloads;
    for (const Vector& start : points)
        payloads.push_back({{"kind", "gd"},
                            {"start", start},
                            {"iterations", param_int(p, "iterations")},
                            {"learning_rate", lr},
                            {"temperature_db", param_number(p, "surrogate_temperature_db")}});
    run_tasks(m, payloads);  // one task per start, completed in any order
}

void StudyRunner::Driver::run_ga(MethodState& m, const json& p, uint64_t seed) {
    opt::GeneticAlgorithmParams g;
    g.population = param_int(p, "population");
    g.generations = param_int(p, "generations");
    g.cxpb = param_number(p, "cxpb");
    g.mutpb = param_number(p, "mutpb");
    g.tournament_size = param_int(p, "tournament");
    g.blend_alpha = param_number(p, "alpha");
    g.indpb = param_number(p, "indpb");
    g.n_elite = param_int(p, "elite");
    g.hall_of_fame = param_int(p, "hall_of_fame");
    g.sigma = space_.gene_scales(param_number(p, "sigma_pos_m"), param_number(p, "sigma_deg"),
                                 param_number(p, "sigma_uv"), param_number(p, "sigma_focal_m"));
    const std::size_t chunk_size = static_cast<std::size_t>(param_int(p, "chunk"));
    const auto fitness = [&](const std::vector<Vector>& points) {
        return evaluate(m, points, chunk_size);
    };
    opt::genetic_algorithm(
        space_.box(), fitness, g, seed, constraint(),
        [&](int generation, const opt::Evaluation& best, const std::vector<opt::Evaluation>&) {
            Q_EMIT owner_.log(QStringLiteral("ga generation %1: best %2")
                                  .arg(generation)
                                  .arg(QString::fromStdString(format_objective(best.fitness))));
        });
}

void StudyRunner::Driver::run_pso(MethodState& m, const json& p, uint64_t seed) {
    opt::PsoParams params;
    params.population = static_cast<unsigned>(param_int(p, "population"));
    params.generations = static_cast<unsigned>(param_int(p, "generations"));
    const std::size_t chunk_size = static_cast<std::size_t>(param_int(p, "chunk"));
    opt::pso_optimise(
        space_.box(),
        [&](const std::vector<Vector>& points) { return evaluate(m, points, chunk_size); }, params,
        seed, constraint());
}

void StudyRunner::Driver::run_cmaes(MethodState& m, const json& p, uint64_t seed) {
    opt::CmaesParams params;
    params.population = static_cast<unsigned>(param_int(p, "population"));
    params.generations = static_cast<unsigned>(param_int(p, "generations"));
    params.sigma0 = param_number(p, "sigma0");  // population >= 5: method_params.cpp
    const std::size_t chunk_size = static_cast<std::size_t>(param_int(p, "chunk"));
    opt::cmaes_optimise(
        space_.box(),
        [&](const std::vector<Vector>& points) { return evaluate(m, points, chunk_size); }, params,
        seed, constraint());
}

void StudyRunner::Driver::run_refine(MethodState& m, const json& p, uint64_t seed) {
    const opt::Box& box = space_.box();
    Vector start = best_.x;
    if (start.empty()) {  // nothing before: the centre, or a random feasible point
        start = box.center();
        if (!space_.feasible(start)) {
            auto rng = opt::SeedSequence(seed).engine(0);
            start = random_feasible(rng);
        }
    }
    opt::NloptRefineParams params;
    params.max_evaluations = param_int(p, "max_evaluations");
    for (std::size_t i = 0; i < box.dim(); ++i)
        params.initial_step.push_back(param_number(p, "initial_step") * box.width(i));
    opt::ConstraintMargin margin;
    if (space_.ap_count() > 1)
        margin = [this](const Vector& x) { return -space_.separation_margin_m(x); };
    opt::nlopt_refine(
        box, start, [&](const std::vector<Vector>& points) { return evaluate(m, points, 1); },
        params, margin);
}

void StudyRunner::Driver::run_halving(MethodState& m, const json& p, uint64_t seed) {
    const opt::SeedSequence seeds(seed);
    std::vector<Vector> candidates;
    for (int i = 0; i < param_int(p, "candidates"); ++i) {
        auto rng = seeds.engine(static_cast<uint64_t>(i));
        candidates.push_back(random_feasible(rng));
    }
    const int order = spec_.radio.max_reflection_order;
    // Cheap round at reflection order 1, then the study's own order (only that one is ranked
    // against the other methods).
    const std::vector<double> budgets = order > 1
                                            ? std::vector<double>{1.0, static_cast<double>(order)}
                                            : std::vector<double>{static_cast<double>(order)};
    const std::size_t chunk_size = static_cast<std::size_t>(param_int(p, "chunk"));
    opt::successive_halving(candidates, budgets, param_number(p, "keep_fraction"),
                            [&](const std::vector<Vector>& points, double budget) {
                                const int k = static_cast<int>(budget);
                                return evaluate(m, points, chunk_size, k < order ? k : -1);
                            });
}

void StudyRunner::Driver::run_method(MethodState& m, const MethodSpec& method) {
    json p = method_defaults(method.type);
    p.update(method.params);
    const uint64_t seed = opt::SeedSequence(spec_.seed).derive(static_cast<uint64_t>(m.index));
    const QString type = QString::fromStdString(method.type);
    Q_EMIT owner_.methodStarted(m.index, type);
    QElapsedTimer timer;
    timer.start();
    if (method.type == "grid")
        run_grid(m, p, seed);
    else if (method.type == "gd")
        run_gd(m, p, seed);
    else if (method.type == "ga")
        run_ga(m, p, seed);
    else if (method.type == "pso")
        run_pso(m, p, seed);
    else if (method.type == "cmaes")
        run_cmaes(m, p, seed);
    else if (method.type == "refine")
        run_refine(m, p, seed);
    else if (method.type == "halving")
        run_halving(m, p, seed);
    else
        throw method_error(spec_, m.index, "type", "unknown method '" + method.type + "'");
    m.wall_s = static_cast<double>(timer.nsecsElapsed()) * 1e-9;
    Q_EMIT owner_.methodFinished(
        m.index, type, m.best.valid() ? m.best.objective : kInfeasibleFitness, m.evaluations);
}
}  // namespace rps
