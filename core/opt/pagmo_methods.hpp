#pragma once
// Particle swarm (pagmo::pso_gen) and CMA-ES (pagmo::cmaes) over a Box, with every fitness
// evaluation going through our BatchFitness in ordered batches (one per generation), so that a
// worker pool can serve them. pagmo stays out of this header: only pagmo_methods.cpp includes it.
//
// pagmo minimises; the adapters negate, so these functions MAXIMISE like the rest of rps_opt.
#include <cstdint>

#include "core/opt/problem.hpp"

namespace rps::opt {

// pagmo::pso_gen parameters (pagmo's defaults: canonical constricted PSO, lbest ring topology).
struct PsoParams {
    unsigned generations = 20;
    unsigned population = 20;  // swarm size
    double omega = 0.7298;     // constriction coefficient (variant 5)
    double eta1 = 2.05;        // pull toward the particle's own best
    double eta2 = 2.05;        // pull toward the neighbourhood best
    double max_vel = 0.5;      // maximum velocity as a fraction of each box width
    unsigned variant = 5;      // 1..6, see pagmo::pso_gen
    unsigned neighb_type = 2;  // 1 gbest, 2 lbest, 3 von Neumann, 4 adaptive random
    unsigned neighb_param = 4;
};

// pagmo::cmaes parameters.
struct CmaesParams {
    unsigned generations = 20;
    unsigned population = 16;  // lambda (>= 5); mu = lambda / 2
    // Initial step size as a fraction of each box width (pagmo scales its initial D by the
    // widths); pagmo's default. Smaller values make CMA-ES more local: on a two-bump test it
    // then settles on the wrong bump more often.
    double sigma0 = 0.5;
    double ftol = 1e-6;  // stop when best and worst of a generation differ by less (0 = never)
    double xtol = 1e-6;  // stop when the sampled step is shorter (0 = never)
    bool force_bounds = true;  // samples are clamped to the box before evaluation
};

// Seeds: SeedSequence(seed).derive32(0) draws the initial population, derive32(1) seeds the
// algorithm (pagmo takes 32-bit seeds). Iteration 0 of the trace is the initial population,
// iteration g is generation g. Infeasible points (constraint) are not evaluated; pagmo sees
// kInfeasibleFitness for them.
OptimisationTrace pso_optimise(const Box& box, const BatchFitness& fitness, const PsoParams& params,
                               std::uint64_t seed, const Constraint& constraint = {},
                               const ProgressCallback& progress = {});

// pagmo 2.18's cmaes has no set_bfe (only pso_gen, nsga2, gaco, maco, nspso do): it calls
// problem::fitness once per sample. To still send each generation as ONE batch, every generation
// is first dry-run on copies of the algorithm and population (same RNG state) with a problem that
// only records the requested points; that batch is evaluated, then the real generation replays
// the values in order. A point that does not match the recording (not expected with pagmo 2.18)
// is evaluated on its own, so results stay correct either way.
OptimisationTrace cmaes_optimise(const Box& box, const BatchFitness& fitness,
                                 const CmaesParams& params, std::uint64_t seed,
                                 const Constraint& constraint = {},
                                 const ProgressCallback& progress = {});

}  // namespace rps::opt
