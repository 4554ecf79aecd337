#include "core/engine/embree_scene.hpp"

#include <embree3/rtcore.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <string>

namespace rps {
namespace {

void embree_error(void*, RTCError code, const char* message) {
    // Embree reports programming errors here; they must not pass silently.
    throw std::runtime_error("Embree error " + std::to_string(static_cast<int>(code)) + ": " +
                             (message ? message : ""));
}

// One device per process, created on first use (Embree tutorials: device creation is costly).
RTCDevice shared_device() {
    static RTCDevice device = [] {
        RTCDevice d = rtcNewDevice("threads=1");
        if (!d) throw std::runtime_error("cannot create the Embree device");
        rtcSetDeviceErrorFunction(d, embree_error, nullptr);
        return d;
    }();
    return device;
}

// The intersect context extended with our hit buffers (the Embree tutorials' pattern); a ray's
// id is the index of its buffer.
struct CollectContext {
    RTCIntersectContext context;
    SegmentHits* hits;
    const float* edge_threshold;  // 3 per primitive (see EmbreeScene's edge margin); may be null
    const uint32_t* group;        // per primitive (see EmbreeScene's triangle groups); may be null
    const uint32_t* triangle;     // per primitive, its scene triangle; null when they coincide
};

// A hit whose ray runs within kGrazingCos of the triangle's plane (|cos| of the incidence angle
// below 0.05, beyond 87 degrees): the float error of the hit point along the plane grows as
// 1/|cos| and can exceed the edge margin there, so Embree may report a crossing outside the
// triangle that a single ray and a packet decide differently (a review found one in Sionna's
// street canyon, 1.7 margins outside at |cos| = 4e-4). Such hits are flagged like hits near an
// edge and decided in double precision by the caller.
constexpr float kGrazingCos = 0.05f;

bool grazing(const RTCFilterFunctionNArguments* args, unsigned i) {
    const unsigned n = args->N;
    const float nx = RTCHitN_Ng_x(args->hit, n, i), ny = RTCHitN_Ng_y(args->hit, n, i),
                nz = RTCHitN_Ng_z(args->hit, n, i);
    const float dx = RTCRayN_dir_x(args->ray, n, i), dy = RTCRayN_dir_y(args->ray, n, i),
                dz = RTCRayN_dir_z(args->ray, n, i);
    const float dot = nx * dx + ny * dy + nz * dz;
    return dot * dot < kGrazingCos * kGrazingCos * (nx * nx + ny * ny + nz * nz) *
                           (dx * dx + dy * dy + dz * dz);
}

// The lanes of a filter call that hold a hit, as a bit mask: in a 16-ray packet most lanes are
// idle, and testing their flags one by one took a quarter of the filter's time.
uint32_t valid_lanes(const int* valid, unsigned n) {
    uint32_t mask = 0;
    unsigned i = 0;
#if defined(__SSE2__)
    for (; i + 4 <= n; i += 4) {
        const __m128i flags = _mm_loadu_si128(reinterpret_cast<const __m128i*>(valid + i));
        const __m128i idle = _mm_cmpeq_epi32(flags, _mm_setzero_si128());
        mask |= (~static_cast<uint32_t>(_mm_movemask_ps(_mm_castsi128_ps(idle))) & 0xFu) << i;
    }
#endif
    for (; i < n; ++i)
        if (valid[i] != 0) mask |= 1u << i;
    return mask;
}

void record_and_reject(const RTCFilterFunctionNArguments* args) {
    auto* collect = reinterpret_cast<CollectContext*>(args->context);
    if (collect == nullptr || collect->hits == nullptr) return;  // a plain occlusion query
    for (uint32_t lanes = valid_lanes(args->valid, args->N); lanes != 0; lanes &= lanes - 1) {
        const unsigned i = static_cast<unsigned>(std::countr_zero(lanes));
        SegmentHits& hits = collect->hits[RTCRayN_id(args->ray, args->N, i)];
        const uint32_t prim = RTCHitN_primID(args->hit, args->N, i);
        const float t = RTCRayN_tfar(args->ray, args->N, i);
        uint8_t near_edge = 0;
        if (collect->edge_threshold) {
            const float u = RTCHitN_u(args->hit, args->N, i), v = RTCHitN_v(args->hit, args->N, i);
            const float* m = collect->edge_threshold + 3 * prim;
            near_edge = (1.0f - u - v < m[0]) | (u < m[1]) | (v < m[2]) | grazing(args, i);
        }
        // One hit per group (planar face): a segment crosses a plane once, and its triangles'
        // margins overlap near shared edges and vertices (a disk's 64-triangle fan near its
        // centre filled the buffer). A trusted hit on any triangle of the face vouches for it.
        // Spatial splits may also report one primitive twice.
        const uint32_t triangle = collect->triangle ? collect->triangle[prim] : prim;
        const uint32_t key = collect->group ? collect->group[prim] : triangle;
        int seen = -1;
        for (int k = 0; k < hits.count && seen < 0; ++k)
            if (hits.group[k] == key) seen = k;
        if (seen >= 0) {
            hits.near_edge[seen] &= near_edge;
        } else {
            if (hits.count < SegmentHits::kCapacity) {
                hits.triangle[hits.count] = triangle;
                hits.group[hits.count] = key;
                hits.distance[hits.count] = t;
                hits.near_edge[hits.count] = near_edge;
                ++hits.count;
            } else {
                hits.overflow = true;
            }
        }
        args->valid[i] = 0;  // reject: traversal goes on and finds every crossing
    }
}

RTCRay make_ray(const Vec3& origin, const Vec3& dir, double t_near, double t_far) {
    RTCRay ray{};
    ray.org_x = static_cast<float>(origin.x());
    ray.org_y = static_cast<float>(origin.y());
    ray.org_z = static_cast<float>(origin.z());
    ray.dir_x = static_cast<float>(dir.x());
    ray.dir_y = static_cast<float>(dir.y());
    ray.dir_z = static_cast<float>(dir.z());
    ray.tnear = static_cast<float>(t_near);
    ray.tfar = static_cast<float>(t_far);
    ray.mask = 0xFFFFFFFFu;
    ray.time = 0.0f;
    ray.flags = 0;
    return ray;
}

// A triangle grown by `margin` across each edge (scaled about its incentre, whose distance to
// every edge is the inradius r: a factor 1 + margin/r moves each edge out by exactly margin),
// and for each vertex i the barycentric coordinate below which a hit lies within 2·margin of
// the edge opposite i in the grown triangle, i.e. within margin of the original edge or
// outside it. Slivers (r < margin) grow by at most a factor 2: their margin is r.
struct GrownTriangle {
    Vec3 vertex[3];
    double threshold[3];
};

GrownTriangle grow_triangle(const Vec3& a, const Vec3& b, const Vec3& c, double margin) {
    GrownTriangle grown{{a, b, c}, {0.0, 0.0, 0.0}};
    const double la = (b - c).norm(), lb = (c - a).norm(), lc = (a - b).norm();
    const double perimeter = la + lb + lc;
    const double twice_area = (b - a).cross(c - a).norm();
    if (!(perimeter > 0.0) || !(twice_area > 0.0)) return grown;  // degenerate: as it is
    const Vec3 incentre = (la * a + lb * b + lc * c) / perimeter;
    const double inradius = twice_area / perimeter;
    const double scale = 1.0 + std::min(1.0, margin / inradius);
    const double grown_margin = (scale - 1.0) * inradius;
    const double lengths[3] = {la, lb, lc};
    for (int i = 0; i < 3; ++i) {
        grown.vertex[i] = incentre + scale * (grown.vertex[i] - incentre);
        // Height of the grown triangle over the edge opposite vertex i.
        const double height = scale * twice_area / lengths[i];
        grown.threshold[i] = 2.0 * grown_margin / height;
    }
    return grown;
}

}  // namespace

struct EmbreeScene::Handles {
    RTCScene scene = nullptr;
    // Embree works in single precision: geometry and rays are stored relative to the scene's
    // centre, so that precision follows the building's size, not its distance from the
    // coordinate origin (a georeferenced scene 10 km out had ~1 mm steps, more than the 0.1 mm
    // by which segments keep off their own end faces: paths crossed their own reflecting wall).
    Vec3 origin = Vec3::Zero();
    std::vector<uint32_t> triangle_of_prim;
    std::vector<float> edge_threshold;    // empty without an edge margin
    std::vector<uint32_t> group_of_prim;  // empty without triangle groups
    bool all_triangles = true;
    const float* thresholds() const {
        return edge_threshold.empty() ? nullptr : edge_threshold.data();
    }
    const uint32_t* groups() const {
        return group_of_prim.empty() ? nullptr : group_of_prim.data();
    }
    const uint32_t* scene_triangles() const {
        return all_triangles ? nullptr : triangle_of_prim.data();
    }
    // The filter's context for a query into `hits`.
    CollectContext context(SegmentHits* hits) const {
        CollectContext collect{};
        rtcInitIntersectContext(&collect.context);
        collect.hits = hits;
        collect.edge_threshold = thresholds();
        collect.group = groups();
        collect.triangle = scene_triangles();
        return collect;
    }
    ~Handles() {
        if (scene) rtcReleaseScene(scene);
    }
};

EmbreeScene::EmbreeScene(const Scene& scene, bool collect_all_hits,
                         const std::vector<uint8_t>* keep_triangle, double edge_margin_m,
                         const std::vector<uint32_t>* triangle_group)
    : handles_(std::make_unique<Handles>()) {
    RTCDevice device = shared_device();
    const Aabb box = scene.bounds();
    if (!box.empty()) handles_->origin = box.center();
    const Vec3& origin = handles_->origin;
    handles_->scene = rtcNewScene(device);
    rtcSetSceneBuildQuality(handles_->scene, RTC_BUILD_QUALITY_HIGH);
    // Robust traversal guards rays through the edges shared by neighbouring triangles. Grown
    // triangles (edge_margin_m > 0) put every such ray a margin inside a triangle, far above the
    // float error, and their edge hits and grazing hits are flagged and decided in double
    // precision by the caller: there the robust mode only costs time (8 % of an order-2 map; maps
    // bit-identical without it on 124 maps of four scenes, orders 2 and 3). Plain scenes (the cell
    // mask's downward rays through the floor's diagonal) keep it.
    if (!(edge_margin_m > 0.0)) rtcSetSceneFlags(handles_->scene, RTC_SCENE_FLAG_ROBUST);
    // Primitive i of the BVH is scene triangle triangle_of_prim[i] (all of them unless some are
    // left out); hits are reported with scene triangle indices.
    for (size_t i = 0; i < scene.triangles.size(); ++i)
        if (keep_triangle == nullptr || (*keep_triangle)[i] != 0)
            handles_->triangle_of_prim.push_back(static_cast<uint32_t>(i));
    handles_->all_triangles = handles_->triangle_of_prim.size() == scene.triangles.size();
    if (triangle_group) {
        if (triangle_group->size() != scene.triangles.size())
            throw std::invalid_argument("EmbreeScene: one group per scene triangle expected");
        for (const uint32_t triangle : handles_->triangle_of_prim)
            handles_->group_of_prim.push_back((*triangle_group)[triangle]);
    }
    const size_t prims = handles_->triangle_of_prim.size();
    if (prims > 0) {
        RTCGeometry geometry = rtcNewGeometry(device, RTC_GEOMETRY_TYPE_TRIANGLE);
        if (edge_margin_m > 0.0) {
            // Grown triangles have their own vertices.
            auto* vertices = static_cast<float*>(
                rtcSetNewGeometryBuffer(geometry, RTC_BUFFER_TYPE_VERTEX, 0, RTC_FORMAT_FLOAT3,
                                        3 * sizeof(float), 3 * prims));
            handles_->edge_threshold.resize(3 * prims);
            for (size_t i = 0; i < prims; ++i) {
                const auto& tri = scene.triangles[handles_->triangle_of_prim[i]];
                const GrownTriangle grown =
                    grow_triangle(scene.vertices[tri[0]] - origin, scene.vertices[tri[1]] - origin,
                                  scene.vertices[tri[2]] - origin, edge_margin_m);
                for (int v = 0; v < 3; ++v) {
                    for (int c = 0; c < 3; ++c)
                        vertices[9 * i + 3 * v + c] = static_cast<float>(grown.vertex[v][c]);
                    handles_->edge_threshold[3 * i + v] = static_cast<float>(grown.threshold[v]);
                }
            }
            auto* indices = static_cast<unsigned*>(rtcSetNewGeometryBuffer(
                geometry, RTC_BUFFER_TYPE_INDEX, 0, RTC_FORMAT_UINT3, 3 * sizeof(unsigned), prims));
            for (size_t i = 0; i < 3 * prims; ++i) indices[i] = static_cast<unsigned>(i);
        } else {
            auto* vertices = static_cast<float*>(
                rtcSetNewGeometryBuffer(geometry, RTC_BUFFER_TYPE_VERTEX, 0, RTC_FORMAT_FLOAT3,
                                        3 * sizeof(float), scene.vertices.size()));
            for (size_t i = 0; i < scene.vertices.size(); ++i)
                for (int c = 0; c < 3; ++c)
                    vertices[3 * i + c] = static_cast<float>(scene.vertices[i][c] - origin[c]);
            auto* indices = static_cast<unsigned*>(rtcSetNewGeometryBuffer(
                geometry, RTC_BUFFER_TYPE_INDEX, 0, RTC_FORMAT_UINT3, 3 * sizeof(unsigned), prims));
            for (size_t i = 0; i < prims; ++i)
                for (int c = 0; c < 3; ++c)
                    indices[3 * i + c] = scene.triangles[handles_->triangle_of_prim[i]][c];
        }
        if (collect_all_hits) rtcSetGeometryOccludedFilterFunction(geometry, record_and_reject);
        rtcCommitGeometry(geometry);
        rtcAttachGeometry(handles_->scene, geometry);
        rtcReleaseGeometry(geometry);
    }
    rtcCommitScene(handles_->scene);
}

EmbreeScene::~EmbreeScene() = default;

double EmbreeScene::default_edge_margin_m(const Scene& scene) {
    const Aabb box = scene.bounds();
    const double extent = box.empty() ? 1.0 : 0.5 * box.size().cwiseAbs().maxCoeff();
    return 1e-3 + 1e-5 * extent;
}

void EmbreeScene::collect_hits(const Vec3& origin, const Vec3& dir, double t_near, double t_far,
                               SegmentHits& hits) const {
    hits.count = 0;
    hits.overflow = false;
    CollectContext collect = handles_->context(&hits);
    RTCRay ray = make_ray(origin - handles_->origin, dir, t_near, t_far);
    rtcOccluded1(handles_->scene, &collect.context, &ray);
}

void EmbreeScene::collect_hits_packet(const SegmentQuery* queries, int count,
                                      SegmentHits* hits) const {
    if (count <= 0) return;
    CollectContext collect = handles_->context(hits);
    alignas(64) RTCRay16 packet{};
    alignas(64) int valid[kPacketSize];
    for (int lane = 0; lane < kPacketSize; ++lane) {
        valid[lane] = lane < count ? -1 : 0;
        if (lane >= count) continue;
        hits[lane].count = 0;
        hits[lane].overflow = false;
        const SegmentQuery& q = queries[lane];
        const RTCRay ray = make_ray(q.origin - handles_->origin, q.dir, q.t_near, q.t_far);
        packet.org_x[lane] = ray.org_x;
        packet.org_y[lane] = ray.org_y;
        packet.org_z[lane] = ray.org_z;
        packet.dir_x[lane] = ray.dir_x;
        packet.dir_y[lane] = ray.dir_y;
        packet.dir_z[lane] = ray.dir_z;
        packet.tnear[lane] = ray.tnear;
        packet.tfar[lane] = ray.tfar;
        packet.mask[lane] = ray.mask;
        packet.id[lane] = static_cast<unsigned>(lane);
    }
    rtcOccluded16(valid, handles_->scene, &collect.context, &packet);
}

bool EmbreeScene::occluded(const Vec3& origin, const Vec3& dir, double t_near, double t_far) const {
    CollectContext collect = handles_->context(nullptr);  // the filter accepts the first hit
    RTCRay ray = make_ray(origin - handles_->origin, dir, t_near, t_far);
    rtcOccluded1(handles_->scene, &collect.context, &ray);
    return ray.tfar < 0.0f;
}

int64_t EmbreeScene::first_hit(const Vec3& origin, const Vec3& dir, double t_far,
                               double* distance) const {
    RTCIntersectContext context;
    rtcInitIntersectContext(&context);
    RTCRayHit query{};
    query.ray = make_ray(origin - handles_->origin, dir, 0.0, t_far);
    query.hit.geomID = RTC_INVALID_GEOMETRY_ID;
    rtcIntersect1(handles_->scene, &context, &query);
    if (query.hit.geomID == RTC_INVALID_GEOMETRY_ID) return -1;
    if (distance) *distance = query.ray.tfar;
    return handles_->triangle_of_prim[query.hit.primID];
}

}  // namespace rps
