#include "core/engine/radio_engine.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <span>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "core/common/units.hpp"
#include "core/engine/ap_trace.hpp"
#include "core/engine/beam_cache.hpp"
#include "core/engine/beam_walls.hpp"
#include "core/engine/beam_window.hpp"
#include "core/engine/cell_mask.hpp"
#include "core/engine/convex_pieces.hpp"
#include "core/engine/embree_scene.hpp"
#include "core/engine/engine_face.hpp"
#include "core/engine/ordered_branch_sum.hpp"
#include "core/engine/path_field.hpp"
#include "core/engine/receiver_ports.hpp"
#include "core/engine/receiver_raster.hpp"
#include "core/engine/reflection_lanes.hpp"
#include "core/engine/scene_reach.hpp"
#include "core/engine/vertex_walls.hpp"
#include "core/radio/slab_coefficients.hpp"
#include "core/scene/planar_faces.hpp"

namespace rps {
namespace {

constexpr int kMaxOrder = 6;
// Receivers a beam's footprint must hold, in all and per raster row it spans, for its walls to
// be found per beam (BeamWalls, whose set-up grows with the rows): below either the set-up costs
// more than the Embree queries it saves (a cell selection leaves most beams a few receivers
// spread over their rows; docs/performance.md).
constexpr double kMinBeamWallReceivers = 32;
constexpr double kMinBeamWallReceiversPerRow = 2;
constexpr double kSegmentEpsilon_m = 1e-4;  // keeps a segment's own end faces out of its hits
thread_local RadioEngine::Counters t_counters;

// The Embree packets of a map, recorded for RadioEngine::time_wall_queries (null: not
// recording; a map's queries all go through evaluate_batch).
struct RecordedQueries {
    const EmbreeScene* bvh;
    std::vector<SegmentQuery> queries;  // one packet
};
thread_local std::vector<RecordedQueries>* t_query_log = nullptr;

// A path in flight: its faces (k reflections), points (Tx, q1..qk, Rx), and, when the sink
// wants them, its transmissions.
struct PathGeometry {
    int order = 0;
    std::array<int, kMaxOrder> faces{};
    std::array<Vec3, kMaxOrder + 2> points;
    // Bit j: segment j (points j to j + 1) has zero length, a double reflection exactly on the
    // line where its two faces meet (backtrace); it keeps the reflected direction, crosses nothing.
    uint32_t zero_length_segments = 0;
    bool zero_length(int j) const { return (zero_length_segments >> j) & 1u; }
    int row = 0;  // the receiver's raster row (BeamWalls)
};

// The direction a path arrives in at its receiver (its last segment's, unit).
Vec3 arrival_direction(const PathGeometry& path) {
    return (path.points[path.order + 1] - path.points[path.order]).normalized();
}

// The faces a path segment starts and ends on (-1 at the Tx or the receiver). A segment lies
// off their planes except at its ends, so a hit on them is Embree's rounding, never a wall
// crossed: dropped by identity, whatever the coordinates' magnitude.
struct SegmentEnds {
    int start = -1, end = -1;
};
SegmentEnds ends_of(const PathGeometry& path, int j) {
    return {j > 0 ? path.faces[j - 1] : -1, j < path.order ? path.faces[j] : -1};
}

// Segment j of an image path with its face sequence, for the decisions on its crossings (ends,
// tie-breaks); path null for a segment of no image path (physical optics).
struct PathSegment {
    const PathGeometry* path = nullptr;
    const EngineFace* const* seq = nullptr;
    int j = 0;
    SegmentEnds ends() const { return path ? ends_of(*path, j) : SegmentEnds{}; }
};

struct TransmissionRecord {
    int face;
    Vec3 point;
    double cos_incidence;
};

struct PathDetail {
    std::vector<PathInteraction> interactions;
};

void check_radio_setup(const RadioSetup& setup) {
    if (!(setup.freq_hz > 0)) throw std::invalid_argument("frequency must be > 0 Hz");
    // The range a study file accepts (study_spec.cpp); beyond it dBm to watts overflows.
    if (!(std::abs(setup.tx_power_dbm) <= 100.0))
        throw std::invalid_argument(
            fmt::format("transmit power {} dBm: must be in -100..100 dBm", setup.tx_power_dbm));
    if (setup.max_reflection_order < 0 || setup.max_reflection_order > kMaxOrder)
        throw std::invalid_argument("reflection order must be in 0.." + std::to_string(kMaxOrder));
}

}  // namespace

struct RadioEngine::Impl {
    Scene scene;
    RadioSetup setup;
    double wavelength_m;
    double wavenumber;
    double tx_power_w;
    PlanarFaceGrouping grouping;
    std::vector<EngineFace> faces;     // one per planar face (same indices)
    std::vector<uint8_t> face_usable;  // 0 for degenerate faces
    // The beams' pieces of the faces (convex_pieces.hpp): face f's are first_piece[f] to
    // first_piece[f + 1] - 1, each on f's plane with part of its triangles.
    std::vector<EngineFace> pieces;
    std::vector<int> piece_face;
    std::vector<int> first_piece;
    std::vector<SlabCoefficientTable> material_tables;
    std::unique_ptr<EmbreeScene> embree;
    // The BVH without the faces that bound everything (see build_inner_bvh); null when none do.
    std::unique_ptr<EmbreeScene> inner_embree;
    std::vector<std::pair<int, double>> bounding_faces;  // (face, side: +1 or -1)
    // The pieces as the beams' wall candidates (beam_walls.hpp), and the faces never crossed:
    // unusable ones, and with them the bounding faces where inner_embree is used.
    WallPieces wall_pieces;
    std::vector<uint8_t> skip_unusable, skip_bounding;
    RadioEngine::WallFinding wall_finding = RadioEngine::WallFinding::PerBeam;
    // Per face: the other faces that meet it, by where on it they meet (cross_at_vertex).
    std::vector<VertexWalls> vertex_walls;
    // Query BVHs grow triangles by this much and leave crossings near edges to crossing_counts().
    double edge_margin_m = 0.0;
    MeasurementGrid grid;
    ReceiverRaster raster;                    // the grid's receivers (cells × samples²)
    uint64_t engine_id = BeamCache::new_engine_id();  // identifies this engine's beam caches
    Aabb scene_bounds;                        // where transmitters and receivers may lie

    Impl(const Scene& s, const RadioSetup& rs, const MeasurementGridSpec& spec)
        : scene(s), setup(rs) {
        check_radio_setup(setup);
        wavelength_m = rps::wavelength_m(setup.freq_hz);
        wavenumber = 2.0 * kPi / wavelength_m;
        tx_power_w = dbm_to_watts(setup.tx_power_dbm);
        scene_bounds = scene.bounds();
        grouping = group_planar_faces(scene);
        faces.reserve(grouping.faces.size());
        for (const PlanarFace& face : grouping.faces) {
            faces.push_back(make_engine_face(face, scene));
            face_usable.push_back(face.normal.squaredNorm() > 0.5 ? 1 : 0);
        }
        build_pieces();
        material_tables.reserve(scene.materials.size());
        for (const RadioMaterial& material : scene.materials)
            material_tables.emplace_back(evaluate_material(material, setup.freq_hz), wavelength_m);
        edge_margin_m = EmbreeScene::default_edge_margin_m(scene);
        embree = std::make_unique<EmbreeScene>(scene, true, nullptr, edge_margin_m,
                                               &grouping.triangle_face);
        grid = make_grid(scene, spec);
        raster.x0 = grid.origin_x_m;
        raster.y0 = grid.origin_y_m;
        raster.spacing = grid.cell_m / grid.samples_per_axis;
        raster.nx = grid.cells_x * grid.samples_per_axis;
        raster.ny = grid.cells_y * grid.samples_per_axis;
        raster.height_m = grid.height_m;
        grid.mask = compute_cell_mask(scene, EmbreeScene(scene), grouping, grid);
        mask_excluded_areas(grid);
        build_inner_bvh();
        vertex_walls = build_vertex_walls(faces, face_usable, kSegmentEpsilon_m);
        wall_pieces = make_wall_pieces(pieces, piece_face);
        for (const uint8_t usable : face_usable) skip_unusable.push_back(usable ? 0 : 1);
        skip_bounding = skip_unusable;
        for (const auto& bounding : bounding_faces) skip_bounding[bounding.first] = 1;
        RadioMaterial metal;
        metal.itu_type = "metal";
        metal.thickness_m = 0.002;
        metal_plate_table = std::make_unique<SlabCoefficientTable>(
            evaluate_material(metal, std::clamp(setup.freq_hz, 1.0e9, 100.0e9)), wavelength_m);
    }

    // Plate faces carry material -1 (perfect conductor: r_TE = -1, r_TM = +1, no transmission)
    // or -2 (ITU metal slab, 2 mm).
    const SlabCoefficientTable& table(const EngineFace& face) const {
        return face.is_plate ? *metal_plate_table : material_tables[face.material];
    }
    TeTm reflection(const EngineFace& face, double cos_incidence) const {
        if (face.is_plate && face.material == -1) return {-1.0, 1.0};
        return table(face).reflection(cos_incidence);
    }
    TeTm transmission(const EngineFace& face, double cos_incidence) const {
        if (face.is_plate && face.material == -1) return {0.0, 0.0};
        return table(face).transmission(cos_incidence);
    }
    std::unique_ptr<SlabCoefficientTable> metal_plate_table;

    void build_pieces() {
        first_piece.assign(1, 0);
        for (size_t f = 0; f < faces.size(); ++f) {
            const PlanarFace& face = grouping.faces[f];
            const auto split =
                face_usable[f] ? convex_pieces(face, scene) : std::vector<std::vector<uint32_t>>{};
            if (split.size() <= 1) {
                pieces.push_back(faces[f]);  // the face is its own piece
            } else {
                for (const std::vector<uint32_t>& triangles : split) {
                    PlanarFace part = face;
                    part.triangles = triangles;
                    pieces.push_back(make_engine_face(part, scene));
                }
            }
            piece_face.resize(pieces.size(), static_cast<int>(f));
            first_piece.push_back(static_cast<int>(pieces.size()));
        }
    }

