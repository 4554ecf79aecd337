#include "ui/scene_outline.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace rps {
namespace {

constexpr double kVerticalNormalZ = 0.2;    // |n.z| below this: a wall
constexpr double kHorizontalNormalZ = 0.9;  // |n.z| above this: a floor or ceiling
constexpr double kFloorMaxZ_m = 0.5;        // floors lie below this height

struct PlaneKey {
    long nx, ny, offset;  // quantised horizontal normal (canonical sign) and offset
    auto operator<=>(const PlaneKey&) const = default;
};

struct PlaneExtent {
    Vec3 normal;  // horizontal unit normal
    double offset = 0.0;
    double t_min = 1e300, t_max = -1e300, z_min = 1e300, z_max = -1e300;
};

Vec3 triangle_normal(const Scene& scene, const std::array<uint32_t, 3>& t) {
    const Vec3& a = scene.vertices[t[0]];
    const Vec3 n = (scene.vertices[t[1]] - a).cross(scene.vertices[t[2]] - a);
    const double length = n.norm();
    return length > 1e-12 ? Vec3(n / length) : Vec3::Zero();
}

void add_wall_triangle(const Scene& scene, const std::array<uint32_t, 3>& t, Vec3 n,
                       std::map<PlaneKey, PlaneExtent>& planes) {
    n.z() = 0.0;
    n.normalize();
    if (n.x() < -1e-9 || (std::abs(n.x()) <= 1e-9 && n.y() < 0)) n = -n;
    const double offset = n.dot(scene.vertices[t[0]]);
    const PlaneKey key{std::lround(n.x() * 1e3), std::lround(n.y() * 1e3),
                       std::lround(offset * 1e2)};
    PlaneExtent& e = planes[key];
    e.normal = n, e.offset = offset;
    const Vec3 along(-n.y(), n.x(), 0.0);
    for (uint32_t v : t) {
        const Vec3& p = scene.vertices[v];
        e.t_min = std::min(e.t_min, along.dot(p)), e.t_max = std::max(e.t_max, along.dot(p));
        e.z_min = std::min(e.z_min, p.z()), e.z_max = std::max(e.z_max, p.z());
    }
}

QPointF plan_point(const PlaneExtent& e, double t) {
    const Vec3 along(-e.normal.y(), e.normal.x(), 0.0);
    const Vec3 p = e.offset * e.normal + t * along;
    return {p.x(), p.y()};
}

void add_floor_triangle(const Scene& scene, const std::array<uint32_t, 3>& t, QPainterPath& floor) {
    QPolygonF polygon;
    for (uint32_t v : t) polygon << QPointF(scene.vertices[v].x(), scene.vertices[v].y());
    polygon << polygon.front();
    floor.addPolygon(polygon);
}

}  // namespace

SceneOutline SceneOutline::fromScene(const Scene& scene) {
    SceneOutline out;
    QPainterPath floor;
    floor.setFillRule(Qt::WindingFill);
    std::set<uint32_t> materials;
    for (size_t s = 0; s < scene.shapes.size(); ++s) {
        const SceneShape& shape = scene.shapes[s];
        std::map<PlaneKey, PlaneExtent> planes;
        for (uint32_t k = 0; k < shape.triangle_count; ++k) {
            const auto& t = scene.triangles[shape.first_triangle + k];
            const Vec3 n = triangle_normal(scene, t);
            if (n.squaredNorm() == 0.0) continue;
            if (std::abs(n.z()) < kVerticalNormalZ) {
                add_wall_triangle(scene, t, n, planes);
            } else if (std::abs(n.z()) > kHorizontalNormalZ &&
                       scene.vertices[t[0]].z() < kFloorMaxZ_m) {
                add_floor_triangle(scene, t, floor);
            }
        }
        const RadioMaterial& material = scene.materials.at(shape.material_index);
        for (const auto& [key, e] : planes) {
            if (e.t_max - e.t_min < 1e-6) continue;
            out.walls.push_back({plan_point(e, e.t_min), plan_point(e, e.t_max),
                                 shape.material_index, material.thickness_m, e.z_min, e.z_max,
                                 QString::fromStdString(shape.id)});
            materials.insert(shape.material_index);
        }
    }
    out.floor = floor.simplified();
    out.used_materials.assign(materials.begin(), materials.end());
    const Aabb box = scene.bounds();
    if (!box.empty())
        out.bounds =
            QRectF(QPointF(box.lower.x(), box.lower.y()), QPointF(box.upper.x(), box.upper.y()));
    return out;
}

}  // namespace rps
