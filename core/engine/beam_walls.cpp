#include "core/engine/beam_walls.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <span>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace rps {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Culling keeps every piece within this of the beam segment: the row scan widens footprints by
// 1e-6 m (for_each_polygon_row), so receivers just outside a footprint reach the exact test.
constexpr double kCullSlack_m = 1e-5;
constexpr int kMaxFootprint = 2 * BeamWindow::kMaxVertices + 8;
constexpr double kShortEdge_m = 1e-6;
constexpr int kMaxSequence = 8;       // reflections a beam may hold here (the engine allows 6)
constexpr size_t kMaxPieces = 1024;   // more: the BVH's queries (each segment scans them all)
constexpr int kMaxHullVertices = 16;  // EngineFace outlines (engine_face.cpp)

using Plane = BeamWalls::Plane;

// The plane mirrored across the face's plane (the mirror of its points).
Plane mirrored(const EngineFace& face, const Plane& plane) {
    const double c = plane.normal.dot(face.normal);
    return {plane.normal - 2.0 * c * face.normal, plane.offset_m - 2.0 * c * face.offset_m};
}

// Twice the area of a polygon in a face's 2-D projection.
double projected_area(const EngineFace& face, const std::vector<Vec3>& polygon) {
    double twice = 0.0;
    for (size_t i = 0; i < polygon.size(); ++i) {
        const Vec3& p = polygon[i];
        const Vec3& q = polygon[(i + 1) % polygon.size()];
        twice += p[face.axis0()] * q[face.axis1()] - q[face.axis0()] * p[face.axis1()];
    }
    return std::abs(twice);
}

}  // namespace

bool outline_is_exact(const EngineFace& piece) {
    double triangles = 0.0;
    for (size_t t = 0; t < piece.tri2d.size(); t += 6) {
        const double* v = &piece.tri2d[t];
        triangles += std::abs((v[2] - v[0]) * (v[5] - v[1]) - (v[4] - v[0]) * (v[3] - v[1]));
    }
    const double hull = projected_area(piece, piece.hull);
    return piece.hull.size() >= 3 && std::abs(hull - triangles) <= 1e-9 * hull;
}

// Without a branch per entry (the outcome is data). SSE2 (every x86-64) compares two entries per
// instruction: GCC does not vectorise a loop that builds a bit mask.
uint64_t reached_mask(const double* lo, const double* hi, int count, double x) {
    uint64_t mask = 0;
    int e = 0;
#ifdef __SSE2__
    const __m128d at = _mm_set1_pd(x);
    for (; e + 2 <= count; e += 2) {
        const __m128d inside = _mm_and_pd(_mm_cmple_pd(_mm_loadu_pd(lo + e), at),
                                          _mm_cmple_pd(at, _mm_loadu_pd(hi + e)));
        mask |= static_cast<uint64_t>(_mm_movemask_pd(inside)) << e;
    }
#endif
    for (; e < count; ++e) mask |= uint64_t((x >= lo[e]) & (x <= hi[e])) << e;
    return mask;
}