    // A face whose plane has every scene vertex on one closed side (a supporting plane of the
    // scene) can never be crossed strictly by a segment between points on that side; reflection
    // points lie on faces, inside the vertices' hull. Floor, ceiling and outer walls are such
    // faces: large triangles that every query's traversal otherwise tests (15 % of the query
    // time on the office). segment_bvh() leaves them out whenever the Tx, the receivers and the
    // plate lie on the inner side too, so the crossings found are the same.
    void build_inner_bvh() {
        constexpr double kSide_m = 1e-9;
        std::vector<uint8_t> keep(scene.triangles.size(), 1);
        for (size_t f = 0; f < faces.size(); ++f) {
            if (!face_usable[f]) continue;
            double low = 0.0, high = 0.0;
            for (const Vec3& v : scene.vertices) {
                const double d = faces[f].signed_distance(v);
                low = std::min(low, d);
                high = std::max(high, d);
            }
            const double side = high <= kSide_m ? -1.0 : low >= -kSide_m ? 1.0 : 0.0;
            if (side == 0.0) continue;
            bounding_faces.emplace_back(static_cast<int>(f), side);
            for (uint32_t t : grouping.faces[f].triangles) keep[t] = 0;
        }
        if (!bounding_faces.empty())
            inner_embree = std::make_unique<EmbreeScene>(scene, true, &keep, edge_margin_m,
                                                         &grouping.triangle_face);
    }

    // The BVH for one trace: the inner one when the Tx, the receivers and the plate all lie on
    // the inner side of every bounding face.
    const EmbreeScene& segment_bvh(const Vec3& tx, const ReceiverRaster& receivers,
                                   const EngineFace* plate) const {
        if (!inner_embree) return *embree;
        constexpr double kSide_m = 1e-9;
        Vec3 points[4 + 1 + 6];
        int count = 0;
        points[count++] = tx;
        points[count++] = receivers.point(0, 0);
        points[count++] = receivers.point(receivers.nx - 1, 0);
        points[count++] = receivers.point(0, receivers.ny - 1);
        points[count++] = receivers.point(receivers.nx - 1, receivers.ny - 1);
        if (plate)
            for (size_t i = 0; i < plate->tri3d.size() && count < 11; ++i)
                points[count++] = plate->tri3d[i];
        for (const auto& [f, side] : bounding_faces)
            for (int i = 0; i < count; ++i)
                if (side * faces[f].signed_distance(points[i]) < -kSide_m) return *embree;
        return *inner_embree;
    }

    // How reflection point j (at q; the points after it already in path) moves when the Tx moves
    // along EngineFace::tie_break_direction(), the receiver fixed. Image m moves by the faces'
    // mirrors applied to that direction; the point where the line image -> next meets the plane
    // moves by (1 - s)·(the image's move) + s·(next's move), projected along the line onto it.
    [[gnu::noinline]] static Vec3 reflection_point_shift(const Vec3* images,
                                                         const EngineFace* const* seq, int order,
                                                         int j, const Vec3& q,
                                                         const PathGeometry& path) {
        std::array<Vec3, kMaxOrder + 1> image_shift;
        image_shift[0] = EngineFace::tie_break_direction();
        for (int m = 1; m <= order; ++m) {
            const Vec3& n = seq[m - 1]->normal;
            image_shift[m] = image_shift[m - 1] - 2.0 * n.dot(image_shift[m - 1]) * n;
        }
        Vec3 next_shift = Vec3::Zero();  // the receiver stays
        for (int m = order; m >= j; --m) {
            const Vec3& point = m == j ? q : path.points[m];
            const Vec3 d = path.points[m + 1] - images[m];
            const double s = (point - images[m]).dot(d) / d.dot(d);
            const Vec3 w = (1.0 - s) * image_shift[m] + s * next_shift;
            const Vec3& n = seq[m - 1]->normal;
            next_shift = w - (n.dot(w) / n.dot(d)) * d;
        }
        return next_shift;
    }

    // A reflection point j that falls on the next one (s = 1: the next point lies on this
    // face's plane too, on the line where the two faces meet, as when the receiver sees the Tx's
    // double image exactly through a corner). Beside that line the two points are distinct for
    // one of the two face orders; as for the other edge cases (contains_with), the path exists
    // when it does for the Tx moved an infinitesimal step along the tie-break direction. At
    // s = 1 that step moves point j by the projection of the next point's step onto this face
    // along d, so s < 1 after the step exactly when n·(next point's step) / n·d > 0. Dropping
    // the path instead lost a contribution that every neighbouring receiver has.
    [[gnu::noinline]] static bool corner_point(const Vec3* images, const EngineFace* const* seq,
                                               int order, int j, double s, const Vec3& d,
                                               PathGeometry& path) {
        if (j == order || !(std::abs(s - 1.0) <= 1e-9)) return false;
        const Vec3 next_shift =
            reflection_point_shift(images, seq, order, j + 1, path.points[j + 1], path);
        const Vec3& n = seq[j - 1]->normal;
        if (!(n.dot(next_shift) / n.dot(d) > 0.0)) return false;
        path.zero_length_segments |= 1u << j;
        return true;
    }

    // Reflection points for the face sequence, traced back from the receiver; false if any
    // point misses its face.
    // surely_lit: the receiver lies well inside an exact beam (BeamWalls::surely_lit), so every
    // point lies inside its face and the point-in-face tests are skipped (they would pass).
    bool backtrace(const Vec3* images, const EngineFace* const* seq, int order, const Vec3& rx,
                   PathGeometry& path, bool surely_lit = false) const {
        path.points[order + 1] = rx;
        path.zero_length_segments = 0;
        Vec3 next = rx;
        for (int j = order; j >= 1; --j) {
            const EngineFace& face = *seq[j - 1];
            const Vec3& image = images[j];
            const Vec3 d = next - image;
            const double denom = face.normal.dot(d);
            if (std::abs(denom) < 1e-15) return false;
            const double s = (face.offset_m - face.normal.dot(image)) / denom;
            Vec3 q;
            if (s > 1e-9 && s < 1.0 - 1e-9) [[likely]] {
                q = image + s * d;
            } else {
                if (!corner_point(images, seq, order, j, s, d, path)) return false;
                q = next;
            }
            // A point on the face's edge is decided as for the Tx moved an infinitesimal step
            // along the tie-break direction (as contains_along does for a ray): then both
            // reflections of a corner path whose points sit on the corner line are decided for
            // one and the same nearby Tx, and the path counts once, as it does beside the line.
            const auto tx_shift = [&] {
                return reflection_point_shift(images, seq, order, j, q, path);
            };
            if (!surely_lit && !face.contains_with(q, tx_shift)) return false;
            path.points[j] = q;
            next = q;
        }
        path.points[0] = images[0];
        return true;
    }

    // Field along one segment's wall crossings, in order. False when the segment is blocked
    // (opaque wall, transmission off, or the plate in the way).
    template <bool kDetail>
    bool cross_segment(const EmbreeScene& bvh, const Vec3& a, const Vec3& k, double length,
                       const EngineFace* plate, Vec3c& field, PathDetail* detail,
                       const PathSegment& segment = {}) const {
        ++t_counters.rays;
        SegmentHits hits;
        bvh.collect_hits(a, k, kSegmentEpsilon_m, length - kSegmentEpsilon_m, hits);
        return apply_crossings<kDetail>(hits, a, k, length, plate, field, detail, segment);
    }

    // How point m of the path (0 the Tx, order + 1 the receiver) moves when the Tx moves along
    // EngineFace::tie_break_direction(), the receiver fixed.
    [[gnu::noinline]] static Vec3 path_point_shift(const PathGeometry& path,
                                                   const EngineFace* const* seq, int m) {
        if (m == 0) return EngineFace::tie_break_direction();
        if (m == path.order + 1) return Vec3::Zero();
        std::array<Vec3, kMaxOrder + 1> images;
        images[0] = path.points[0];
        for (int i = 1; i <= path.order; ++i) images[i] = seq[i - 1]->mirror(images[i - 1]);
        return reflection_point_shift(images.data(), seq, path.order, m, path.points[m], path);
    }

    // Where the segment meets the face's plane at distance t, the tie-break of that point: how
    // it moves on the plane when the Tx moves along the tie-break direction (each point of the
    // segment by the interpolation of its end points' moves, then along the segment onto the
    // plane). One and the same Tx move decides every edge point of a path, its reflections and
    // its crossings alike: a path through two wall junctions (or a junction and a reflection on
    // an edge) is then the path of one nearby Tx, never a mixture of two. Without an image path
    // the ray is moved as a whole.
    [[gnu::noinline]] static Vec3 crossing_tie_break(const EngineFace& face, const Vec3& k,
                                                     double t, double length,
                                                     const PathSegment& segment) {
        if (!segment.path) return face.ray_tie_break(k);
        const double s = t / length;
        const Vec3 w = (1.0 - s) * path_point_shift(*segment.path, segment.seq, segment.j) +
                       s * path_point_shift(*segment.path, segment.seq, segment.j + 1);
        return w - (w.dot(face.normal) / k.dot(face.normal)) * k;
    }

    // Whether the segment a + t·k, t in (ε, length - ε), crosses the face, decided in double
    // precision from the segment alone (for hits near a triangle edge, where Embree's float
    // answer may differ between a single ray and a packet): a ray exactly through the line where
    // two walls meet then counts the same way in every map, probe and cell selection.
    static bool crossing_counts(const EngineFace& face, const Vec3& a, const Vec3& k, double length,
                                const PathSegment& segment) {
        const double denom = face.normal.dot(k);
        if (std::abs(denom) < 1e-12) return false;  // grazing along the plane
        const double t = (face.offset_m - face.normal.dot(a)) / denom;
        return t > kSegmentEpsilon_m && t < length - kSegmentEpsilon_m &&
               face.contains_with(a + t * k,
                                  [&] { return crossing_tie_break(face, k, t, length, segment); });
    }

