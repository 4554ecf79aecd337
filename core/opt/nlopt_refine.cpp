#include "core/opt/nlopt_refine.hpp"

#include <nlopt.hpp>

#include <algorithm>
#include <cmath>
#include <exception>
#include <stdexcept>
#include <string>

namespace rps::opt {

ConstraintMargin margin_from_predicate(Constraint feasible) {
    return [feasible = std::move(feasible)](const Vector& x) { return feasible(x) ? -1.0 : 1.0; };
}

namespace {

struct RefineState {
    const BatchFitness* fitness = nullptr;
    const ConstraintMargin* margin = nullptr;
    const ProgressCallback* progress = nullptr;
    nlopt::opt* opt = nullptr;
    OptimisationTrace trace;
    int iteration = 0;
    bool have_worst = false;
    double worst = 0.0;  // worst finite fitness evaluated so far
    std::exception_ptr error;
    Vector start;  // evaluated before NLopt runs; NLopt asking for it again reuses the value
    bool start_evaluated = false;
    bool budget_stop = false;
    std::size_t max_evaluations = 0;
    double start_value = 0.0;
};

// The value NLopt sees for an evaluated fitness: infeasible/non-finite become the worst seen.
double for_nlopt(RefineState& s, double v) {
    if (v <= kInfeasibleFitness) return s.have_worst ? s.worst : 0.0;
    if (!s.have_worst || v < s.worst) s.worst = v;
    s.have_worst = true;
    return v;
}

double evaluate_recorded(RefineState& s, const Vector& point) {
    const double v = evaluate_batch(*s.fitness, {point}, {}, s.trace)[0];
    s.trace.end_iteration();
    if (*s.progress) (*s.progress)(s.iteration, s.trace.best);
    ++s.iteration;
    return v;
}

double objective(unsigned n, const double* x, double* grad, void* data) {
    (void)grad;  // derivative-free algorithms only
    auto* s = static_cast<RefineState*>(data);
    try {
        Vector point(x, x + n);
        if (*s->margin && (*s->margin)(point) > 0.0) {
            ++s->trace.infeasible_skipped;
            return s->have_worst ? s->worst : 0.0;
        }
        if (s->start_evaluated && point == s->start) return for_nlopt(*s, s->start_value);
        // The budget counts real evaluations (the start included), not NLopt's calls.
        if (s->trace.evaluations.size() >= s->max_evaluations) {
            s->budget_stop = true;
            s->opt->force_stop();
            return s->have_worst ? s->worst : 0.0;
        }
        return for_nlopt(*s, evaluate_recorded(*s, point));
    } catch (...) {
        // NLopt's C++ wrapper would turn any exception into a generic failure; keep the original.
        s->error = std::current_exception();
        s->opt->force_stop();
        return 0.0;
    }
}

double constraint_fn(unsigned n, const double* x, double* grad, void* data) {
    (void)grad;
    auto* s = static_cast<RefineState*>(data);
    try {
        const double m = (*s->margin)(Vector(x, x + n));
        return std::isfinite(m) ? m : 1.0;
    } catch (...) {
        s->error = std::current_exception();
        s->opt->force_stop();
        return 0.0;
    }
}

}  // namespace

OptimisationTrace nlopt_refine(const Box& box, const Vector& start, const BatchFitness& fitness,
                               const NloptRefineParams& params, const ConstraintMargin& margin,
                               const ProgressCallback& progress) {
    box.validate();
    const std::size_t dim = box.dim();
    if (start.size() != dim) throw std::invalid_argument("nlopt_refine: start has wrong dimension");
    if (params.max_evaluations < 1)
        throw std::invalid_argument("nlopt_refine: max_evaluations < 1");
    if (!params.initial_step.empty() && params.initial_step.size() != 1 &&
        params.initial_step.size() != dim)
        throw std::invalid_argument("nlopt_refine: initial_step needs 1 or dim entries");

    // BOBYQA needs at least two free variables; COBYLA has no such limit, so it also covers the
    // one-dimensional case.
    const nlopt::algorithm algorithm = (margin || dim < 2) ? nlopt::LN_COBYLA : nlopt::LN_BOBYQA;
    nlopt::opt opt(algorithm, static_cast<unsigned>(dim));
    opt.set_lower_bounds(box.lower);
    opt.set_upper_bounds(box.upper);
    // Exact budget enforced in objective(); this only bounds calls answered from the cache.
    opt.set_maxeval(2 * params.max_evaluations + 2);
    if (params.xtol_abs > 0) opt.set_xtol_abs(params.xtol_abs);
    if (params.ftol_abs > 0) opt.set_ftol_abs(params.ftol_abs);
    Vector step(dim);
    for (std::size_t i = 0; i < dim; ++i) {
        const double s = params.initial_step.empty()
                             ? 0.1 * box.width(i)
                             : (params.initial_step.size() == 1 ? params.initial_step[0]
                                                                : params.initial_step[i]);
        // A zero step would make NLopt reject the problem; fixed dimensions (width 0) are
        // eliminated by NLopt itself from their equal bounds. BOBYQA's first trust region must
        // fit twice between the bounds ("insufficient space between the bounds" otherwise, for
        // an initial_step above half the range, which study files may give: up to 1).
        step[i] = s > 0 ? s : 1e-6;
        if (box.width(i) > 0) step[i] = std::min(step[i], 0.5 * box.width(i));
    }
    opt.set_initial_step(step);

    RefineState state;
    state.fitness = &fitness;
    state.margin = &margin;
    state.progress = &progress;
    state.opt = &opt;
    state.max_evaluations = static_cast<std::size_t>(params.max_evaluations);
    opt.set_max_objective(objective, &state);
    if (margin) opt.add_inequality_constraint(constraint_fn, &state, 0.0);

    // BOBYQA may move a start that lies within one step of a bound before evaluating anything,
    // so evaluate the start ourselves: the refinement can then never return something worse.
    Vector x = box.clamp(start);
    state.start = x;
    if (!margin || margin(x) <= 0.0) {
        state.start_value = evaluate_recorded(state, x);
        state.start_evaluated = true;
        for_nlopt(state, state.start_value);
    }
    if (params.max_evaluations == 1) return std::move(state.trace);
    double f = 0.0;
    try {
        opt.optimize(x, f);
    } catch (const nlopt::roundoff_limited&) {
        // Converged as far as floating point allows: the trace holds the best point.
    } catch (const nlopt::forced_stop&) {
        if (!state.error && !state.budget_stop) throw;
    } catch (const std::exception& e) {
        if (!state.error)
            throw std::runtime_error(std::string("nlopt_refine: NLopt failed: ") + e.what());
    }
    if (state.error) std::rethrow_exception(state.error);
    return std::move(state.trace);
}

}  // namespace rps::opt
