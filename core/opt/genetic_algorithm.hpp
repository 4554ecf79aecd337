#pragma once
// Generational genetic algorithm in the style of DEAP's eaSimple (the original's deap_logic.py),
// plus what the original lacked: elitism, a constraint that skips evaluation, portable seeding
// and one ordered batch per generation.
#include <cstdint>
#include <functional>
#include <vector>

#include "core/opt/problem.hpp"

namespace rps::opt {

struct GeneticAlgorithmParams {
    int population = 50;
    int generations = 20;
    double cxpb = 0.7;         // probability that a consecutive pair is blended
    double mutpb = 0.3;        // probability that an individual is mutated
    int tournament_size = 3;   // selTournament(k)
    double blend_alpha = 0.5;  // cxBlend alpha
    double indpb = 0.2;        // per-gene mutation probability within a mutated individual
    // Per-gene standard deviation of the Gaussian mutation, in parameter units (the original used
    // 2 m for positions, 0.3 for directions). One entry applies to every gene; empty = 10 % of
    // each box width.
    Vector sigma;
    int n_elite = 1;       // best individuals copied unchanged into the next generation
    int hall_of_fame = 5;  // size of the hall of fame (best distinct individuals ever seen)
    // Optional individuals to start from (e.g. grid-search winners); clamped to the box. The rest
    // of the first population is uniform in the box.
    std::vector<Vector> initial;
    // With a constraint, an infeasible random initial individual is redrawn up to this many
    // times before it is kept (with kInfeasibleFitness).
    int init_feasible_tries = 100;
};

// Called after the initial population (generation 0) and after each generation, on the caller's
// thread, with the best individual so far and the whole current population.
using GenerationCallback = std::function<void(int generation, const Evaluation& best,
                                              const std::vector<Evaluation>& population)>;

struct GeneticAlgorithmResult {
    // best_per_iteration[0] is the initial population, [g] the state after generation g. With
    // n_elite >= 1 this is also the best of each population, hence non-decreasing by design.
    OptimisationTrace trace;
    std::vector<Evaluation> hall_of_fame;  // distinct, feasible, best first (ties: earliest)
    std::vector<Evaluation> final_population;
};

// Randomness: SeedSequence(seed).engine(0) draws the initial population, engine(g) everything in
// generation g (selection, crossover, mutation), so a generation's draws do not depend on how
// many were used before it. Only individuals whose genes changed are re-evaluated (the
// objective is deterministic); they form one batch per generation, in population order.
GeneticAlgorithmResult genetic_algorithm(const Box& box, const BatchFitness& fitness,
                                         const GeneticAlgorithmParams& params, std::uint64_t seed,
                                         const Constraint& constraint = {},
                                         const GenerationCallback& on_generation = {});

}  // namespace rps::opt
