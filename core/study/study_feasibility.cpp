#include "core/study/study_feasibility.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <vector>

#include "core/common/box_cover_2d.hpp"
#include "core/engine/transmitter_clearance.hpp"
#include "core/opt/seed_sequence.hpp"
#include "core/scene/planar_faces.hpp"
#include "core/study/reflector_pose.hpp"

namespace rps {
namespace {

// Rounding room for the proofs: the workers' own arithmetic may differ in the last bits.
constexpr double kProofMargin_m = 1e-9;
// The cover test's slivers, and the room the height proof leaves for them: a point of the bounds
// in a dropped sliver lies within 20 000 x 1e-9 m of a covered one (box_cover_2d.hpp), so only an
// AP height within 5 cm - 0.1 mm of the triangles counts as refused everywhere.
constexpr double kCoverSliver_m = 1e-9;
constexpr double kCoverMargin_m = 1e-4;

std::optional<InfeasibleStudy> separation_beyond_bounds(const LayoutSpace& space) {
    if (space.ap_count() < 2 || space.widest_separation_m() >= space.min_separation_m())
        return std::nullopt;
    return InfeasibleStudy{
        "bounds.min_ap_separation_m",
        fmt::format("no two APs can be {:.9g} m apart: the diagonal of the bounds is {:.9g} m",
                    space.min_separation_m(), space.widest_separation_m())};
}

std::optional<InfeasibleStudy> aps_beyond_reach(const ApBounds& b, const Scene& scene) {
    const Aabb box = scene.bounds();
    if (box.empty()) return std::nullopt;
    const Vec3 lo(b.x_min_m, b.y_min_m, b.z_m), hi(b.x_max_m, b.y_max_m, b.z_m);
    const Vec3 gap = (box.lower - hi).cwiseMax(lo - box.upper).cwiseMax(Vec3::Zero());
    if (!(gap.norm() > kMaxOutsideScene_m + kProofMargin_m)) return std::nullopt;
    return InfeasibleStudy{
        "bounds",
        fmt::format("every AP position of the bounds lies more than {:.0f} m outside "
                    "the scene's bounds (the nearest is {:.6g} m outside): a transmitter must lie "
                    "within {:.0f} m of them",
                    kMaxOutsideScene_m, gap.norm(), kMaxOutsideScene_m)};
}

// Every x, y of the bounds has a surface above or below it closer than the clearance: a
// non-vertical triangle whose corners all lie that close in height is at most that far from any
// point straight above or below it.
std::optional<InfeasibleStudy> aps_within_clearance(const ApBounds& b, const Scene& scene) {
    const PlanarFaceGrouping grouping = group_planar_faces(scene);
    std::vector<std::array<Point2, 3>> near;
    for (const PlanarFace& face : grouping.faces) {
        if (!(face.normal.squaredNorm() > 0.5)) continue;  // degenerate: the engine ignores it
        for (const uint32_t t : face.triangles) {
            std::array<Point2, 3> flat;
            bool close = true;
            for (int i = 0; i < 3; ++i) {
                const Vec3& v = scene.vertices[scene.triangles[t][i]];
                close = close && std::abs(v.z() - b.z_m) < kTransmitterClearance_m - kCoverMargin_m;
                flat[i] = {v.x(), v.y()};
            }
            if (close) near.push_back(flat);
        }
    }
    if (near.empty() || box_covered_by_triangles({b.x_min_m, b.y_min_m}, {b.x_max_m, b.y_max_m},
                                                 near, kCoverSliver_m) != BoxCover::Covered)
        return std::nullopt;
    return InfeasibleStudy{
        "bounds.ap_z_m",
        fmt::format("at a height of {:g} m every AP position of the bounds is closer than {:g} m "
                    "to a surface above or below it: an antenna must keep {:g} m from every "
                    "surface",
                    b.z_m, kTransmitterClearance_m, kTransmitterClearance_m)};
}

// The largest facing · (p - mount point) over the points p of a horizontal box and the mount
// rectangle: plate_pose refuses every pose when it is at most its 1e-6 m.
double furthest_in_front_m(const ReflectorSpec& r, double x0, double x1, double y0, double y1,
                           double z) {
    double front = -INFINITY, mount = INFINITY;
    for (const double x : {x0, x1})
        for (const double y : {y0, y1}) front = std::max(front, r.facing.dot(Vec3(x, y, z)));
    for (const double u : {0.0, 1.0})
        for (const double v : {0.0, 1.0})
            mount = std::min(mount, r.facing.dot(mount_point(r, u, v)));
    return front - mount;
}

std::optional<InfeasibleStudy> behind_mount_wall(const StudySpec& spec) {
    const ReflectorSpec& r = *spec.reflector;
    const ApBounds& b = spec.bounds;
    constexpr double kBehind_m = 1e-6 - kProofMargin_m;  // plate_pose's own threshold
    if (furthest_in_front_m(r, b.x_min_m, b.x_max_m, b.y_min_m, b.y_max_m, b.z_m) <= kBehind_m)
        return InfeasibleStudy{"reflector",
                               "every AP position of the bounds lies on or behind "
                               "the reflector's mount wall (see its facing)"};
    if (furthest_in_front_m(r, r.focal_x_min_m, r.focal_x_max_m, r.focal_y_min_m, r.focal_y_max_m,
                            r.focal_z_m) <= kBehind_m)
        return InfeasibleStudy{"reflector",
                               "the whole focal range (focal_x_m, focal_y_m, "
                               "focal_z_m) lies on or behind the reflector's mount "
                               "wall (see its facing)"};
    return std::nullopt;
}

Vector draw(const Box& box, std::mt19937_64& rng) {
    Vector x(box.dim());
    for (size_t i = 0; i < box.dim(); ++i) x[i] = opt::uniform(rng, box.lower[i], box.upper[i]);
    return x;
}

}  // namespace

std::optional<InfeasibleStudy> prove_infeasible(const StudySpec& spec, const Scene& scene) {
    const LayoutSpace space(spec);
    if (auto proof = separation_beyond_bounds(space)) return proof;
    if (auto proof = aps_beyond_reach(spec.bounds, scene)) return proof;
    if (auto proof = aps_within_clearance(spec.bounds, scene)) return proof;
    if (space.has_reflector() && spec.reflector) return behind_mount_wall(spec);
    return std::nullopt;
}

std::string diagnose_infeasible(const LayoutEvaluator& evaluator, int draws, uint64_t seed) {
    const LayoutSpace& space = evaluator.space();
    std::mt19937_64 rng(seed);
    int separated = 0, reflector_refusals = 0;
    std::string placement_example, reflector_example;
    for (int i = 0; i < draws; ++i) {
        const Vector x = draw(space.box(), rng);
        if (!space.feasible(x)) continue;
        ++separated;
        const LayoutRefusal refusal = evaluator.refusal(space.decode(x));
        if (!refusal)
            return "layouts drawn over the bounds do pass the workers' checks: more evaluations "
                   "(a larger population, more iterations or starts, a finer grid) may find one";
        const bool reflector = refusal.kind == LayoutRefusal::Kind::Reflector;
        reflector_refusals += reflector;
        std::string& example = reflector ? reflector_example : placement_example;
        if (example.empty()) example = refusal.reason;
    }
    if (separated == 0)
        return fmt::format(
            "none of {} layouts drawn over the bounds keeps the {} APs {:g} m apart "
            "(bounds.min_ap_separation_m): lower the separation or widen the bounds",
            draws, space.ap_count(), space.min_separation_m());
    const bool reflector = 2 * reflector_refusals > separated;
    const std::string drawn =
        separated == draws
            ? fmt::format("none of {} layouts drawn over the bounds", draws)
            : fmt::format(
                  "none of the {} of {} layouts drawn over the bounds that keep the AP "
                  "separation",
                  separated, draws);
    return fmt::format("{} can be evaluated (key: {}), e.g.: {}", drawn,
                       reflector ? "reflector" : "bounds",
                       reflector ? reflector_example : placement_example);
}

}  // namespace rps
