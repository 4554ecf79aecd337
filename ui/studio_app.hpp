#pragma once
// The rps-studio application around the main window: command line
//   rps-studio [SCENE.xml | STUDY.json | STUDY.h5] [--run] [--screenshot FILE.png]
//              [--screenshot-running FILE.png] [--quit] [--lang de|fr|en]
// translations (QTranslator, chosen by --lang or the saved setting), application identity for
// QSettings, and the automation used for tests and documentation pictures: --run starts the
// loaded study, --screenshot saves the window when the study finishes (at once, once the window
// is laid out and its map shown, without --run), --quit exits afterwards (errors then go to
// stderr and the exit code: 0 ok, 1 study failed, 2 file not opened, 3 screenshot not written).
#include <QObject>
#include <QString>

class QApplication;

namespace rps {

class MainWindow;

struct StudioOptions {
    QString file;
    bool run = false;
    QString screenshot;
    QString screenshot_running;  // taken once half of the estimated tasks are done
    bool quit = false;
    QString language;  // "" = saved setting, else system
};

class StudioApp : public QObject {
    Q_OBJECT
public:
    explicit StudioApp(QApplication& app);
    ~StudioApp() override;

    // Parses the command line; prints usage and returns false on --help or an error.
    bool parse(const QStringList& arguments, QString* message);
    // Shows the window and runs the event loop; returns the exit code.
    int exec();

    const StudioOptions& options() const { return options_; }
    MainWindow* window() const { return window_; }

    // Registers the library's resources (icons, presets, translations); done by the constructor.
    static void initResources();
    // Sets organisation and application names (QSettings) and the version.
    static void setIdentity();
    // Installs the studio's and Qt's translations for `language` ("de", "fr", "en"; "" = the
    // saved setting, else the system locale). Returns the language installed ("en" if none).
    static QString installTranslations(QApplication& app, const QString& language);
    // True when a window system is reachable (X11/Wayland display, or a QPA platform chosen).
    static bool displayAvailable();
    static QString headlessHint();

private:
    void onLoaded();
    void onStudyFinished(bool ok);
    void onProgress(quint64 done, quint64 total);
    void screenshotWhenSettled(const QString& path, int exit_code);
    void finish(int exit_code);

    QApplication& app_;
    StudioOptions options_;
    MainWindow* window_ = nullptr;
    bool running_shot_taken_ = false;
};

}  // namespace rps
