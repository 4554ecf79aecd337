// Successive halving: survivors per round, winner decided at the final fidelity, ties by index.
#include <gtest/gtest.h>

#include <cmath>

#include "core/opt/successive_halving.hpp"

namespace rps::opt {
namespace {

TEST(SuccessiveHalving, KeepsTheTopFractionAndRanksAtTheFinalFidelity) {
    // Candidates 0..8 at x = i. True score peaks at x = 6; at low fidelity candidate 2 looks
    // best (a bias that vanishes as the budget grows).
    std::vector<Vector> cands;
    for (int i = 0; i < 9; ++i) cands.push_back({static_cast<double>(i)});
    std::vector<std::pair<std::size_t, double>> calls;
    FidelityFitness f = [&](const std::vector<Vector>& xs, double budget) {
        calls.emplace_back(xs.size(), budget);
        std::vector<double> out;
        for (const auto& x : xs) {
            const double truth = -(x[0] - 6) * (x[0] - 6);
            const double bias = (x[0] == 2 ? 20.0 : 0.0) / budget;
            out.push_back(truth + bias);
        }
        return out;
    };
    const auto r = successive_halving(cands, {1, 10, 100}, 1.0 / 3.0, f);
    ASSERT_EQ(calls.size(), 3u);
    EXPECT_EQ(calls[0], (std::pair<std::size_t, double>{9, 1}));
    EXPECT_EQ(calls[1], (std::pair<std::size_t, double>{3, 10}));
    EXPECT_EQ(calls[2], (std::pair<std::size_t, double>{1, 100}));
    EXPECT_EQ(r.rounds[1].candidates, (std::vector<std::size_t>{2, 5, 6}));
    EXPECT_EQ(r.winner, 6u);
    EXPECT_EQ(r.winner_fitness, 0.0);
    EXPECT_EQ(r.final_ranking, (std::vector<std::size_t>{6}));
}

TEST(SuccessiveHalving, TiesGoToTheLowerIndexAndNaNLoses) {
    std::vector<Vector> cands = {{0}, {1}, {2}, {3}, {4}};
    FidelityFitness f = [](const std::vector<Vector>& xs, double) {
        std::vector<double> out;
        for (const auto& x : xs) out.push_back(x[0] == 0 ? std::nan("") : 1.0);
        return out;
    };
    const auto r = successive_halving(cands, {1, 2}, 0.5, f);
    EXPECT_EQ(r.rounds[1].candidates, (std::vector<std::size_t>{1, 2, 3}));
    EXPECT_EQ(r.rounds[0].fitness[0], kInfeasibleFitness);
    EXPECT_EQ(r.final_ranking, (std::vector<std::size_t>{1, 2, 3}));
    EXPECT_EQ(r.winner, 1u);
}

TEST(SuccessiveHalving, ValidatesInput) {
    FidelityFitness f = [](const std::vector<Vector>& xs, double) {
        return std::vector<double>(xs.size(), 0.0);
    };
    EXPECT_THROW(successive_halving({}, {1}, 0.5, f), std::invalid_argument);
    EXPECT_THROW(successive_halving({{1}}, {}, 0.5, f), std::invalid_argument);
    EXPECT_THROW(successive_halving({{1}}, {1}, 0.0, f), std::invalid_argument);
    FidelityFitness wrong = [](const std::vector<Vector>&, double) {
        return std::vector<double>{};
    };
    EXPECT_THROW(successive_halving({{1}}, {1}, 1.0, wrong), std::runtime_error);
}

}  // namespace
}  // namespace rps::opt
