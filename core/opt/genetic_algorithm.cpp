#include "core/opt/genetic_algorithm.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

#include "core/opt/seed_sequence.hpp"

namespace rps::opt {
namespace {

void validate(const Box& box, const GeneticAlgorithmParams& p) {
    box.validate();
    auto fail = [](const std::string& what) {
        throw std::invalid_argument("genetic_algorithm: " + what);
    };
    if (p.population < 2) fail("population must be >= 2");
    if (p.generations < 0) fail("generations must be >= 0");
    if (p.cxpb < 0 || p.cxpb > 1 || p.mutpb < 0 || p.mutpb > 1 || p.indpb < 0 || p.indpb > 1)
        fail("probabilities must lie in [0, 1]");
    if (p.tournament_size < 1) fail("tournament_size must be >= 1");
    if (p.blend_alpha < 0) fail("blend_alpha must be >= 0");
    if (p.n_elite < 0 || p.n_elite >= p.population) fail("n_elite must lie in [0, population)");
    if (p.hall_of_fame < 0) fail("hall_of_fame must be >= 0");
    if (!p.sigma.empty() && p.sigma.size() != 1 && p.sigma.size() != box.dim())
        fail("sigma needs 1 or " + std::to_string(box.dim()) + " entries");
    for (double s : p.sigma)
        if (!(s >= 0) || !std::isfinite(s)) fail("sigma entries must be finite and >= 0");
    for (const auto& x : p.initial)
        if (x.size() != box.dim()) fail("an initial individual has the wrong dimension");
}

// Index order best-first; equal fitness keeps the lower index so ranking never depends on sort
// stability or evaluation order.
std::vector<std::size_t> rank(const std::vector<double>& fitness) {
    std::vector<std::size_t> order(fitness.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (fitness[a] != fitness[b]) return fitness[a] > fitness[b];
        return a < b;
    });
    return order;
}

class HallOfFame {
public:
    explicit HallOfFame(std::size_t capacity) : capacity_(capacity) {}

    void offer(const Evaluation& e) {
        if (capacity_ == 0 || e.fitness <= kInfeasibleFitness) return;
        for (const auto& h : entries_)
            if (h.x == e.x) return;  // distinct individuals only (as DEAP's HallOfFame)
        // After every entry with fitness >= e: ties keep the earlier entry first.
        auto pos = std::find_if(entries_.begin(), entries_.end(),
                                [&](const Evaluation& h) { return h.fitness < e.fitness; });
        if (pos == entries_.end() && entries_.size() >= capacity_) return;
        entries_.insert(pos, e);
        if (entries_.size() > capacity_) entries_.pop_back();
    }
    const std::vector<Evaluation>& entries() const { return entries_; }

private:
    std::size_t capacity_;
    std::vector<Evaluation> entries_;
};

}  // namespace

