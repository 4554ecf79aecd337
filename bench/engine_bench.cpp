// Engine benchmark: milliseconds per 1-AP radio map on the office example at reflection orders
// 1-3, on one thread and on all cores, and the engine's ray throughput against raw Embree
// occlusion rays on the same scene, measured in the same run (a ratio, robust to machine noise).
//
//   rps_bench_engine [--scene FILE] [--out FILE.json] [--maps N] [--threads N]
#include <fmt/core.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/engine/embree_scene.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/scene/scene_loader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// AP positions spread over the usable area (deterministic, the same in every run).
std::vector<rps::TxPose> ap_positions(int count) {
    std::vector<rps::TxPose> poses;
    std::mt19937_64 rng(12345);
    std::uniform_real_distribution<double> xy(5.5, 34.5), yaw(-3.14159, 3.14159);
    for (int i = 0; i < count; ++i)
        poses.push_back({rps::Vec3(xy(rng), xy(rng), 3.8), yaw(rng), 0.2});
    return poses;
}

struct MapTiming {
    double ms_per_map = 0;
    double maps_per_s = 0;
    uint64_t rays = 0, paths = 0;
};

MapTiming time_maps(const rps::RadioEngine& engine, const std::vector<rps::TxPose>& aps,
                    int threads) {
    std::vector<uint64_t> rays(threads), paths(threads);
    const auto start = Clock::now();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            rps::RadioEngine::reset_thread_counters();
            for (size_t i = t; i < aps.size(); i += threads) (void)engine.compute_map(aps[i]);
            rays[t] = rps::RadioEngine::thread_counters().rays;
            paths[t] = rps::RadioEngine::thread_counters().paths;
        });
    for (auto& w : workers) w.join();
    const double elapsed = seconds_since(start);
    MapTiming timing;
    timing.maps_per_s = aps.size() / elapsed;
    timing.ms_per_map = 1e3 * elapsed / aps.size() * threads;  // latency per map per thread
    for (int t = 0; t < threads; ++t) timing.rays += rays[t], timing.paths += paths[t];
    return timing;
}

// Each timing is the best of this many runs: a short timing on a shared machine is mostly noise
// upward.
constexpr int kRepeats = 3;
// Paired rounds of the engine/raw-Embree ratio (paired_ratio).
constexpr int kPairedRounds = 5;

// Raw Embree: occlusion rays between random points of the scene's box, single thread, on a BVH
// built as the engine's (grown triangles, fast traversal) without the hit-recording filter.
class RawEmbreeRays {
public:
    RawEmbreeRays(const rps::Scene& scene, int ray_count)
        : raw_(scene, /*collect_all_hits=*/false, nullptr,
               rps::EmbreeScene::default_edge_margin_m(scene)) {
        const rps::Aabb box = scene.bounds();
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> ux(box.lower.x(), box.upper.x()),
            uy(box.lower.y(), box.upper.y()), uz(0.5, 3.9);
        a_.resize(ray_count);
        b_.resize(ray_count);
        for (int i = 0; i < ray_count; ++i) {
            a_[i] = {ux(rng), uy(rng), uz(rng)};
            b_[i] = {ux(rng), uy(rng), uz(rng)};
        }
    }
    // Rays per second over `passes` passes through the ray set.
    double rays_per_s(int passes) {
        const auto start = Clock::now();
        for (int pass = 0; pass < passes; ++pass) {
            for (size_t i = 0; i < a_.size(); ++i) {
                const rps::Vec3 d = b_[i] - a_[i];
                const double length = d.norm();
                blocked_ += raw_.occluded(a_[i], d / length, 1e-4, length - 1e-4);
            }
        }
        return double(a_.size()) * passes / seconds_since(start);
    }
    // The best of kRepeats single passes.
    double best_rays_per_s() {
        double best = 0;
        for (int repeat = 0; repeat < kRepeats; ++repeat) best = std::max(best, rays_per_s(1));
        return best;
    }
    double pass_seconds() { return double(a_.size()) / rays_per_s(1); }
    // Rays blocked so far (reported, so that the queries cannot be optimised away).
    uint64_t blocked() const { return blocked_; }

private:
    rps::EmbreeScene raw_;
    std::vector<rps::Vec3> a_, b_;
    uint64_t blocked_ = 0;
};

