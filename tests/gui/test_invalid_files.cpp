// Files that cannot be opened give a dialog that says what is wrong and where (file and line),
// never a crash; the window stays usable afterwards.
#include <QAbstractButton>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QProcess>
#include <QScreen>
#include <QTemporaryDir>

#include "gui_test_support.hpp"
#include "ui/run_control_panel.hpp"

using namespace rps;

class InvalidFilesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        window_ = std::make_unique<MainWindow>();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void badSceneNamesFileAndLine() {
        const QString path = write(QStringLiteral("broken.xml"),
                                   "<?xml version=\"1.0\"?>\n"
                                   "<scene version=\"2.1.0\">\n"
                                   "  <bsdf type=\"itu-radio-material\" id=\"wall\">\n"
                                   "    <string name=\"type\" value=\"concrete\"/>\n"
                                   "    <float name=\"thickness\" value=\"0.2x\"/>\n"
                                   "  </bsdf>\n"
                                   "</scene>\n");
        const QString text = openExpectingDialog(path);
        QVERIFY2(text.contains(QStringLiteral("broken.xml:5")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("thickness")), qPrintable(text));
    }

    void malformedXmlNamesTheLine() {
        const QString path = write(QStringLiteral("malformed.xml"),
                                   "<?xml version=\"1.0\"?>\n<scene version=\"2.1.0\">\n"
                                   "  <shape type=\"rectangle\">\n</scene>\n");
        const QString text = openExpectingDialog(path);
        QVERIFY2(text.contains(QStringLiteral("malformed.xml")), qPrintable(text));
    }

    void missingFile() {
        const QString text = openExpectingDialog(dir_.filePath(QStringLiteral("nowhere.xml")));
        QVERIFY2(text.contains(QStringLiteral("nowhere.xml")), qPrintable(text));
    }

    void badStudyNamesTheKey() {
        const QString scene = test::sourcePath("scenes/l_hall/l_hall.xml");
        const QString path = write(QStringLiteral("study.json"),
                                   QStringLiteral("{\"scene\": \"%1\", \"mode\": \"1ap\",\n"
                                                  " \"methods\": [{\"type\": \"ga\", "
                                                  "\"populaton\": 10}]}\n")
                                       .arg(scene)
                                       .toUtf8());
        const QString text = openExpectingDialog(path);
        QVERIFY2(text.contains(QStringLiteral("populaton")), qPrintable(text));
    }

    void windowStillWorks() {
        QVERIFY(test::openAndWait(*window_, test::sourcePath("scenes/l_hall/l_hall.xml")));
        QVERIFY(window_->shownMap()->evaluation.valid);
    }

    // A study file whose folder moved: the scene beside it opens with it, no question asked;
    // with the scene not found (renamed) the window asks for it (Open, then the file dialog) and
    // opens the file with the scene chosen; a scene of another building is refused.
    void movedStudyFileFindsOrAsksForItsScene() {
        QDir(dir_.path()).mkpath(QStringLiteral("a"));
        const QString scene = test::sourcePath("scenes/l_hall/l_hall.xml");
        QVERIFY(QFile::copy(scene, dir_.filePath(QStringLiteral("a/l_hall.xml"))));
        write(QStringLiteral("a/study.json"),
              "{\"name\": \"moved\", \"scene\": \"l_hall.xml\", \"mode\": \"1ap\",\n"
              " \"radio\": {\"max_order\": 1},\n"
              " \"bounds\": {\"x_m\": [1, 19], \"y_m\": [1, 9], \"ap_z_m\": 3.0},\n"
              " \"methods\": [{\"type\": \"ga\", \"population\": 4, \"generations\": 1}]}\n");
        QProcess run;
        run.start(QStringLiteral(RPS_EXECUTABLE),
                  {QStringLiteral("run"), dir_.filePath(QStringLiteral("a/study.json")),
                   QStringLiteral("--out"), dir_.filePath(QStringLiteral("a/s.h5")),
                   QStringLiteral("--workers"), QStringLiteral("1")});
        QVERIFY(run.waitForFinished(60000));
        QCOMPARE(run.exitCode(), 0);
        QVERIFY(QDir(dir_.path()).rename(QStringLiteral("a"), QStringLiteral("b")));
        const QString store = dir_.filePath(QStringLiteral("b/s.h5"));
        {
            test::MessageBoxCloser closer;
            QVERIFY(test::openAndWait(*window_, store));
            QVERIFY2(closer.texts.isEmpty(), qPrintable(closer.texts.join(QLatin1Char('\n'))));
        }
        // Renamed: found neither where the study ran nor by its name beside the study file.
        const QString renamed = dir_.filePath(QStringLiteral("b/hall_renamed.xml"));
        QVERIFY(QFile::rename(dir_.filePath(QStringLiteral("b/l_hall.xml")), renamed));
        QStringList asked;
        QTimer answer;
        answer.setInterval(50);
        QObject::connect(&answer, &QTimer::timeout, [&] {
            QWidget* modal = QApplication::activeModalWidget();
            if (auto* box = qobject_cast<QMessageBox*>(modal)) {
                asked << box->text();
                if (QAbstractButton* open = box->button(QMessageBox::Open))
                    open->click();
                else
                    box->accept();
            } else if (auto* dialog = qobject_cast<QFileDialog*>(modal)) {
                // The file name typed, as a user would, then accepted.
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                if (name && name->text() != renamed) name->setText(renamed);
                if (dialog->selectedFiles().contains(renamed))
                    static_cast<QDialog*>(dialog)->done(QDialog::Accepted);  // public there
            }
        });
        answer.start();
        QVERIFY(test::openAndWait(*window_, store));
        answer.stop();
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.front().contains(QStringLiteral("not found (tried")),
                 qPrintable(asked.front()));
        QCOMPARE(window_->project()->spec.scene_path, renamed.toStdString());
        QVERIFY(window_->project()->stored != nullptr);

        const QString text = openWithScene(store, test::sourcePath("scenes/office/office.xml"));
        QVERIFY2(text.contains(QStringLiteral("not the one the study ran on")), qPrintable(text));
    }

    // A scene under 2 m across (one plate, as Sionna's simple_reflector) gets a default study
    // whose bounds do not turn over ("lower bound above upper bound" refused it before).
    void tinySceneOpens() {
        const QString path =
            write(QStringLiteral("plate.xml"),
                  "<scene version=\"2.1.0\">\n"
                  "  <bsdf type=\"itu-radio-material\" id=\"metal\">\n"
                  "    <string name=\"type\" value=\"metal\"/>\n  </bsdf>\n"
                  "  <shape type=\"rectangle\" id=\"plate\">\n"
                  "    <transform name=\"to_world\"><scale value=\"0.5\"/>"
                  "<rotate x=\"1\" angle=\"90\"/><translate z=\"1.5\"/></transform>\n"
                  "    <ref id=\"metal\"/>\n  </shape>\n</scene>\n");
        const QString dialogs = openExpectingLoad(path);
        QVERIFY2(dialogs.isEmpty(), qPrintable(dialogs));
        const auto& bounds = window_->project()->study_json["bounds"];
        // x: the 1 m plate drawn in by a quarter from each end; y: its plane, no width.
        QCOMPARE(bounds["x_m"][1].get<double>() - bounds["x_m"][0].get<double>(), 0.5);
        QCOMPARE(bounds["y_m"][1].get<double>(), bounds["y_m"][0].get<double>());
    }

    // A study JSON that leaves out its bounds gets the office example's (x, y 5.5 .. 34.5 m,
    // 3.8 m high): on the 20 m L hall with 3.5 m walls the log says so, naming the keys, as
    // rps run does (core/study/bounds_warnings.hpp).
    void studyWithOfficeBoundsOnTheHallWarns() {
        const QString path = write(QStringLiteral("hall_defaults.json"),
                                   QByteArray("{\"name\": \"hall\", \"scene\": \"") +
                                       test::sourcePath("scenes/l_hall/l_hall.xml").toUtf8() +
                                       "\", \"radio\": {\"antenna\": \"iso\", \"max_order\": 1},"
                                       " \"methods\": [{\"type\": \"grid\"}]}");
        const QString dialogs = openExpectingLoad(path);
        QVERIFY2(dialogs.isEmpty(), qPrintable(dialogs));
        const QString log = window_->runPanel()->logText();
        for (const char* part : {"bounds.x_m: [5.5, 34.5] m reaches 14.50 m beyond", "bounds.y_m",
                                 "bounds.ap_z_m: 3.8 m is 0.30 m above"})
            QVERIFY2(log.contains(QLatin1String(part)), qPrintable(log));
    }

    // A long failure wraps in the run panel: it once widened the dock, and with it the window,
    // past the screen (and the size was saved for the next start).
    void longMessageKeepsTheWindowOnTheScreen() {
        const int screen_width = window_->screen()->availableGeometry().width();
        const QString path = QStringLiteral("/a/long/path/to/a/study/file/") +
                             QString(QLatin1Char('x')).repeated(300) + QStringLiteral(".h5");
        window_->runPanel()->setRunState(RunControlPanel::RunState::Failed,
                                         (path + QLatin1Char(' ')).repeated(10));
        QTest::qWait(200);
        QVERIFY2(window_->width() <= screen_width,
                 qPrintable(QStringLiteral("%1 > %2").arg(window_->width()).arg(screen_width)));
        window_->runPanel()->setRunState(RunControlPanel::RunState::Idle);
    }

    void cleanupTestCase() { window_.reset(); }