namespace {

// Sutherland–Hodgman step of a 2-D polygon against x·sx >= limit·sx (axis 0) or y (axis 1).
int clip_polygon(double* x, double* y, int count, int axis, double limit, double side) {
    double out_x[kMaxFootprint], out_y[kMaxFootprint];
    int out = 0;
    for (int i = 0; i < count && out + 2 <= kMaxFootprint; ++i) {
        const int j = (i + 1) % count;
        const double vi = side * ((axis == 0 ? x[i] : y[i]) - limit);
        const double vj = side * ((axis == 0 ? x[j] : y[j]) - limit);
        if (vi >= 0) {
            out_x[out] = x[i];
            out_y[out++] = y[i];
        }
        if ((vi >= 0) != (vj >= 0)) {
            const double s = vi / (vi - vj);
            out_x[out] = x[i] + s * (x[j] - x[i]);
            out_y[out++] = y[i] + s * (y[j] - y[i]);
        }
    }
    std::copy(out_x, out_x + out, x);
    std::copy(out_y, out_y + out, y);
    return out;
}

// A piece is left out when all its points lie beyond one plane by more than the slack (the
// planes bounding a beam segment face its inside: positive there).
bool all_outside(const Plane& plane, const Vec3* points, int count) {
    for (int i = 0; i < count; ++i)
        if (plane.signed_distance(points[i]) >= -kCullSlack_m) return false;
    return true;
}

// Unfolding: segment j's points map onto the line from the last image to the receiver by the
// mirrors of faces j + 1 .. k (seq[j] .. seq[k - 1]) in that order; folding undoes it.
Vec3 unfold(const BeamGeometry& beam, Vec3 p, int j) {
    for (int m = j; m < beam.order; ++m) p = beam.seq[m]->mirror(p);
    return p;
}
Vec3 fold(const BeamGeometry& beam, Vec3 p, int j) {
    for (int m = beam.order - 1; m >= j; --m) p = beam.seq[m]->mirror(p);
    return p;
}

// The footprint within the raster rows iy0..iy1 (every receiver they hold lies inside): the
// footprint clipped to their rectangle, or the rectangle itself for the line of sight. Its vertex
// count; below 3 when it has no area (no cone to cull by).
int footprint_in_rows(const BeamGeometry& beam, const ReceiverRaster& raster, int iy0, int iy1,
                      double* fx, double* fy) {
    const double x_low = raster.x0, x_high = raster.x0 + raster.nx * raster.spacing;
    const double y_low = raster.y0 + iy0 * raster.spacing;
    const double y_high = raster.y0 + (iy1 + 1) * raster.spacing;
    int count = 0;
    if (beam.footprint_count == 0) {
        fx[0] = x_low, fy[0] = y_low, fx[1] = x_high, fy[1] = y_low;
        fx[2] = x_high, fy[2] = y_high, fx[3] = x_low, fy[3] = y_high;
        count = 4;
    } else {
        // The four clips below add at most one vertex each.
        if (beam.footprint_count > kMaxFootprint - 4) return 0;
        count = beam.footprint_count;
        std::copy(beam.footprint_x, beam.footprint_x + count, fx);
        std::copy(beam.footprint_y, beam.footprint_y + count, fy);
        count = clip_polygon(fx, fy, count, 0, x_low, 1.0);
        count = clip_polygon(fx, fy, count, 0, x_high, -1.0);
        count = clip_polygon(fx, fy, count, 1, y_low, 1.0);
        count = clip_polygon(fx, fy, count, 1, y_high, -1.0);
    }
    double area = 0.0;
    for (int i = 0; i < count; ++i) {
        const int j = (i + 1) % count;
        area += fx[i] * fy[j] - fx[j] * fy[i];
    }
    return std::abs(area) < 1e-9 ? 0 : count;
}

// The cone's sides: the planes through the apex and the footprint's edges (on the receiver plane
// at height h), unit normals inwards (a point is inside where every side's signed distance is
// positive). all_sides turns false when an edge gives no plane (a repeated vertex).
int cone_sides(const double* fx, const double* fy, int count, double h, const Vec3& apex,
               Plane* sides, bool& all_sides) {
    Vec3 centroid = Vec3::Zero();
    for (int i = 0; i < count; ++i) centroid += Vec3(fx[i], fy[i], h);
    centroid /= count;
    int side_count = 0;
    for (int i = 0; i < count; ++i) {
        const int j = (i + 1) % count;
        const Vec3 a(fx[i], fy[i], h), b(fx[j], fy[j], h);
        Vec3 n = (a - apex).cross(b - apex);
        const double norm = n.norm();
        if ((b - a).norm() < kShortEdge_m || !(norm > 0)) {
            all_sides = false;
            continue;
        }
        n /= norm;
        if (n.dot(centroid - apex) < 0) n = -n;
        sides[side_count++] = {n, n.dot(apex)};
    }
    return side_count;
}

// The receivers whose reflection points all lie inside their pieces by a safe margin, per row
// an interval (lo, hi); false when the beam gives no such margin. Scaling about the apex maps
// the cone onto itself, so the unfolded point q_m = apex + s_m·(r - apex) lies s_m times as
// deep inside the cone as r; the cone lies inside the one through each earlier (unfolded)
// window, whose section is that window: q_m lies s_m·depth(r) inside window m, hence inside its
// piece when the windows and pieces are exact. With s_m >= d_m / R (d_m the apex's distance to
// the plane of face m, R the farthest footprint vertex), a receiver `depth` inside lies 1e-6 m
// inside every piece, a thousand times the pieces' edge slack (EngineFace::kEdgeSlack_m).
bool find_interior(std::span<const Plane> sides, std::span<const Plane> face_planes,
                   const Vec3& apex, std::span<const double> fx, std::span<const double> fy,
                   const ReceiverRaster& raster, double first_row_y, int rows,
                   std::vector<double>& lo, std::vector<double>& hi) {
    const double h = raster.height_m;
    double farthest = 0.0;
    for (size_t i = 0; i < fx.size(); ++i)
        farthest = std::max(farthest, (Vec3(fx[i], fy[i], h) - apex).norm());
    double nearest_plane = farthest;
    for (const Plane& plane : face_planes)
        nearest_plane = std::min(nearest_plane, std::abs(plane.signed_distance(apex)));
    if (!(nearest_plane > 0) || !(farthest > 0)) return false;
    const double depth = std::max(BeamWalls::kBand_m, 1e-6 * farthest / nearest_plane);
    lo.assign(rows, -kInf);
    hi.assign(rows, kInf);
    for (int r = 0; r < rows; ++r) {
        const double y = first_row_y + r * raster.spacing;
        for (const Plane& side : sides) {  // inward normal n: n·(r - apex) >= depth
            const Vec3& n = side.normal;
            const double bound = depth - (n.y() * y + n.z() * h - side.offset_m);  // n.x·x >=
            if (n.x() > 0) {
                lo[r] = std::max(lo[r], bound / n.x());
            } else if (n.x() < 0) {
                hi[r] = std::min(hi[r], bound / n.x());
            } else if (bound > 0) {
                lo[r] = kInf;
            }
        }
    }
    return true;
}

}  // namespace