// The engine/raw-Embree ratio from paired rounds: each round times one pass of the order-2 maps
// and right after it raw Embree rays for about as long (engine_pass_s, the pass as already
// timed), so that both sides of a round's ratio see the machine in the same state; the median of
// the rounds' ratios is the figure. (Best timings taken a minute apart read 0.44 to 0.79 in three
// runs on a noisy machine.)
struct PairedRatio {
    std::vector<double> ratios;  // per round, in order
    double median = 0;
};
PairedRatio paired_ratio(const rps::RadioEngine& engine, const std::vector<rps::TxPose>& aps,
                         double engine_pass_s, RawEmbreeRays& raw, int rounds) {
    PairedRatio result;
    const int raw_passes =
        std::max(1, static_cast<int>(std::lround(engine_pass_s / raw.pass_seconds())));
    for (int round = 0; round < rounds; ++round) {
        const MapTiming maps = time_maps(engine, aps, 1);
        const double engine_rays_per_s = maps.rays / (maps.ms_per_map * 1e-3 * aps.size());
        result.ratios.push_back(engine_rays_per_s / raw.rays_per_s(raw_passes));
    }
    std::vector<double> sorted = result.ratios;
    std::sort(sorted.begin(), sorted.end());
    const size_t middle = sorted.size() / 2;
    result.median =
        sorted.size() % 2 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
    return result;
}

}  // namespace