private:
    QString write(const QString& name, const QByteArray& text) {
        const QString path = dir_.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return path;
    }

    // Opens a file that must load; empty, or the text of the dialogs shown instead.
    QString openExpectingLoad(const QString& path) {
        test::MessageBoxCloser closer;
        QSignalSpy loaded(window_.get(), &MainWindow::projectLoaded);
        window_->openFile(path);
        if (!loaded.wait(10000))
            return QStringLiteral("(no projectLoaded signal) ") +
                   closer.texts.join(QLatin1Char('\n'));
        return closer.texts.join(QLatin1Char('\n'));
    }

    QString openExpectingDialog(const QString& path) {
        test::MessageBoxCloser closer;
        QSignalSpy failed(window_.get(), &MainWindow::loadFailed);
        window_->openFile(path);
        if (!failed.wait(10000)) return QStringLiteral("(no loadFailed signal)");
        for (int i = 0; i < 100 && closer.texts.isEmpty(); ++i) QTest::qWait(50);
        if (!window_->isVisible()) return QStringLiteral("(window gone)");
        return closer.texts.join(QLatin1Char('\n'));
    }

    // Opens a study file with the scene given; the text of the dialogs that follow (the
    // question to locate another scene declined, then the error).
    QString openWithScene(const QString& store, const QString& scene) {
        test::MessageBoxCloser closer;
        QSignalSpy failed(window_.get(), &MainWindow::loadFailed);
        window_->openStoreWithScene(store, scene);
        if (!failed.wait(10000)) return QStringLiteral("(no loadFailed signal)");
        for (int i = 0; i < 100 && closer.texts.size() < 2; ++i) QTest::qWait(50);
        return closer.texts.join(QLatin1Char('\n'));
    }

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
};

RPS_GUI_TEST_MAIN(InvalidFilesTest, false)
#include "test_invalid_files.moc"
