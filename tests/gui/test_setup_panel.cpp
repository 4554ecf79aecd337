// The study set-up panel: a study shows and round-trips through the widgets, the presets apply
// the original framework's budgets, the live estimate follows the methods, method parameters
// parse, and a saved study loads back with its scene.
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QTemporaryDir>

#include "core/study/study_spec.hpp"
#include "gui_test_support.hpp"
#include "ui/layout_document.hpp"
#include "ui/methods_editor.hpp"
#include "ui/study_estimate.hpp"
#include "ui/study_run_controller.hpp"
#include "ui/study_setup_panel.hpp"

using namespace rps;

class SetupPanelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        path_ = test::sourcePath("scenes/office/office_2ap_reflector_study.json");
        spec_ = load_study(path_.toStdString());
    }

    void showsAndRoundTripsAStudy() {
        StudySetupPanel panel;
        panel.setStudy(spec_.document, spec_);
        const StudySpec again = parse_study(panel.study(), path_.toStdString());
        QCOMPARE(again.mode, spec_.mode);
        QCOMPARE(again.ap_count, 2);
        QCOMPARE(again.bounds.x_min_m, spec_.bounds.x_min_m);
        QCOMPARE(again.bounds.min_separation_m, spec_.bounds.min_separation_m);
        QVERIFY(again.reflector.has_value());
        QCOMPARE(again.reflector->top_left, spec_.reflector->top_left);
        QCOMPARE(again.methods.size(), spec_.methods.size());
        QCOMPARE(again.methods[1].params["population"].get<int>(), 40);
        QCOMPARE(again.compute.workers, spec_.compute.workers);
        QCOMPARE(again.radio.max_reflection_order, spec_.radio.max_reflection_order);
    }

    // Every mode a study may hold survives the panel (a 16-AP study once came back as 1 AP).
    void everyApCountRoundTrips() {
        for (int n : {1, 3, 5, 9, 16}) {
            nlohmann::json doc = spec_.document;
            doc["mode"] = std::to_string(n) + "ap";
            doc.erase("reflector");
            const StudySpec spec = parse_study(doc, path_.toStdString());
            StudySetupPanel panel;
            panel.setStudy(doc, spec);
            const StudySpec again = parse_study(panel.study(), path_.toStdString());
            QCOMPARE(again.ap_count, n);
        }
    }

    void presetsApplyTheOriginalBudgets() {
        StudySetupPanel panel;
        panel.setStudy(spec_.document, spec_);
        QSignalSpy edited(&panel, &StudySetupPanel::studyEdited);
        QVERIFY(panel.applyPreset(QStringLiteral("ga_100x20")));
        QVERIFY(edited.count() >= 1);
        const nlohmann::json doc = panel.study();
        QCOMPARE(doc["methods"].size(), size_t{1});
        QCOMPARE(doc["methods"][0]["type"].get<std::string>(), std::string("ga"));
        QCOMPARE(doc["methods"][0]["population"].get<int>(), 100);
        QCOMPARE(doc["mode"].get<std::string>(), std::string("1ap"));
        const StudySpec ga = parse_study(doc, path_.toStdString());
        panel.updateEstimate(ga);
        QCOMPARE(panel.estimatedMaps(), quint64{100 * 21 + 1});
        QVERIFY(panel.applyPreset(QStringLiteral("gd_80x30")));
        const StudySpec gd = parse_study(panel.study(), path_.toStdString());
        QCOMPARE(gd.methods[0].params["starts"].get<int>(), 80);
        QCOMPARE(gd.compute.workers, 4);
        QCOMPARE(gd.compute.gpu_fraction, 0.25);
        QCOMPARE(estimateStudy(gd).total, uint64_t{80 * 31 + 1});
        QVERIFY(panel.applyPreset(QStringLiteral("grid_1m")));
        const StudySpec grid = parse_study(panel.study(), path_.toStdString());
        QVERIFY(estimateStudy(grid).per_method.at(0) > 100);  // 30 x 30 points (x yaw steps)
    }

    void methodParametersParse() {
        QString error;
        const auto p =
            MethodsEditor::parseParameters(QStringLiteral("population=10, alpha=0.5"), &error);
        QCOMPARE(p["population"].get<int>(), 10);
        QCOMPARE(p["alpha"].get<double>(), 0.5);
        QVERIFY(MethodsEditor::parseParameters(QStringLiteral("population"), &error).is_null());
        QVERIFY(!error.isEmpty());
        QCOMPARE(MethodsEditor::formatParameters({{"type", "ga"}, {"generations", 3}}),
                 QStringLiteral("generations=3"));
    }

    void savedStudyLoadsWithItsScene() {
        QTemporaryDir dir;
        StudySetupPanel panel;
        panel.setStudy(spec_.document, spec_);
        const QString out = dir.filePath(QStringLiteral("sub/copy.json"));
        QDir().mkpath(dir.filePath(QStringLiteral("sub")));
        QString error;
        QVERIFY2(panel.saveTo(out, &error), qPrintable(error));
        const StudySpec copy = load_study(out.toStdString());
        QCOMPARE(QFileInfo(QString::fromStdString(copy.scene_path)).canonicalFilePath(),
                 QFileInfo(QString::fromStdString(spec_.scene_path)).canonicalFilePath());
    }

    void editsReachTheWindow() {
        MainWindow window;
        QVERIFY(test::openAndWait(window, path_));
        QCOMPARE(window.document()->layout().aps.size(), size_t{2});
        QVERIFY(window.setupPanel()->applyPreset(QStringLiteral("grid_1m")));  // 1 AP, no plate
        QTRY_COMPARE_WITH_TIMEOUT(window.project()->spec.ap_count, 1, 10000);
        QCOMPARE(window.document()->layout().aps.size(), size_t{1});
        window.mapService()->waitIdle(10000);
    }

    // Where studies run is a setting of the studio, not part of the study: choosing an MPI job
    // reaches the run controller, enables the launcher's fields, is remembered for the next
    // session and leaves the study document as it was.
    void computeTargetIsASettingNotPartOfTheStudy() {
        if (!StudyComputeTarget::mpiAvailable()) QSKIP("this build has no MPI (RPS_WITH_MPI off)");
        MainWindow window;
        QVERIFY(test::openAndWait(window, path_));
        StudySetupPanel* panel = window.setupPanel();
        const nlohmann::json before = panel->study();
        auto* run_on = panel->findChild<QComboBox*>(QStringLiteral("runOn"));
        auto* launcher = panel->findChild<QLineEdit*>(QStringLiteral("mpiLauncher"));
        auto* options = panel->findChild<QLineEdit*>(QStringLiteral("mpiOptions"));
        QVERIFY(run_on && launcher && options);
        QCOMPARE(run_on->currentData().toString(), QStringLiteral("local"));
        QVERIFY(!launcher->isEnabled());
        QSignalSpy changed(panel, &StudySetupPanel::computeTargetChanged);
        run_on->setCurrentIndex(run_on->findData(QStringLiteral("mpi")));
        QCOMPARE(changed.count(), 1);
        QVERIFY(launcher->isEnabled() && options->isEnabled());
        options->setText(QStringLiteral("--hostfile /cluster/hosts"));
        Q_EMIT options->editingFinished();
        const StudyComputeTarget target = window.runController()->computeTarget();
        QCOMPARE(target.kind, StudyComputeTarget::Kind::mpi);
        QCOMPARE(target.mpirun, QStringLiteral("mpirun"));
        QCOMPARE(target.mpirun_arguments, QStringLiteral("--hostfile /cluster/hosts"));
        QVERIFY(panel->study() == before);
        // The next session starts where this one left off.
        const StudyComputeTarget saved = StudyComputeTarget::fromSettings();
        QCOMPARE(saved.kind, StudyComputeTarget::Kind::mpi);
        QCOMPARE(saved.mpirun_arguments, target.mpirun_arguments);
        StudySetupPanel next;
        QCOMPARE(next.computeTarget().kind, StudyComputeTarget::Kind::mpi);
        run_on->setCurrentIndex(run_on->findData(QStringLiteral("local")));
        QCOMPARE(window.runController()->computeTarget().kind, StudyComputeTarget::Kind::local);
        QVERIFY(!launcher->isEnabled());
        QCOMPARE(StudyComputeTarget::fromSettings().kind, StudyComputeTarget::Kind::local);
    }

    // Set-up edits are not lost silently: the window is marked modified, closing it asks (and
    // stays open unless the answer is Save or Discard), and saving clears the mark.
    void unsavedEditsAreNotDiscardedSilently() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString copy = dir.filePath(QStringLiteral("study.json"));
        QVERIFY(QFile::copy(path_, copy));
        nlohmann::json doc = spec_.document;
        doc["scene"] = spec_.scene_path;  // absolute: the copy lives elsewhere
        QFile file(copy);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray::fromStdString(doc.dump(2)));
        file.close();
        MainWindow window;
        window.show();
        QVERIFY(test::openAndWait(window, copy));
        QVERIFY(!window.hasUnsavedStudyEdits());
        QVERIFY(window.setupPanel()->applyPreset(QStringLiteral("ga_100x20")));
        QVERIFY(window.hasUnsavedStudyEdits());
        QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")));
        {
            test::MessageBoxCloser closer;  // closes the question without an answer
            QVERIFY(!window.close());
            QCOMPARE(closer.texts.size(), 1);
            QVERIFY(closer.texts[0].contains(QStringLiteral("not saved")));
        }
        QVERIFY(window.isVisible());
        window.setupPanel()->saveStudy();
        QVERIFY(!window.hasUnsavedStudyEdits());
        QVERIFY(load_study(copy.toStdString()).methods.at(0).type == "ga");
        QVERIFY(window.close());
    }

private:
    QString path_;
    StudySpec spec_;
};

RPS_GUI_TEST_MAIN(SetupPanelTest, false)
#include "test_setup_panel.moc"