    // Applies a segment's crossings (from collect_hits) to the field, nearest first. Inlined
    // into evaluate_batch's loop: the call (nine arguments, a segment's description built for
    // it) cost 2 % of a map's instructions. from_beam_walls: the hits come from
    // BeamWalls::collect, which leaves the segment's end faces and the unusable faces out.
    template <bool kDetail>
    [[gnu::always_inline]] bool apply_crossings(const SegmentHits& hits, const Vec3& a,
                                                const Vec3& k, double length,
                                                const EngineFace* plate, Vec3c& field,
                                                PathDetail* detail, const PathSegment& segment,
                                                bool from_beam_walls = false) const {
        if (plate && crossing_counts(*plate, a, k, length, segment))
            return false;  // the plate is opaque
        if (hits.count == 0) return true;
        if (hits.overflow) return false;
        // Sort by distance (few hits: insertion sort, of the values themselves, not of indices
        // into the hits: 2 % of a map), then apply in order. Crossings within 0.1 mm of each other
        // (a ray through a line where two walls meet) go in face order, so the order does not
        // hang on the last bits of Embree's distances.
        struct Crossing {
            float distance;
            int face;
            int hit;
        };
        Crossing crossings[SegmentHits::kCapacity];
        int count = 0;
        if (from_beam_walls) {  // BeamWalls leaves out the end faces and the unusable ones
            for (int i = 0; i < hits.count; ++i)
                crossings[count++] = {hits.distance[i], static_cast<int>(hits.group[i]), i};
        } else {
            const SegmentEnds ends = segment.ends();
            for (int i = 0; i < hits.count; ++i) {
                const int face = static_cast<int>(hits.group[i]);  // BVHs group triangles by face
                if (face != ends.start && face != ends.end)
                    crossings[count++] = {hits.distance[i], face, i};
            }
        }
        constexpr float kSamePoint_m = 1e-4f;
        // Without branches (the outcome is data: a branch per comparison mispredicted often).
        const auto before = [](const Crossing& a, const Crossing& b) {
            return (a.distance + kSamePoint_m < b.distance) |
                   (!(b.distance + kSamePoint_m < a.distance) & (a.face < b.face));
        };
        if (count == 2) {  // the common case: one conditional exchange
            const bool swap = before(crossings[1], crossings[0]);
            const Crossing first = swap ? crossings[1] : crossings[0];
            const Crossing second = swap ? crossings[0] : crossings[1];
            crossings[0] = first;
            crossings[1] = second;
        } else {
            for (int i = 1; i < count; ++i) {
                const Crossing moving = crossings[i];
                int j = i;
                for (; j > 0 && before(moving, crossings[j - 1]); --j)
                    crossings[j] = crossings[j - 1];
                crossings[j] = moving;
            }
        }
        // Consecutive crossings of parallel walls (most of them in a building) share one TE/TM
        // split: the field stays as its two components (E·s, E·p) and each wall scales them,
        // instead of splitting and recombining at every wall (transmit_field, algebraically the
        // same). Walls of one material at one incidence also share their coefficients.
        TransmissionChain chain;
        for (int i = 0; i < count; ++i) {
            const int h = crossings[i].hit;
            const int face_index = crossings[i].face;
            if (!from_beam_walls && !face_usable[face_index]) continue;
            if (hits.near_edge[h] && !crossing_counts(faces[face_index], a, k, length, segment))
                continue;
            // Walls opaque: the first wall crossed blocks (only a crossing that counts: a hit on
            // an end face, or one beside a wall's edge, blocked every such path before).
            if (!setup.transmission) return false;
            const EngineFace& face = faces[face_index];
            const double cos_i = std::min(1.0, std::abs(k.dot(face.normal)));
            chain.cross(field, k, face.normal, face.material, cos_i,
                        [&] { return transmission(face, cos_i); });
            if constexpr (kDetail) {
                detail->interactions.push_back({InteractionKind::Transmission, face_index,
                                                face.material, a + double(hits.distance[h]) * k,
                                                cos_i});
            }
        }
        chain.finish(field);
        // |E|² > 0 written out: Eigen's squaredNorm of a complex vector was an out-of-line call
        // per segment (2 % of a map).
        return std::norm(field.x()) + std::norm(field.y()) + std::norm(field.z()) > 0.0;
    }

    // Unit direction k and length of segment j of the path; false when it is degenerate.
    static bool segment_of(const PathGeometry& path, int j, Vec3& k, double& length) {
        k = path.points[j + 1] - path.points[j];
        length = k.norm();
        if (length < 1e-9) return false;
        k *= 1.0 / length;
        return true;
    }

    // The reflection at the end of segment j, on face seq[j] (none after the last segment), with
    // the walls the path crosses right at the reflection point (cross_at_vertex). False when such
    // a wall blocks the path (walls opaque).
    template <bool kDetail>
    bool reflect_at_end(const PathGeometry& path, int j, const EngineFace* const* seq, Vec3& k,
                        Vec3c& field, PathDetail* detail) const {
        if (j == path.order) return true;
        const std::span<const int> walls = walls_at_reflection(path, j, seq);
        if (walls.empty()) [[likely]] {
            reflect<kDetail>(path, j, *seq[j], k, field, detail);
            return true;
        }
        return reflect_across_walls<kDetail>(path, j, seq, walls, k, field, detail);
    }

    // The walls that may pass through the reflection at the end of segment j (within ε of the
    // point; reflect_across_walls decides), none for almost every reflection: one grid lookup.
    std::span<const int> walls_at_reflection(const PathGeometry& path, int j,
                                             const EngineFace* const* seq) const {
        const EngineFace& face = *seq[j];
        if (face.is_plate) return {};
        const Vec3& point = path.points[j + 1];
        const std::span<const int> walls =
            vertex_walls[path.faces[j]].near(point[face.axis0()], point[face.axis1()]);
        for (const int w : walls)
            if (std::abs(faces[w].signed_distance(point)) <= kSegmentEpsilon_m) return walls;
        return {};
    }

    // A plain reflection on face as one lane of reflect_lanes (reflect's coefficients), and its
    // result taken back.
    void add_lane(const EngineFace& face, const Vec3& k, const Vec3c& field, ReflectionLanes& lanes,
                  int lane) const {
        const double cos_i = std::min(1.0, std::abs(k.dot(face.normal)));
        const TeTm r = reflection(face, cos_i);
        lanes.kx[lane] = k.x();
        lanes.ky[lane] = k.y();
        lanes.kz[lane] = k.z();
        for (int c = 0; c < 3; ++c) {
            lanes.field_re[c][lane] = field[c].real();
            lanes.field_im[c][lane] = field[c].imag();
        }
        lanes.te_re[lane] = r.te.real();
        lanes.te_im[lane] = r.te.imag();
        lanes.tm_re[lane] = r.tm.real();
        lanes.tm_im[lane] = r.tm.imag();
    }
    static void take_lane(const ReflectionLanes& lanes, int lane, Vec3& k, Vec3c& field) {
        k = Vec3(lanes.kx[lane], lanes.ky[lane], lanes.kz[lane]);
        for (int c = 0; c < 3; ++c) field[c] = {lanes.field_re[c][lane], lanes.field_im[c][lane]};
    }

    // The rare case of reflect_at_end: walls pass through the reflection point.
    template <bool kDetail>
    [[gnu::noinline]] bool reflect_across_walls(const PathGeometry& path, int j,
                                                const EngineFace* const* seq,
                                                std::span<const int> walls, Vec3& k, Vec3c& field,
                                                PathDetail* detail) const {
        const EngineFace& face = *seq[j];
        const Vec3& point = path.points[j + 1];
        const Vec3 k_in = k;
        const Vec3 k_out = k - 2.0 * k.dot(face.normal) * face.normal;
        // (After a zero-length segment the incoming piece has no reach: its walls were applied
        // at its first point, as that point's outgoing piece.)
        const PathSegment at{&path, seq, j};
        if (!cross_at_vertex<kDetail>(walls, point, k_in, k_out, true, at, field, detail))
            return false;
        reflect<kDetail>(path, j, face, k, field, detail);
        return cross_at_vertex<kDetail>(walls, point, k_in, k_out, false, at, field, detail);
    }

    // The faces of the reflections before and after the one at the end of segment at.j: the
    // incoming piece starts on the one, the outgoing piece ends on the other. Near a corner (both
    // points within ε of the line where the faces meet, or on it) they pass through the point,
    // yet the path reflects on them, never crosses them, as the segment queries drop a segment's
    // own end faces.
    static SegmentEnds reflected_around(const PathSegment& at) {
        const PathGeometry& path = *at.path;
        return {at.j > 0 ? path.faces[at.j - 1] : -1,
                at.j + 1 < path.order ? path.faces[at.j + 1] : -1};
    }

    template <bool kDetail>
    void reflect(const PathGeometry& path, int j, const EngineFace& face, Vec3& k, Vec3c& field,
                 PathDetail* detail) const {
        const double cos_i = std::min(1.0, std::abs(k.dot(face.normal)));
        const TeTm r = reflection(face, cos_i);
        field = reflect_field(field, k, face.normal, r.te, r.tm);
        if constexpr (kDetail) {
            detail->interactions.push_back({InteractionKind::Reflection,
                                            face.is_plate ? -1 : path.faces[j], face.material,
                                            path.points[j + 1], cos_i});
        }
    }

