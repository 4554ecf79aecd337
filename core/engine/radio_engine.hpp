#pragma once
// The radio engine: deterministic image method on Embree (DESIGN §2). Builds the scene BVH and
// the planar faces once; then computes radio maps and path lists for any transmitter pose.
// Thread-safe for concurrent const calls. Knows nothing about studies or optimisers.
#include <complex>
#include <memory>
#include <span>
#include <vector>

#include "core/engine/measurement_grid.hpp"
#include "core/engine/radio_map.hpp"
#include "core/engine/scene_reach.hpp"
#include "core/radio/antenna.hpp"
#include "core/scene/scene.hpp"

namespace rps {

struct RadioSetup {
    double freq_hz = 5.18e9;    // the original framework's channel 36
    double tx_power_dbm = 5.0;  // per AP
    AntennaModel antenna = AntennaModel::Ap2x1;
    Polarization polarization = Polarization::V;  // single elements; Ap2x1 is always V+H (forced)
    int max_reflection_order = 2;  // specular reflections per path (transmissions unlimited)
    bool coherent = false;         // incoherent power sum across paths (Sionna radio maps)
    bool transmission = true;      // paths may cross walls (slab transmission coefficient)
    int threads = 1;               // threads per map (maps are identical for any count)
};

struct TxPose {
    Vec3 position = Vec3(0, 0, 3.8);
    double yaw_rad = 0.0;       // boresight azimuth from +x toward +y
    double downtilt_rad = 0.0;  // > 0 tilts the boresight below the horizon
};

enum class InteractionKind { Reflection, Transmission };

struct PathInteraction {
    InteractionKind kind;
    int face = -1;      // planar face index (engine faces); -1 for the dynamic plate
    int material = -1;  // scene material index; -1 for the plate
    Vec3 point;
    double cos_incidence = 1.0;
};

struct PropagationPath {
    int reflection_count = 0;
    std::vector<PathInteraction> interactions;  // in order from Tx to Rx
    double length_m = 0.0;
    double path_gain = 0.0;           // |a|² incl. Tx antenna gain, receiver isotropic dual-pol
    std::complex<double> phase_term;  // e^{-j k L} phase of the co-polar part (for reports)
    // The complex field vector at the receiver, propagation phase included, with |field|² =
    // path_gain.
    Vec3c field = Vec3c::Zero();
    // Its components on the receiver's two ports, (θ, φ, 0) (receiver_ports.hpp), |ports|² =
    // path_gain: what a coherent sum over paths adds, port by port.
    Vec3c ports = Vec3c::Zero();
    bool uses_plate = false;
};

// A reflector plate added on top of the static scene (the static BVH is never rebuilt).
struct PlateGeometry {
    Vec3 center;
    Vec3 normal;      // unit
    Vec3 width_axis;  // unit, ⟂ normal
    double width_m = 2.0, height_m = 2.0;
    bool perfect_conductor = true;  // else ITU metal (σ = 1e7 S/m) with thickness below
    double thickness_m = 0.002;
    // Single-bounce plate paths by physical optics (the Kirchhoff integral of the Tx image over
    // the plate, in patches of at most po_patch_m with exact linear-phase integration) instead of
    // geometric optics. PO gives the plate's finite-size lobe and edge fall-off; GO (Sionna's
    // model) reflects only where the specular point lies on the plate.
    bool physical_optics = false;
    // Patch size: 0.1 m keeps PO within 0.1 dB of a 1 cm grid at room distances (tests).
    double po_patch_m = 0.1;
    Vec3 height_axis() const { return normal.cross(width_axis); }
};

// What one map evaluates. By default every cell up to the setup's reflection order. A lower order
// gives a lower bound of the full map cell by cell (incoherent sums only add non-negative terms,
// and every path is evaluated the same whatever the order). A cell selection evaluates only those
// cells, each bit-identical to the full map's value; the other cells read 0 W.
struct MapRequest {
    int max_reflection_order = -1;   // -1 = the setup's
    std::span<const uint8_t> cells;  // one byte per grid cell, non-zero = evaluate; empty = all
};

class ApTrace;  // static (plate-free) paths of one AP over the grid, for fast plate re-evaluation

class RadioEngine {
public:
    RadioEngine(const Scene& scene, const RadioSetup& setup, const MeasurementGridSpec& grid_spec);
    ~RadioEngine();
    RadioEngine(const RadioEngine&) = delete;
    RadioEngine& operator=(const RadioEngine&) = delete;
    // Throws std::invalid_argument, as the constructor would, when the grid cannot be measured
    // in this scene (sizes, cell count, reach): a check without building the engine.
    static void check_grid(const Scene& scene, const MeasurementGridSpec& grid_spec);
    // The same for the radio set-up: frequency (every material of the scene defined there),
    // transmit power, reflection order.
    static void check_setup(const Scene& scene, const RadioSetup& setup);

    const MeasurementGrid& grid() const;
    const RadioSetup& setup() const;
    const Scene& scene() const;
    size_t face_count() const;
    // The planar face nearest to p and its distance (m); face -1 when the scene has none.
    struct NearestFace {
        int face = -1;
        int material = -1;
        double distance_m = 0.0;
    };
    NearestFace nearest_face(const Vec3& p) const;
    // The grid's receiver point (cell centre, or sample with cell averaging) nearest to p.
    Vec3 nearest_receiver(const Vec3& p) const;

    // Received power per cell (W) for one AP.
    RadioMap compute_map(const TxPose& tx, const MapRequest& request = {}) const;
    // Every path from tx to one receiver point, with its interactions and gain.
    std::vector<PropagationPath> trace_paths(const TxPose& tx, const Vec3& rx,
                                             const PlateGeometry* plate = nullptr) const;

    // Plate support: trace the static paths once, then re-evaluate with any plate pose cheaply.
    std::shared_ptr<const ApTrace> trace_static(const TxPose& tx,
                                                const MapRequest& request = {}) const;
    RadioMap map_from_trace(const ApTrace& trace, const PlateGeometry* plate) const;

    // How maps find the walls their path segments cross: once per beam (beam_walls.hpp, the
    // default) or by one Embree query per path segment. The maps are bit-identical; the
    // queries are the reference that tests and the benchmark compare against. Set it before
    // computing (not while other threads use the engine).
    enum class WallFinding { PerBeam, PerSegmentQuery };
    void set_wall_finding(WallFinding finding);
    WallFinding wall_finding() const;

    // Statistics of the last computations on this thread (rays cast, candidates, paths).
    struct Counters {
        uint64_t rays = 0, candidates = 0, paths = 0;
        // Beams (face sequences, and the line of sight) that reach a receiver, and those whose
        // walls were found once per beam (maps; the others query Embree per path segment).
        uint64_t beams = 0, beams_walls_per_beam = 0;
    };
    static Counters thread_counters();
    static void reset_thread_counters();

    // Diagnostics (bench/engine_bench.cpp): computes the map of tx on this thread (its rays
    // counted as a map's) with every path segment's walls found by an Embree query (as
    // WallFinding::PerSegmentQuery), recording those queries, then runs them again on their
    // own, best of `repeats`: the time such a map spends finding the walls its paths cross
    // (docs/performance.md).
    struct WallQueryTiming {
        uint64_t queries = 0;
        double seconds = 0.0;
    };
    WallQueryTiming time_wall_queries(const TxPose& tx, int repeats = 3) const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace rps
