#include "core/opt/adam_ascent.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "core/opt/seed_sequence.hpp"

namespace rps::opt {
namespace {

bool all_finite(const Vector& v) {
    for (double x : v)
        if (!std::isfinite(x)) return false;
    return true;
}

}  // namespace

AdamResult adam_ascent(const GradientFunction& f, const Box& box, const Vector& start,
                       const AdamParams& params, const ObjectiveFunction& true_objective,
                       const AdamIterationCallback& on_iteration) {
    box.validate();
    const std::size_t dim = box.dim();
    if (start.size() != dim) throw std::invalid_argument("adam_ascent: start has wrong dimension");
    if (params.iterations < 0) throw std::invalid_argument("adam_ascent: iterations < 0");
    if (params.learning_rate.size() != 1 && params.learning_rate.size() != dim)
        throw std::invalid_argument("adam_ascent: learning_rate needs 1 or dim entries");
    for (double lr : params.learning_rate)
        if (!(lr > 0.0) || !std::isfinite(lr))
            throw std::invalid_argument("adam_ascent: learning rates must be finite and > 0");
    if (!(params.beta1 >= 0 && params.beta1 < 1 && params.beta2 >= 0 && params.beta2 < 1))
        throw std::invalid_argument("adam_ascent: betas must lie in [0, 1)");
    if (!(params.epsilon > 0)) throw std::invalid_argument("adam_ascent: epsilon must be > 0");

    AdamResult result;
    Vector x = box.clamp(start);
    Vector m(dim, 0.0), v(dim, 0.0);
    double beta1_t = 1.0, beta2_t = 1.0;

    auto stop = [&](AdamStatus status, const std::string& why, int k) {
        result.status = status;
        result.message = why + " at iteration " + std::to_string(k);
        result.stopped_at = x;
    };

    for (int k = 0; k < params.iterations; ++k) {
        const ValueAndGradient vg = f(x);
        if (vg.gradient.size() != dim)
            throw std::invalid_argument("adam_ascent: gradient has " +
                                        std::to_string(vg.gradient.size()) + " components, " +
                                        std::to_string(dim) + " expected");
        if (!std::isfinite(vg.value)) {
            stop(AdamStatus::NonFiniteValue, "non-finite value", k);
            break;
        }
        if (!all_finite(vg.gradient)) {
            stop(AdamStatus::NonFiniteGradient, "non-finite gradient", k);
            break;
        }
        double truth = vg.value;
        if (true_objective) {
            truth = true_objective(x);
            if (!std::isfinite(truth)) {
                stop(AdamStatus::NonFiniteTrueValue, "non-finite true objective", k);
                break;
            }
        }
        const double gnorm = std::sqrt(
            std::inner_product(vg.gradient.begin(), vg.gradient.end(), vg.gradient.begin(), 0.0));
        AdamStep step{x, vg.value, truth, gnorm};
        result.trace.record({x, truth});
        result.trace.end_iteration();
        result.trajectory.push_back(step);
        if (on_iteration) on_iteration(k, result.trajectory.back());

        if (k + 1 == params.iterations) break;  // the last evaluated point needs no step
        beta1_t *= params.beta1;
        beta2_t *= params.beta2;
        for (std::size_t i = 0; i < dim; ++i) {
            const double g = vg.gradient[i];
            m[i] = params.beta1 * m[i] + (1.0 - params.beta1) * g;
            v[i] = params.beta2 * v[i] + (1.0 - params.beta2) * g * g;
            const double m_hat = m[i] / (1.0 - beta1_t);
            const double v_hat = v[i] / (1.0 - beta2_t);
            const double lr = params.learning_rate.size() == 1 ? params.learning_rate[0]
                                                               : params.learning_rate[i];
            x[i] += lr * m_hat / (std::sqrt(v_hat) + params.epsilon);  // ascent
        }
        x = box.clamp(std::move(x));
    }
    return result;
}

std::vector<Vector> latin_hypercube_starts(const Box& box, std::size_t n, std::uint64_t seed) {
    box.validate();
    std::vector<Vector> points(n, Vector(box.dim()));
    if (n == 0) return points;
    auto rng = SeedSequence(seed).engine(0);
    std::vector<std::size_t> perm(n);
    for (std::size_t i = 0; i < box.dim(); ++i) {
        std::iota(perm.begin(), perm.end(), std::size_t{0});
        for (std::size_t k = n; k-- > 1;)  // Fisher-Yates with the portable index draw
            std::swap(perm[k], perm[uniform_index(rng, k + 1)]);
        for (std::size_t k = 0; k < n; ++k) {
            const double u =
                (static_cast<double>(perm[k]) + uniform01(rng)) / static_cast<double>(n);
            points[k][i] = std::min(box.upper[i], box.lower[i] + box.width(i) * u);
        }
    }
    return points;
}

std::vector<Vector> uniform_starts(const Box& box, std::size_t n, std::uint64_t seed) {
    box.validate();
    const SeedSequence seeds(seed);
    std::vector<Vector> points;
    points.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        auto rng = seeds.engine(k);
        Vector x(box.dim());
        for (std::size_t i = 0; i < box.dim(); ++i) x[i] = uniform(rng, box.lower[i], box.upper[i]);
        points.push_back(std::move(x));
    }
    return points;
}

MultiStartResult multi_start_adam(const GradientFunction& f, const Box& box,
                                  const std::vector<Vector>& starts, const AdamParams& params,
                                  const ObjectiveFunction& true_objective) {
    MultiStartResult out;
    for (std::size_t s = 0; s < starts.size(); ++s) {
        out.starts.push_back(adam_ascent(f, box, starts[s], params, true_objective));
        const Evaluation& b = out.starts.back().trace.best;
        if (!b.x.empty() && (out.best.x.empty() || b.fitness > out.best.fitness)) {
            out.best = b;
            out.best_start = s;
        }
    }
    return out;
}

}  // namespace rps::opt
