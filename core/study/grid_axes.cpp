#include "core/study/grid_axes.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "core/opt/grid_search.hpp"

namespace rps {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

GridAxis inclusive_axis(double lo, double hi, int n) {
    if (n <= 1 || hi <= lo) return {{0.5 * (lo + hi)}, 0.0};
    return {opt::linspace(lo, hi, n), (hi - lo) / (n - 1)};
}

// A full turn of yaw is cyclic: n values from the lower bound, never both -180 and 180.
GridAxis yaw_axis(double lo, double hi, int n) {
    if (hi - lo < 360.0 - 1e-9) return inclusive_axis(lo, hi, n);
    if (n <= 1) return {{0.5 * (lo + hi)}, 0.0};
    GridAxis a;
    a.spacing = (hi - lo) / n;
    for (int k = 0; k < n; ++k) a.values.push_back(lo + k * a.spacing);
    return a;
}

}  // namespace

std::vector<GridAxis> grid_axes(const LayoutSpace& space, const nlohmann::json& p) {
    const opt::Box& box = space.box();
    const auto steps = [&](const char* key) { return p.at(key).get<int>(); };
    std::vector<GridAxis> axes;
    for (std::size_t i = 0; i < space.dim(); ++i) {
        const std::string& name = space.names()[i];
        const double lo = box.lower[i], hi = box.upper[i];
        if (name.rfind("ap", 0) == 0 && (ends_with(name, ".x_m") || ends_with(name, ".y_m"))) {
            const opt::Box one{{lo}, {hi}};
            const int n = opt::steps_for_resolution(one, {p.at("resolution_m").get<double>()})[0];
            axes.push_back(inclusive_axis(lo, hi, n));
        } else if (ends_with(name, "yaw_deg")) {
            axes.push_back(yaw_axis(lo, hi, steps("yaw_steps")));
        } else if (ends_with(name, "downtilt_deg")) {
            axes.push_back(inclusive_axis(lo, hi, steps("downtilt_steps")));
        } else if (name == "reflector.u") {
            axes.push_back(inclusive_axis(lo, hi, steps("u_steps")));
        } else if (name == "reflector.v") {
            axes.push_back(inclusive_axis(lo, hi, steps("v_steps")));
        } else {  // focal.x_m, focal.y_m
            axes.push_back(inclusive_axis(lo, hi, steps("focal_steps")));
        }
    }
    return axes;
}

double grid_axes_point_count(const std::vector<GridAxis>& axes) {
    double count = 1.0;
    for (const GridAxis& a : axes) count *= static_cast<double>(a.values.size());
    return count;
}

GridWalk::GridWalk(std::vector<GridAxis> axes) : axes_(std::move(axes)), index_(axes_.size(), 0) {
    for (const GridAxis& a : axes_) {
        done_ = done_ || a.values.empty();  // an empty axis: an empty product
        sorted_.push_back(a.values);
        std::sort(sorted_.back().begin(), sorted_.back().end());
        // Values compared by <, as std::set<Vector> compares points (-0.0 equals 0.0).
        std::set<double> seen;
        std::vector<bool> first;
        for (double v : a.values) first.push_back(seen.insert(v).second);
        first_.push_back(std::move(first));
    }
}

bool GridWalk::next(Vector& x) {
    x.resize(axes_.size());
    while (!done_) {
        bool fresh = true;
        for (std::size_t i = 0; i < axes_.size(); ++i) {
            x[i] = axes_[i].values[index_[i]];
            fresh = fresh && first_[i][index_[i]];
        }
        // Odometer increment, last dimension fastest; done once the first one wraps.
        std::size_t i = axes_.size();
        while (i-- > 0) {
            if (++index_[i] < axes_[i].values.size()) break;
            index_[i] = 0;
        }
        done_ = i == static_cast<std::size_t>(-1);
        if (fresh) return true;
    }
    return false;
}

bool GridWalk::contains(const Vector& x) const {
    if (x.size() != sorted_.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::binary_search(sorted_[i].begin(), sorted_[i].end(), x[i])) return false;
    return true;
}

std::vector<Vector> next_grid_chunk(GridWalk& walk, std::size_t chunk_size,
                                    const std::function<bool(const Vector&)>& keep) {
    std::vector<Vector> chunk;
    Vector x;
    while ((chunk_size == 0 || chunk.size() < chunk_size) && walk.next(x))
        if (keep(x)) chunk.push_back(x);
    return chunk;
}

}  // namespace rps
