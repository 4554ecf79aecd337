#include "core/scene/planar_faces.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace rps {

namespace {

// Hash-grid key of a (material, plane): normal components and offset quantised to bins no
// smaller than the tolerances, so a matching plane lies in the same or a neighbouring bin.
struct PlaneKey {
    uint32_t material;
    int64_t n[3];
    int64_t d;
    bool operator==(const PlaneKey&) const = default;
};

struct PlaneKeyHash {
    size_t operator()(const PlaneKey& k) const {
        uint64_t h = k.material;
        for (int64_t v : {k.n[0], k.n[1], k.n[2], k.d})
            h = (h ^ static_cast<uint64_t>(v)) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
        return static_cast<size_t>(h ^ (h >> 29));
    }
};

int64_t bin(double value, double size) {
    // Clamped: absurd coordinates must not overflow the integer conversion.
    return static_cast<int64_t>(std::clamp(std::floor(value / size), -1e18, 1e18));
}

// The sign that makes the first clearly nonzero component positive: a plane and its flipped
// twin get the same normal, so coplanar triangles of either winding report alike.
double canonical_sign(const Vec3& n) {
    for (int i = 0; i < 3; ++i)
        if (std::abs(n[i]) > 1e-9) return n[i] > 0 ? 1.0 : -1.0;
    return 1.0;
}

struct Representative {
    Vec3 normal;  // the first triangle's plane: later triangles are compared with it, no drift
    double offset;
};

}  // namespace

PlanarFaceGrouping group_planar_faces(const Scene& scene, double angle_tolerance_rad,
                                      double distance_tolerance_m) {
    PlanarFaceGrouping grouping;
    const size_t count = scene.triangles.size();
    grouping.triangle_face.assign(count, 0);

    angle_tolerance_rad = std::max(angle_tolerance_rad, 1e-12);
    distance_tolerance_m = std::max(distance_tolerance_m, 1e-12);
    const double cos_tolerance = std::cos(angle_tolerance_rad);
    // Two planes within the angle tolerance that agree to distance_tolerance on a triangle can
    // still differ in offset by angle · |position|: size the offset bins for the whole scene.
    double radius = 0.0;
    for (const Vec3& v : scene.vertices) radius = std::max(radius, v.cwiseAbs().maxCoeff());
    const double normal_bin = angle_tolerance_rad;
    const double offset_bin = distance_tolerance_m + angle_tolerance_rad * radius;

    std::unordered_map<PlaneKey, std::vector<uint32_t>, PlaneKeyHash> grid;
    std::vector<Representative> reps;
    std::vector<Vec3> weighted_normal;    // area-weighted sums, aligned with the representative
    std::vector<Vec3> weighted_centroid;  // area-weighted sums of centroids
    std::vector<double> area;

    auto key_of = [&](uint32_t material, const Vec3& n, double d) {
        return PlaneKey{material,
                        {bin(n.x(), normal_bin), bin(n.y(), normal_bin), bin(n.z(), normal_bin)},
                        bin(d, offset_bin)};
    };

    for (uint32_t t = 0; t < count; ++t) {
        const auto& tri = scene.triangles[t];
        const Vec3& a = scene.vertices[tri[0]];
        const Vec3& b = scene.vertices[tri[1]];
        const Vec3& c = scene.vertices[tri[2]];
        const uint32_t material = scene.triangle_material(t);
        const Vec3 cross = (b - a).cross(c - a);
        const double twice_area = cross.norm();
        const double longest2 =
            std::max({(b - a).squaredNorm(), (c - a).squaredNorm(), (c - b).squaredNorm()});

        if (!(twice_area > 1e-12 * longest2) || !std::isfinite(twice_area)) {
            // Degenerate: a face of its own with a zero normal, which never reflects.
            PlanarFace face;
            face.normal = Vec3::Zero();
            face.material_index = material;
            face.triangles.push_back(t);
            for (const Vec3* p : {&a, &b, &c}) face.bounds.extend(*p);
            grouping.triangle_face[t] = static_cast<uint32_t>(grouping.faces.size());
            grouping.faces.push_back(std::move(face));
            reps.push_back({Vec3::Zero(), 0.0});
            weighted_normal.push_back(Vec3::Zero());
            weighted_centroid.push_back(Vec3::Zero());
            area.push_back(0.0);
            continue;
        }
        Vec3 n = cross / twice_area;
        n *= canonical_sign(n);
        const Vec3 centroid = (a + b + c) / 3.0;
        const double d = n.dot(centroid);

        // Search the neighbouring bins of the plane and of its flipped twin: near the
        // canonical-sign boundary two coplanar triangles may have opposite normals.
        uint32_t best = UINT32_MAX;
        for (double sign : {1.0, -1.0}) {
            const PlaneKey centre = key_of(material, sign * n, sign * d);
            for (int i = 0; i < 81; ++i) {
                PlaneKey key = centre;
                int code = i;
                for (int k = 0; k < 3; ++k, code /= 3) key.n[k] += code % 3 - 1;
                key.d += code % 3 - 1;
                const auto found = grid.find(key);
                if (found == grid.end()) continue;
                for (uint32_t f : found->second) {
                    if (f >= best) continue;
                    const Representative& rep = reps[f];
                    if (std::abs(rep.normal.dot(n)) < cos_tolerance) continue;
                    bool on_plane = true;
                    for (const Vec3* p : {&a, &b, &c})
                        on_plane = on_plane && std::abs(rep.normal.dot(*p) - rep.offset) <=
                                                   distance_tolerance_m;
                    if (on_plane) best = f;
                }
            }
        }

        if (best == UINT32_MAX) {
            best = static_cast<uint32_t>(grouping.faces.size());
            PlanarFace face;
            face.material_index = material;
            grouping.faces.push_back(std::move(face));
            reps.push_back({n, d});
            weighted_normal.push_back(Vec3::Zero());
            weighted_centroid.push_back(Vec3::Zero());
            area.push_back(0.0);
            grid[key_of(material, n, d)].push_back(best);
        }
        PlanarFace& face = grouping.faces[best];
        face.triangles.push_back(t);
        for (const Vec3* p : {&a, &b, &c}) face.bounds.extend(*p);
        const double aligned = reps[best].normal.dot(n) < 0 ? -1.0 : 1.0;
        weighted_normal[best] += aligned * twice_area * n;
        weighted_centroid[best] += twice_area * centroid;
        area[best] += twice_area;
        grouping.triangle_face[t] = best;
    }

    // The face plane: area-weighted mean normal through the area-weighted centroid.
    for (size_t f = 0; f < grouping.faces.size(); ++f) {
        if (area[f] <= 0.0) continue;  // degenerate face: keeps its zero normal
        PlanarFace& face = grouping.faces[f];
        Vec3 n = weighted_normal[f].normalized();
        if (!n.allFinite()) n = reps[f].normal;
        n *= canonical_sign(n);
        face.normal = n;
        face.offset_m = n.dot(weighted_centroid[f] / area[f]);
    }
    return grouping;
}

}  // namespace rps
