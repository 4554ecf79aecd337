#pragma once
// The face sequences one trace visited from a Tx position, with their footprints on the receiver
// plane, kept per thread (and per branch) for the next trace from the same position: a search
// evaluates one layout in several rounds over different cells (low_rank_metrics.hpp), each of
// which would otherwise clip the same beams again. Replaying gives the same sequences in the same
// order with the same footprints, so the results are identical.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/common/geometry.hpp"
#include "core/engine/beam_window.hpp"

namespace rps {

struct BeamRecord {
    int depth;         // reflections - 1
    int piece;         // index into RadioEngine::Impl::pieces (traces with a plate are not cached)
    uint32_t polygon;  // offset into BeamCache::polygon_xy: count x values, then count y values
    int count;
    bool whole_raster;
    bool exact;  // BeamGeometry::exact
};

struct BeamCache {
    uint64_t engine_id = 0;  // 0: empty (or being recorded)
    Vec3 tx = Vec3::Zero();
    double height_m = 0.0;
    int max_order = -1;
    std::vector<BeamRecord> records;
    std::vector<double> polygon_xy;

    // A trace's use of this thread's caches for one branch slot (branch + 2): the cache to replay
    // (a trace from the same position, plane height and engine, at least as deep), or else the
    // one to record into (emptied: the shallower trace from here, or the oldest entry).
    struct Lookup {
        const BeamCache* replay = nullptr;
        BeamCache* record = nullptr;
    };
    static Lookup find(size_t slot, uint64_t engine_id, const Vec3& tx, double height_m,
                       int max_order);
    // A fresh id for an engine (ids are never re-used, so a new engine at a dead one's address
    // does not replay its beams).
    static uint64_t new_engine_id();

    // Records a visited beam, then marks the recording complete (until then it never replays).
    void add(int depth, int piece, const FootprintPolygon& polygon, bool exact);
    void complete(uint64_t engine, const Vec3& from, double height, int order);
};

}  // namespace rps
