#include "core/opt/pagmo_methods.hpp"

#include <pagmo/algorithms/cmaes.hpp>
#include <pagmo/algorithms/pso_gen.hpp>
#include <pagmo/bfe.hpp>
#include <pagmo/population.hpp>
#include <pagmo/problem.hpp>
#include <pagmo/types.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/opt/seed_sequence.hpp"

namespace rps::opt {
namespace {

// State shared by the problem and the batch evaluator. pagmo copies user-defined problems and
// evaluators freely (into populations, algorithms, dry-run copies), so they hold a shared_ptr
// to one context: every evaluation, whichever copy asked, lands in the same trace.
struct Context {
    BatchFitness fitness;
    Constraint constraint;
    ProgressCallback progress;
    std::size_t dim = 0;
    OptimisationTrace trace;
    int iteration = 0;

    // CMA-ES batching (see cmaes_optimise in the header).
    enum class Mode { Direct, Record, Replay };
    Mode mode = Mode::Direct;
    std::vector<Vector> recorded;
    std::vector<double> replay;  // pagmo (negated) fitness of each recorded point
    std::size_t replay_pos = 0;
    std::size_t replay_misses = 0;

    void end_iteration() {
        trace.end_iteration();
        if (progress) progress(iteration, trace.best);
        ++iteration;
    }
    std::vector<double> evaluate(const std::vector<Vector>& xs) {
        return evaluate_batch(fitness, xs, constraint, trace);
    }
};

// The user-defined pagmo problem: the Box and a single-point fitness routed to BatchFitness as a
// batch of one (pso_gen with a bfe never calls it; cmaes does, see Context::Mode).
struct BoxProblem {
    std::shared_ptr<Context> ctx;
    pagmo::vector_double lower, upper;

    pagmo::vector_double fitness(const pagmo::vector_double& x) const {
        switch (ctx->mode) {
            case Context::Mode::Record:
                ctx->recorded.push_back(x);
                return {0.0};  // placeholder; this dry-run copy is thrown away
            case Context::Mode::Replay:
                if (ctx->replay_pos < ctx->recorded.size() && ctx->recorded[ctx->replay_pos] == x)
                    return {ctx->replay[ctx->replay_pos++]};
                ++ctx->replay_misses;
                break;
            case Context::Mode::Direct:
                break;
        }
        return {-ctx->evaluate({x})[0]};
    }
    std::pair<pagmo::vector_double, pagmo::vector_double> get_bounds() const {
        return {lower, upper};
    }
    std::string get_name() const { return "rps::opt box problem"; }
};

// The user-defined batch evaluator: decodes pagmo's flattened batch, evaluates it as one ordered
// batch and closes one iteration (pso_gen calls it exactly once per generation).
struct BatchEvaluator {
    std::shared_ptr<Context> ctx;

    pagmo::vector_double operator()(const pagmo::problem&, const pagmo::vector_double& dvs) const {
        const std::size_t dim = ctx->dim;
        std::vector<Vector> xs;
        xs.reserve(dvs.size() / dim);
        for (std::size_t k = 0; k + dim <= dvs.size(); k += dim)
            xs.emplace_back(dvs.begin() + static_cast<std::ptrdiff_t>(k),
                            dvs.begin() + static_cast<std::ptrdiff_t>(k + dim));
        const std::vector<double> values = ctx->evaluate(xs);
        ctx->end_iteration();
        pagmo::vector_double out(values.size());
        for (std::size_t i = 0; i < values.size(); ++i) out[i] = -values[i];
        return out;
    }
    std::string get_name() const { return "rps::opt batch evaluator"; }
};

std::shared_ptr<Context> make_context(const Box& box, const BatchFitness& fitness,
                                      const Constraint& constraint,
                                      const ProgressCallback& progress) {
    box.validate();
    if (!fitness) throw std::invalid_argument("pagmo methods: empty fitness");
    auto ctx = std::make_shared<Context>();
    ctx->fitness = fitness;
    ctx->constraint = constraint;
    ctx->progress = progress;
    ctx->dim = box.dim();
    return ctx;
}

}  // namespace

OptimisationTrace pso_optimise(const Box& box, const BatchFitness& fitness, const PsoParams& params,
                               std::uint64_t seed, const Constraint& constraint,
                               const ProgressCallback& progress) {
    auto ctx = make_context(box, fitness, constraint, progress);
    if (params.population < 2) throw std::invalid_argument("pso_optimise: population < 2");
    const SeedSequence seeds(seed);
    const pagmo::bfe evaluator{BatchEvaluator{ctx}};
    pagmo::problem prob{BoxProblem{ctx, box.lower, box.upper}};
    pagmo::population pop{prob, evaluator, params.population, seeds.derive32(0)};

    pagmo::pso_gen algo(params.generations, params.omega, params.eta1, params.eta2, params.max_vel,
                        params.variant, params.neighb_type, params.neighb_param,
                        /*memory=*/false, seeds.derive32(1));
    algo.set_bfe(evaluator);
    pop = algo.evolve(pop);
    return std::move(ctx->trace);
}

OptimisationTrace cmaes_optimise(const Box& box, const BatchFitness& fitness,
                                 const CmaesParams& params, std::uint64_t seed,
                                 const Constraint& constraint, const ProgressCallback& progress) {
    auto ctx = make_context(box, fitness, constraint, progress);
    if (params.population < 5) throw std::invalid_argument("cmaes_optimise: population < 5");
    if (!(params.sigma0 > 0)) throw std::invalid_argument("cmaes_optimise: sigma0 must be > 0");
    const SeedSequence seeds(seed);
    pagmo::problem prob{BoxProblem{ctx, box.lower, box.upper}};
    pagmo::population pop{prob, pagmo::bfe{BatchEvaluator{ctx}}, params.population,
                          seeds.derive32(0)};

    // One generation per evolve() with memory=true carries mean, sigma, C and the RNG across
    // calls, which is exactly one evolve() with `generations` generations.
    pagmo::cmaes algo(1u, -1, -1, -1, -1, params.sigma0, params.ftol, params.xtol,
                      /*memory=*/true, params.force_bounds, seeds.derive32(1));
    for (unsigned g = 0; g < params.generations; ++g) {
        ctx->mode = Context::Mode::Record;
        ctx->recorded.clear();
        {
            // A copy on purpose: evolve() with memory=true changes the algorithm's state.
            // NOLINTNEXTLINE(performance-unnecessary-copy-initialization)
            pagmo::cmaes dry_algo = algo;
            pagmo::population dry_pop = pop;
            dry_algo.evolve(std::move(dry_pop));
        }
        if (ctx->recorded.empty()) break;  // pagmo's ftol/xtol stop fired: nothing sampled

        const std::vector<double> values = ctx->evaluate(ctx->recorded);
        ctx->replay.resize(values.size());
        for (std::size_t i = 0; i < values.size(); ++i) ctx->replay[i] = -values[i];
        ctx->replay_pos = 0;
        ctx->mode = Context::Mode::Replay;
        pop = algo.evolve(std::move(pop));
        ctx->mode = Context::Mode::Direct;
        ctx->end_iteration();
    }
    return std::move(ctx->trace);
}

}  // namespace rps::opt
