#include "core/study/grid_axes.hpp"

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

}  // namespace rps
