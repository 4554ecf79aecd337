// Interactive maps: the banded evaluator gives the study evaluator's maps bit for bit; the map
// service answers a burst of requests with "latest request wins" (no backlog, the newest layout
// last); and the drag latency on the office example, measured through the window (printed).
#include <QElapsedTimer>
#include <algorithm>

#include "core/scene/scene_loader.hpp"
#include "gui_test_support.hpp"
#include "ui/layout_defaults.hpp"
#include "ui/layout_document.hpp"
#include "ui/map_result.hpp"
#include "ui/map_service.hpp"
#include "ui/plan_view.hpp"
#include "ui/striped_evaluator.hpp"

using namespace rps;

class MapServiceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bandsMatchTheStudyEvaluatorExactly_data() {
        QTest::addColumn<QString>("study");
        QTest::addColumn<bool>("sinr");  // the bands' combined map was not the SINR the study reads
        QTest::newRow("1ap") << "scenes/office/office_1ap_study.json" << false;
        QTest::newRow("1ap_sinr") << "scenes/office/office_1ap_study.json" << true;
        QTest::newRow("2ap_sinr") << "scenes/office/office_2ap_study.json" << true;
        QTest::newRow("2ap_reflector") << "scenes/office/office_2ap_reflector_study.json" << false;
    }

    void bandsMatchTheStudyEvaluatorExactly() {
        QFETCH(QString, study);
        QFETCH(bool, sinr);
        StudySpec spec = load_study(test::sourcePath(study).toStdString());
        if (sinr) spec.objective.combine = CombineMode::Sinr;
        auto scene = std::make_shared<const Scene>(load_scene(spec.scene_path));
        const LayoutEvaluator reference(spec, *scene);
        const StripedEvaluator banded(spec, scene, 3);
        QCOMPARE(banded.bandCount(), 3);
        Layout layout = defaultLayout(spec);
        layout.aps[0].x_m += 3.3, layout.aps[0].yaw_deg = 40;
        const LayoutEvaluation a = reference.evaluate(layout, true);
        const LayoutEvaluation b = banded.evaluate(layout);
        QVERIFY(a.valid && b.valid);
        QCOMPARE(b.combined_power_w, a.combined_power_w);
        QCOMPARE(b.per_ap_power_w, a.per_ap_power_w);
        QCOMPARE(b.objective, a.objective);
        const auto respec = banded.withSpec(spec);
        QCOMPARE(respec->evaluate(layout).combined_power_w, a.combined_power_w);
    }

    void latestRequestWins() {
        const StudySpec spec =
            load_study(test::sourcePath("scenes/office/office_1ap_study.json").toStdString());
        auto scene = std::make_shared<const Scene>(load_scene(spec.scene_path));
        MapService service;
        service.setEvaluators(std::make_shared<const StripedEvaluator>(spec, scene, 1), nullptr);
        std::vector<MapResult> results;
        connect(&service, &MapService::mapReady, this,
                [&](const MapResult& r) { results.push_back(r); });
        Layout layout = defaultLayout(spec);
        uint64_t last = 0;
        const int requests = 12;
        for (int i = 0; i < requests; ++i) {
            layout.aps[0].x_m = 8.0 + i;
            last = service.request(layout, false);
        }
        QVERIFY(service.waitIdle(30000));
        QVERIFY(!results.empty());
        QVERIFY2(results.size() <= 3, "one running + one pending: the rest were superseded");
        QCOMPARE(results.back().serial, last);
        QCOMPARE(results.back().layout.aps[0].x_m, 8.0 + requests - 1);
        for (size_t i = 1; i < results.size(); ++i)
            QVERIFY(results[i].serial > results[i - 1].serial);
    }

    // Drags an AP across the office in 30 steps, waiting for each new map on screen, and prints
    // the request-to-screen latencies (the target: 50 ms). Timing depends on the machine
    // and its load, so the test only checks that every step got a map.
    void dragLatencyOnTheOffice_data() {
        QTest::addColumn<bool>("preview");
        QTest::newRow("fast preview") << true;
        QTest::newRow("full order") << false;
    }

    void dragLatencyOnTheOffice() {
        QFETCH(bool, preview);
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(test::openAndWait(window, test::sourcePath("scenes/office/office_1ap_study.json")));
        window.mapService()->setPreviewEnabled(preview);
        PlanView* plan = window.planView();
        // Warm the full-map timing the preview decision uses.
        for (double x : {12.0, 14.0}) {
            Layout l = window.document()->layout();
            l.aps[0].x_m = x;
            window.document()->setLayout(l);
            window.mapService()->waitIdle(10000);
        }
        QTest::qWait(50);
        const QPoint from = plan->apHandle(0).toPoint();
        const QPoint to = plan->toWidget(QPointF(28.0, 24.0)).toPoint();
        QSignalSpy shown(&window, &MainWindow::mapShown);
        // A step that puts the AP within 5 cm of a wall gets an invalid result and no map (the
        // plan says why): which steps do depends on the window's size in pixels (offscreen:
        // step 23 of 30 lands at (24.69, 23.04)).
        bool step_refused = false;
        connect(window.mapService(), &MapService::mapReady, &window, [&](const MapResult& r) {
            if (!r.evaluation.valid) step_refused = true;
        });
        std::vector<double> latencies;
        int refused = 0;
        QTest::mousePress(plan, Qt::LeftButton, Qt::NoModifier, from);
        const int steps = 30;
        for (int i = 1; i <= steps; ++i) {
            step_refused = false;
            test::mouseMove(plan, from + (to - from) * i / steps);
            const int before = shown.count();
            QElapsedTimer wait;
            wait.start();
            while (shown.count() == before && !step_refused && wait.elapsed() < 5000)
                QTest::qWait(1);
            if (shown.count() > before)
                latencies.push_back(window.lastMapLatencyMs());
            else if (step_refused)
                ++refused;
        }
        QTest::mouseRelease(plan, Qt::LeftButton, Qt::NoModifier, to);
        window.mapService()->waitIdle(10000);
        QTest::qWait(20);
        QCOMPARE(static_cast<int>(latencies.size()) + refused, steps);
        QVERIFY2(refused <= 3, "the drag runs across rooms: most of its steps give a map");
        std::sort(latencies.begin(), latencies.end());
        const double median = latencies[latencies.size() / 2];
        const double p90 = latencies[latencies.size() * 9 / 10];
        qInfo().noquote()
            << QStringLiteral(
                   "office drag, %1 steps, %2: map on screen median %3 ms, p90 %4 "
                   "ms, max %5 ms (full map %6 ms; %7 bands on %8 threads)")
                   .arg(
                       refused
                           ? QStringLiteral("%1 (%2 refused: AP on a wall)").arg(steps).arg(refused)
                           : QString::number(steps))
                   .arg(preview && window.mapService()->previewing()
                            ? QStringLiteral("first-order previews")
                            : QStringLiteral("full order"))
                   .arg(median, 0, 'f', 1)
                   .arg(p90, 0, 'f', 1)
                   .arg(latencies.back(), 0, 'f', 1)
                   .arg(window.mapService()->fullMapMs(), 0, 'f', 1)
                   .arg(window.project()->evaluator->bandCount())
                   .arg(QThread::idealThreadCount());
        QVERIFY(!window.shownMap()->preview);  // the full map follows the release
    }
};

RPS_GUI_TEST_MAIN(MapServiceTest, false)
#include "test_map_service.moc"
