#include "ui/layout_defaults.hpp"

#include "core/study/start_layout.hpp"

namespace rps {
namespace {

ApPlacement default_ap(const StudySpec& spec, int index) {
    const ApBounds& b = spec.bounds;
    ApPlacement ap;
    const double fraction = (index + 1.0) / (spec.ap_count + 1.0);
    ap.x_m = b.x_min_m + fraction * (b.x_max_m - b.x_min_m);
    ap.y_m = 0.5 * (b.y_min_m + b.y_max_m);
    ap.z_m = b.z_m;
    ap.yaw_deg = b.optimise_direction ? 0.0 : b.fixed_yaw_deg;
    ap.downtilt_deg = b.optimise_direction ? 0.0 : b.fixed_downtilt_deg;
    return ap;
}

ReflectorPlacement default_reflector(const ReflectorSpec& r) {
    ReflectorPlacement placement;
    placement.u = 0.5;
    placement.v = 0.5;
    // A quarter of the focal area away from the centre, toward the room side of the mount, so
    // that it does not sit under an AP placed in the middle.
    const double fx = 0.5 * (r.focal_x_min_m + r.focal_x_max_m) +
                      0.25 * r.facing.x() * (r.focal_x_max_m - r.focal_x_min_m);
    const double fy = 0.5 * (r.focal_y_min_m + r.focal_y_max_m) +
                      0.25 * r.facing.y() * (r.focal_y_max_m - r.focal_y_min_m);
    placement.focal = Vec3(fx, fy, r.focal_z_m);
    return placement;
}

}  // namespace

Layout defaultLayout(const StudySpec& spec) {
    Layout layout;
    for (int i = 0; i < spec.ap_count; ++i) layout.aps.push_back(default_ap(spec, i));
    if (spec.reflector) layout.reflector = default_reflector(*spec.reflector);
    return layout;
}

Layout defaultLayout(const StudySpec& spec, const LayoutEvaluator& evaluator) {
    return open_floor_start_layout(evaluator,
                                   accepted_start_layout(evaluator, defaultLayout(spec)));
}

Layout conformLayout(const Layout& layout, const StudySpec& spec,
                     const LayoutEvaluator& evaluator) {
    const size_t first_added = layout.aps.size();
    return open_floor_start_layout(
        evaluator, accepted_start_layout(evaluator, conformLayout(layout, spec), first_added),
        first_added);
}

Layout conformLayout(const Layout& layout, const StudySpec& spec) {
    Layout out = layout;
    out.aps.resize(static_cast<size_t>(spec.ap_count));
    for (int i = 0; i < spec.ap_count; ++i) {
        ApPlacement& ap = out.aps[static_cast<size_t>(i)];
        if (i >= static_cast<int>(layout.aps.size())) ap = default_ap(spec, i);
        ap.z_m = spec.bounds.z_m;
        if (!spec.bounds.optimise_direction) {
            ap.yaw_deg = spec.bounds.fixed_yaw_deg;
            ap.downtilt_deg = spec.bounds.fixed_downtilt_deg;
        }
    }
    if (!spec.reflector) {
        out.reflector.reset();
    } else {
        if (!out.reflector) out.reflector = default_reflector(*spec.reflector);
        out.reflector->focal.z() = spec.reflector->focal_z_m;
    }
    return out;
}

bool sameLayout(const Layout& a, const Layout& b) {
    if (a.aps.size() != b.aps.size() || a.reflector.has_value() != b.reflector.has_value())
        return false;
    for (size_t i = 0; i < a.aps.size(); ++i) {
        const ApPlacement &p = a.aps[i], &q = b.aps[i];
        if (p.x_m != q.x_m || p.y_m != q.y_m || p.z_m != q.z_m || p.yaw_deg != q.yaw_deg ||
            p.downtilt_deg != q.downtilt_deg)
            return false;
    }
    return !a.reflector || (a.reflector->u == b.reflector->u && a.reflector->v == b.reflector->v &&
                            a.reflector->focal == b.reflector->focal);
}

}  // namespace rps
