#pragma once
// The only place that talks to Embree (STYLE.md: wrap Embree once, no Embree types leak upward).
// One device per process, one BVH per scene, built once; queries are const and thread-safe.
#include <cstdint>
#include <memory>
#include <vector>

#include "core/common/geometry.hpp"
#include "core/scene/scene.hpp"

namespace rps {

// All surfaces a segment crosses, in no particular order (the caller sorts by distance).
struct SegmentHits {
    static constexpr int kCapacity = 64;
    int count = 0;
    bool overflow = false;
    uint32_t triangle[kCapacity];
    // The triangle's group (its planar face) when the BVH has triangle groups, else the triangle
    // itself (scene index).
    uint32_t group[kCapacity];
    float distance[kCapacity];
    // 1 when the crossing lies within the edge margin of its triangle's edges (inside or outside)
    // or the ray grazes the triangle (|cos| < 0.05): Embree's single-precision answer there is not
    // to be trusted, the caller decides (below).
    uint8_t near_edge[kCapacity];
};

// One segment of a packet query: origin + t·dir for t in (t_near, t_far), dir unit.
struct SegmentQuery {
    Vec3 origin, dir;
    double t_near = 0.0, t_far = 0.0;
};

class EmbreeScene {
public:
    // collect_all_hits = false builds a plain BVH without the hit-recording filter (the
    // benchmark's raw-Embree baseline); collect_hits() then must not be used.
    // keep_triangle (optional, one flag per scene triangle) leaves the triangles flagged 0 out.
    // edge_margin_m > 0 grows every triangle by that much across each edge (in its plane) and
    // flags the hits within twice the margin of an edge (near_edge): Embree's float arithmetic
    // then never misses a crossing, and the caller decides the flagged ones exactly in double
    // precision, so that whether a ray through an edge counts does not depend on how Embree
    // traversed it (single ray or packet, which lanes were active, the BVH's layout).
    // triangle_group (optional, one id per scene triangle: the planar face) keeps one hit per
    // group and segment, flagged only when every hit of the group was: a segment crosses a plane
    // once, however many of its grown triangles overlap there.
    explicit EmbreeScene(const Scene& scene, bool collect_all_hits = true,
                         const std::vector<uint8_t>* keep_triangle = nullptr,
                         double edge_margin_m = 0.0,
                         const std::vector<uint32_t>* triangle_group = nullptr);
    ~EmbreeScene();
    // The engine's edge margin for a scene, 1 mm + 1e-5 of its half-size: far above the error of
    // Embree's single-precision ray/triangle test (a few ulps of the largest coordinate, stored
    // relative to the scene's centre, divided by the incidence cosine: 1 mm covers crossings down
    // to |cos| = 5e-4, where 0.1 mm missed some below 0.02), far below any wall's size. Crossings
    // within it of an edge are decided in double precision by the caller, so its size changes
    // no result, only which hits need that decision.
    static double default_edge_margin_m(const Scene& scene);
    EmbreeScene(const EmbreeScene&) = delete;
    EmbreeScene& operator=(const EmbreeScene&) = delete;

    // Every triangle hit by the open segment origin + t·dir, t in (t_near, t_far); dir is unit.
    // One BVH traversal (an occlusion query whose filter records and rejects every hit).
    void collect_hits(const Vec3& origin, const Vec3& dir, double t_near, double t_far,
                      SegmentHits& hits) const;
    // collect_hits for up to kPacketSize segments at once, as one Embree ray packet: the
    // segments of one beam row are similar rays, and a 16-wide packet runs them ~1.4x faster
    // than single rays (bench/engine_bench.cpp). hits[i] receives segment i's crossings.
    static constexpr int kPacketSize = 16;
    void collect_hits_packet(const SegmentQuery* queries, int count, SegmentHits* hits) const;
    // Plain occlusion query (the raw-Embree baseline of the benchmark).
    bool occluded(const Vec3& origin, const Vec3& dir, double t_near, double t_far) const;
    // Closest hit along a ray; returns the triangle or -1.
    int64_t first_hit(const Vec3& origin, const Vec3& dir, double t_far, double* distance) const;

private:
    struct Handles;
    std::unique_ptr<Handles> handles_;
};

}  // namespace rps
