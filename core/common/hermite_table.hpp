#pragma once
// N smooth functions of one variable sampled with their derivatives on a uniform grid over
// [lo, hi] and evaluated by cubic Hermite interpolation: the error is at most
// h^4/384 · max|f''''| for a grid step h (de Boor, A Practical Guide to Splines, ch. IV), so a
// few thousand samples of an analytic function hold 1e-12. Used where a hot loop would otherwise
// call libm several times per path (the antenna pattern); the functions sharing one grid share
// its index arithmetic.
#include <array>
#include <cstddef>
#include <vector>

namespace rps {

template <std::size_t N>
class HermiteTable {
public:
    using Values = std::array<double, N>;

    // f(x) and df(x) (the exact derivatives) return Values; intervals >= 1.
    template <class F, class DF>
    HermiteTable(double lo, double hi, std::size_t intervals, F&& f, DF&& df)
        : lo_(lo),
          scale_(static_cast<double>(intervals) / (hi - lo)),
          last_interval_(intervals - 1) {
        const double step = (hi - lo) / static_cast<double>(intervals);
        nodes_.resize(intervals + 1);
        for (std::size_t i = 0; i <= intervals; ++i) {
            const double x = i == intervals ? hi : lo + step * static_cast<double>(i);
            const Values value = f(x), slope = df(x);
            for (std::size_t n = 0; n < N; ++n) {
                nodes_[i].value[n] = value[n];
                nodes_[i].slope[n] = slope[n] * step;
            }
        }
    }

    // The interpolated values at x, clamped to [lo, hi] (infinities included); exact at the grid
    // points; NaN for NaN. One point of evaluate(): a single copy of the arithmetic.
    Values operator()(double x) const {
        Values out;
        std::array<double*, N> into;
        for (std::size_t n = 0; n < N; ++n) into[n] = &out[n];
        evaluate(&x, 1, into);
        return out;
    }

    // The values at x[0..count-1], function n's into out[n][0..count-1]: x clamped to the range
    // and its interval found as selections of values (NaN taken to interval 0, where t is NaN and
    // so are the values), in one loop over the points without a branch per point (a batch's
    // lookups overlap; the antenna's chunks of directions).
    void evaluate(const double* x, int count, std::array<double*, N> out) const {
        const Node* nodes = nodes_.data();
        const double lo = lo_, scale = scale_;  // locals: the stores below cannot change them
        const double last = static_cast<double>(last_interval_);
        const double end = static_cast<double>(last_interval_ + 1);
        for (int k = 0; k < count; ++k) {
            // The position in grid steps, clamped to [0, intervals].
            const double unclamped = (x[k] - lo) * scale;
            const double above = unclamped < 0.0 ? 0.0 : unclamped;
            const double position = end < above ? end : above;
            const bool nan = !(position == position);
            // The interval: min(floor, last) as an int (NaN taken as 0).
            const int i = static_cast<int>(nan ? 0.0 : (last < position ? last : position));
            const double offset = position - static_cast<double>(i);
            const double t = 1.0 < offset ? 1.0 : offset;
            const double s = 1.0 - t;
            const double h00 = (1.0 + 2.0 * t) * s * s;
            const double h10 = t * s * s;
            const double h01 = t * t * (3.0 - 2.0 * t);
            const double h11 = -t * t * s;
            for (std::size_t n = 0; n < N; ++n) {
                const double value = h00 * nodes[i].value[n] + h10 * nodes[i].slope[n] +
                                     h01 * nodes[i + 1].value[n] + h11 * nodes[i + 1].slope[n];
                out[n][k] = value;  // NaN for NaN: t is NaN
            }
        }
    }

private:
    struct Node {
        Values value;
        Values slope;  // derivative times the grid step
    };
    std::vector<Node> nodes_;
    double lo_;
    double scale_;  // intervals per unit of x
    std::size_t last_interval_;
};

}  // namespace rps