int main(int argc, char** argv) {
    std::string scene_path = std::string(RPS_SOURCE_DIR) + "/scenes/office/office.xml";
    std::string out_path = "bench_engine.json";
    int map_count = 24;
    int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    CLI::App app{"Radio engine benchmark (docs/performance.md)"};
    app.add_option("--scene", scene_path, "Scene XML")->capture_default_str();
    app.add_option("--out", out_path, "JSON report")->capture_default_str();
    app.add_option("--maps", map_count, "Maps per measurement")->capture_default_str();
    app.add_option("--threads", threads, "Threads for the all-cores rows")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    const rps::Scene scene = rps::load_scene(scene_path);
    const auto aps = ap_positions(map_count);
    nlohmann::json report;
    report["scene"] = scene_path;
    report["threads_all_cores"] = threads;
    report["maps_per_measurement"] = map_count;
    fmt::print("Engine benchmark — {} ({} triangles), 1 m cells, 1 AP per map, {} maps each\n",
               scene_path, scene.triangles.size(), map_count);
    fmt::print("{:>6} {:>13} {:>13} {:>15} {:>15} {:>14} {:>11}\n", "order", "ms/map 1 thr",
               "maps/s 1 thr", fmt::format("maps/s {} thr", threads),
               fmt::format("ms/map {} thr", threads), "engine rays/s", "paths/map");
    double engine_rays_per_s_order2 = 0, order2_ms_per_map = 0;
    RawEmbreeRays raw_rays(scene, 400000);
    PairedRatio paired;
    for (int order = 1; order <= 3; ++order) {
        rps::RadioSetup setup;
        setup.max_reflection_order = order;
        const rps::RadioEngine engine(scene, setup, rps::MeasurementGridSpec{});
        (void)engine.compute_map(aps.front());  // warm-up
        const auto n = order == 3 ? std::vector<rps::TxPose>(
                                        aps.begin(), aps.begin() + std::max(2, map_count / 4))
                                  : aps;
        MapTiming one = time_maps(engine, n, 1);
        for (int repeat = 1; repeat < kRepeats; ++repeat) {
            const MapTiming again = time_maps(engine, n, 1);
            if (again.ms_per_map < one.ms_per_map) one = again;
        }
        const MapTiming all = time_maps(engine, n, threads);
        // Latency of one map computed on all cores (the engine splits it into branches).
        setup.threads = threads;
        const rps::RadioEngine threaded(scene, setup, rps::MeasurementGridSpec{});
        const MapTiming latency = time_maps(threaded, n, 1);
        const double rays_per_s = one.rays / (one.ms_per_map * 1e-3 * n.size());
        if (order == 2) {
            engine_rays_per_s_order2 = rays_per_s;
            order2_ms_per_map = one.ms_per_map;
            paired =
                paired_ratio(engine, n, one.ms_per_map * 1e-3 * n.size(), raw_rays, kPairedRounds);
        }
        fmt::print("{:>6} {:>13.2f} {:>13.1f} {:>15.1f} {:>15.2f} {:>14.3g} {:>11.0f}\n", order,
                   one.ms_per_map, one.maps_per_s, all.maps_per_s, latency.ms_per_map, rays_per_s,
                   double(one.paths) / n.size());
        report["orders"].push_back({{"order", order},
                                    {"ms_per_map_1_thread", one.ms_per_map},
                                    {"maps_per_s_1_thread", one.maps_per_s},
                                    {"maps_per_s_all_cores", all.maps_per_s},
                                    {"ms_per_map_threaded_all_cores", latency.ms_per_map},
                                    {"engine_rays_per_s_1_thread", rays_per_s},
                                    {"rays_per_map", double(one.rays) / n.size()},
                                    {"paths_per_map", double(one.paths) / n.size()}});
    }
    // The same order-2 maps with opaque walls (transmission off, a path ends at its first wall):
    // what beam enumeration, backtracing, antenna and reflections cost before any transmission
    // bookkeeping. Against the 12 ms target this is the floor of an engine that traces every
    // image path on its own (docs/performance.md).
    {
        rps::RadioSetup setup;
        setup.transmission = false;
        const rps::RadioEngine opaque(scene, setup, rps::MeasurementGridSpec{});
        (void)opaque.compute_map(aps.front());
        MapTiming best = time_maps(opaque, aps, 1);
        for (int repeat = 1; repeat < kRepeats; ++repeat) {
            const MapTiming again = time_maps(opaque, aps, 1);
            if (again.ms_per_map < best.ms_per_map) best = again;
        }
        fmt::print("{:>6} {:>13.2f} {:>13.1f} {:>15} {:>15} {:>14} {:>11.0f}  walls opaque\n", 2,
                   best.ms_per_map, best.maps_per_s, "", "", "", double(best.paths) / aps.size());
        report["order2_opaque_walls"] = {{"ms_per_map_1_thread", best.ms_per_map},
                                         {"paths_per_map", double(best.paths) / aps.size()}};
    }
    // The same order-2 maps with each path segment's walls found by its own Embree query (the
    // engine before walls were found per beam, beam_walls.hpp): bit-identical maps, measured in
    // the same run as the reference of the per-beam figure above.
    double reference_ms_per_map = 0;
    {
        rps::RadioEngine engine(scene, rps::RadioSetup{}, rps::MeasurementGridSpec{});
        engine.set_wall_finding(rps::RadioEngine::WallFinding::PerSegmentQuery);
        (void)engine.compute_map(aps.front());
        MapTiming best = time_maps(engine, aps, 1);
        for (int repeat = 1; repeat < kRepeats; ++repeat) {
            const MapTiming again = time_maps(engine, aps, 1);
            if (again.ms_per_map < best.ms_per_map) best = again;
        }
        reference_ms_per_map = best.ms_per_map;
        fmt::print(
            "{:>6} {:>13.2f} {:>13.1f} {:>15} {:>15} {:>14} {:>11.0f}  walls by segment queries "
            "(per beam: {:.3f} of it)\n",
            2, best.ms_per_map, best.maps_per_s, "", "", "", double(best.paths) / aps.size(),
            order2_ms_per_map / best.ms_per_map);
        report["order2_walls_by_segment_queries"] = {
            {"ms_per_map_1_thread", best.ms_per_map},
            {"per_beam_to_segment_queries_ratio", order2_ms_per_map / best.ms_per_map}};
    }
    // Those maps' queries replayed on their own (RadioEngine::time_wall_queries): what finding
    // the walls with Embree costs a map, and the rest of that map (docs/performance.md).
    {
        const rps::RadioEngine engine(scene, rps::RadioSetup{}, rps::MeasurementGridSpec{});
        double seconds = 0;
        uint64_t queries = 0;
        for (const rps::TxPose& tx : aps) {
            const auto timing = engine.time_wall_queries(tx, kRepeats);
            seconds += timing.seconds;
            queries += timing.queries;
        }
        const double ms_per_map = 1e3 * seconds / aps.size();
        fmt::print(
            "{:>6} {:>13.2f} {:>13} {:>15} {:>15} {:>14.3g} {:>11}  of which its queries "
            "({:.0f} per map, {:.1f} ns each)\n",
            2, ms_per_map, "", "", "", queries / seconds, "", double(queries) / aps.size(),
            1e9 * seconds / queries);
        report["order2_wall_queries_alone"] = {
            {"ms_per_map_1_thread", ms_per_map},
            {"queries_per_map", double(queries) / aps.size()},
            {"queries_per_s", queries / seconds},
            {"rest_of_map_ms", reference_ms_per_map - ms_per_map}};
    }
    const double raw = raw_rays.best_rays_per_s();
    const double best_ratio = engine_rays_per_s_order2 / raw;
    fmt::print("\nraw Embree occlusion rays/s (1 thread): {:.3g}\n", raw);
    fmt::print(
        "engine rays/s at order 2 / raw Embree: {:.2f} (target >= 0.60), median of {} "
        "paired rounds (each {:.2f}); best against best: {:.2f}\n",
        paired.median, paired.ratios.size(), fmt::join(paired.ratios, ", "), best_ratio);
    fmt::print("original framework: ~145 maps/s with 4 actors sharing a GPU, 25-40 ms per map\n");
    report["raw_embree_rays_per_s"] = raw;
    report["raw_embree_rays_blocked"] = raw_rays.blocked();
    report["engine_to_raw_embree_ratio_order2"] = paired.median;
    report["engine_to_raw_embree_ratio_order2_rounds"] = paired.ratios;
    report["engine_to_raw_embree_ratio_order2_best_against_best"] = best_ratio;
    report["baseline_original_maps_per_s"] = 145;
    std::ofstream(out_path) << report.dump(2) << "\n";
    fmt::print("wrote {}\n", out_path);
    return 0;
}
