#include "core/study/feasible_layout_probe.hpp"

#include <fmt/format.h>

#include <random>

#include "core/opt/seed_sequence.hpp"

namespace rps {
namespace {

Vector draw(const Box& box, std::mt19937_64& rng, bool centre) {
    Vector x(box.dim());
    for (size_t i = 0; i < box.dim(); ++i)
        x[i] = centre ? 0.5 * (box.lower[i] + box.upper[i])
                      : opt::uniform(rng, box.lower[i], box.upper[i]);
    return x;
}

}  // namespace

FeasibleLayoutProbe probe_feasible_layout(const LayoutEvaluator& evaluator, int draws,
                                          uint64_t seed) {
    const LayoutSpace& space = evaluator.space();
    FeasibleLayoutProbe probe;
    if (space.ap_count() >= 2 && space.widest_separation_m() < space.min_separation_m()) {
        probe.field = "bounds.min_ap_separation_m";
        probe.message =
            fmt::format("no two APs can be {:g} m apart: the bounds' diagonal is {:.3f} m",
                        space.min_separation_m(), space.widest_separation_m());
        return probe;
    }
    std::mt19937_64 rng(seed);
    int reflector_refusals = 0;
    std::string placement_example, reflector_example;
    for (; probe.drawn < draws; ++probe.drawn) {
        const LayoutRefusal refusal =
            evaluator.refusal(space.decode(draw(space.box(), rng, probe.drawn == 0)));
        if (!refusal) {
            probe.found = true;
            ++probe.drawn;
            return probe;
        }
        const bool reflector = refusal.kind == LayoutRefusal::Kind::Reflector;
        reflector_refusals += reflector;
        std::string& example = reflector ? reflector_example : placement_example;
        if (example.empty()) example = refusal.reason;
    }
    const bool reflector = 2 * reflector_refusals > probe.drawn;
    probe.field = reflector ? "reflector" : "bounds";
    probe.message =
        fmt::format("none of {} layouts drawn over the bounds can be evaluated, e.g.: {}",
                    probe.drawn, reflector ? reflector_example : placement_example);
    return probe;
}

std::string separation_hint(const LayoutSpace& space, int draws, uint64_t seed) {
    if (space.ap_count() < 2) return {};
    std::mt19937_64 rng(seed);
    for (int i = 0; i < draws; ++i)
        if (space.feasible(draw(space.box(), rng, false))) return {};
    return fmt::format(
        "none of {} layouts drawn over the bounds keeps the {} APs {:g} m apart "
        "(bounds.min_ap_separation_m): lower the separation or widen the bounds",
        draws, space.ap_count(), space.min_separation_m());
}

}  // namespace rps