GeneticAlgorithmResult genetic_algorithm(const Box& box, const BatchFitness& fitness,
                                         const GeneticAlgorithmParams& params, std::uint64_t seed,
                                         const Constraint& constraint,
                                         const GenerationCallback& on_generation) {
    validate(box, params);
    const std::size_t dim = box.dim();
    const auto pop_size = static_cast<std::size_t>(params.population);
    const auto n_elite = static_cast<std::size_t>(params.n_elite);

    Vector sigma(dim);
    for (std::size_t i = 0; i < dim; ++i) {
        if (params.sigma.empty())
            sigma[i] = 0.1 * box.width(i);
        else
            sigma[i] = params.sigma.size() == 1 ? params.sigma[0] : params.sigma[i];
    }

    const SeedSequence seeds(seed);
    GeneticAlgorithmResult result;
    OptimisationTrace& trace = result.trace;
    HallOfFame hof(static_cast<std::size_t>(params.hall_of_fame));

    // --- Generation 0 ---------------------------------------------------------------------
    std::vector<Vector> pop;
    pop.reserve(pop_size);
    for (const auto& x : params.initial) {
        if (pop.size() == pop_size) break;
        pop.push_back(box.clamp(x));
    }
    {
        auto rng = seeds.engine(0);
        auto draw = [&] {
            Vector x(dim);
            for (std::size_t i = 0; i < dim; ++i) x[i] = uniform(rng, box.lower[i], box.upper[i]);
            return x;
        };
        while (pop.size() < pop_size) {
            Vector x = draw();
            for (int t = 0; constraint && !constraint(x) && t < params.init_feasible_tries; ++t)
                x = draw();
            pop.push_back(std::move(x));
        }
    }
    std::vector<double> fit = evaluate_batch(fitness, pop, constraint, trace);
    auto snapshot = [&] {
        std::vector<Evaluation> s(pop_size);
        for (std::size_t i = 0; i < pop_size; ++i) s[i] = {pop[i], fit[i]};
        return s;
    };
    auto close_generation = [&](int g, const std::vector<std::size_t>& evaluated) {
        for (std::size_t i : evaluated) hof.offer({pop[i], fit[i]});
        trace.end_iteration();
        if (on_generation) on_generation(g, trace.best, snapshot());
    };
    {
        std::vector<std::size_t> all(pop_size);
        std::iota(all.begin(), all.end(), std::size_t{0});
        close_generation(0, all);
    }

    // --- Generations 1..G -------------------------------------------------------------------
    const double alpha = params.blend_alpha;
    for (int g = 1; g <= params.generations; ++g) {
        auto rng = seeds.engine(static_cast<std::uint64_t>(g));
        const auto order = rank(fit);

        std::vector<Vector> next;
        std::vector<double> next_fit;
        next.reserve(pop_size);
        next_fit.reserve(pop_size);
        for (std::size_t e = 0; e < n_elite; ++e) {
            next.push_back(pop[order[e]]);
            next_fit.push_back(fit[order[e]]);
        }

        // selTournament: k aspirants drawn with replacement, the fittest wins (lower index on
        // ties).
        const std::size_t n_off = pop_size - n_elite;
        std::vector<Vector> off;
        std::vector<double> off_fit;
        off.reserve(n_off);
        for (std::size_t k = 0; k < n_off; ++k) {
            std::size_t winner = uniform_index(rng, pop_size);
            for (int t = 1; t < params.tournament_size; ++t) {
                const std::size_t c = uniform_index(rng, pop_size);
                if (fit[c] > fit[winner] || (fit[c] == fit[winner] && c < winner)) winner = c;
            }
            off.push_back(pop[winner]);
            off_fit.push_back(fit[winner]);
        }
        const std::vector<Vector> parents = off;

        // varAnd: cxBlend on consecutive pairs, then Gaussian mutation.
        for (std::size_t k = 1; k < n_off; k += 2) {
            if (uniform01(rng) >= params.cxpb) continue;
            Vector& a = off[k - 1];
            Vector& b = off[k];
            for (std::size_t i = 0; i < dim; ++i) {
                const double gamma = (1.0 + 2.0 * alpha) * uniform01(rng) - alpha;
                const double ai = a[i], bi = b[i];
                a[i] = (1.0 - gamma) * ai + gamma * bi;
                b[i] = gamma * ai + (1.0 - gamma) * bi;
            }
        }
        for (std::size_t k = 0; k < n_off; ++k) {
            if (uniform01(rng) >= params.mutpb) continue;
            for (std::size_t i = 0; i < dim; ++i)
                if (uniform01(rng) < params.indpb) off[k][i] += sigma[i] * standard_normal(rng);
        }

        // Clamp, then re-evaluate only what actually changed, as one batch in order.
        std::vector<std::size_t> changed;
        std::vector<Vector> batch;
        for (std::size_t k = 0; k < n_off; ++k) {
            off[k] = box.clamp(std::move(off[k]));
            if (off[k] != parents[k]) {
                changed.push_back(k);
                batch.push_back(off[k]);
            }
        }
        const std::vector<double> values = evaluate_batch(fitness, batch, constraint, trace);
        for (std::size_t j = 0; j < changed.size(); ++j) off_fit[changed[j]] = values[j];

        std::vector<std::size_t> evaluated;
        for (std::size_t k = 0; k < n_off; ++k) {
            next.push_back(std::move(off[k]));
            next_fit.push_back(off_fit[k]);
        }
        for (std::size_t j : changed) evaluated.push_back(n_elite + j);
        pop = std::move(next);
        fit = std::move(next_fit);
        close_generation(g, evaluated);
    }

    result.hall_of_fame = hof.entries();
    result.final_population = snapshot();
    return result;
}

}  // namespace rps::opt
