// rps-studio: the desktop application (thin main over the rps_ui library, STYLE.md).
#include <QApplication>

#include <cstdio>
#include <cstdlib>
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
        std::cout << message.toStdString();
        return message.startsWith(QLatin1String("Usage")) ||
                       message.startsWith(QLatin1String("rps-studio"))
                   ? 0
                   : 64;
    }
    rps::StudioApp::installTranslations(app, studio.options().language);
    const int code = studio.exec();
    // As in rps_main.cpp: a study file that could not be closed (disk full) makes HDF5 crash in
    // its exit-time clean-up; the error has been shown, so leave without that clean-up.
    if (rps::StudyStore::left_a_file_unclosed()) {
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        std::_Exit(code);
    }
    return code;
}
