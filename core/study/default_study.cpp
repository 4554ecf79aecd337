#include "core/study/default_study.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

#include "core/engine/measurement_grid.hpp"

namespace rps {
namespace {

// The range [lower, upper] drawn in by up to 1 m from each end, by less for a scene under 4 m
// across (a single plate), so that the range never turns over.
// Rounded inwards to the centimetre, as a planner would write them (a Sionna scene's box is in
// float: -92.96609497070313).
nlohmann::json inset_range(double lower, double upper) {
    const double pad = std::min(1.0, 0.25 * std::max(0.0, upper - lower));
    const double low = std::ceil(100.0 * (lower + pad)) / 100.0;
    const double high = std::floor(100.0 * (upper - pad)) / 100.0;
    return low <= high ? nlohmann::json{low, high} : nlohmann::json{lower + pad, upper - pad};
}

// The original framework's AP height (3.8 m, under its 4 m ceiling); in a lower building 0.2 m
// below the scene's top, so that the AP hangs inside the walls rather than above them (the L
// hall's walls are 3.5 m high and it has no roof). A scene no higher than the measurement plane
// keeps 3.8 m. Rounded to the centimetre, as a planner would write it.
double default_ap_height_m(const Aabb& box) {
    constexpr double kOriginal_m = 3.8, kBelowTop_m = 0.2;
    const double below_top_m = std::round(100.0 * (box.upper.z() - kBelowTop_m)) / 100.0;
    const double lowest_m = MeasurementGridSpec{}.height_m + kBelowTop_m;
    return below_top_m < kOriginal_m && below_top_m > lowest_m ? below_top_m : kOriginal_m;
}

std::optional<nlohmann::json> mount_section(const Scene& scene) {
    const Aabb box = scene.bounds();
    for (const SceneShape& shape : scene.shapes) {
        if (shape.id.rfind("mount", 0) != 0 || shape.triangle_count == 0) continue;
        Aabb m;
        for (uint32_t k = 0; k < shape.triangle_count; ++k)
            for (uint32_t v : scene.triangles[shape.first_triangle + k])
                m.extend(scene.vertices[v]);
        const auto& t = scene.triangles[shape.first_triangle];
        Vec3 n = (scene.vertices[t[1]] - scene.vertices[t[0]])
                     .cross(scene.vertices[t[2]] - scene.vertices[t[0]]);
        n.z() = 0;
        if (n.norm() < 1e-9) continue;
        n.normalize();
        if (n.dot(box.center() - m.center()) < 0) n = -n;
        return nlohmann::json{{"top_left", {m.lower.x(), m.lower.y(), m.upper.z()}},
                              {"bottom_right", {m.upper.x(), m.upper.y(), m.lower.z()}},
                              {"facing", {n.x(), n.y(), 0.0}},
                              {"focal_x_m", inset_range(box.lower.x(), box.upper.x())},
                              {"focal_y_m", inset_range(box.lower.y(), box.upper.y())}};
    }
    return std::nullopt;
}

// The grid method's spacing: 1 m, or the whole metre that keeps a large scene's search to about
// kMostGridPositions AP positions (the 185 m street canyon had 22 000 at 1 m, hours of maps).
constexpr double kMostGridPositions = 2500;
double grid_resolution_m(const nlohmann::json& x_range, const nlohmann::json& y_range) {
    const double width = x_range[1].get<double>() - x_range[0].get<double>();
    const double depth = y_range[1].get<double>() - y_range[0].get<double>();
    return std::max(1.0, std::ceil(std::sqrt(std::max(0.0, width * depth) / kMostGridPositions)));
}

}  // namespace

nlohmann::json default_study(const Scene& scene, const std::string& scene_path) {
    const Aabb box = scene.bounds();
    const std::filesystem::path path(scene_path);
    const nlohmann::json x_range = inset_range(box.lower.x(), box.upper.x());
    const nlohmann::json y_range = inset_range(box.lower.y(), box.upper.y());
    nlohmann::json study = {
        {"name", path.stem().string()},
        {"scene", std::filesystem::absolute(path).lexically_normal().string()},
        {"mode", "1ap"},
        {"objective", {{"metric", "p5"}, {"combine", "best"}}},
        {"bounds", {{"x_m", x_range}, {"y_m", y_range}, {"ap_z_m", default_ap_height_m(box)}}},
        {"methods",
         nlohmann::json::array(
             {{{"type", "grid"}, {"resolution_m", grid_resolution_m(x_range, y_range)}}})},
        {"seed", 4},
        {"compute", {{"workers", 2}}}};
    if (const auto mount = mount_section(scene)) {
        study["reflector"] = *mount;  // a plate on the mount: search it with a small GA
        study["methods"] =
            nlohmann::json::array({{{"type", "ga"}, {"population", 40}, {"generations", 15}}});
    }
    return study;
}

}  // namespace rps