    // A reflection point can lie on another wall: a floor reflection at the foot of a wall, a
    // wall reflection where a partition abuts it. The segment queries leave out the first and last
    // kSegmentEpsilon_m of each segment (its own faces), so such a wall would be crossed for free:
    // an AP on one grid line of the office scored 7 dB of P5 above its neighbours 5 cm away. Here
    // a piece of the path (incoming or outgoing) crosses wall W at the point when the point and
    // the piece's far end within ε (point - ε·k_in, point + ε·k_out) lie on opposite sides of W's
    // plane, at a point inside W: the limit of the crossing the queries find when the reflection
    // point moves off the wall. Both pieces cross when the point lies beyond W and the path comes
    // back (a partition meeting the face at an angle, a third wall through a corner line): a V
    // through W's edge, two transmissions.
    template <bool kDetail>
    [[gnu::noinline]] bool cross_at_vertex(std::span<const int> walls, const Vec3& point,
                                           const Vec3& k_in, const Vec3& k_out, bool incoming_piece,
                                           const PathSegment& at, Vec3c& field,
                                           PathDetail* detail) const {
        const SegmentEnds reflected = reflected_around(at);
        // The stretch of the piece that its segment's query leaves to this point: the query
        // covers (ε, length - ε), the start point the first min(ε, length), the end point the
        // rest. A segment shorter than ε (a corner pair a hair beside the corner line) is the
        // start point's alone; a zero-length one (a corner pair on the line) ends on the second
        // point, the same point moved apart by the Tx move.
        const Vec3& other = at.path->points[incoming_piece ? at.j : at.j + 2];
        const double piece_m = (point - other).norm();
        const double reach_m = incoming_piece
                                   ? std::min(kSegmentEpsilon_m, piece_m - kSegmentEpsilon_m)
                                   : std::min(kSegmentEpsilon_m, piece_m);
        if (incoming_piece && !(reach_m > 0.0)) return true;
        const bool to_corner_pair =
            !incoming_piece && at.j + 1 < at.path->order && at.path->zero_length(at.j + 1);
        const Vec3& reflecting = at.seq[at.j]->normal;
        for (const int w : walls) {
            if (w == reflected.start || w == reflected.end) continue;
            const EngineFace& wall = faces[w];
            const double here = wall.signed_distance(point);
            if (std::abs(here) > kSegmentEpsilon_m) continue;
            // A face of the reflecting plane (the window beside a wall's seam): both pieces stay
            // on one side of it.
            if (std::abs(wall.normal.dot(reflecting)) > 1.0 - 1e-12) continue;
            // A point on the wall (to rounding) is decided as for the Tx moved along the
            // tie-break direction (the same move that decides the path's other edge points): the
            // side the point moves to says which pieces cross, its move along a piece onto the
            // wall where. Without a move off the wall, the outgoing piece crosses when the path
            // changes sides.
            constexpr double kOnWall_m = 1e-9;
            double side = here;
            Vec3 shift = Vec3::Zero();
            bool moved = false;
            if (std::abs(here) <= kOnWall_m) {
                shift = path_point_shift(*at.path, at.seq, at.j + 1);
                moved = shift.dot(wall.normal) != 0.0;
                if (moved) side = shift.dot(wall.normal);
            }
            const double before = wall.signed_distance(point - kSegmentEpsilon_m * k_in);
            double far = incoming_piece ? wall.signed_distance(point - reach_m * k_in)
                                        : wall.signed_distance(point + reach_m * k_out);
            if (to_corner_pair)  // the second point: on the wall with this one, moved its own way
                far = moved ? path_point_shift(*at.path, at.seq, at.j + 2).dot(wall.normal) : side;
            const bool crosses =
                side != 0.0 ? far * side < 0.0 : !incoming_piece && before * far < 0.0;
            if (!crosses) continue;  // stays on one side (or runs along the wall)
            const Vec3& k = incoming_piece ? k_in : k_out;
            const double kn = k.dot(wall.normal);
            if (kn == 0.0) continue;
            // Otherwise the crossing lies an infinitesimal step before the point on the incoming
            // piece, or after it on the outgoing one: at a wall's edge (a reflection on the
            // ceiling right above a wall's top) that step decides, as it does for the point
            // moved off the wall. On a corner pair's zero-length segment the crossing moves by
            // the interpolation of the two points' moves: the same expression, as they differ by
            // a multiple of k.
            // A crossing off the point (beyond rounding) is the piece's ordinary crossing, only
            // nearer the point than the segment queries look: its edge is decided as theirs are,
            // for the path moved as crossing_tie_break moves it, one move for every wall there.
            // (The step decided each wall for itself: a piece passing exactly through the line
            // where two walls meet, a floor reflection 3 µm inside an outer corner, crossed
            // neither, 11 dB too strong.)
            const Vec3 step = incoming_piece ? Vec3(-k_in) : k_out;
            const double to_crossing_m = std::abs(here / kn);
            const Vec3 tie_break =
                moved ? Vec3(shift - (side / kn) * k)
                : std::abs(here) > kOnWall_m
                    ? (incoming_piece
                           ? crossing_tie_break(wall, k, piece_m - to_crossing_m, piece_m,
                                                PathSegment{at.path, at.seq, at.j})
                           : crossing_tie_break(wall, k, to_crossing_m, piece_m,
                                                PathSegment{at.path, at.seq, at.j + 1}))
                    : Vec3(step - step.dot(wall.normal) * wall.normal);
            // Where the piece crosses the wall's plane (up to 0.1 mm from the point, not its
            // projection onto the plane, which can lie on the other side of the wall's edge); a
            // point on the wall (to rounding) keeps its projection, decided by the tie-break.
            const Vec3 crossing = std::abs(here) <= kOnWall_m ? Vec3(point - here * wall.normal)
                                                              : Vec3(point - (here / kn) * k);
            if (!wall.contains(crossing, tie_break)) continue;
            if (!setup.transmission) return false;  // walls opaque: blocked here
            const double cos_i = std::min(1.0, std::abs(kn));
            const TeTm t = transmission(wall, cos_i);
            field = transmit_field(field, k, wall.normal, t.te, t.tm);
            if constexpr (kDetail) {
                detail->interactions.push_back(
                    {InteractionKind::Transmission, w, wall.material, point, cos_i});
            }
        }
        return true;
    }

    // Amplitude vector (without the propagation phase) of a path of total length length_m.
    Vec3c amplitude_of(const Vec3c& field, double length_m) const {
        return field * (wavelength_m / (4.0 * kPi * length_m));
    }

    // The antenna's field along the first segment of the queued paths (Antenna::fields).
    static void first_fields(const Antenna& antenna, const Vec3* k, int queued,
                             const int* path_of_query, Vec3c* field) {
        Vec3 direction[EmbreeScene::kPacketSize];
        Vec3c first[EmbreeScene::kPacketSize];
        for (int q = 0; q < queued; ++q) direction[q] = k[path_of_query[q]];
        antenna.fields(direction, queued, first);
        for (int q = 0; q < queued; ++q) field[path_of_query[q]] = first[q];
    }

    // evaluate_path for up to EmbreeScene::kPacketSize paths of one face sequence at once,
    // segment by segment, so that each segment's wall queries go to Embree as one ray packet.
    // Same arithmetic per path as evaluate_path, so the results are identical.
    void evaluate_batch(const EmbreeScene& bvh, const PathGeometry* paths, int count,
                        const EngineFace* const* seq, const Antenna& antenna,
                        const EngineFace* plate, const BeamWalls* walls, Vec3c* amplitude,
                        double* length, bool* ok) const {
        constexpr int kLanes = EmbreeScene::kPacketSize;
        static_assert(ReflectionLanes::kLanes >= kLanes);
        Vec3 k[kLanes];
        Vec3c field[kLanes];
        double segment[kLanes];
        SegmentQuery queries[kLanes];
        int path_of_query[kLanes];
        SegmentHits hits[kLanes];
        ReflectionLanes lanes;
        int lane_path[kLanes];
        for (int i = 0; i < count; ++i) {
            ok[i] = true;
            length[i] = 0.0;
        }
        for (int j = 0; j <= paths[0].order; ++j) {
            int queued = 0;
            for (int i = 0; i < count; ++i) {
                if (!ok[i]) continue;
                if (paths[i].zero_length(j)) [[unlikely]] {
                    ok[i] = reflect_at_end<false>(paths[i], j, seq, k[i], field[i], nullptr);
                    continue;
                }
                if (!segment_of(paths[i], j, k[i], segment[i])) {
                    ok[i] = false;
                    continue;
                }
                path_of_query[queued++] = i;
            }
            // Embree's packet (and the diagnostic's record) takes the segments as queries.
            if (!walls || t_query_log) {
                for (int q = 0; q < queued; ++q) {
                    const int i = path_of_query[q];
                    queries[q] = {paths[i].points[j], k[i], kSegmentEpsilon_m,
                                  segment[i] - kSegmentEpsilon_m};
                }
            }
            if (j == 0) first_fields(antenna, k, queued, path_of_query, field);
            t_counters.rays += queued;
            if (t_query_log && queued > 0) [[unlikely]]
                t_query_log->push_back({&bvh, {queries, queries + queued}});
            if (walls) {
                for (int q = 0; q < queued; ++q) {
                    const int i = path_of_query[q];
                    const PathGeometry& p = paths[i];
                    walls->collect(j, p.points[p.order + 1].x(), p.row, p.points[j], k[i],
                                   segment[i], kSegmentEpsilon_m, !setup.transmission, hits[q]);
                }
            } else {
                bvh.collect_hits_packet(queries, queued, hits);
            }
            int reflecting = 0;  // lanes of `lanes`: paths whose reflection is plain
            for (int q = 0; q < queued; ++q) {
                const int i = path_of_query[q];
                if (!apply_crossings<false>(hits[q], paths[i].points[j], k[i], segment[i], plate,
                                            field[i], nullptr, PathSegment{&paths[i], seq, j},
                                            walls != nullptr)) {
                    ok[i] = false;
                    continue;
                }
                length[i] += segment[i];
                if (j == paths[i].order) continue;
                // The reflection at the segment's end (reflect_at_end), the plain ones together.
                const std::span<const int> walls_here = walls_at_reflection(paths[i], j, seq);
                if (!walls_here.empty()) [[unlikely]] {
                    ok[i] = reflect_across_walls<false>(paths[i], j, seq, walls_here, k[i],
                                                        field[i], nullptr);
                    continue;
                }
                add_lane(*seq[j], k[i], field[i], lanes, reflecting);
                lane_path[reflecting++] = i;
            }
            if (reflecting > 0) {
                reflect_lanes(lanes, reflecting, seq[j]->normal);
                for (int lane = 0; lane < reflecting; ++lane) {
                    const int i = lane_path[lane];
                    if (lanes.regular[lane] != 0.0) [[likely]]
                        take_lane(lanes, lane, k[i], field[i]);
                    else  // normal incidence: TeTmAxes picks the axes
                        reflect<false>(paths[i], j, *seq[j], k[i], field[i], nullptr);
                }
            }
        }
        for (int i = 0; i < count; ++i)
            if (ok[i]) amplitude[i] = amplitude_of(field[i], length[i]);
    }

