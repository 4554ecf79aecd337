#pragma once
// A layout (DESIGN §4): AP positions and directions, and the reflector's place on its mount and
// focal point. The LayoutSpace maps layouts to the flat parameter vectors the optimisers search,
// with one convention for every method: per AP (x_m, y_m, yaw_deg, downtilt_deg), then for the
// reflector (u, v, focal_x_m, focal_y_m).
#include <optional>
#include <string>
#include <vector>

#include "core/opt/problem.hpp"
#include "core/study/study_spec.hpp"

namespace rps {

using opt::Box;
using opt::Vector;

struct ApPlacement {
    double x_m = 0, y_m = 0, z_m = 3.8;
    double yaw_deg = 0, downtilt_deg = 0;
    TxPose pose() const;
};

struct ReflectorPlacement {
    double u = 0.5, v = 0.5;  // position on the mount rectangle, each in [0, 1]
    Vec3 focal = Vec3(20, 20, 1.5);
};

struct Layout {
    std::vector<ApPlacement> aps;
    std::optional<ReflectorPlacement> reflector;
};

class LayoutSpace {
public:
    explicit LayoutSpace(const StudySpec& spec);

    const Box& box() const { return box_; }
    size_t dim() const { return box_.dim(); }
    const std::vector<std::string>& names() const { return names_; }
    int ap_count() const { return ap_count_; }
    bool has_reflector() const { return reflector_; }
    bool directions_free() const { return directions_; }

    Layout decode(const Vector& x) const;
    Vector encode(const Layout& layout) const;
    // The minimum AP separation (a constraint the optimisers respect).
    bool feasible(const Vector& x) const;
    double separation_margin_m(const Vector& x) const;  // min distance minus the minimum
    double min_separation_m() const { return min_separation_m_; }
    // The farthest two APs can be apart within the bounds (the diagonal of their x, y range).
    double widest_separation_m() const;
    // Mutation scales per gene for the GA (sigma_pos_m, sigma_deg, sigma_uv, sigma_focal_m).
    Vector gene_scales(double pos_m, double deg, double uv, double focal_m) const;

private:
    int ap_count_;
    bool reflector_;
    bool directions_;
    double z_m_, focal_z_m_;
    double fixed_yaw_deg_, fixed_downtilt_deg_;
    double min_separation_m_;
    Box box_;
    std::vector<std::string> names_;
};

nlohmann::json layout_to_json(const Layout& layout);
Layout layout_from_json(const nlohmann::json& json);

}  // namespace rps
