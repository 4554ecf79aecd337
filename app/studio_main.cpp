// rps-studio: the desktop application (thin main over the rps_ui library, STYLE.md).
#include <QApplication>
#include <iostream>

#include "core/store/study_store.hpp"
#include "ui/studio_app.hpp"

int main(int argc, char** argv) {
    if (!rps::StudioApp::displayAvailable()) {
        std::cerr << rps::StudioApp::headlessHint().toStdString();
        return 4;
    }
    rps::StudioApp::setIdentity();
    QApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    rps::StudioApp studio(app);
    QString message;
    if (!studio.parse(app.arguments(), &message)) {
        // --help and --version answer on stdout with 0; a bad option is an error like a bad
        // file: stderr, exit 2 (README), as rps does.
        const bool asked = message.startsWith(QLatin1String("Usage")) ||
                           message.startsWith(QLatin1String("rps-studio"));
        (asked ? std::cout : std::cerr) << message.toStdString();
        return asked ? 0 : 2;
    }
    rps::StudioApp::installTranslations(app, studio.options().language);
    // As in rps_main.cpp: after a study file could not be closed (disk full), leave without
    // HDF5's exit-time clean-up, which would crash on it.
    return rps::StudyStore::exit_code(studio.exec());
}
