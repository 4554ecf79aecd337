#include "ui/studio_app.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>
#include <iostream>

#include "ui/display_environment.hpp"
#include "ui/main_window.hpp"
#include "ui/map_service.hpp"
#include "ui/study_results.hpp"
#include "ui/study_run_controller.hpp"

// Resources of the static rps_ui library must be registered by name, outside any namespace.
static void initStudioResources() {
    Q_INIT_RESOURCE(rps);
    Q_INIT_RESOURCE(rps_translations);
}

namespace rps {

StudioApp::StudioApp(QApplication& app) : QObject(&app), app_(app) { initResources(); }

void StudioApp::initResources() { initStudioResources(); }

StudioApp::~StudioApp() { delete window_; }

void StudioApp::setIdentity() {
    QCoreApplication::setOrganizationName(QStringLiteral("ReflectorPlacementStudio"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("rps.example.org"));
    QCoreApplication::setApplicationName(QStringLiteral("rps-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RPS_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Reflector Placement Studio"));
    QGuiApplication::setDesktopFileName(QStringLiteral("rps-studio"));
}

bool StudioApp::displayAvailable() { return rps::displayAvailable(); }

QString StudioApp::headlessHint() {
    return QStringLiteral(
        "rps-studio needs a display (no DISPLAY or WAYLAND_DISPLAY is set).\n"
        "Without one, run studies from the command line:\n"
        "  rps run STUDY.json          run a study headless (progress bar, HDF5 result file)\n"
        "  rps show STUDY.h5           summarise its results (best layout, statistics)\n"
        "  rps export STUDY.h5 --best --out DIR   best layout, scene XML and maps\n"
        "  rps report STUDY.h5 --out REPORT.pdf   the studio's report (or REPORT.html)\n"
        "or give the studio a virtual display:\n"
        "  xvfb-run -a rps-studio STUDY.json --run --screenshot shot.png --quit\n");
}

QString StudioApp::installTranslations(QApplication& app, const QString& language) {
    QString lang = language;
    if (lang.isEmpty()) lang = QSettings().value(QStringLiteral("language")).toString();
    if (lang.isEmpty()) lang = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    if (lang == QLatin1String("en") || lang.isEmpty()) return QStringLiteral("en");
    auto* studio = new QTranslator(&app);
    if (!studio->load(QStringLiteral(":/translations/rps_%1.qm").arg(lang))) {
        delete studio;
        return QStringLiteral("en");
    }
    app.installTranslator(studio);
    auto* qt = new QTranslator(&app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(lang),
                 QLibraryInfo::location(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    QLocale::setDefault(QLocale(lang));
    return lang;
}

bool StudioApp::parse(const QStringList& arguments, QString* message) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Reflector Placement Studio: plan access points and reflector plates."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 tr("A scene (.xml), a study (.json) or a study result (.h5)."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption run(QStringLiteral("run"), tr("Start the loaded study."));
    const QCommandLineOption shot(QStringLiteral("screenshot"),
                                  tr("Save the window as FILE when the study finishes (at once "
                                     "without --run)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption running_shot(QStringLiteral("screenshot-running"),
                                          tr("Also save the window while the study runs (half "
                                             "of its tasks done)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption quit(QStringLiteral("quit"), tr("Exit afterwards."));
    const QCommandLineOption lang(
        QStringLiteral("lang"), tr("User interface language: en, de, fr."), QStringLiteral("LANG"));
    parser.addOptions({run, shot, running_shot, quit, lang});
    if (!parser.parse(arguments)) {
        if (message) *message = parser.errorText() + QLatin1Char('\n') + parser.helpText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        if (message) *message = parser.helpText();
        return false;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        if (message) *message = QStringLiteral("rps-studio %1\n").arg(QStringLiteral(RPS_VERSION));
        return false;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        if (message) *message = tr("Give at most one file.\n") + parser.helpText();
        return false;
    }
    options_.file = files.value(0);
    options_.run = parser.isSet(run);
    options_.screenshot = parser.value(shot);
    options_.screenshot_running = parser.value(running_shot);
    options_.quit = parser.isSet(quit);
    options_.language = parser.value(lang);
    // The languages the studio ships (translations/): another fell back to English unsaid.
    if (const QStringList known = {QStringLiteral("en"), QStringLiteral("de"),
                                   QStringLiteral("fr")};
        !options_.language.isEmpty() && !known.contains(options_.language)) {
        if (message)
            *message = tr("--lang %1: not one of %2.\n")
                           .arg(options_.language, known.join(QStringLiteral(", ")));
        return false;
    }
    if (options_.run && options_.file.isEmpty()) {
        if (message) *message = tr("--run needs a scene, study or result file.\n");
        return false;
    }
    return true;
}

int StudioApp::exec() {
    window_ = new MainWindow;
    window_->setQuietErrors(options_.quit);
    connect(window_, &MainWindow::projectLoaded, this, &StudioApp::onLoaded);
    connect(window_, &MainWindow::loadFailed, this, [this] {
        if (options_.quit) finish(2);
    });
    connect(window_, &MainWindow::studyFinished, this, &StudioApp::onStudyFinished);
    connect(window_->runController(), &StudyRunController::progressed, this,
            &StudioApp::onProgress);
    window_->show();
    if (!options_.file.isEmpty()) {
        window_->openFile(options_.file);
    } else if (!options_.screenshot.isEmpty()) {
        screenshotWhenSettled(options_.screenshot, 0);
    }
    return app_.exec();
}

void StudioApp::onLoaded() {
    if (options_.run) {
        if (!window_->startStudy() && options_.quit) finish(1);
        return;
    }
    if (!options_.screenshot.isEmpty()) screenshotWhenSettled(options_.screenshot, 0);
}

void StudioApp::onProgress(quint64 done, quint64 total) {
    if (options_.screenshot_running.isEmpty() || running_shot_taken_) return;
    if (total == 0 || done * 2 < total || window_->results()->taskCount() < 4) return;
    running_shot_taken_ = true;
    // Let the plots take the newest results before the picture.
    QTimer::singleShot(600, this, [this] {
        QString error;
        if (!window_->saveScreenshot(options_.screenshot_running, &error))
            std::cerr << "rps-studio: " << error.toStdString() << "\n";
    });
}

void StudioApp::onStudyFinished(bool ok) {
    if (!options_.run) return;
    if (!options_.screenshot.isEmpty())
        screenshotWhenSettled(options_.screenshot, ok ? 0 : 1);
    else if (options_.quit)
        finish(ok ? 0 : 1);
}

// Waits until the window is laid out and the plan's map (and the best map) are on screen.
void StudioApp::screenshotWhenSettled(const QString& path, int exit_code) {
    QTimer::singleShot(300, this, [this, path, exit_code] {
        window_->mapService()->waitIdle(5000);
        window_->runController()->bestMapService()->waitIdle(5000);
        QCoreApplication::processEvents();
        QTimer::singleShot(400, this, [this, path, exit_code] {
            QString error;
            const bool saved = window_->saveScreenshot(path, &error);
            if (!saved) std::cerr << "rps-studio: " << error.toStdString() << "\n";
            if (options_.quit) finish(saved ? exit_code : 3);
        });
    });
}

void StudioApp::finish(int exit_code) {
    QTimer::singleShot(0, &app_, [this, exit_code] {
        window_->close();
        app_.exit(exit_code);
    });
}

}  // namespace rps
