#include "core/opt/successive_halving.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace rps::opt {

HalvingResult successive_halving(const std::vector<Vector>& candidates,
                                 const std::vector<double>& budgets, double keep_fraction,
                                 const FidelityFitness& evaluate_at_budget) {
    if (candidates.empty()) throw std::invalid_argument("successive_halving: no candidates");
    if (budgets.empty()) throw std::invalid_argument("successive_halving: no budgets");
    if (!(keep_fraction > 0.0 && keep_fraction <= 1.0))
        throw std::invalid_argument("successive_halving: keep_fraction must lie in (0, 1]");

    HalvingResult result;
    std::vector<std::size_t> alive(candidates.size());
    for (std::size_t i = 0; i < alive.size(); ++i) alive[i] = i;

    for (std::size_t r = 0; r < budgets.size(); ++r) {
        std::vector<Vector> batch;
        batch.reserve(alive.size());
        for (std::size_t i : alive) batch.push_back(candidates[i]);
        std::vector<double> values = evaluate_at_budget(batch, budgets[r]);
        if (values.size() != batch.size())
            throw std::runtime_error("successive_halving: evaluator returned " +
                                     std::to_string(values.size()) + " values for " +
                                     std::to_string(batch.size()) + " candidates");
        for (double& v : values)
            if (!std::isfinite(v)) v = kInfeasibleFitness;

        std::vector<std::size_t> order(alive.size());
        for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (values[a] != values[b]) return values[a] > values[b];
            return alive[a] < alive[b];
        });
        result.rounds.push_back({budgets[r], alive, values});

        if (r + 1 == budgets.size()) {
            for (std::size_t k : order) result.final_ranking.push_back(alive[k]);
            result.winner = alive[order[0]];
            result.winner_fitness = values[order[0]];
            break;
        }
        // The small epsilon keeps e.g. 144 * (1/3) from rounding up to 49.
        const double want = std::ceil(keep_fraction * static_cast<double>(alive.size()) - 1e-9);
        const std::size_t keep = std::max<std::size_t>(1, static_cast<std::size_t>(want));
        std::vector<std::size_t> survivors;
        for (std::size_t k = 0; k < keep && k < order.size(); ++k)
            survivors.push_back(alive[order[k]]);
        std::sort(survivors.begin(), survivors.end());
        alive = std::move(survivors);
    }
    return result;
}

}  // namespace rps::opt