WallPieces make_wall_pieces(const std::vector<EngineFace>& pieces,
                            const std::vector<int>& piece_face) {
    WallPieces walls;
    for (size_t p = 0; p < pieces.size(); ++p) {
        const EngineFace& piece = pieces[p];
        walls.pieces.push_back(
            {piece_face[p], outline_is_exact(piece), piece.hull, piece.normal, piece.offset_m});
        walls.lower_x.push_back(piece.bounds.lower.x());
        walls.lower_y.push_back(piece.bounds.lower.y());
        walls.lower_z.push_back(piece.bounds.lower.z());
        walls.upper_x.push_back(piece.bounds.upper.x());
        walls.upper_y.push_back(piece.bounds.upper.y());
        walls.upper_z.push_back(piece.bounds.upper.z());
    }
    return walls;
}

bool BeamWalls::build(const WallPieces& walls, const std::vector<uint8_t>& skip_face,
                      const BeamGeometry& beam, const ReceiverRaster& raster, int iy0, int iy1) {
    const int k = beam.order;
    // A scene of many faces is left to the BVH: this scans every piece's bounds per segment.
    if (k >= kMaxSequence - 1 || walls.pieces.size() > kMaxPieces) return false;
    const Vec3& apex = beam.images[k];
    const double h = raster.height_m;
    if (std::abs(apex.z() - h) < 1e-9) return false;
    iy0_ = iy0;
    rows_ = iy1 - iy0 + 1;
    first_row_y_ = raster.y0 + (iy0 + 0.5) * raster.spacing;
    candidates_.clear();
    sides_.clear();
    entry_count_ = 0;
    row_begin_.clear();

    double fx[kMaxFootprint], fy[kMaxFootprint];
    const int count = footprint_in_rows(beam, raster, iy0, iy1, fx, fy);
    if (count < 3) return false;
    Plane sides[kMaxFootprint];
    bool all_sides = true;
    const int side_count = cone_sides(fx, fy, count, h, apex, sides, all_sides);

    // The unfolded plane of face m (1-based), and each one's section of the cone (real space),
    // bounding the path points q_m.
    Plane unfolded_plane[kMaxSequence + 1];
    Aabb section[kMaxSequence + 1];
    for (int m = 1; m <= k; ++m) {
        Plane plane{beam.seq[m - 1]->normal, beam.seq[m - 1]->offset_m};
        for (int f = m; f < k; ++f) plane = mirrored(*beam.seq[f], plane);
        unfolded_plane[m] = plane;
        const double at_apex = plane.signed_distance(apex);
        for (int i = 0; i < count; ++i) {
            const Vec3 v(fx[i], fy[i], h);
            const double along = plane.normal.dot(v - apex);
            if (!(std::abs(along) > 1e-12)) return false;
            section[m].extend(fold(beam, apex - (at_apex / along) * (v - apex), m));
        }
    }
    section[0].extend(beam.images[0]);
    has_interior_ = beam.exact && all_sides &&
                    find_interior({sides, size_t(side_count)}, {unfolded_plane + 1, size_t(k)},
                                  apex, {fx, size_t(count)}, {fy, size_t(count)}, raster,
                                  first_row_y_, rows_, interior_lo_, interior_hi_);
    for (int i = 0; i < count; ++i) section[k + 1].extend(Vec3(fx[i], fy[i], h));

    for (int j = 0; j <= k; ++j) {
        Aabb box = section[j];
        box.extend(section[j + 1].lower);
        box.extend(section[j + 1].upper);
        box.lower.array() -= kCullSlack_m;
        box.upper.array() += kCullSlack_m;
        const Plane end = j < k ? unfolded_plane[j + 1] : Plane{Vec3::UnitZ(), h};
        if (!add_segment(walls, skip_face, beam, j, box, {sides, size_t(side_count)},
                         j > 0 ? &unfolded_plane[j] : nullptr, end, raster))
            return false;
    }
    row_begin_.push_back(entry_count_);
    return true;
}