    // Evaluates one geometric path (with its interactions when kDetail): complex amplitude
    // vector (without the propagation phase) and length. False when blocked.
    template <bool kDetail>
    bool evaluate_path(const EmbreeScene& bvh, const PathGeometry& path,
                       const EngineFace* const* seq, const Antenna& antenna,
                       const EngineFace* plate, Vec3c& amplitude, double& length,
                       PathDetail* detail) const {
        Vec3 k;
        double segment;
        Vec3c field;
        length = 0.0;
        for (int j = 0; j <= path.order; ++j) {
            if (path.zero_length(j)) {  // keeps the reflected direction, crosses nothing
                if (!reflect_at_end<kDetail>(path, j, seq, k, field, detail)) return false;
                continue;
            }
            if (!segment_of(path, j, k, segment)) return false;
            if (j == 0) field = antenna.field(k);
            if (!cross_segment<kDetail>(bvh, path.points[j], k, segment, plate, field, detail,
                                        PathSegment{&path, seq, j}))
                return false;
            length += segment;
            if (!reflect_at_end<kDetail>(path, j, seq, k, field, detail)) return false;
        }
        amplitude = amplitude_of(field, length);
        return true;
    }

    // Enumerates every face sequence up to the reflection order (depth-first, fixed order so
    // that sums are bit-identical run to run) and hands each valid path to the sink.
    // Physical optics for the single-bounce plate paths (PlateGeometry::physical_optics): the
    // Kirchhoff integral of the Tx image's field over the plate aperture,
    //   a = (λ/4π)·E_r·(j/λ)·Σ_patches e^{-jk(s1+s2)}/(s1·s2)·χ·A_p·sinc(k·g_u·a/2)·sinc(k·g_v·b/2),
    // with χ = (|cos θ1| + |cos θ2|)/2 the obliquity factor and g the phase gradient across a
    // patch (exact for a linear phase). It tends to the GO image path for a large plate and to
    // the far-field plate cross-section 4πA²/λ² for a small one. E_r is the PEC-reflected
    // antenna field toward the image direction; walls between Tx, plate centre and Rx apply
    // their transmission coefficients (evaluated through the plate centre).
    template <class Sink>
    void physical_optics_paths(const EmbreeScene& bvh, const TxPose& tx, const Antenna& antenna,
                               const EngineFace& plate, const PlateGeometry& geometry,
                               const ReceiverRaster& receivers, Sink& sink) const {
        const Vec3 n = geometry.normal.normalized();
        const Vec3 eu = geometry.width_axis.normalized();
        const Vec3 ev = geometry.height_axis().normalized();
        const Vec3 source = tx.position;
        if (std::abs(n.dot(source - geometry.center)) < 1e-9) return;
        const double source_side = n.dot(source - geometry.center);
        const auto sinc = [](double x) { return std::abs(x) < 1e-8 ? 1.0 : std::sin(x) / x; };
        // Polarisation and visibility along the path through the plate centre; the Tx side is
        // the same for every receiver.
        Vec3 k = (geometry.center - source).normalized();
        Vec3c field_at_plate = antenna.field(k);
        const double s1c = (geometry.center - source).norm();
        if (!cross_segment<false>(bvh, source, k, s1c, nullptr, field_at_plate, nullptr)) return;
        const double cos_i = std::min(1.0, std::abs(k.dot(n)));
        const TeTm r = reflection(plate, cos_i);
        field_at_plate = reflect_field(field_at_plate, k, n, r.te, r.tm);
        // Patches and their Tx-side terms, also the same for every receiver.
        const double patch = std::max(1e-3, geometry.po_patch_m);
        const int nu = std::max(1, static_cast<int>(std::ceil(geometry.width_m / patch)));
        const int nv = std::max(1, static_cast<int>(std::ceil(geometry.height_m / patch)));
        const double du = geometry.width_m / nu, dv = geometry.height_m / nv;
        struct Patch {
            Vec3 centre;
            double s1, k1_n, k1_u, k1_v;  // distance from the Tx, its direction's components
        };
        std::vector<Patch> patches;
        patches.reserve(static_cast<size_t>(nu) * nv);
        for (int pv = 0; pv < nv; ++pv)
            for (int pu = 0; pu < nu; ++pu) {
                const Vec3 p = geometry.center + ((pu + 0.5) * du - 0.5 * geometry.width_m) * eu +
                               ((pv + 0.5) * dv - 0.5 * geometry.height_m) * ev;
                const Vec3 a = p - source;
                const double s1 = a.norm();
                const Vec3 k1 = a / s1;
                patches.push_back({p, s1, std::abs(k1.dot(n)), k1.dot(eu), k1.dot(ev)});
            }
        for (int iy = 0; iy < receivers.ny; ++iy)
            for (int ix = 0; ix < receivers.nx; ++ix) {
                if (!receivers.is_active(receivers.index(ix, iy))) continue;
                const Vec3 rx = receivers.point(ix, iy);
                if (n.dot(rx - geometry.center) * source_side <= 0) continue;  // behind the plate
                Vec3c field = field_at_plate;
                const Vec3 out = rx - geometry.center;
                const double s2c = out.norm();
                if (!cross_segment<false>(bvh, geometry.center, out / s2c, s2c, nullptr, field,
                                          nullptr))
                    continue;
                std::complex<double> integral = 0.0;
                for (const Patch& q : patches) {
                    const Vec3 b = rx - q.centre;
                    const double s2 = b.norm();
                    const Vec3 k2 = b / s2;
                    const double chi = 0.5 * (q.k1_n + std::abs(k2.dot(n)));
                    // g = k1 - k2 = d(s1 + s2)/dp along the plate
                    const double area = du * dv *
                                        sinc(0.5 * wavenumber * (q.k1_u - k2.dot(eu)) * du) *
                                        sinc(0.5 * wavenumber * (q.k1_v - k2.dot(ev)) * dv);
                    integral += std::polar(chi * area / (q.s1 * s2), -wavenumber * (q.s1 + s2));
                }
                // j/λ, not Goodman's 1/(jλ): his phasors run as e^{-jωt} (spatial phase e^{+jkr});
                // with this engine's e^{-jkr} the factor is the conjugate. By stationary phase the
                // sum of a large plate then tends to +1·(the GO image path), not -1 (a 180° error
                // that flipped every interference with the other paths in coherent maps).
                integral *= std::complex<double>(0.0, 1.0 / wavelength_m);
                const Vec3c amplitude = field * (wavelength_m / (4.0 * kPi)) * integral;
                sink.add_direct(receivers.index(ix, iy), amplitude, s1c + s2c, out / s2c);
            }
    }

