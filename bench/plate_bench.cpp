// Plate-only re-evaluation: moving only the reflector re-uses each AP's static paths (the
// engine's ApTrace) and recomputes only what the plate adds and shadows. Compares, in one run,
// a full map with the plate (static trace + plate) against the plate-only update, GO and PO.
//
//   rps_bench_plate [--out FILE.json] [--poses N]
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/engine/ap_trace.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/study/reflector_pose.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
    std::string out_path = "bench_plate.json";
    int poses = 20;
    CLI::App app{"Plate-only re-evaluation benchmark (docs/performance.md)"};
    app.add_option("--out", out_path, "JSON report")->capture_default_str();
    app.add_option("--poses", poses, "Plate poses along the mount")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    const std::string scene_path = std::string(RPS_SOURCE_DIR) + "/scenes/office/office.xml";
    const rps::Scene scene = rps::load_scene(scene_path);
    const rps::RadioEngine engine(scene, rps::RadioSetup{}, rps::MeasurementGridSpec{});
    const rps::ReflectorSpec mount;  // the office's mount wall: y = 34, x 15..34, z 1..3
    const rps::TxPose ap{rps::Vec3(20, 20, 3.8), 1.2, 0.15};
    std::vector<rps::PlateGeometry> plates;
    for (int i = 0; i < poses; ++i) {
        const double u = (i + 0.5) / poses;
        const rps::ReflectorPlacement placement{u, 0.5, rps::Vec3(10 + u * 20, 12, 1.5)};
        const rps::PlatePose pose = rps::plate_pose(mount, placement, ap.position);
        if (pose.valid) plates.push_back(pose.plate);
    }
    nlohmann::json report;
    fmt::print("Plate-only re-evaluation — office, 1 AP, {} plate poses, order 2, 1 m cells\n",
               plates.size());
    fmt::print("{:<6} {:>16} {:>18} {:>10}\n", "model", "full map (ms)", "plate only (ms)", "speed-up");
    for (bool po : {false, true}) {
        double full_ms = 0, plate_ms = 0;
        for (rps::PlateGeometry plate : plates) {
            plate.physical_optics = po;
            auto start = Clock::now();
            const auto trace = engine.trace_static(ap);
            (void)engine.map_from_trace(*trace, &plate);
            full_ms += ms_since(start);
        }
        const auto trace = engine.trace_static(ap);
        for (rps::PlateGeometry plate : plates) {
            plate.physical_optics = po;
            const auto start = Clock::now();
            (void)engine.map_from_trace(*trace, &plate);
            plate_ms += ms_since(start);
        }
        full_ms /= plates.size();
        plate_ms /= plates.size();
        const char* model = po ? "PO" : "GO";
        fmt::print("{:<6} {:>16.2f} {:>18.2f} {:>9.1f}x\n", model, full_ms, plate_ms,
                   full_ms / plate_ms);
        report[model] = {{"full_map_ms", full_ms},
                         {"plate_only_ms", plate_ms},
                         {"speedup", full_ms / plate_ms},
                         {"target_speedup", 10.0}};
    }
    std::ofstream(out_path) << report.dump(2) << "\n";
    fmt::print("wrote {}\n", out_path);
    return 0;
}
