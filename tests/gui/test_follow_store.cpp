// A study file that another process is writing (an `rps run` in a terminal, a job on a cluster)
// opens in the studio and is followed live (ui/store_follower.hpp): its tasks appear as they are
// stored, the following ends when the run finishes it, with every task and the run's best, bit
// for bit; a writer killed mid-run ends the following, and Start Study then resumes the file to
// the uninterrupted run's best. A finished file, or one nobody writes, is not followed.
#include <signal.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <cstring>

#include "core/store/study_store.hpp"
#include "gui_test_support.hpp"
#include "ui/run_control_panel.hpp"
#include "ui/store_follower.hpp"
#include "ui/study_results.hpp"
#include "ui/study_run_controller.hpp"

using namespace rps;

namespace {

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Tasks stored so far, 0 while the file is not there or not readable yet.
std::size_t storedTasks(const QString& path) {
    try {
        return StudyStore::read(path.toStdString()).tasks.size();
    } catch (const std::exception&) {
        return 0;
    }
}

}  // namespace

class FollowStoreTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        writeStudy();
        window_ = std::make_unique<MainWindow>();
        window_->setQuietErrors(true);
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        window_->runController()->setStoreDirectory(dir_.filePath(QStringLiteral("studies")));
        window_->storeFollower()->setInterval(200);
    }

    void followsARunToItsEnd() {
        const QString store = dir_.filePath(QStringLiteral("followed.h5"));
        QProcess writer;
        startWriter(writer, store);
        QTRY_VERIFY_WITH_TIMEOUT(storedTasks(store) >= 1, 60000);
        QVERIFY(StudyStore::being_written(store.toStdString()));
        QSignalSpy ended(window_.get(), &MainWindow::followEnded);
        QVERIFY(test::openAndWait(*window_, store));
        QVERIFY(window_->storeFollower()->following());
        const int shown_at_open = window_->results()->taskCount();
        QSignalSpy added(window_->results(), &StudyResults::taskAdded);
        QVERIFY(ended.wait(120000));
        QCOMPARE(ended.first().at(0).toBool(), true);
        QVERIFY(writer.state() == QProcess::NotRunning || writer.waitForFinished(60000));
        QCOMPARE(writer.exitCode(), 0);
        // Tasks came in while following, not only at the end.
        QVERIFY2(added.count() > 0, qPrintable(QString::number(added.count())));
        QVERIFY(shown_at_open < window_->results()->taskCount());
        // Everything the run stored, in its order, and the run's own best.
        const StoredStudy stored = StudyStore::read(store.toStdString());
        QVERIFY(stored.finished);
        const auto& rows = window_->results()->tasks();
        QCOMPARE(rows.size(), stored.tasks.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].task_id, stored.tasks[i].task_id);
            QVERIFY(sameBits(rows[i].objective, stored.tasks[i].objective) ||
                    (std::isnan(rows[i].objective) && std::isnan(stored.tasks[i].objective)));
        }
        const auto summary = nlohmann::json::parse(writer.readAllStandardOutput().toStdString());
        best_ = summary.at("best_objective").get<double>();
        QVERIFY(sameBits(window_->results()->bestObjective(), best_));
        QVERIFY(window_->results()->finished());
        QTRY_VERIFY_WITH_TIMEOUT(window_->results()->bestMap().size() ==
                                     window_->project()->evaluator->grid().cell_count(),
                                 10000);
    }

    // A writer that dies leaves a resumable file: following ends, and Start Study resumes it
    // (the studio now writes it) to the best of the run that was not interrupted.
    void aKilledWriterEndsTheFollowingAndTheFileResumes() {
        const QString store = dir_.filePath(QStringLiteral("killed.h5"));
        QProcess writer;
        startWriter(writer, store);
        QTRY_VERIFY_WITH_TIMEOUT(storedTasks(store) >= 1, 60000);
        QSignalSpy ended(window_.get(), &MainWindow::followEnded);
        QVERIFY(test::openAndWait(*window_, store));
        QVERIFY(window_->storeFollower()->following());
        ::kill(static_cast<pid_t>(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished(30000));
        QVERIFY(!ended.isEmpty() || ended.wait(30000));
        QCOMPARE(ended.first().at(0).toBool(), false);
        QVERIFY(!window_->storeFollower()->following());
        QVERIFY(!StudyStore::read(store.toStdString()).finished);

        QSignalSpy finished(window_.get(), &MainWindow::studyFinished);
        QVERIFY(window_->startStudy());  // automation answers "Resume" for an unfinished file
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(window_->runController()->storePath(), store);
        QVERIFY(StudyStore::read(store.toStdString()).finished);
        QVERIFY(sameBits(window_->results()->bestObjective(), best_));
    }

    // Nobody writes these: nothing to follow.
    void filesNobodyWritesAreNotFollowed() {
        QVERIFY(test::openAndWait(*window_, dir_.filePath(QStringLiteral("followed.h5"))));
        QVERIFY(!window_->storeFollower()->following());
        QVERIFY(test::openAndWait(*window_, dir_.filePath(QStringLiteral("study.json"))));
        QVERIFY(!window_->storeFollower()->following());
    }

private:
    // The L hall on a fine grid on one worker: a run of several seconds, hundreds of tasks.
    void writeStudy() {
        QFile file(dir_.filePath(QStringLiteral("study.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            QStringLiteral(
                "{\"name\": \"followed\", \"scene\": \"%1\", \"mode\": \"1ap\",\n"
                " \"radio\": {\"max_order\": 2},\n"
                " \"bounds\": {\"x_m\": [1.5, 18.5], \"y_m\": [1.5, 8.5], \"ap_z_m\": 3.0},\n"
                " \"methods\": [{\"type\": \"grid\", \"resolution_m\": 0.5, \"yaw_steps\": 8, "
                "\"chunk\": 4}],\n"
                " \"seed\": 4, \"compute\": {\"workers\": 1}}\n")
                .arg(test::sourcePath("scenes/l_hall/l_hall.xml"))
                .toUtf8());
    }

    void startWriter(QProcess& writer, const QString& store) {
        writer.start(QStringLiteral(RPS_EXECUTABLE),
                     {QStringLiteral("run"), dir_.filePath(QStringLiteral("study.json")),
                      QStringLiteral("--out"), store, QStringLiteral("--json")});
        QVERIFY(writer.waitForStarted(10000));
    }

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    double best_ = 0.0;
};

RPS_GUI_TEST_MAIN(FollowStoreTest, false)
#include "test_follow_store.moc"