    template <class Sink>
    // branch: -2 = everything; -1 = line of sight only; f >= 0 = the sequences starting with
    // face f (maps split the work into these branches to run them on several threads).
    void trace(const TxPose& tx, const EngineFace* plate, bool plate_paths_only,
               const ReceiverRaster& receivers, Sink& sink,
               const PlateGeometry* plate_geometry = nullptr, int branch = -2,
               int max_order = -1) const {
        if (max_order < 0) max_order = setup.max_reflection_order;
        // The AP array is dual-polarised by construction (V+H ports co-phased, PHYSICS.md §3).
        const Polarization polarization =
            setup.antenna == AntennaModel::Ap2x1 ? Polarization::VH : setup.polarization;
        const Antenna antenna(setup.antenna, polarization, AntennaPose{tx.yaw_rad, tx.downtilt_rad},
                              wavelength_m);
        const EmbreeScene& bvh = segment_bvh(tx.position, receivers, plate);
        const int piece_total = static_cast<int>(pieces.size()) + (plate ? 1 : 0);
        std::array<Vec3, kMaxOrder + 1> images;
        std::array<const EngineFace*, kMaxOrder> seq{};
        PathGeometry path;
        images[0] = tx.position;
        const int piece_count = static_cast<int>(pieces.size());
        const auto piece_at = [&](int index) -> const EngineFace* {
            return index < piece_count ? &pieces[index] : plate;
        };
        const auto face_of_piece = [&](int index) {
            return index < piece_count ? piece_face[index] : static_cast<int>(faces.size());
        };

        std::array<BeamWindow, kMaxOrder + 1> windows;
        // Sinks that want only amplitudes take the valid paths of a row in packets.
        std::array<PathGeometry, EmbreeScene::kPacketSize> batch;
        std::array<size_t, EmbreeScene::kPacketSize> batch_receiver;
        int batched = 0;
        // The walls of the beam being scanned (null: its segments query Embree).
        BeamWalls beam_walls;
        const BeamWalls* walls = nullptr;
        const std::vector<uint8_t>& skip_face =
            &bvh == inner_embree.get() ? skip_bounding : skip_unusable;
        const auto prepare_walls = [&](int order, const double* x, const double* y, int count,
                                       int iy0, int iy1, bool exact) {
            if constexpr (Sink::kBatched) {
                // The diagnostic records the queries.
                if (t_query_log || wall_finding != WallFinding::PerBeam) return;
                const BeamGeometry beam{order, images.data(), seq.data(), path.faces.data(), x,
                                        y,     count,         exact};
                if (beam_walls.build(wall_pieces, skip_face, beam, receivers, iy0, iy1)) {
                    walls = &beam_walls;
                    ++t_counters.beams_walls_per_beam;
                }
            }
        };
        // A beam's rows (iy, ix0, ix1). Its walls are found per beam only when it reaches enough
        // receivers, in all and per row it spans (estimated from the active share), to repay the
        // set-up: a cell selection leaves most beams a handful, for which Embree's queries are
        // cheaper.
        std::vector<std::array<int, 3>> footprint_rows;
        const auto repays_walls = [&](double receivers_reached, double rows) {
            const double estimate = receivers.active_share * receivers_reached;
            return estimate >= kMinBeamWallReceivers &&
                   estimate >= kMinBeamWallReceiversPerRow * rows;
        };
        const auto flush = [&] {
            if constexpr (Sink::kBatched) {
                sink.consider_batch(*this, bvh, batch.data(), batch_receiver.data(), batched,
                                    seq.data(), antenna, plate, walls);
            }
            batched = 0;
        };
        const auto scan_receivers = [&](int order, int iy, int ix0, int ix1) {
            for (int ix = receivers.first_active_x(ix0, iy); ix <= ix1;
                 ix = receivers.first_active_x(ix + 1, iy)) {
                ++t_counters.candidates;
                if constexpr (Sink::kBatched) {
                    PathGeometry& candidate = batch[batched];
                    candidate.order = order;
                    candidate.row = iy;
                    candidate.faces = path.faces;
                    const Vec3 rx = receivers.point(ix, iy);
                    if (!backtrace(images.data(), seq.data(), order, rx, candidate,
                                   walls && walls->surely_lit(iy, rx.x())))
                        continue;
                    batch_receiver[batched] = receivers.index(ix, iy);
                    if (++batched == EmbreeScene::kPacketSize) flush();
                } else {
                    if (!backtrace(images.data(), seq.data(), order, receivers.point(ix, iy), path))
                        continue;
                    sink.template consider<Impl>(*this, bvh, receivers.index(ix, iy), path,
                                                 seq.data(), antenna, plate);
                }
            }
        };
        const bool po_plate = plate_geometry && plate_geometry->physical_optics;
        if (po_plate && branch < 0)
            // Every caller that passes plate_geometry passes its face as plate.
            // NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker)
            physical_optics_paths(bvh, tx, antenna, *plate, *plate_geometry, receivers, sink);
        // Scans the receivers in one face sequence's footprint on the receiver plane.
        const auto visit = [&](int order, bool has_plate, const double* x, const double* y,
                               int count, bool whole_raster, bool exact) {
            if (plate_paths_only && !has_plate) return;
            if (po_plate && order == 1 && seq[0]->is_plate) return;  // done by physical optics
            path.order = order;
            footprint_rows.clear();
            size_t reached = 0;
            for_each_polygon_row(x, y, count, whole_raster, receivers,
                                 [&](int iy, int ix0, int ix1) {
                                     footprint_rows.push_back({iy, ix0, ix1});
                                     reached += ix1 - ix0 + 1;
                                 });
            if (footprint_rows.empty()) return;
            ++t_counters.beams;
            walls = nullptr;
            const int first_row = footprint_rows.front()[0], last_row = footprint_rows.back()[0];
            if (!whole_raster && count > 0 &&
                repays_walls(static_cast<double>(reached), last_row - first_row + 1))
                prepare_walls(order, x, y, count, first_row, last_row, exact);
            for (const auto& [iy, ix0, ix1] : footprint_rows) scan_receivers(order, iy, ix0, ix1);
            // Packets run across the footprint's rows (neighbouring rows' rays are as coherent):
            // fuller packets, fewer Embree calls. A receiver has one path per sequence, so its
            // sum adds the same terms in the same order.
            if (batched > 0) flush();
        };

        // The line of sight, then an iterative depth-first enumeration over sequences f1..fk (no
        // face twice in a row), pruned by beam windows: an empty window ends the sequence and all
        // its extensions (nor two faces of one plane in a row: on_same_plane).
        if (branch < 0 && !plate_paths_only) {
            path.order = 0;
            ++t_counters.beams;
            walls = nullptr;
            if (repays_walls(static_cast<double>(receivers.size()), receivers.ny))
                prepare_walls(0, nullptr, nullptr, 0, 0, receivers.ny - 1, false);
            for (int iy = 0; iy < receivers.ny; ++iy) scan_receivers(0, iy, 0, receivers.nx - 1);
            if (batched > 0) flush();
        }
        if (max_order == 0 || branch == -1) return;
        // Traces with a plate are not cached (their records would index the plate as a piece).
        BeamCache* cache = nullptr;
        if (plate == nullptr && !plate_paths_only) {
            const BeamCache::Lookup lookup =
                BeamCache::find(static_cast<size_t>(branch + 2), engine_id, tx.position,
                                receivers.height_m, max_order);
            if (lookup.replay) {
                for (const BeamRecord& r : lookup.replay->records) {
                    if (r.depth + 1 > max_order) continue;
                    const EngineFace* face = piece_at(r.piece);
                    seq[r.depth] = face;
                    path.faces[r.depth] = face_of_piece(r.piece);
                    images[r.depth + 1] = face->mirror(images[r.depth]);
                    const double* xy = lookup.replay->polygon_xy.data() + r.polygon;
                    visit(r.depth + 1, false, xy, xy + r.count, r.count, r.whole_raster, r.exact);
                }
                return;
            }
            cache = lookup.record;
        }
        std::array<int, kMaxOrder> next_piece{};
        std::array<bool, kMaxOrder> pieces_exact{};  // every piece up to this depth
        const bool plate_exact = plate && outline_is_exact(*plate);
        std::array<BeamWindow, kMaxOrder> face_windows;  // at each depth, of face window_face
        std::array<int, kMaxOrder> window_face;
        window_face.fill(-1);
        const int face_count = static_cast<int>(faces.size());
        int depth = 0;
        next_piece[0] = branch >= 0 ? first_piece[branch] : 0;
        const int first_piece_end = branch >= 0 ? first_piece[branch + 1] : piece_total;
        while (depth >= 0) {
            if (next_piece[depth] >= (depth == 0 ? first_piece_end : piece_total)) {
                --depth;
                if (depth >= 0) ++next_piece[depth];
                continue;
            }
            const int p = next_piece[depth];
            const int f = face_of_piece(p);
            const EngineFace* face = piece_at(p);
            const bool repeat =
                depth > 0 && (path.faces[depth - 1] == f || on_same_plane(*seq[depth - 1], *face));
            const bool usable = f < face_count ? face_usable[f] != 0 : face->is_plate;
            bool ok = !repeat && usable && std::abs(face->signed_distance(images[depth])) > 1e-9;
            if (ok && depth == 0) {
                windows[1] = face_window(*face);
            } else if (ok) {
                // The beam through the whole face, shared by its pieces: a beam that misses the
                // face skips them all.
                if (window_face[depth] != f) {
                    const EngineFace& whole = f < face_count ? faces[f] : *plate;
                    face_windows[depth] = propagate_beam(images[depth], windows[depth], whole);
                    window_face[depth] = f;
                }
                const bool split = f < face_count && first_piece[f + 1] - first_piece[f] > 1;
                windows[depth + 1] =
                    split ? clip_to_outline(face_windows[depth], *face) : face_windows[depth];
            }
            if (ok) ok = !windows[depth + 1].empty();
            if (!ok) {
                ++next_piece[depth];
                continue;
            }
            seq[depth] = face;
            path.faces[depth] = f;
            images[depth + 1] = face->mirror(images[depth]);
            const FootprintPolygon poly = project_to_receiver_plane(
                images[depth + 1], windows[depth + 1], receivers.height_m);
            // Exact windows through pieces whose outlines are their triangles (BeamGeometry).
            pieces_exact[depth] = (depth == 0 || pieces_exact[depth - 1]) &&
                                  (p < piece_count ? wall_pieces.pieces[p].exact : plate_exact);
            const bool exact = windows[depth + 1].exact && pieces_exact[depth];
            if (cache) cache->add(depth, p, poly, exact);
            bool has_plate = false;
            for (int j = 0; j <= depth; ++j) has_plate |= seq[j]->is_plate;
            visit(depth + 1, has_plate, poly.x, poly.y, poly.count, poly.whole_raster, exact);
            if (depth + 1 < max_order) {
                ++depth;
                next_piece[depth] = 0;
                window_face[depth] = -1;  // a new beam to extend
            } else {
                ++next_piece[depth];
            }
        }
        if (cache) cache->complete(engine_id, tx.position, receivers.height_m, max_order);
    }

    // A map's branches (trace's `branch` + 1): the line of sight, then one per first face.
    int branch_count(int max_order) const {
        return 1 + (max_order > 0 ? static_cast<int>(faces.size()) : 0);
    }

    EngineFace make_plate_face(const PlateGeometry& plate) const {
        const Vec3 u = plate.width_axis.normalized() * (0.5 * plate.width_m);
        const Vec3 v = plate.height_axis().normalized() * (0.5 * plate.height_m);
        const Vec3 c = plate.center;
        const std::vector<Vec3> vertices = {c - u - v, c + u - v, c + u + v,
                                            c - u - v, c + u + v, c - u + v};
        return make_engine_face(plate.normal, vertices, plate.perfect_conductor ? -1 : -2, true);
    }

    int requested_order(const MapRequest& request) const {
        if (request.max_reflection_order > setup.max_reflection_order)
            throw std::invalid_argument("a map cannot ask for more reflections than the engine's " +
                                        std::to_string(setup.max_reflection_order));
        return request.max_reflection_order < 0 ? setup.max_reflection_order
                                                : request.max_reflection_order;
    }

    // The raster with the requested cells' receivers active (their sub-samples too).
    struct ActiveReceivers {
        std::vector<uint8_t> active;
        std::vector<int> next_active_x;
    };
    ReceiverRaster requested_raster(const MapRequest& request, ActiveReceivers& storage) const {
        ReceiverRaster selected = raster;
        if (request.cells.empty()) return selected;
        std::vector<uint8_t>& active = storage.active;
        std::vector<int>& next = storage.next_active_x;
        if (request.cells.size() != grid.cell_count())
            throw std::invalid_argument("a cell selection must have one byte per cell (" +
                                        std::to_string(grid.cell_count()) + ")");
        const int n = grid.samples_per_axis;
        active.assign(raster.size(), 0);
        size_t active_count = 0;
        for (int iy = 0; iy < raster.ny; ++iy)
            for (int ix = 0; ix < raster.nx; ++ix) {
                const uint8_t wanted = request.cells[grid.index(ix / n, iy / n)];
                active[raster.index(ix, iy)] = wanted;
                active_count += wanted != 0;
            }
        next.assign(raster.size(), raster.nx);
        for (int iy = 0; iy < raster.ny; ++iy)
            for (int ix = raster.nx - 1, following = raster.nx; ix >= 0; --ix) {
                if (active[raster.index(ix, iy)]) following = ix;
                next[raster.index(ix, iy)] = following;
            }
        selected.active = active.data();
        selected.next_active_x = next.data();
        selected.active_share = static_cast<double>(active_count) /
                                static_cast<double>(std::max<size_t>(1, active.size()));
        return selected;
    }

