// A grid study's coordinator memory does not grow with the number of grid points: it walks the
// grid as the workers ask for tasks, instead of listing every point, a set of them and every
// task payload before the first task (which cost ~650 B a point: 1 GB for 1.5 M points).
#include <gtest/gtest.h>

#include <QObject>
#include <fstream>
#include <string>

#include "study_test_support.hpp"

namespace rps {
namespace {

using nlohmann::json;

// Peak resident memory of this process so far (VmHWM), in MiB; -1 when unknown.
double peak_rss_mib() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
    return -1.0;
}

TEST(StudyGridMemory, CoordinatorPeakBeforeTheFirstResultDoesNotGrowWithTheGrid) {
    // 181 x 81 positions x 8 yaws x 3 downtilts = 351 864 points (~220 MiB when listed).
    const json methods = {{{"type", "grid"},
                           {"resolution_m", 0.1},
                           {"yaw_steps", 8},
                           {"downtilt_steps", 3},
                           {"max_points", 400000}}};
    const json doc = test::l_hall_study("1ap", methods, /*directions=*/true);
    test::qt_app();
    test::TempDir dir;
    const StudySpec spec = load_study(test::write_json(dir.path() / "study.json", doc).string());
    const double before = peak_rss_mib();
    if (before < 0) GTEST_SKIP() << "no /proc/self/status";

    StudyRunner runner;
    double at_first_result = -1.0;
    // Emitted in this thread (run() drives the study here): the peak so far, then stop.
    QObject::connect(&runner, &StudyRunner::taskFinished, [&](const StudyTaskEvent&) {
        if (at_first_result >= 0) return;
        at_first_result = peak_rss_mib();
        runner.cancel();
    });
    StudyRunOptions options = test::run_options(dir.path() / "study.h5", 1);
    EXPECT_THROW(runner.run(spec, options), StudyError);
    ASSERT_GE(at_first_result, 0.0) << "no task finished";
    // A bound far below the listed grid, far above the noise (the store, Qt, the pool).
    EXPECT_LT(at_first_result - before, 48.0) << "peak " << before << " MiB before the run, "
                                              << at_first_result << " MiB at the first result";
}

}  // namespace
}  // namespace rps
