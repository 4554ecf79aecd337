#pragma once
// A study: everything needed to run a placement search reproducibly (DESIGN §4). Read from a
// JSON document (docs/study_format.md) with strict validation; written back verbatim into the
// study store so a result file always carries the set-up that produced it.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine/measurement_grid.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/metrics/combine_maps.hpp"
#include "core/metrics/map_metrics.hpp"

namespace rps {

enum class StudyMode { OneAp, TwoAp, TwoApReflector, MultiAp };

struct ObjectiveSpec {
    Objective metric = Objective::P5;
    CombineMode combine = CombineMode::BestServer;
    double coverage_threshold_dbm = kDefaultCoverageThreshold_dbm;
    double softmin_temperature = kDefaultSoftminTemperature;
};

struct ApBounds {
    double x_min_m = 5.5, x_max_m = 34.5, y_min_m = 5.5, y_max_m = 34.5;
    double z_m = 3.8;  // fixed AP height
    double yaw_min_deg = -180, yaw_max_deg = 180;
    double downtilt_min_deg = 0, downtilt_max_deg = 30;
    double min_separation_m = 5.0;
    bool optimise_direction = true;  // false: yaw/downtilt fixed at fixed_* below
    double fixed_yaw_deg = 0, fixed_downtilt_deg = 0;
};

struct ReflectorSpec {
    Vec3 top_left = Vec3(15, 34, 3);      // mount rectangle corners (the original's convention)
    Vec3 bottom_right = Vec3(34, 34, 1);
    Vec3 facing = Vec3(0, -1, 0);         // unit normal of the mount wall, into the room
    double width_m = 2.0, height_m = 2.0, thickness_m = 0.002;
    bool perfect_conductor = true;
    double focal_z_m = 1.5;
    double focal_x_min_m = 5, focal_x_max_m = 35, focal_y_min_m = 5, focal_y_max_m = 35;
    int orient_to_ap = 0;                 // the AP whose direction sets the bisector normal
    double max_tilt_deg = 80;             // refuse plates tilted further from the wall normal
};

struct MethodSpec {
    std::string type;       // grid, gd, ga, pso, cmaes, refine, halving
    nlohmann::json params;  // validated per type (study_spec.cpp)
};

struct ComputeSpec {
    int workers = 2;
    double gpu_fraction = 0.0;
    double task_timeout_s = 600;
    int max_attempts = 3;
};

struct StudySpec {
    std::string name = "study";
    std::string source_file;  // the JSON file (for relative paths and messages)
    std::string scene_path;   // resolved against the study file's folder
    RadioSetup radio;
    MeasurementGridSpec grid;
    StudyMode mode = StudyMode::OneAp;
    int ap_count = 1;
    ObjectiveSpec objective;
    ApBounds bounds;
    std::optional<ReflectorSpec> reflector;
    std::vector<MethodSpec> methods;
    uint64_t seed = 4;
    ComputeSpec compute;
    nlohmann::json document;  // the JSON as given (after defaults are NOT applied)
};

StudyMode parse_study_mode(const std::string& text, int* ap_count);
std::string to_string(StudyMode mode, int ap_count);

// The unit of an objective's values by its metric ("p5", "coverage", ...) and combining ("best",
// "sum", "sinr"): "%" for coverage, "dB" for SINR (signal over interference plus noise), else dBm.
std::string objective_unit(std::string_view metric, std::string_view combine = "best");

// Parses and validates; throws InputError naming the file and the key path.
StudySpec parse_study(const nlohmann::json& document, const std::string& source_file);
StudySpec load_study(const std::string& path);
// Limits that depend on the whole study and that an editor may pass through while a study is
// being written (a grid larger than its max_points): checked before a run creates its store,
// not by parse_study. Throws InputError naming the file and the key ("methods[0].max_points").
void check_study_size(const StudySpec& spec);
// The study's scene file exists: a missing one is named with the study file and its "scene" key
// (the scene loader alone said "nope.xml: file not found", not which file asked for it).
void check_scene_file(const StudySpec& spec);
// The document a run keeps in its store: the study as given, with the scene path made absolute
// so that the store alone is enough to resume, report and export. `rps sweep` compares it with
// a trial's to tell whether an existing study file belongs to that trial.
nlohmann::json stored_study_document(const StudySpec& spec);

}  // namespace rps
