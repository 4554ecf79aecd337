#pragma once
// The walls that a beam's path segments cross, found once per beam instead of by one Embree
// query per path segment (docs/performance.md, ninth session).
//
// Unfolded across its reflections, every path of a face sequence is the straight line from the
// last image I_k to its receiver r, and segment j is the part of that line between the unfolded
// planes of faces j and j + 1. It crosses a convex wall piece P exactly when r lies in the cone
// from I_k through P unfolded the same way: on the inner side of the plane through I_k and each
// of P's edges. On the receiver plane each such side is a linear function of (x, y), so along a
// raster row the receivers whose segment j crosses P form one interval, computed once per beam,
// segment, piece and row. A path then tests its row's interval of each candidate piece (a few
// comparisons) instead of traversing a BVH. Receivers within kBand_m of an interval's end, and
// pieces whose outline is not exactly their triangles, are flagged near an edge and decided
// exactly by the caller, as Embree's near-edge hits are: the crossings found are the same.
#include <cstdint>
#include <span>
#include <vector>

#include "core/engine/beam_window.hpp"
#include "core/engine/embree_scene.hpp"
#include "core/engine/engine_face.hpp"
#include "core/engine/receiver_raster.hpp"

namespace rps {

// The scene's convex face pieces as wall candidates, their bounds in structure-of-arrays form
// for the per-beam culling.
struct WallPieces {
    struct Piece {
        int face = -1;  // the planar face: a hit's group
        // The outline is exactly the piece's triangles (a robust inside is a crossing); false
        // for a non-convex face kept whole or a 64-gon outlined by its bounding rectangle.
        bool exact = false;
        std::vector<Vec3> hull;
        Vec3 normal = Vec3::UnitZ();
        double offset_m = 0.0;
    };
    std::vector<Piece> pieces;
    std::vector<double> lower_x, lower_y, lower_z, upper_x, upper_y, upper_z;
};
// Whether the face's outline (its hull) is exactly its triangles: convex, no overlaps.
bool outline_is_exact(const EngineFace& face);

// Bit e set when lo[e] <= x <= hi[e], for e < count <= 64: BeamWalls::collect's test of a row's
// candidates against a receiver (false for a NaN bound, as the comparisons are).
uint64_t reached_mask(const double* lo, const double* hi, int count, double x);

WallPieces make_wall_pieces(const std::vector<EngineFace>& pieces,
                            const std::vector<int>& piece_face);

// One face sequence's beam as the tracer holds it.
struct BeamGeometry {
    int order = 0;                           // reflections k
    const Vec3* images = nullptr;            // I_0 (the Tx) .. I_k
    const EngineFace* const* seq = nullptr;  // the k faces reflected on
    const int* seq_faces = nullptr;          // their face indices (segments' end faces)
    const double* footprint_x = nullptr;     // the footprint on the receiver plane;
    const double* footprint_y = nullptr;     // count 0: the whole raster (line of sight)
    int footprint_count = 0;
    // Every window along the sequence is exact and every piece's outline is its triangles: a
    // receiver well inside the footprint then has the path (surely_lit).
    bool exact = false;
};

class BeamWalls {
public:
    struct Plane {  // normal·x = offset_m
        Vec3 normal;
        double offset_m;
        double signed_distance(const Vec3& p) const { return normal.dot(p) - offset_m; }
    };
    // Receivers this close (m) to a side of a piece's cone are left to the exact test: far above
    // the rounding of the cone's planes, far below a receiver spacing.
    static constexpr double kBand_m = 1e-4;

    // Prepares rows iy0..iy1 of the raster. skip_face (one flag per face) leaves faces out
    // (unusable ones, and the scene's bounding faces where the caller's queries leave them out).
    // False when the beam has no cone to cull by (its image on the receiver plane, a footprint
    // of zero area): the caller queries Embree for it.
    bool build(const WallPieces& walls, const std::vector<uint8_t>& skip_face,
               const BeamGeometry& beam, const ReceiverRaster& raster, int iy0, int iy1);

    // Segment j's crossings for the path to the receiver at x in row iy, the segment starting at
    // a along unit k for length_m, as EmbreeScene::collect_hits reports them for (eps,
    // length_m - eps): one hit per face, near_edge where the caller must decide. With
    // first_crossing_blocks (opaque walls) it stops at the first certain crossing.
    void collect(int j, double x, int iy, const Vec3& a, const Vec3& k, double length_m,
                 double eps_m, bool first_crossing_blocks, SegmentHits& hits) const;

    // Whether the receiver at x in row iy lies so far inside an exact beam that each of its
    // reflection points lies inside its piece by more than the pieces' edge slack: its path
    // exists, no point-in-face test needed. False where unsure (then the caller tests).
    bool surely_lit(int iy, double x) const {
        const int r = iy - iy0_;
        return has_interior_ && x > interior_lo_[r] && x < interior_hi_[r];
    }

private:
    // A side of a piece's cone on the receiver plane, row by row (r from iy0_). kind +1: x must
    // exceed p + r·r_step robustly, q + r·r_step possibly (a lower bound); -1: an upper bound;
    // 0: no x term, the row is inside where p + r·r_step exceeds q (robustly) or -q (possibly).
    struct Side {
        int kind;
        double p, q, r;
    };
    struct Candidate {
        int face;
        bool exact;      // a robust inside is a crossing (else every receiver is flagged)
        bool undecided;  // no cone (the apex on the piece's plane): every receiver flagged
        Vec3 normal;
        double offset_m;
        int first_side, side_count;
        int row_lo, row_hi;  // the rows its shadow can reach (relative to iy0_)
        int lower_count = 0, upper_count = 0;  // sides_ from first_side: lower, upper, flat
    };
    void add_candidate(const WallPieces::Piece& piece, const Vec3* vertex, int count,
                       const Vec3& apex, const ReceiverRaster& raster);
    bool add_segment(const WallPieces& walls, const std::vector<uint8_t>& skip_face,
                     const BeamGeometry& beam, int j, const Aabb& box, std::span<const Plane> sides,
                     const Plane* start, Plane end, const ReceiverRaster& raster);
    void add_rows(int first_candidate);
    static void add_hit(int face, double t, bool trusted, SegmentHits& hits);

    int iy0_ = 0, rows_ = 0;
    double first_row_y_ = 0.0;
    std::vector<int> near_piece_;
    bool has_interior_ = false;
    std::vector<double> interior_lo_, interior_hi_;  // per row: surely lit in between
    std::vector<Candidate> candidates_;
    std::vector<Side> sides_;
    // The entries: one candidate along one row, receivers in [may_lo, may_hi] may cross, those
    // in (in_lo, in_hi) do. Segment j, row r: entries [row_begin_[j·rows_ + r], next).
    std::vector<double> may_lo_, may_hi_, in_lo_, in_hi_;
    std::vector<int> entry_candidate_;
    int entry_count_ = 0;
    std::vector<int> row_begin_;
};

}  // namespace rps
