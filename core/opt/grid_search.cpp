#include "core/opt/grid_search.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>

namespace rps::opt {

std::vector<double> linspace(double a, double b, int n) {
    if (n < 1) throw std::invalid_argument("linspace: n = " + std::to_string(n) + " < 1");
    std::vector<double> v(static_cast<std::size_t>(n));
    if (n == 1) {
        v[0] = a;
        return v;
    }
    const double step = (b - a) / (n - 1);
    for (int i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = a + step * i;
    v.back() = b;  // as numpy does: no rounding drift at the upper end
    return v;
}

std::vector<int> steps_for_resolution(const Box& box, const Vector& resolution) {
    box.validate();
    if (resolution.size() != 1 && resolution.size() != box.dim())
        throw std::invalid_argument("steps_for_resolution: " + std::to_string(resolution.size()) +
                                    " resolutions for " + std::to_string(box.dim()) +
                                    " dimensions");
    std::vector<int> steps(box.dim());
    for (std::size_t i = 0; i < box.dim(); ++i) {
        const double res = resolution.size() == 1 ? resolution[0] : resolution[i];
        if (!(res > 0.0) || !std::isfinite(res))
            throw std::invalid_argument("steps_for_resolution: resolution must be > 0");
        steps[i] = 1 + static_cast<int>(std::llround(box.width(i) / res));
    }
    return steps;
}

std::vector<Vector> grid_points(const Box& box, const std::vector<int>& steps_per_dim) {
    box.validate();
    if (steps_per_dim.size() != box.dim())
        throw std::invalid_argument("grid_points: " + std::to_string(steps_per_dim.size()) +
                                    " step counts for " + std::to_string(box.dim()) +
                                    " dimensions");
    std::vector<std::vector<double>> axes;
    std::size_t total = 1;
    for (std::size_t i = 0; i < box.dim(); ++i) {
        axes.push_back(linspace(box.lower[i], box.upper[i], steps_per_dim[i]));
        total *= axes.back().size();
    }
    std::vector<Vector> points;
    points.reserve(total);
    std::vector<std::size_t> idx(box.dim(), 0);
    for (std::size_t n = 0; n < total; ++n) {
        Vector p(box.dim());
        for (std::size_t i = 0; i < box.dim(); ++i) p[i] = axes[i][idx[i]];
        points.push_back(std::move(p));
        // Odometer increment, last dimension fastest.
        for (std::size_t i = box.dim(); i-- > 0;) {
            if (++idx[i] < axes[i].size()) break;
            idx[i] = 0;
        }
    }
    return points;
}

std::vector<std::vector<Vector>> chunk(const std::vector<Vector>& points, std::size_t chunk_size) {
    std::vector<std::vector<Vector>> chunks;
    if (points.empty()) return chunks;
    if (chunk_size == 0) chunk_size = points.size();
    for (std::size_t start = 0; start < points.size(); start += chunk_size) {
        const std::size_t end = std::min(points.size(), start + chunk_size);
        chunks.emplace_back(points.begin() + static_cast<std::ptrdiff_t>(start),
                            points.begin() + static_cast<std::ptrdiff_t>(end));
    }
    return chunks;
}

Box refine_around(const Vector& center, const Box& box, const Vector& half_width) {
    box.validate();
    if (center.size() != box.dim())
        throw std::invalid_argument("refine_around: centre has wrong dimension");
    if (half_width.size() != 1 && half_width.size() != box.dim())
        throw std::invalid_argument("refine_around: half_width has wrong dimension");
    Box out{Vector(box.dim()), Vector(box.dim())};
    for (std::size_t i = 0; i < box.dim(); ++i) {
        const double h = std::abs(half_width.size() == 1 ? half_width[0] : half_width[i]);
        const double c = std::clamp(center[i], box.lower[i], box.upper[i]);
        out.lower[i] = std::max(box.lower[i], c - h);
        out.upper[i] = std::min(box.upper[i], c + h);
    }
    return out;
}

OptimisationTrace grid_search(const Box& box, const std::vector<int>& steps_per_dim,
                              const BatchFitness& fitness, const Constraint& constraint,
                              std::size_t chunk_size, const ProgressCallback& progress) {
    OptimisationTrace trace;
    int iteration = 0;
    for (const auto& batch : chunk(grid_points(box, steps_per_dim), chunk_size)) {
        evaluate_batch(fitness, batch, constraint, trace);
        trace.end_iteration();
        if (progress) progress(iteration, trace.best);
        ++iteration;
    }
    return trace;
}

OptimisationTrace coarse_to_fine_search(const Box& box, const CoarseToFineParams& params,
                                        const BatchFitness& fitness, const Constraint& constraint,
                                        const ProgressCallback& progress) {
    if (params.levels < 1) throw std::invalid_argument("coarse_to_fine_search: levels < 1");
    if (!(params.window_cells > 0.0))
        throw std::invalid_argument("coarse_to_fine_search: window_cells must be > 0");
    OptimisationTrace trace;
    std::set<Vector> seen;  // exact duplicates across levels (the centre reappears each level)
    Box level_box = box;
    for (int level = 0; level < params.levels; ++level) {
        std::vector<Vector> fresh;
        for (auto& p : grid_points(level_box, params.steps))
            if (seen.insert(p).second) fresh.push_back(std::move(p));
        for (const auto& batch : chunk(fresh, params.chunk_size))
            evaluate_batch(fitness, batch, constraint, trace);
        trace.end_iteration();
        if (progress) progress(level, trace.best);
        if (trace.best.x.empty()) break;  // nothing feasible: no centre to refine around

        Vector half(box.dim());
        for (std::size_t i = 0; i < box.dim(); ++i) {
            const int n = params.steps[i];
            const double cell = n > 1 ? level_box.width(i) / (n - 1) : 0.0;
            half[i] = params.window_cells * cell;
        }
        level_box = refine_around(trace.best.x, box, half);
    }
    return trace;
}

}  // namespace rps::opt
