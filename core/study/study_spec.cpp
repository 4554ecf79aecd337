#include "core/study/study_spec.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "core/common/units.hpp"
#include "core/engine/cell_mask.hpp"
#include "core/metrics/combine_maps.hpp"
#include "core/study/file_name_field.hpp"
#include "core/study/grid_axes.hpp"
#include "core/study/json_reader.hpp"
#include "core/study/method_params.hpp"

namespace rps {
namespace {

// Limits that involve two parameters of a method; checked here so that a study fails before its
// store exists, naming the file and the key (not mid-run, deep in the optimiser).
void validate_method_limits(const JsonReader& r, const std::string& type) {
    nlohmann::json p = method_defaults(type);
    p.update(r.value());
    if (type == "ga" && p.at("elite").get<int>() >= p.at("population").get<int>())
        r.fail("elite", "must be smaller than population (" +
                            std::to_string(p.at("population").get<int>()) + ")");
}

// Every key of the method must be in its parameter table (method_params.cpp), within range.
void validate_method(const JsonReader& r, const std::string& type) {
    const std::vector<MethodParam>& params = method_params(type);
    if (params.empty()) {
        std::string known;
        for (const std::string& t : method_types()) known += (known.empty() ? "" : ", ") + t;
        r.fail("type", "unknown method '" + type + "' (known: " + known + ")");
    }
    for (const auto& [key, unused] : r.value().items()) {
        (void)unused;
        if (key == "type") continue;
        const MethodParam* param = nullptr;
        for (const MethodParam& p : params)
            if (key == p.key) param = &p;
        if (!param) {
            std::vector<const char*> allowed = {"type"};
            for (const MethodParam& p : params) allowed.push_back(p.key);
            r.allow_only_list(allowed);  // reports the unknown key with a hint
        }
        // allow_only_list() threw for a key that matched no parameter.
        // NOLINTNEXTLINE(clang-analyzer-core.NullDereference)
        if (param->integer)
            r.integer(param->key, static_cast<int>(param->default_value),
                      static_cast<int>(param->min), static_cast<int>(param->max));
        else
            r.number(param->key, param->default_value, param->min, param->max);
    }
}

Vec3 vec3(const std::vector<double>& v) { return Vec3(v[0], v[1], v[2]); }

// grid.exclude: an array of areas, each a rectangle [x_min, y_min, x_max, y_max] or a polygon
// [[x, y], [x, y], [x, y], ...].
std::vector<Polygon2d> read_excluded_areas(const JsonReader& grid) {
    const nlohmann::json& areas = grid.value().at("exclude");
    if (!areas.is_array()) grid.fail("exclude", "expected an array of areas");
    std::vector<Polygon2d> result;
    for (size_t i = 0; i < areas.size(); ++i) {
        const std::string key = "exclude[" + std::to_string(i) + "]";
        const nlohmann::json& area = areas[i];
        const auto finite = [](const nlohmann::json& v) {
            return v.is_number() && std::isfinite(v.get<double>());
        };
        const bool rectangle = area.is_array() && area.size() == 4 &&
                               std::all_of(area.begin(), area.end(), finite);
        Polygon2d polygon;
        if (rectangle) {
            const double x0 = area[0], y0 = area[1], x1 = area[2], y1 = area[3];
            if (!(x0 < x1 && y0 < y1))
                grid.fail(key, "a rectangle is [x_min, y_min, x_max, y_max] with min < max");
            polygon = rectangle_polygon(x0, y0, x1, y1);
        } else {
            const bool points =
                area.is_array() && std::all_of(area.begin(), area.end(), [&](const auto& p) {
                    return p.is_array() && p.size() == 2 && finite(p[0]) && finite(p[1]);
                });
            if (!points)
                grid.fail(key,
                          "expected a rectangle [x_min, y_min, x_max, y_max] or a polygon "
                          "[[x, y], [x, y], [x, y], ...] (metres)");
            for (const auto& p : area) polygon.push_back({p[0].get<double>(), p[1].get<double>()});
        }
        try {
            check_polygon(polygon, "area");
        } catch (const std::invalid_argument& error) {
            grid.fail(key, error.what());
        }
        result.push_back(std::move(polygon));
    }
    return result;
}

}  // namespace

StudyMode parse_study_mode(const std::string& text, int* ap_count) {
    int count = 1;
    StudyMode mode;
    if (text == "1ap") {
        mode = StudyMode::OneAp;
    } else if (text == "2ap") {
        mode = StudyMode::TwoAp, count = 2;
    } else if (text == "2ap_reflector") {
        mode = StudyMode::TwoApReflector, count = 2;
    } else if (text.size() > 2 && text.substr(text.size() - 2) == "ap" &&
               text.find_first_not_of("0123456789") == text.size() - 2) {
        // At most two digits reach stoi: a longer count is out of range, not a stoi overflow.
        count = text.size() <= 4 ? std::stoi(text) : 0;
        if (count < 1 || count > 16) throw std::invalid_argument("mode '" + text + "': 1-16 APs");
        mode = StudyMode::MultiAp;
    } else {
        throw std::invalid_argument("unknown mode '" + text +
                                    "' (known: 1ap, 2ap, 2ap_reflector, Nap)");
    }
    if (ap_count) *ap_count = count;
    return mode;
}

std::string to_string(StudyMode mode, int ap_count) {
    switch (mode) {
        case StudyMode::OneAp: return "1ap";
        case StudyMode::TwoAp: return "2ap";
        case StudyMode::TwoApReflector: return "2ap_reflector";
        case StudyMode::MultiAp: return std::to_string(ap_count) + "ap";
    }
    return "?";
}

std::string objective_unit(std::string_view metric, std::string_view combine) {
    if (metric == "coverage") return "%";
    return combine == "sinr" ? "dB" : "dBm";  // SINR maps hold dB of signal over interference+noise
}

StudySpec parse_study(const nlohmann::json& document, const std::string& source_file) {
    const JsonReader r(document, source_file);
    r.allow_only({"name", "description", "scene", "radio", "grid", "mode", "objective", "bounds",
                  "reflector", "methods", "seed", "compute"});
    StudySpec spec;
    spec.document = document;
    spec.source_file = source_file;
    spec.name = file_name_field(r, "name", "study");  // the default store is NAME.h5
    (void)r.string("description", "");                // free text, but text: read strictly
    const std::filesystem::path scene = r.string("scene");
    spec.scene_path = scene.is_absolute()
                          ? scene.string()
                          : (std::filesystem::path(source_file).parent_path() / scene).string();

    if (r.has("radio")) {
        const JsonReader radio = r.child("radio");
        radio.allow_only({"freq_hz", "power_dbm", "antenna", "polarization", "max_order",
                          "coherent", "transmission"});
        spec.radio.freq_hz = radio.number("freq_hz", 5.18e9, 1e6, 1e12);
        spec.radio.tx_power_dbm = radio.number("power_dbm", 5.0, -100, 100);
        try {
            spec.radio.antenna = parse_antenna_model(radio.string("antenna", "ap2x1"));
            spec.radio.polarization = parse_polarization(radio.string("polarization", "V"));
        } catch (const std::invalid_argument& error) {
            radio.fail("antenna", error.what());
        }
        spec.radio.max_reflection_order = radio.integer("max_order", 2, 0, 6);
        spec.radio.coherent = radio.boolean("coherent", false);
        spec.radio.transmission = radio.boolean("transmission", true);
    }
    if (r.has("grid")) {
        const JsonReader grid = r.child("grid");
        grid.allow_only({"cell_m", "height_m", "cell_samples", "origin_m", "size_m", "exclude"});
        spec.grid.cell_m = grid.number("cell_m", 1.0, 0.01, 100);
        spec.grid.height_m = grid.number("height_m", 1.5, -1e4, 1e4);
        spec.grid.samples_per_axis = grid.integer("cell_samples", 1, 1, 16);
        if (grid.has("origin_m")) {
            const auto o = grid.numbers("origin_m", 2);
            spec.grid.origin_x_m = o[0], spec.grid.origin_y_m = o[1];
        }
        if (grid.has("size_m")) {
            const auto s = grid.numbers("size_m", 2);
            spec.grid.size_x_m = s[0], spec.grid.size_y_m = s[1];
        }
        if (grid.has("exclude")) spec.grid.excluded_areas = read_excluded_areas(grid);
    }
    try {
        spec.mode = parse_study_mode(r.string("mode", "1ap"), &spec.ap_count);
    } catch (const std::invalid_argument& error) {
        r.fail("mode", error.what());
    }
    if (r.has("objective")) {
        const JsonReader o = r.child("objective");
        o.allow_only({"metric", "combine", "coverage_threshold_dbm", "softmin_temperature"});
        try {
            spec.objective.metric = parse_objective(o.string("metric", "p5"));
        } catch (const std::invalid_argument& error) {
            o.fail("metric", error.what());
        }
        try {
            spec.objective.combine = parse_combine_mode(o.string("combine", "best"));
        } catch (const std::invalid_argument& error) {
            o.fail("combine", error.what());
        }
        // SINR maps read dB of SINR: -100 would count every cell covered (a search on coverage
        // then compares 100 % with 100 %); 10 dB as `rps map --combine sinr` takes it.
        const double default_threshold = spec.objective.combine == CombineMode::Sinr
                                             ? kDefaultSinrCoverageThreshold_db
                                             : kDefaultCoverageThreshold_dbm;
        spec.objective.coverage_threshold_dbm =
            o.number("coverage_threshold_dbm", default_threshold, -300, 100);
        spec.objective.softmin_temperature =
            o.number("softmin_temperature", kDefaultSoftminTemperature, 1e-6, 100);
    }
    if (r.has("bounds")) {
        const JsonReader b = r.child("bounds");
        b.allow_only({"x_m", "y_m", "ap_z_m", "yaw_deg", "downtilt_deg", "min_ap_separation_m",
                      "optimise_direction", "fixed_yaw_deg", "fixed_downtilt_deg"});
        ApBounds& a = spec.bounds;
        const auto x = b.numbers("x_m", {a.x_min_m, a.x_max_m}, 2);
        const auto y = b.numbers("y_m", {a.y_min_m, a.y_max_m}, 2);
        const auto yaw = b.numbers("yaw_deg", {a.yaw_min_deg, a.yaw_max_deg}, 2);
        const auto tilt = b.numbers("downtilt_deg", {a.downtilt_min_deg, a.downtilt_max_deg}, 2);
        if (x[0] > x[1]) b.fail("x_m", "lower bound above upper bound");
        if (y[0] > y[1]) b.fail("y_m", "lower bound above upper bound");
        if (yaw[0] > yaw[1]) b.fail("yaw_deg", "lower bound above upper bound");
        if (tilt[0] > tilt[1] || tilt[0] < -90 || tilt[1] > 90)
            b.fail("downtilt_deg", "expected [lo, hi] within [-90, 90]");
        a.x_min_m = x[0], a.x_max_m = x[1], a.y_min_m = y[0], a.y_max_m = y[1];
        a.yaw_min_deg = yaw[0], a.yaw_max_deg = yaw[1];
        a.downtilt_min_deg = tilt[0], a.downtilt_max_deg = tilt[1];
        a.z_m = b.number("ap_z_m", 3.8, -1e4, 1e4);
        a.min_separation_m = b.number("min_ap_separation_m", 5.0, 0, 1e4);
        a.optimise_direction = b.boolean("optimise_direction", true);
        a.fixed_yaw_deg = b.number("fixed_yaw_deg", 0, -360, 360);
        a.fixed_downtilt_deg = b.number("fixed_downtilt_deg", 0, -90, 90);
    }
    if (spec.mode == StudyMode::TwoApReflector || r.has("reflector")) {
        ReflectorSpec refl;
        if (r.has("reflector")) {
            const JsonReader q = r.child("reflector");
            q.allow_only({"top_left", "bottom_right", "facing", "size_m", "thickness_m",
                          "perfect_conductor", "focal_z_m", "focal_x_m", "focal_y_m",
                          "orient_to_ap", "max_tilt_deg"});
            refl.top_left = vec3(q.numbers("top_left", {15, 34, 3}, 3));
            refl.bottom_right = vec3(q.numbers("bottom_right", {34, 34, 1}, 3));
            const Vec3 facing = vec3(q.numbers("facing", {0, -1, 0}, 3));
            if (facing.norm() < 1e-9) q.fail("facing", "must be a non-zero vector");
            refl.facing = facing.normalized();
            const auto size = q.numbers("size_m", {2, 2}, 2);
            if (size[0] <= 0 || size[1] <= 0) q.fail("size_m", "sizes must be > 0");
            refl.width_m = size[0], refl.height_m = size[1];
            refl.thickness_m = q.number("thickness_m", 0.002, 1e-6, 1);
            refl.perfect_conductor = q.boolean("perfect_conductor", true);
            refl.focal_z_m = q.number("focal_z_m", 1.5, -1e4, 1e4);
            const auto fx = q.numbers("focal_x_m", {5, 35}, 2);
            const auto fy = q.numbers("focal_y_m", {5, 35}, 2);
            refl.focal_x_min_m = fx[0], refl.focal_x_max_m = fx[1];
            refl.focal_y_min_m = fy[0], refl.focal_y_max_m = fy[1];
            refl.orient_to_ap = q.integer("orient_to_ap", 0, 0, 15);
            refl.max_tilt_deg = q.number("max_tilt_deg", 80, 0, 89.9);
        }
        if (refl.orient_to_ap >= spec.ap_count)
            r.fail("reflector.orient_to_ap", "names an AP the mode does not have");
        spec.reflector = refl;
    }
    if (!r.has("methods")) r.fail("methods", "missing required key (a list of methods)");
    const JsonReader methods(document.at("methods"), source_file, "methods");
    if (methods.size() == 0) r.fail("methods", "list at least one method");
    for (size_t i = 0; i < methods.size(); ++i) {
        const JsonReader m = methods.element(i);
        MethodSpec method{m.string("type"), m.value()};
        validate_method(m, method.type);
        validate_method_limits(m, method.type);
        spec.methods.push_back(method);
    }
    spec.seed = r.unsigned64("seed", 4);
    if (r.has("compute")) {
        const JsonReader c = r.child("compute");
        c.allow_only({"workers", "gpu_fraction", "task_timeout_s", "max_attempts"});
        spec.compute.workers = c.integer("workers", 2, 1, 1024);
        spec.compute.gpu_fraction = c.number("gpu_fraction", 0.0, 0.0, 1.0);
        spec.compute.task_timeout_s = c.number("task_timeout_s", 600, 0.1, 1e6);
        spec.compute.max_attempts = c.integer("max_attempts", 3, 1, 100);
    }
    return spec;
}

StudySpec load_study(const std::string& path) { return parse_study(read_json_file(path), path); }

nlohmann::json stored_study_document(const StudySpec& spec) {
    nlohmann::json doc = spec.document;
    doc["scene"] = std::filesystem::absolute(spec.scene_path).lexically_normal().string();
    return doc;
}

void check_scene_file(const StudySpec& spec) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(spec.scene_path, error))
        throw InputError({spec.source_file, 0, "scene"},
                         "scene file " + spec.scene_path + " not found");
}

void check_study_size(const StudySpec& spec) {
    const JsonReader methods(spec.document.at("methods"), spec.source_file, "methods");
    for (size_t i = 0; i < spec.methods.size(); ++i) {
        if (spec.methods[i].type != "grid") continue;
        nlohmann::json p = method_defaults("grid");
        p.update(spec.methods[i].params);
        // A double: 16 APs make counts beyond any integer type.
        const double count = grid_axes_point_count(grid_axes(LayoutSpace(spec), p));
        const int max_points = p.at("max_points").get<int>();
        if (count > max_points) {
            char points[32];
            std::snprintf(points, sizeof points, "%.15g", count);
            methods.element(i).fail(
                "max_points", std::string("the grid has ") + points +
                                  " points, more than max_points = " + std::to_string(max_points) +
                                  " (coarsen resolution_m or the *_steps, or raise max_points)");
        }
    }
}

}  // namespace rps