// Segment j's candidate pieces: those whose bounds meet the segment's box, left in by the cone's
// sides and lying partly between the unfolded planes of faces j (start, none for the Tx's
// segment) and j + 1 (end: the receiver plane for the last segment). False when a piece's
// outline cannot be taken (the caller then queries Embree for the whole beam).
bool BeamWalls::add_segment(const WallPieces& walls, const std::vector<uint8_t>& skip_face,
                            const BeamGeometry& beam, int j, const Aabb& box,
                            std::span<const Plane> sides, const Plane* start, Plane end,
                            const ReceiverRaster& raster) {
    const int k = beam.order;
    const Vec3& apex = beam.images[k];
    const int first_candidate = static_cast<int>(candidates_.size());
    const int start_face = j > 0 ? beam.seq_faces[j - 1] : -1;
    const int end_face = j < k ? beam.seq_faces[j] : -1;
    // The planes that bound the segment, facing its inside: the cone's sides, the start plane
    // turned away from the apex (the segment lies beyond it), the end plane towards it.
    Plane bounds[kMaxFootprint + 2];
    int bound_count = 0;
    for (const Plane& side : sides) bounds[bound_count++] = side;
    if (start) {
        const double side = start->signed_distance(apex) < 0 ? 1.0 : -1.0;
        bounds[bound_count++] = {side * start->normal, side * start->offset_m};
    }
    if (end.signed_distance(apex) < 0) end = {-end.normal, -end.offset_m};
    bounds[bound_count++] = end;
    // The pieces whose bounds meet the segment's box (branch-free: the outcome is data).
    const int piece_count = static_cast<int>(walls.pieces.size());
    near_piece_.resize(walls.pieces.size());
    int near_count = 0;
    // (Each test as an int: Clang warns of '&' on booleans, which is the point here.)
    const auto overlaps = [](double lower, double upper, double box_lower, double box_upper) {
        return static_cast<int>(lower <= box_upper) & static_cast<int>(upper >= box_lower);
    };
    for (int p = 0; p < piece_count; ++p) {
        near_piece_[near_count] = p;
        near_count += overlaps(walls.lower_x[p], walls.upper_x[p], box.lower.x(), box.upper.x()) &
                      overlaps(walls.lower_y[p], walls.upper_y[p], box.lower.y(), box.upper.y()) &
                      overlaps(walls.lower_z[p], walls.upper_z[p], box.lower.z(), box.upper.z());
    }
    Vec3 unfolded[kMaxHullVertices];
    for (int i_near = 0; i_near < near_count; ++i_near) {
        const WallPieces::Piece& piece = walls.pieces[near_piece_[i_near]];
        if (skip_face[piece.face] || piece.face == start_face || piece.face == end_face) continue;
        const int n = static_cast<int>(piece.hull.size());
        // An outline this class cannot take (engine faces keep at most 16 vertices, and a
        // usable face has an area): the whole beam goes to the queries, nothing is missed.
        if (n < 3 || n > kMaxHullVertices) return false;
        for (int i = 0; i < n; ++i) unfolded[i] = unfold(beam, piece.hull[i], j);
        bool culled = false;
        for (int b = 0; b < bound_count && !culled; ++b)
            culled = all_outside(bounds[b], unfolded, n);
        if (culled) continue;
        add_candidate(piece, unfolded, n, apex, raster);
    }
    add_rows(first_candidate);
    return true;
}

