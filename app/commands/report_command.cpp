// rps report STUDY.h5 --out FILE.html|FILE.pdf [--title TEXT]: the study report that rps-studio's
// File > Export writes for a study file, from the command line (ui/stored_study_report.hpp).
// It renders with Qt Widgets, so it is the one command that creates a QApplication, and only
// when it runs: without a display it uses Qt's offscreen platform. Without the studio
// (RPS_BUILD_GUI=OFF) the command is there but says it is unavailable.
#include <iostream>
#include <memory>
#include <string>

#include "app/commands/report_commands.hpp"
#include "core/common/error.hpp"

#ifdef HAVE_RPS_UI
#include <QApplication>

#include "ui/display_environment.hpp"
#include "ui/stored_study_report.hpp"
#endif

namespace rps::cli {
namespace {

struct ReportOptions {
    std::string file, out, title, scene;
};

#ifdef HAVE_RPS_UI
int write_report(const ReportOptions& o) {
    const QString out = QString::fromStdString(o.out);
    // A wrong extension or a missing folder fails before anything is loaded or rendered, and a
    // bad study file before Qt's GUI starts.
    QString error;
    const auto format = StoredStudyReport::checkOutput(out, &error);
    if (!format) throw InputError({}, error.toStdString());
    StoredStudyReport report;
    if (!report.open(QString::fromStdString(o.file), &error, QString::fromStdString(o.scene)))
        throw InputError({}, error.toStdString());

    useOffscreenPlatformWithoutDisplay();
    static int argc = 1;
    static char name[] = "rps";
    static char* argv[] = {name, nullptr};
    QApplication app(argc, argv);
    if (!report.write(out, *format, QString::fromStdString(o.title), &error))
        throw InputError({}, error.toStdString());
    std::cout << "wrote " << o.out << "\n";
    return kExitOk;
}
#else
int write_report(const ReportOptions&) {
    std::cerr << "rps: error: rps report is unavailable: this rps was built without the studio "
                 "(configure with -DRPS_BUILD_GUI=ON)\n";
    return kExitFailure;
}
#endif

}  // namespace

void register_report(CLI::App& app, CommandAction& action) {
    auto o = std::make_shared<ReportOptions>();
    auto* command = app.add_subcommand(
        "report", "Write a study file's report (HTML or PDF) as rps-studio does");
    command->footer(
        "The report rps-studio's File > Export writes for the study file: a picture of the plan "
        "view with the best layout and its map, the set-up, the best layout, the map, the plots "
        "(histogram, convergence, explored positions, workers), statistics and timing. Needs no "
        "display: without DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM it renders with Qt's "
        "offscreen platform. Exit codes: 0 written, 2 bad study file or output (named), 1 "
        "internal error.");
    command->add_option("STUDY", o->file, "Study file written by rps run (.h5)")->required();
    command->add_option("--out", o->out, "The report: FILE.html (images embedded) or FILE.pdf")
        ->required();
    command->add_option("--title", o->title, "Report title (default: the study's name)");
    command->add_option("--scene", o->scene,
                        "The study's scene, when it is neither where the study ran nor beside "
                        "the study file");
    command->callback([&action, o] { action = [o] { return write_report(*o); }; });
}

}  // namespace rps::cli
