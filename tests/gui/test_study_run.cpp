// A small study on a real pool of 2 `rps worker` processes, end to end through the window: every
// live plot receives data, the results table fills, the best map arrives, compare and both report
// exports produce what they should, the best configuration exports as `rps export --best` writes
// it (JSON and a loadable scene), the window's picture is not blank, and the study file reopens
// with the same tasks.
#include <QFile>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>

#include "core/scene/scene_loader.hpp"
#include "gui_test_support.hpp"
#include "ui/compare_dialog.hpp"
#include "ui/live_plots_panel.hpp"
#include "ui/results_panel.hpp"
#include "ui/results_table_model.hpp"
#include "ui/run_control_panel.hpp"
#include "ui/study_results.hpp"
#include "ui/study_run_controller.hpp"

using namespace rps;

class StudyRunTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        window_ = std::make_unique<MainWindow>();
        window_->setQuietErrors(true);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        window_->runController()->setStoreDirectory(dir_.filePath(QStringLiteral("studies")));
        QVERIFY(test::openAndWait(*window_, studyPath()));
    }

    void runsOnTwoWorkers() {
        QCOMPARE(window_->project()->spec.compute.workers, 2);
        QSignalSpy finished(window_.get(), &MainWindow::studyFinished);
        QVERIFY(window_->startStudy());
        QVERIFY(window_->runController()->running());
        QVERIFY(finished.wait(55000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(window_->runPanel()->runState(), RunControlPanel::RunState::Finished);
        QCOMPARE(window_->runPanel()->workerRowCount(), 2);
        QVERIFY(QFile::exists(window_->runController()->storePath()));
        best_ = window_->results()->bestObjective();
    }

    void everyLivePlotHasData() {
        StudyResults* results = window_->results();
        QVERIFY(results->taskCount() > 5);
        QVERIFY(results->hasBest());
        QTRY_VERIFY_WITH_TIMEOUT(
            results->bestMap().size() == window_->project()->evaluator->grid().cell_count(), 10000);
        LivePlotsPanel* plots = window_->livePlots();
        plots->flush();
        for (const QString& name : LivePlotsPanel::plotNames())
            QVERIFY2(plots->dataCount(name) > 0, qPrintable(name + QStringLiteral(" has no data")));
    }

    void resultsTableFills() {
        ResultsPanel* panel = window_->resultsPanel();
        QCOMPARE(panel->model()->rowCount(), window_->results()->taskCount());
        QCOMPARE(panel->proxy()->rowCount(), window_->results()->taskCount());
        QSignalSpy selected(panel, &ResultsPanel::layoutSelected);
        panel->selectViewRow(0);
        QCOMPARE(selected.count(), 1);
    }

    void compareWinners() {
        QList<quint64> ids;
        for (const TaskRow& row : window_->results()->tasks())
            if (row.status == QLatin1String("ok") && !row.best_x.empty() && ids.size() < 3)
                ids << row.task_id;
        CompareDialog* dialog = window_->compareTasks(ids);
        QVERIFY(dialog);
        QCOMPARE(dialog->mapCount(), 3);
        QVERIFY(dialog->differenceMapCount() >= 1);
        QCOMPARE(dialog->cdfCurveCount(), 3);
        QCOMPARE(dialog->metricsRowCount(), 3);
        const QString image = dir_.filePath(QStringLiteral("compare.png"));
        QVERIFY(dialog->exportImage(image));
        QVERIFY(QImage(image).width() > 100);
        dialog->close();
    }

    void reportPdfAndHtml() {
        const QString pdf = dir_.filePath(QStringLiteral("report.pdf"));
        const QString html = dir_.filePath(QStringLiteral("report.html"));
        QString error;
        QVERIFY2(window_->exportReport(pdf, true, &error), qPrintable(error));
        QVERIFY2(window_->exportReport(html, false, &error), qPrintable(error));
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(p.read(4) == "%PDF");
        QVERIFY2(p.size() > 10 * 1024, qPrintable(QString::number(p.size())));
        QFile h(html);
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(h.readAll());
        const QString best = QString::number(window_->results()->bestObjective(), 'f', 2);
        QVERIFY2(text.contains(best), qPrintable(best));
        QVERIFY(text.contains(QStringLiteral("<img")));
        // The title names the study once ("Study report: Study report: ..." before).
        QVERIFY(!text.contains(QStringLiteral("Study report: Study report")));
        QVERIFY(text.contains(QStringLiteral("<title>Study report: ")));
    }

    // The best configuration: the JSON names the best layout and its objective, the scene XML
    // reloads with its plate (none in a 1-AP study), and both are what `rps export --best`
    // writes for the study file.
    void bestConfigurationExports() {
        const QString dir = dir_.filePath(QStringLiteral("best"));
        QString error;
        QVERIFY2(window_->exportBestConfiguration(dir, &error), qPrintable(error));
        QFile j(QDir(dir).filePath(QStringLiteral("best_layout.json")));
        QVERIFY(j.open(QIODevice::ReadOnly));
        const auto doc = nlohmann::json::parse(j.readAll().toStdString());
        QCOMPARE(doc["format"].get<std::string>(), std::string("rps-best-layout"));
        QCOMPARE(doc["layout"]["aps"].size(), size_t{1});
        QVERIFY(std::abs(doc["objective"]["value"].get<double>() -
                         window_->results()->bestObjective()) < 1e-9);
        const Scene scene =
            load_scene(QDir(dir).filePath(QStringLiteral("best_scene.xml")).toStdString());
        const bool plate = window_->project()->spec.reflector.has_value();
        QCOMPARE(doc.contains("plate"), plate);
        QCOMPARE(scene.shapes.size(),
                 window_->project()->scene->shapes.size() + (plate ? 1 : 0));

        // What `rps export --best` writes for the study file, less its map images.
        const QString cli = dir_.filePath(QStringLiteral("best_cli"));
        QProcess rps;
        rps.start(QStringLiteral(RPS_EXECUTABLE),
                  {QStringLiteral("export"), window_->runController()->storePath(),
                   QStringLiteral("--best"), QStringLiteral("--out"), cli});
        QVERIFY(rps.waitForFinished(30000));
        QCOMPARE(rps.exitCode(), 0);
        QFile c(QDir(cli).filePath(QStringLiteral("best_layout.json")));
        QVERIFY(c.open(QIODevice::ReadOnly));
        auto cli_doc = nlohmann::json::parse(c.readAll().toStdString());
        cli_doc.erase("maps");
        QCOMPARE(QString::fromStdString(doc.dump(2)), QString::fromStdString(cli_doc.dump(2)));
        QFile x(QDir(dir).filePath(QStringLiteral("best_scene.xml")));
        QFile cx(QDir(cli).filePath(QStringLiteral("best_scene.xml")));
        QVERIFY(x.open(QIODevice::ReadOnly) && cx.open(QIODevice::ReadOnly));
        QCOMPARE(x.readAll(), cx.readAll());
    }

    void screenshotIsNotBlank() {
        const QImage shot = window_->snapshot();
        QVERIFY(shot.width() > 600);
        const int colours = test::distinctColours(shot);
        QVERIFY2(colours > 50, qPrintable(QString::number(colours)));
        QVERIFY(shot.save(dir_.filePath(QStringLiteral("window.png"))));
    }

    void studyFileReopens() {
        const int tasks = window_->results()->taskCount();
        const double best = window_->results()->bestObjective();
        QVERIFY(test::openAndWait(*window_, window_->runController()->storePath()));
        QCOMPARE(window_->results()->taskCount(), tasks);
        QCOMPARE(window_->results()->bestObjective(), best);
        // The plan shows the stored best layout and its map.
        QVERIFY(std::abs(window_->shownMap()->evaluation.objective - best) < 1e-6);
    }

    // Cancel a fresh run after its first task, resume it from its file: the same best as the
    // uninterrupted run (the runner is deterministic and replays finished tasks from the file).
    void cancelThenResumeFromTheFile() {
        QSignalSpy finished(window_.get(), &MainWindow::studyFinished);
        QVERIFY(startAndCancelAfterFirstTask(finished));
        QCOMPARE(window_->runPanel()->runState(), RunControlPanel::RunState::Cancelled);
        const QString store = window_->runController()->storePath();
        window_->resumeStudy(store);
        QVERIFY(finished.wait(55000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(window_->runController()->storePath(), store);
        QCOMPARE(window_->results()->bestObjective(), best_);
    }

    // A study file left unfinished, opened again: the window says so, and Start Study finishes
    // that file (automation's answer to the question) instead of starting over in a new one.
    // The cancelled run's workers read "stopped", not "busy".
    void openedUnfinishedFileStartResumesIt() {
        QSignalSpy finished(window_.get(), &MainWindow::studyFinished);
        QVERIFY(startAndCancelAfterFirstTask(finished));
        for (int row = 0; row < window_->runPanel()->workerRowCount(); ++row)
            QCOMPARE(window_->runPanel()->workerStateText(row),
                     RunControlPanel::stateName(WorkerState::stopped));
        const QString store = window_->runController()->storePath();
        const QDir studies(QFileInfo(store).absolutePath());
        const int files = studies.entryList(QDir::Files).size();
        QVERIFY(test::openAndWait(*window_, store));
        QVERIFY2(window_->runPanel()->stateText().contains(QStringLiteral("unfinished")),
                 qPrintable(window_->runPanel()->stateText()));
        QVERIFY(window_->startStudy());
        QVERIFY(finished.wait(55000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(window_->runController()->storePath(), store);
        QCOMPARE(studies.entryList(QDir::Files).size(), files);  // no new study file
        QCOMPARE(window_->results()->bestObjective(), best_);
        QVERIFY(test::openAndWait(*window_, store));
        QVERIFY2(window_->runPanel()->stateText().contains(QStringLiteral("finished")),
                 qPrintable(window_->runPanel()->stateText()));
    }

    // Pause before the workers take anything: nothing runs until resume, then the study ends
    // with the same best.
    void pauseHoldsTheQueue() {
        QSignalSpy finished(window_.get(), &MainWindow::studyFinished);
        QVERIFY(window_->startStudy());
        window_->runController()->pause();
        QCOMPARE(window_->runPanel()->runState(), RunControlPanel::RunState::Paused);
        QTest::qWait(1500);
        QVERIFY(window_->runController()->running());
        QCOMPARE(finished.count(), 0);
        QVERIFY(window_->results()->taskCount() <= 2);  // at most what was already dispatched
        window_->runController()->resume();
        QVERIFY(finished.wait(55000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(window_->results()->bestObjective(), best_);
    }

    void cleanupTestCase() { window_.reset(); }

private:
    // Opens the study, starts it and cancels it after its first task (finished: the window's
    // studyFinished, watched by the caller); false when a step did not happen.
    bool startAndCancelAfterFirstTask(QSignalSpy& finished) {
        if (!test::openAndWait(*window_, studyPath())) return false;
        QSignalSpy added(window_->results(), &StudyResults::taskAdded);
        if (!window_->startStudy() || !added.wait(30000)) return false;
        window_->runController()->cancel();
        return finished.wait(30000) && !finished.last().at(0).toBool();
    }

    QString studyPath() {
        const QString shipped = test::sourcePath("scenes/l_hall/l_hall_1ap_study.json");
        if (QFile::exists(shipped)) return shipped;
        const QString own = dir_.filePath(QStringLiteral("l_hall_study.json"));
        QFile file(own);
        file.open(QIODevice::WriteOnly);
        file.write(
            QStringLiteral("{\"name\": \"l_hall_test\", \"scene\": \"%1\", \"mode\": \"1ap\",\n"
                           " \"bounds\": {\"x_m\": [1.5, 18.5], \"y_m\": [1.5, 8.5]},\n"
                           " \"methods\": [{\"type\": \"grid\", \"resolution_m\": 2.0, "
                           "\"yaw_steps\": 4, \"chunk\": 16},\n"
                           "             {\"type\": \"ga\", \"population\": 8, \"generations\": 3, "
                           "\"chunk\": 4}],\n"
                           " \"seed\": 4, \"compute\": {\"workers\": 2}}\n")
                .arg(test::sourcePath("scenes/l_hall/l_hall.xml"))
                .toUtf8());
        return own;
    }

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    double best_ = 0.0;
};

RPS_GUI_TEST_MAIN(StudyRunTest, false)
#include "test_study_run.moc"
