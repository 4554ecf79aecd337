#include "core/engine/beam_cache.hpp"

#include <array>
#include <atomic>

namespace rps {
namespace {

std::atomic<uint64_t> g_last_engine_id{0};
// Per thread and branch slot, the last few Tx positions: a multi-AP layout's rounds alternate
// between its APs.
constexpr int kBeamCachePositions = 4;
struct BeamCacheSlot {
    std::array<BeamCache, kBeamCachePositions> entries;
    int next_victim = 0;
};
thread_local std::vector<BeamCacheSlot> t_beam_caches;

}  // namespace

BeamCache::Lookup BeamCache::find(size_t slot, uint64_t engine_id, const Vec3& tx, double height_m,
                                  int max_order) {
    if (t_beam_caches.size() <= slot) t_beam_caches.resize(slot + 1);
    BeamCacheSlot& entries = t_beam_caches[slot];
    BeamCache* deep_enough = nullptr;
    BeamCache* same_position = nullptr;  // a shallower trace from here: rebuilt in place
    for (BeamCache& entry : entries.entries)
        if (entry.engine_id == engine_id && entry.tx == tx && entry.height_m == height_m)
            (entry.max_order >= max_order ? deep_enough : same_position) = &entry;
    if (deep_enough) return {deep_enough, nullptr};
    BeamCache* record = same_position;
    if (!record) {  // the oldest entry
        record = &entries.entries[entries.next_victim];
        entries.next_victim = (entries.next_victim + 1) % kBeamCachePositions;
    }
    record->engine_id = 0;
    record->records.clear();
    record->polygon_xy.clear();
    return {nullptr, record};
}

uint64_t BeamCache::new_engine_id() { return ++g_last_engine_id; }

void BeamCache::add(int depth, int piece, const FootprintPolygon& polygon, bool exact) {
    records.push_back({depth, piece, static_cast<uint32_t>(polygon_xy.size()), polygon.count,
                       polygon.whole_raster, exact});
    polygon_xy.insert(polygon_xy.end(), polygon.x, polygon.x + polygon.count);
    polygon_xy.insert(polygon_xy.end(), polygon.y, polygon.y + polygon.count);
}

void BeamCache::complete(uint64_t engine, const Vec3& from, double height, int order) {
    engine_id = engine;
    tx = from;
    height_m = height;
    max_order = order;
}

}  // namespace rps