    RadioMap average_to_cells(const std::vector<double>& receiver_power) const {
        RadioMap map;
        map.grid = grid;
        map.power_w.assign(grid.cell_count(), 0.0);
        const int n = grid.samples_per_axis;
        if (n == 1) {
            map.power_w = receiver_power;
            return map;
        }
        const double weight = 1.0 / (n * n);
        for (int cy = 0; cy < grid.cells_y; ++cy)
            for (int cx = 0; cx < grid.cells_x; ++cx) {
                double sum = 0.0;
                for (int sy = 0; sy < n; ++sy)
                    for (int sx = 0; sx < n; ++sx)
                        sum += receiver_power[raster.index(cx * n + sx, cy * n + sy)];
                map.power_w[grid.index(cx, cy)] = sum * weight;
            }
        return map;
    }
};

namespace {

// Sinks receive every valid geometric path; each decides what to keep. Those that need only
// the path's amplitude and length derive from AmplitudeSink, which evaluates the path once.
template <class Derived>
struct AmplitudeSink {
    static constexpr bool kBatched = true;
    template <class Impl>
    void consider_batch(const Impl& impl, const EmbreeScene& bvh, const PathGeometry* paths,
                        const size_t* receivers, int count, const EngineFace* const* seq,
                        const Antenna& antenna, const EngineFace* plate, const BeamWalls* walls) {
        Vec3c amplitude[EmbreeScene::kPacketSize];
        double length[EmbreeScene::kPacketSize];
        bool ok[EmbreeScene::kPacketSize];
        impl.evaluate_batch(bvh, paths, count, seq, antenna, plate, walls, amplitude, length, ok);
        for (int i = 0; i < count; ++i) {
            if (!ok[i]) continue;
            ++t_counters.paths;
            static_cast<Derived*>(this)->accept(receivers[i], paths[i], seq, amplitude[i],
                                                length[i]);
        }
    }
};

struct PowerSink : AmplitudeSink<PowerSink> {
    double* power;                       // one entry per receiver
    std::vector<Vec3c>* coherent_field;  // null for the incoherent sum
    double tx_power_w;
    double wavenumber;

    PowerSink(double* p, std::vector<Vec3c>* f, double tx_w, double k)
        : power(p), coherent_field(f), tx_power_w(tx_w), wavenumber(k) {}

    // A coherent map adds the receiver's ports (receiver_ports.hpp), not the fields.
    void accept(size_t receiver, const PathGeometry& path, const EngineFace* const*,
                const Vec3c& amplitude, double length) {
        if (coherent_field)
            (*coherent_field)[receiver] += receiver_ports(amplitude, arrival_direction(path)) *
                                           std::polar(1.0, -wavenumber * length);
        else
            power[receiver] += tx_power_w * amplitude.squaredNorm();
    }
    // Paths computed outside the image method (physical optics) arrive with their amplitude,
    // propagation phase included, along arrival_k.
    void add_direct(size_t receiver, const Vec3c& amplitude_with_phase, double,
                    const Vec3& arrival_k) {
        ++t_counters.paths;
        if (coherent_field)
            (*coherent_field)[receiver] += receiver_ports(amplitude_with_phase, arrival_k);
        else
            power[receiver] += tx_power_w * amplitude_with_phase.squaredNorm();
    }
};

struct TraceSink : AmplitudeSink<TraceSink> {
    ApTrace* trace;
    double tx_power_w;
    double wavenumber;
    bool coherent;
    // The unfolding matrix depends only on the face sequence: computed once per sequence.
    std::array<const EngineFace*, kMaxOrder> mirror_seq{};
    int mirror_order = -1;
    Mat3 mirror = Mat3::Identity();

    TraceSink(ApTrace* t, double tx_w, double k, bool coherent_sum)
        : trace(t), tx_power_w(tx_w), wavenumber(k), coherent(coherent_sum) {}

    const Mat3& sequence_mirror(const EngineFace* const* seq, int order) {
        if (order == mirror_order && std::equal(seq, seq + order, mirror_seq.begin()))
            return mirror;
        mirror = Mat3::Identity();
        for (int j = 0; j < order; ++j)
            mirror =
                (Mat3::Identity() - 2.0 * seq[j]->normal * seq[j]->normal.transpose()) * mirror;
        std::copy(seq, seq + order, mirror_seq.begin());
        mirror_order = order;
        return mirror;
    }

    void accept(size_t receiver, const PathGeometry& path, const EngineFace* const* seq,
                const Vec3c& amplitude, double length) {
        trace->path_receiver.push_back(static_cast<uint32_t>(receiver));
        trace->path_branch.push_back(
            static_cast<uint32_t>(path.order == 0 ? 0 : path.faces[0] + 1));
        trace->path_power_w.push_back(tx_power_w * amplitude.squaredNorm());
        if (coherent)
            trace->path_amplitude.push_back(receiver_ports(amplitude, arrival_direction(path)) *
                                            std::polar(1.0, -wavenumber * length));
        for (int j = 0; j <= path.order + 1; ++j) trace->points.push_back(path.points[j]);
        trace->path_point_begin.push_back(static_cast<uint32_t>(trace->points.size()));
        trace->faces.insert(trace->faces.end(), path.faces.begin(),
                            path.faces.begin() + path.order);
        trace->path_face_begin.push_back(static_cast<uint32_t>(trace->faces.size()));
        const Vec3& rx = path.points[path.order + 1];
        const Vec3 last = (rx - path.points[path.order]).normalized();
        trace->path_mirror.push_back(sequence_mirror(seq, path.order));
        trace->path_image.push_back(rx - length * last);
        trace->path_length_m.push_back(length);
    }
    void add_direct(size_t, const Vec3c&, double, const Vec3&) {}  // static traces: no plate
};

struct PathListSink {
    static constexpr bool kBatched = false;
    std::vector<PropagationPath>* paths;
    double wavenumber;

