#pragma once
// Helpers of the study tests: a temporary folder, cheap studies on the small L-shaped hall
// (scenes/l_hall, 2 m cells, reflection order 1, isotropic antenna) and a QCoreApplication.
#include <gtest/gtest.h>
#include <unistd.h>

#include <QCoreApplication>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "support/temp_dir.hpp"
#include "support/test_paths.hpp"

namespace rps::test {

inline QCoreApplication& qt_app() {
    static int argc = 1;
    static char name[] = "study_tests";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    return app;
}

using TempDir = rps::test::TempDir;

inline std::filesystem::path l_hall_scene() {
    return std::filesystem::absolute(source_dir() / "scenes" / "l_hall" / "l_hall.xml");
}

// A study on the south arm of the L hall (x 1..19, y 1..9), cheap settings.
inline nlohmann::json l_hall_study(const std::string& mode, nlohmann::json methods,
                                   bool directions = false, double cell_m = 2.0) {
    nlohmann::json study = {
        {"name", "l_hall_" + mode},
        {"scene", l_hall_scene().string()},
        {"radio", {{"antenna", "iso"}, {"max_order", 1}}},
        {"grid", {{"cell_m", cell_m}}},
        {"mode", mode},
        {"bounds",
         {{"x_m", {1, 19}},
          {"y_m", {1, 9}},
          {"optimise_direction", directions},
          {"min_ap_separation_m", 4.0}}},
        {"methods", std::move(methods)},
        {"seed", 11},
        {"compute", {{"workers", 2}, {"task_timeout_s", 60}}}};
    if (mode == "2ap_reflector")
        study["reflector"] = {{"top_left", {0, 1, 3}},
                              {"bottom_right", {0, 19, 1}},
                              {"facing", {1, 0, 0}},
                              {"focal_x_m", {1, 19}},
                              {"focal_y_m", {1, 19}}};
    return study;
}

inline std::filesystem::path write_json(const std::filesystem::path& path,
                                        const nlohmann::json& document) {
    std::ofstream out(path);
    out << document.dump(2) << "\n";
    return path;
}

}  // namespace rps::test

#ifdef RPS_EXECUTABLE
#include "runtime/study_runner.hpp"

namespace rps::test {

// Options for a run with `workers` workers of `program`, writing the store `store`.
inline StudyRunOptions run_options(const std::filesystem::path& store, int workers = 2,
                                   const std::string& program = RPS_EXECUTABLE) {
    StudyRunOptions options;
    options.rps_executable = program;
    options.store_path = store;
    options.workers = workers;
    return options;
}

// Runs a study document to its end with `workers` workers; the store goes into `dir`.
inline nlohmann::json run_study(const nlohmann::json& document, const std::filesystem::path& dir,
                                int workers, const std::string& store_name = "study.h5") {
    qt_app();
    const std::filesystem::path study_file = write_json(dir / "study.json", document);
    const StudySpec spec = load_study(study_file.string());
    StudyRunner runner;
    StudyRunOptions options = run_options(dir / store_name, workers);
    options.overwrite = true;
    return runner.run(spec, options);
}

}  // namespace rps::test
#endif
