#include "core/study/layout.hpp"

#include <cmath>
#include <limits>

#include "core/common/units.hpp"

namespace rps {

TxPose ApPlacement::pose() const {
    return TxPose{Vec3(x_m, y_m, z_m), deg_to_rad(yaw_deg), deg_to_rad(downtilt_deg)};
}

LayoutSpace::LayoutSpace(const StudySpec& spec)
    : ap_count_(spec.ap_count),
      reflector_(spec.reflector.has_value()),
      directions_(spec.bounds.optimise_direction),
      z_m_(spec.bounds.z_m),
      focal_z_m_(spec.reflector ? spec.reflector->focal_z_m : 1.5),
      fixed_yaw_deg_(spec.bounds.fixed_yaw_deg),
      fixed_downtilt_deg_(spec.bounds.fixed_downtilt_deg),
      min_separation_m_(spec.bounds.min_separation_m) {
    const ApBounds& b = spec.bounds;
    for (int i = 0; i < ap_count_; ++i) {
        const std::string p = "ap" + std::to_string(i) + ".";
        box_.lower.push_back(b.x_min_m), box_.upper.push_back(b.x_max_m), names_.push_back(p + "x_m");
        box_.lower.push_back(b.y_min_m), box_.upper.push_back(b.y_max_m), names_.push_back(p + "y_m");
        if (directions_) {
            box_.lower.push_back(b.yaw_min_deg), box_.upper.push_back(b.yaw_max_deg);
            names_.push_back(p + "yaw_deg");
            box_.lower.push_back(b.downtilt_min_deg), box_.upper.push_back(b.downtilt_max_deg);
            names_.push_back(p + "downtilt_deg");
        }
    }
    if (reflector_) {
        const ReflectorSpec& r = *spec.reflector;
        box_.lower.insert(box_.lower.end(), {0.0, 0.0, r.focal_x_min_m, r.focal_y_min_m});
        box_.upper.insert(box_.upper.end(), {1.0, 1.0, r.focal_x_max_m, r.focal_y_max_m});
        names_.insert(names_.end(), {"reflector.u", "reflector.v", "focal.x_m", "focal.y_m"});
    }
    box_.validate();
}

Layout LayoutSpace::decode(const Vector& x) const {
    Layout layout;
    size_t k = 0;
    for (int i = 0; i < ap_count_; ++i) {
        ApPlacement ap;
        ap.x_m = x[k++];
        ap.y_m = x[k++];
        ap.z_m = z_m_;
        ap.yaw_deg = directions_ ? x[k++] : fixed_yaw_deg_;
        ap.downtilt_deg = directions_ ? x[k++] : fixed_downtilt_deg_;
        layout.aps.push_back(ap);
    }
    if (reflector_) {
        ReflectorPlacement r;
        r.u = x[k++];
        r.v = x[k++];
        const double fx = x[k++];
        const double fy = x[k++];
        r.focal = Vec3(fx, fy, focal_z_m_);
        layout.reflector = r;
    }
    return layout;
}

Vector LayoutSpace::encode(const Layout& layout) const {
    Vector x;
    for (const ApPlacement& ap : layout.aps) {
        x.push_back(ap.x_m);
        x.push_back(ap.y_m);
        if (directions_) {
            x.push_back(ap.yaw_deg);
            x.push_back(ap.downtilt_deg);
        }
    }
    if (reflector_ && layout.reflector) {
        x.insert(x.end(), {layout.reflector->u, layout.reflector->v, layout.reflector->focal.x(),
                           layout.reflector->focal.y()});
    }
    return x;
}

double LayoutSpace::separation_margin_m(const Vector& x) const {
    const int stride = directions_ ? 4 : 2;
    double closest = std::numeric_limits<double>::infinity();
    for (int i = 0; i < ap_count_; ++i)
        for (int j = i + 1; j < ap_count_; ++j)
            closest = std::min(closest, std::hypot(x[i * stride] - x[j * stride],
                                                   x[i * stride + 1] - x[j * stride + 1]));
    return closest - min_separation_m_;
}

double LayoutSpace::widest_separation_m() const {
    // Every AP shares the first AP's x, y bounds; hypot as in separation_margin_m, so that a
    // separation exactly the diagonal counts as reachable, as it is at the corners.
    return std::hypot(box_.upper[0] - box_.lower[0], box_.upper[1] - box_.lower[1]);
}

bool LayoutSpace::feasible(const Vector& x) const {
    return ap_count_ < 2 || separation_margin_m(x) >= 0.0;
}

Vector LayoutSpace::gene_scales(double pos_m, double deg, double uv, double focal_m) const {
    Vector scales;
    for (int i = 0; i < ap_count_; ++i) {
        scales.insert(scales.end(), {pos_m, pos_m});
        if (directions_) scales.insert(scales.end(), {deg, deg * 0.25});
    }
    if (reflector_) scales.insert(scales.end(), {uv, uv, focal_m, focal_m});
    return scales;
}

nlohmann::json layout_to_json(const Layout& layout) {
    nlohmann::json out;
    out["aps"] = nlohmann::json::array();
    for (const ApPlacement& ap : layout.aps)
        out["aps"].push_back({{"x_m", ap.x_m}, {"y_m", ap.y_m}, {"z_m", ap.z_m},
                              {"yaw_deg", ap.yaw_deg}, {"downtilt_deg", ap.downtilt_deg}});
    if (layout.reflector)
        out["reflector"] = {{"u", layout.reflector->u},
                            {"v", layout.reflector->v},
                            {"focal_m",
                             {layout.reflector->focal.x(), layout.reflector->focal.y(),
                              layout.reflector->focal.z()}}};
    return out;
}

Layout layout_from_json(const nlohmann::json& json) {
    Layout layout;
    for (const auto& ap : json.at("aps"))
        layout.aps.push_back({ap.at("x_m").get<double>(), ap.at("y_m").get<double>(),
                              ap.at("z_m").get<double>(), ap.at("yaw_deg").get<double>(),
                              ap.at("downtilt_deg").get<double>()});
    if (json.contains("reflector")) {
        const auto& r = json.at("reflector");
        const auto& f = r.at("focal_m");
        layout.reflector = ReflectorPlacement{r.at("u").get<double>(), r.at("v").get<double>(),
                                              Vec3(f[0].get<double>(), f[1].get<double>(),
                                                   f[2].get<double>())};
    }
    return layout;
}

}  // namespace rps