void BeamWalls::add_candidate(const WallPieces::Piece& piece, const Vec3* vertex, int count,
                              const Vec3& apex, const ReceiverRaster& raster) {
    // Each side of the piece's cone as a linear function of the receiver (x, y) on the plane,
    // positive inside: N·(r - apex) with N = (a - apex) × (b - apex) turned inwards.
    Candidate candidate{piece.face,
                        piece.exact,
                        false,
                        piece.normal,
                        piece.offset_m,
                        static_cast<int>(sides_.size()),
                        0,
                        0,
                        rows_ - 1};
    Vec3 centroid = Vec3::Zero();
    for (int i = 0; i < count; ++i) centroid += vertex[i];
    centroid /= count;
    const double h = raster.height_m;
    // The apex (nearly) on the piece's plane: its cone has no inside; every receiver the rows
    // hold is left to the exact test.
    for (int i = 0; i < count && !candidate.undecided; ++i) {
        const Vec3& a = vertex[i];
        const Vec3& b = vertex[(i + 1) % count];
        // An edge this short (a repeated vertex) gives no reliable plane; leaving it out moves
        // the cone by less than a micron, inside the band of its neighbours.
        if ((b - a).norm() < kShortEdge_m) continue;
        Vec3 n = (a - apex).cross(b - apex);
        const double norm = n.norm();
        const double inward = n.dot(centroid - apex);
        if (!(std::abs(inward) > 1e-9 * norm * (centroid - apex).norm())) {
            candidate.undecided = true;
            break;
        }
        if (inward < 0) n = -n;
        // Along row r: n.x·x + offset(r) with offset(r) = offset0 + r·step, inside where it
        // exceeds band (robustly) or -band (possibly).
        const double band = kBand_m * norm;
        const double offset0 = n.y() * first_row_y_ + n.z() * h - n.dot(apex);
        const double step = n.y() * raster.spacing;
        Side side{0, 0, 0, 0};
        if (n.x() != 0) {
            const double inverse = 1.0 / n.x();
            side = {n.x() > 0 ? 1 : -1, (band - offset0) * inverse, (-band - offset0) * inverse,
                    -step * inverse};
        } else {
            side = {0, offset0, band, step};
        }
        sides_.push_back(side);
        ++candidate.side_count;
    }
    candidate.undecided |= candidate.side_count < 3;
    candidate.exact &= !candidate.undecided;
    // Lower bounds first, then upper bounds, then sides without an x term (add_rows).
    Side* first = sides_.data() + candidate.first_side;
    Side* last = first + candidate.side_count;
    Side* uppers = std::partition(first, last, [](const Side& s) { return s.kind > 0; });
    Side* flats = std::partition(uppers, last, [](const Side& s) { return s.kind < 0; });
    candidate.lower_count = static_cast<int>(uppers - first);
    candidate.upper_count = static_cast<int>(flats - uppers);
    // The rows of its shadow: with every vertex ahead of the apex towards the receiver plane,
    // the receivers whose line from the apex meets the piece lie in the convex hull of the
    // vertices' central projections.
    double ymin = kInf, ymax = -kInf;
    bool bounded = true;
    for (int i = 0; i < count && bounded; ++i) {
        const double scale = (h - apex.z()) / (vertex[i].z() - apex.z());
        bounded = scale > 0 && std::isfinite(scale);
        const double y = apex.y() + scale * (vertex[i].y() - apex.y());
        ymin = std::min(ymin, y);
        ymax = std::max(ymax, y);
    }
    if (bounded) {
        int iy0 = 0, iy1 = -1;
        if (!raster.rows(ymin - kBand_m, ymax + kBand_m, iy0, iy1)) {
            sides_.resize(candidate.first_side);
            return;  // its shadow misses the rows
        }
        candidate.row_lo = std::max(0, iy0 - iy0_);
        candidate.row_hi = std::min(rows_ - 1, iy1 - iy0_);
        if (candidate.row_lo > candidate.row_hi) {
            sides_.resize(candidate.first_side);
            return;
        }
    }
    candidates_.push_back(candidate);
}