    template <class Impl>
    void consider(const Impl& impl, const EmbreeScene& bvh, size_t, const PathGeometry& path,
                  const EngineFace* const* seq, const Antenna& antenna, const EngineFace* plate) {
        Vec3c amplitude;
        double length;
        PathDetail detail;
        if (!impl.template evaluate_path<true>(bvh, path, seq, antenna, plate, amplitude, length,
                                               &detail))
            return;
        PropagationPath result;
        result.reflection_count = path.order;
        result.interactions = std::move(detail.interactions);
        result.length_m = length;
        result.path_gain = amplitude.squaredNorm();
        result.phase_term = std::polar(1.0, -wavenumber * length);
        result.field = amplitude * result.phase_term;
        result.ports = receiver_ports(result.field, arrival_direction(path));
        for (int j = 0; j < path.order; ++j) result.uses_plate |= seq[j]->is_plate;
        paths->push_back(std::move(result));
    }
    void add_direct(size_t, const Vec3c& amplitude_with_phase, double length,
                    const Vec3& arrival_k) {
        PropagationPath result;
        result.reflection_count = 1;
        result.length_m = length;
        result.path_gain = amplitude_with_phase.squaredNorm();
        result.field = amplitude_with_phase;
        result.ports = receiver_ports(amplitude_with_phase, arrival_k);
        int dominant = 0;
        amplitude_with_phase.cwiseAbs().maxCoeff(&dominant);
        const std::complex<double> c = amplitude_with_phase[dominant];
        result.phase_term = std::abs(c) > 0 ? c / std::abs(c) : 1.0;
        result.uses_plate = true;
        result.interactions.push_back({InteractionKind::Reflection, -1, -1, Vec3::Zero(), 1.0});
        paths->push_back(std::move(result));
    }
};

// Whether the plate blocks segment j of a stored static path. A plate edge exactly through the
// segment is decided as the full map and the probe decide it (crossing_tie_break: the path of the
// Tx moved along the tie-break direction); the path's geometry is rebuilt only for that case.
bool segment_hits_plate(const RadioEngine::Impl& impl, const EngineFace& plate,
                        const ApTrace& trace, size_t path, uint32_t first_point, int j) {
    const Vec3& a = trace.points[first_point + j];
    const Vec3& b = trace.points[first_point + j + 1];
    const double da = plate.signed_distance(a);
    const double db = plate.signed_distance(b);
    if (da * db >= 0.0) return false;  // both on one side (or touching: its own reflection)
    const double t = da / (da - db);
    const Vec3 p = a + t * (b - a);
    const double length = (b - a).norm();
    if (t * length < kSegmentEpsilon_m || (1.0 - t) * length < kSegmentEpsilon_m) return false;
    return plate.contains_with(p, [&] {
        PathGeometry geometry;
        std::array<const EngineFace*, kMaxOrder> seq{};
        const uint32_t faces_begin = trace.path_face_begin[path];
        geometry.order = static_cast<int>(trace.path_face_begin[path + 1] - faces_begin);
        for (int m = 0; m < geometry.order; ++m) {
            geometry.faces[m] = trace.faces[faces_begin + m];
            seq[m] = &impl.faces[geometry.faces[m]];
        }
        for (int m = 0; m <= geometry.order + 1; ++m)
            geometry.points[m] = trace.points[first_point + m];
        const Vec3 k = (b - a) / length;
        return RadioEngine::Impl::crossing_tie_break(plate, k, t * length, length,
                                                     PathSegment{&geometry, seq.data(), j});
    });
}

}  // namespace

RadioEngine::RadioEngine(const Scene& scene, const RadioSetup& setup,
                         const MeasurementGridSpec& grid_spec)
    : impl_(std::make_unique<Impl>(scene, setup, grid_spec)) {}

RadioEngine::~RadioEngine() = default;

void RadioEngine::check_grid(const Scene& scene, const MeasurementGridSpec& grid_spec) {
    (void)make_grid(scene, grid_spec);
}

void RadioEngine::check_setup(const Scene& scene, const RadioSetup& setup) {
    check_radio_setup(setup);
    for (const RadioMaterial& material : scene.materials)
        (void)evaluate_material(material, setup.freq_hz);  // throws naming it, out of its range
}

const MeasurementGrid& RadioEngine::grid() const { return impl_->grid; }
const RadioSetup& RadioEngine::setup() const { return impl_->setup; }
const Scene& RadioEngine::scene() const { return impl_->scene; }
size_t RadioEngine::face_count() const { return impl_->faces.size(); }
void RadioEngine::set_wall_finding(WallFinding finding) { impl_->wall_finding = finding; }
RadioEngine::WallFinding RadioEngine::wall_finding() const { return impl_->wall_finding; }

RadioEngine::NearestFace RadioEngine::nearest_face(const Vec3& p) const {
    NearestFace nearest;
    nearest.distance_m = std::numeric_limits<double>::infinity();
    for (size_t f = 0; f < impl_->faces.size(); ++f) {
        if (!impl_->face_usable[f]) continue;
        const double d = distance_to_face(impl_->faces[f], p);
        if (d < nearest.distance_m) nearest = {static_cast<int>(f), impl_->faces[f].material, d};
    }
    return nearest;
}

Vec3 RadioEngine::nearest_receiver(const Vec3& p) const {
    const ReceiverRaster& raster = impl_->raster;
    // The receivers form a regular grid: the nearest is the rounded index, clamped.
    const auto nearest_index = [&](double v, double origin, int count) {
        const double index = std::round((v - origin) / raster.spacing - 0.5);
        return static_cast<int>(std::clamp(index, 0.0, static_cast<double>(count - 1)));
    };
    return raster.point(nearest_index(p.x(), raster.x0, raster.nx),
                        nearest_index(p.y(), raster.y0, raster.ny));
}

RadioMap RadioEngine::compute_map(const TxPose& tx, const MapRequest& request) const {
    const Impl& impl = *impl_;
    check_within_reach(impl.scene_bounds, tx.position, "transmitter");  // before any thread
    const size_t receivers = impl.raster.size();
    Impl::ActiveReceivers active;
    const ReceiverRaster raster = impl.requested_raster(request, active);
    const int max_order = impl.requested_order(request);
    const bool coherent = impl.setup.coherent;
    // One branch per first face (and one for the line of sight), each into its own buffer,
    // added to the total in branch order: the map is bit-identical whatever the number of threads.
    const int branches = impl.branch_count(max_order);
    const int threads = std::clamp(impl.setup.threads, 1, branches);
    OrderedBranchSum sum(receivers, coherent, 2 * threads + 2);
    // An exception in a branch (out of memory) is kept and rethrown here once every branch is
    // finished: thrown in a thread it would end the program, and a branch left unfinished would
    // hold back the ordered sum that the others wait on. After one, the rest finish empty.
    std::exception_ptr failure;
    std::mutex failure_mutex;
    std::atomic<bool> failed{false};
    const auto run_branch = [&](int b) {
        OrderedBranchSum::Buffer buffer;
        if (!failed) {
            try {
                buffer = sum.acquire();
                PowerSink sink{buffer.power.data(), coherent ? &buffer.field : nullptr,
                               impl.tx_power_w, impl.wavenumber};
                impl.trace(tx, nullptr, false, raster, sink, nullptr, b - 1, max_order);
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                failed = true;
                buffer = {};
            }
        }
        sum.finish(b, std::move(buffer));
    };
    if (threads == 1) {
        for (int b = 0; b < branches; ++b) run_branch(b);
    } else {
        std::atomic<int> next{0};
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back([&] {
                for (int b = next++; b < branches; b = next++) run_branch(b);
            });
        for (auto& thread : pool) thread.join();
    }
    if (failure) std::rethrow_exception(failure);
    std::vector<double> total = sum.take_power();
    if (coherent) {
        const std::vector<Vec3c>& field = sum.field();
        for (size_t i = 0; i < receivers; ++i) total[i] = impl.tx_power_w * field[i].squaredNorm();
    }
    return impl.average_to_cells(total);
}

RadioEngine::WallQueryTiming RadioEngine::time_wall_queries(const TxPose& tx, int repeats) const {
    const Impl& impl = *impl_;
    check_within_reach(impl.scene_bounds, tx.position, "transmitter");
    // The map's branches on this thread, in order (the queries of compute_map at any thread
    // count, as the branches split the same work).
    std::vector<RecordedQueries> log;
    std::vector<double> power(impl.raster.size(), 0.0);
    std::vector<Vec3c> field(impl.setup.coherent ? impl.raster.size() : 0);
    PowerSink sink{power.data(), impl.setup.coherent ? &field : nullptr, impl.tx_power_w,
                   impl.wavenumber};
    const int branches = impl.branch_count(impl.setup.max_reflection_order);
    {
        struct Recording {  // stops recording however the trace ends
            explicit Recording(std::vector<RecordedQueries>* log) { t_query_log = log; }
            ~Recording() { t_query_log = nullptr; }
        } recording(&log);
        for (int b = 0; b < branches; ++b)
            impl.trace(tx, nullptr, false, impl.raster, sink, nullptr, b - 1);
    }
    WallQueryTiming timing;
    timing.seconds = std::numeric_limits<double>::infinity();
    std::array<SegmentHits, EmbreeScene::kPacketSize> hits;
    for (int repeat = 0; repeat < std::max(1, repeats); ++repeat) {
        const auto start = std::chrono::steady_clock::now();
        for (const RecordedQueries& packet : log)
            packet.bvh->collect_hits_packet(packet.queries.data(),
                                            static_cast<int>(packet.queries.size()), hits.data());
        timing.seconds = std::min(
            timing.seconds,
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    for (const RecordedQueries& packet : log) timing.queries += packet.queries.size();
    return timing;
}

std::vector<PropagationPath> RadioEngine::trace_paths(const TxPose& tx, const Vec3& rx,
                                                      const PlateGeometry* plate) const {
    const Impl& impl = *impl_;
    check_within_reach(impl.scene_bounds, tx.position, "transmitter");
    check_within_reach(impl.scene_bounds, rx, "receiver");
    ReceiverRaster single;
    single.spacing = 1e-6;
    single.x0 = rx.x() - 0.5 * single.spacing;
    single.y0 = rx.y() - 0.5 * single.spacing;
    single.nx = single.ny = 1;
    single.height_m = rx.z();
    std::vector<PropagationPath> paths;
    PathListSink sink{&paths, impl.wavenumber};
    if (plate) {
        const EngineFace plate_face = impl.make_plate_face(*plate);
        impl.trace(tx, &plate_face, false, single, sink, plate);
    } else {
        impl.trace(tx, nullptr, false, single, sink);
    }
    // The raster puts the receiver at its cell centre, which is rx itself.
    return paths;
}

std::shared_ptr<const ApTrace> RadioEngine::trace_static(const TxPose& tx,
                                                         const MapRequest& request) const {
    const Impl& impl = *impl_;
    check_within_reach(impl.scene_bounds, tx.position, "transmitter");
    Impl::ActiveReceivers active;
    const ReceiverRaster raster = impl.requested_raster(request, active);
    auto trace = std::make_shared<ApTrace>();
    trace->tx = tx;
    trace->partial = !request.cells.empty();
    trace->path_point_begin.push_back(0);
    trace->path_face_begin.push_back(0);
    // Indoor maps hold tens of paths per receiver: reserve once instead of growing.
    const size_t expected = 48 * impl.raster.size();
    trace->path_receiver.reserve(expected);
    trace->path_branch.reserve(expected);
    trace->path_power_w.reserve(expected);
    if (impl.setup.coherent) trace->path_amplitude.reserve(expected);
    trace->path_point_begin.reserve(expected + 1);
    trace->points.reserve(4 * expected);
    trace->path_face_begin.reserve(expected + 1);
    trace->faces.reserve(2 * expected);
    trace->path_mirror.reserve(expected);
    trace->path_image.reserve(expected);
    trace->path_length_m.reserve(expected);
    TraceSink sink{trace.get(), impl.tx_power_w, impl.wavenumber, impl.setup.coherent};
    impl.trace(tx, nullptr, false, raster, sink, nullptr, -2, impl.requested_order(request));
    return trace;
}

RadioMap RadioEngine::map_from_trace(const ApTrace& trace, const PlateGeometry* plate) const {
    if (plate && trace.partial)
        throw std::invalid_argument("a plate needs the AP's static paths over every cell");
    const Impl& impl = *impl_;
    const bool coherent = impl.setup.coherent;
    const size_t receivers = impl.raster.size();
    // Sum per branch (first face), then branches in order: without a plate this is bit-identical
    // to compute_map, so a cached trace can stand in for a fresh map.
    const size_t branches = 1 + impl.faces.size();
    std::vector<std::vector<double>> power(branches);
    std::vector<std::vector<Vec3c>> field(coherent ? branches : 0);
    EngineFace plate_face;
    if (plate) plate_face = impl.make_plate_face(*plate);
    for (size_t p = 0; p < trace.path_count(); ++p) {
        if (plate) {
            bool blocked = false;
            const uint32_t first = trace.path_point_begin[p];
            const int segments = static_cast<int>(trace.path_point_begin[p + 1] - first) - 1;
            for (int j = 0; j < segments && !blocked; ++j)
                blocked = segment_hits_plate(impl, plate_face, trace, p, first, j);
            if (blocked) continue;
        }
        const uint32_t b = trace.path_branch[p];
        if (coherent) {
            if (field[b].empty()) field[b].assign(receivers, Vec3c::Zero());
            field[b][trace.path_receiver[p]] += trace.path_amplitude[p];
        } else {
            if (power[b].empty()) power[b].assign(receivers, 0.0);
            power[b][trace.path_receiver[p]] += trace.path_power_w[p];
        }
    }
    std::vector<double> total(receivers, 0.0);
    std::vector<Vec3c> total_field(coherent ? receivers : 0, Vec3c::Zero());
    for (size_t b = 0; b < branches; ++b) {
        if (coherent && !field[b].empty())
            for (size_t i = 0; i < receivers; ++i) total_field[i] += field[b][i];
        if (!coherent && !power[b].empty())
            for (size_t i = 0; i < receivers; ++i) total[i] += power[b][i];
    }
    if (plate) {
        PowerSink sink{total.data(), coherent ? &total_field : nullptr, impl.tx_power_w,
                       impl.wavenumber};
        impl.trace(trace.tx, &plate_face, true, impl.raster, sink, plate);
    }
    if (coherent)
        for (size_t i = 0; i < receivers; ++i)
            total[i] = impl.tx_power_w * total_field[i].squaredNorm();
    return impl.average_to_cells(total);
}

RadioEngine::Counters RadioEngine::thread_counters() { return t_counters; }
void RadioEngine::reset_thread_counters() { t_counters = {}; }

}  // namespace rps