void BeamWalls::add_rows(int first_candidate) {
    const int end = static_cast<int>(candidates_.size());
    size_t most = entry_count_;
    for (int c = first_candidate; c < end; ++c)
        most += candidates_[c].row_hi - candidates_[c].row_lo + 1;
    if (may_lo_.size() < most) {
        for (std::vector<double>* bound : {&may_lo_, &may_hi_, &in_lo_, &in_hi_})
            bound->resize(2 * most);
        entry_candidate_.resize(2 * most);
    }
    int n = entry_count_;
    for (int r = 0; r < rows_; ++r) {
        row_begin_.push_back(n);
        for (int c = first_candidate; c < end; ++c) {
            const Candidate& candidate = candidates_[c];
            if (r < candidate.row_lo || r > candidate.row_hi) continue;
            double may_lo = -kInf, may_hi = kInf, in_lo = -kInf, in_hi = kInf;
            if (!candidate.undecided) {
                const Side* side = sides_.data() + candidate.first_side;
                const Side* uppers = side + candidate.lower_count;
                const Side* flats = uppers + candidate.upper_count;
                const Side* end_side = side + candidate.side_count;
                for (; side < uppers; ++side) {
                    in_lo = std::max(in_lo, side->p + r * side->r);
                    may_lo = std::max(may_lo, side->q + r * side->r);
                }
                for (; side < flats; ++side) {
                    in_hi = std::min(in_hi, side->p + r * side->r);
                    may_hi = std::min(may_hi, side->q + r * side->r);
                }
                for (; side < end_side; ++side) {  // no x term: the row is inside or not
                    const double offset = side->p + r * side->r;
                    if (offset <= side->q) in_lo = kInf;
                    if (offset < -side->q) may_lo = kInf;
                }
            }
            if (!candidate.exact) in_lo = kInf;
            if (!(may_lo <= may_hi)) continue;
            may_lo_[n] = may_lo;
            may_hi_[n] = may_hi;
            in_lo_[n] = in_lo;
            in_hi_[n] = in_hi;
            entry_candidate_[n++] = c;
        }
    }
    entry_count_ = n;
}

void BeamWalls::collect(int j, double x, int iy, const Vec3& a, const Vec3& k, double length_m,
                        double eps_m, bool first_crossing_blocks, SegmentHits& hits) const {
    hits.count = 0;
    hits.overflow = false;
    const size_t row = static_cast<size_t>(j) * rows_ + (iy - iy0_);
    const double* may_lo = may_lo_.data();
    const double* may_hi = may_hi_.data();
    for (int first = row_begin_[row], end = row_begin_[row + 1]; first < end; first += 64) {
        // The row's candidates that may be crossed at x, found without a branch per candidate
        // (the outcome is data), then visited.
        const int chunk = std::min(64, end - first);
        uint64_t reached = reached_mask(may_lo + first, may_hi + first, chunk, x);
        for (; reached != 0; reached &= reached - 1) {
            const int e = first + std::countr_zero(reached);
            const Candidate& candidate = candidates_[entry_candidate_[e]];
            const double t =
                (candidate.offset_m - candidate.normal.dot(a)) / candidate.normal.dot(k);
            const bool trusted = x > in_lo_[e] && x < in_hi_[e];
            if (trusted && !(t > eps_m && t < length_m - eps_m)) continue;
            add_hit(candidate.face, t, trusted, hits);
            if (trusted && first_crossing_blocks) return;  // blocked, whatever else it crosses
        }
    }
}

// One hit per face (a segment crosses a plane once; pieces of a face meet along their shared
// edges): a trusted crossing on any piece vouches for the face, as for Embree's hits.
void BeamWalls::add_hit(int face, double t, bool trusted, SegmentHits& hits) {
    for (int h = 0; h < hits.count; ++h) {
        if (hits.group[h] == static_cast<uint32_t>(face)) {
            hits.near_edge[h] &= trusted ? 0 : 1;
            return;
        }
    }
    if (hits.count == SegmentHits::kCapacity) {
        hits.overflow = true;
        return;
    }
    hits.triangle[hits.count] = static_cast<uint32_t>(face);
    hits.group[hits.count] = static_cast<uint32_t>(face);
    hits.distance[hits.count] = std::isfinite(t) ? static_cast<float>(t) : 0.0f;
    hits.near_edge[hits.count] = trusted ? 0 : 1;
    ++hits.count;
}

}  // namespace rps
