// The plan view's interactive editing: dragging an AP (real mouse events) recomputes the map
// while dragging and after; undo and redo restore the exact maps; turning an AP by its arrow tip;
// tilting it by Shift + wheel; hover readout; wheel zoom.
#include <QFile>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <cmath>
#include <nlohmann/json.hpp>

#include "gui_test_support.hpp"
#include "ui/layout_document.hpp"
#include "ui/plan_view.hpp"

using namespace rps;

class PlanEditTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        window_ = std::make_unique<MainWindow>();
        window_->show();
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        QVERIFY(test::openAndWait(*window_, test::sourcePath("scenes/l_hall/l_hall.xml")));
        QVERIFY(window_->shownMap()->evaluation.valid);
    }

    // The bare hall's default AP: 0.2 m under its 3.5 m walls (it has no roof: at the original's
    // 3.8 m it stood in the open sky) and moved off the inner corner, the middle of its bounds,
    // where it stood on two walls, to the nearest acceptable point (start_layout.hpp).
    void bareSceneStartsUnderTheWallTopsOffTheCorner() {
        const Layout& start = window_->document()->layout();
        QCOMPARE(start.aps.size(), size_t(1));
        QCOMPARE(start.aps[0].z_m, 3.3);
        QCOMPARE(start.aps[0].x_m, 9.75);
        QCOMPARE(start.aps[0].y_m, 10.0);
    }

    void dragApChangesMapWhileDragging() {
        PlanView* plan = window_->planView();
        const std::vector<double> before = window_->shownMap()->evaluation.combined_power_w;
        const Layout start = window_->document()->layout();
        const QPoint from = plan->apHandle(0).toPoint();
        const QPointF target_world(start.aps[0].x_m - 5.0, start.aps[0].y_m - 2.0);
        const QPoint to = plan->toWidget(target_world).toPoint();
        QSignalSpy shown(window_.get(), &MainWindow::mapShown);
        QTest::mousePress(plan, Qt::LeftButton, Qt::NoModifier, from);
        int maps_while_dragging = 0;
        const int steps = 6;
        for (int i = 1; i <= steps; ++i) {
            const QPoint p = from + (to - from) * i / steps;
            test::mouseMove(plan, p);
            if (shown.wait(3000) && plan->dragging()) ++maps_while_dragging;
        }
        QVERIFY(plan->dragging());
        QTest::mouseRelease(plan, Qt::LeftButton, Qt::NoModifier, to);
        QVERIFY(!plan->dragging());
        QVERIFY2(maps_while_dragging >= 3, "the map must follow the drag");
        window_->mapService()->waitIdle(10000);
        QTest::qWait(50);
        const Layout& moved = window_->document()->layout();
        QVERIFY(std::abs(moved.aps[0].x_m - target_world.x()) < 0.3);
        QVERIFY(std::abs(moved.aps[0].y_m - target_world.y()) < 0.3);
        const MapResult* map = window_->shownMap();
        QVERIFY(map && !map->preview);
        QCOMPARE(map->layout.aps[0].x_m, moved.aps[0].x_m);
        int changed = 0;
        for (size_t i = 0; i < before.size(); ++i)
            if (std::abs(before[i] - map->evaluation.combined_power_w[i]) > 1e-3 * before[i])
                ++changed;
        QVERIFY2(changed > static_cast<int>(before.size()) / 4, "the map numbers must change");
        QCOMPARE(window_->document()->undoStack()->count(), 1);
        QCOMPARE(window_->document()->undoStack()->undoText(), QStringLiteral("Move AP 1"));
        before_ = before;
        after_ = map->evaluation.combined_power_w;
    }

    void undoRedoRestoreTheMap() {
        QUndoStack* undo = window_->document()->undoStack();
        undo->undo();
        window_->mapService()->waitIdle(10000);
        QTest::qWait(50);
        QCOMPARE(window_->shownMap()->evaluation.combined_power_w, before_);
        undo->redo();
        window_->mapService()->waitIdle(10000);
        QTest::qWait(50);
        QCOMPARE(window_->shownMap()->evaluation.combined_power_w, after_);
    }

    void turnApByItsArrow() {
        PlanView* plan = window_->planView();
        const double yaw0 = window_->document()->layout().aps[0].yaw_deg;
        const QPointF ap = plan->apHandle(0);
        const QPoint tip = plan->apDirectionHandle(0).toPoint();
        const QPoint up = (ap + QPointF(0, -40)).toPoint();  // widget up = +y = yaw 90°
        QTest::mousePress(plan, Qt::LeftButton, Qt::NoModifier, tip);
        test::mouseMove(plan, (QPointF(tip) + (QPointF(up) - QPointF(tip)) / 2).toPoint());
        test::mouseMove(plan, up);
        QTest::mouseRelease(plan, Qt::LeftButton, Qt::NoModifier, up);
        const double yaw = window_->document()->layout().aps[0].yaw_deg;
        QVERIFY(std::abs(yaw - 90.0) < 2.0);
        QVERIFY(std::abs(yaw - yaw0) > 1.0);
        QCOMPARE(window_->document()->undoStack()->undoText(), QStringLiteral("Rotate AP 1"));
        window_->mapService()->waitIdle(10000);
    }

    // Shift + wheel over an AP tilts it a degree per step; the steps on one AP are one undo
    // step, and tilting back to where it started leaves no step at all.
    void shiftWheelTiltsInOneUndoStep() {
        PlanView* plan = window_->planView();
        QUndoStack* undo = window_->document()->undoStack();
        const int steps_before = undo->count();
        const double tilt0 = window_->document()->layout().aps[0].downtilt_deg;
        const auto wheel = [&](int notches) {
            const QPointF at = plan->apHandle(0);
            QWheelEvent event(at, QPointF(plan->mapToGlobal(at.toPoint())), QPoint(),
                              QPoint(0, 120 * notches), Qt::NoButton, Qt::ShiftModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(plan, &event);
        };
        for (int i = 0; i < 3; ++i) wheel(1);
        QCOMPARE(window_->document()->layout().aps[0].downtilt_deg, tilt0 + 3.0);
        QCOMPARE(undo->count(), steps_before + 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Tilt AP 1"));
        for (int i = 0; i < 3; ++i) wheel(-1);
        QCOMPARE(window_->document()->layout().aps[0].downtilt_deg, tilt0);
        QCOMPARE(undo->count(), steps_before);  // back where it started: no step
        wheel(1);
        wheel(1);
        QCOMPARE(undo->count(), steps_before + 1);
        undo->undo();
        QCOMPARE(window_->document()->layout().aps[0].downtilt_deg, tilt0);
        undo->redo();
        QCOMPARE(window_->document()->layout().aps[0].downtilt_deg, tilt0 + 2.0);
        undo->undo();
        window_->mapService()->waitIdle(10000);
    }

    void hoverShowsCellRss() {
        PlanView* plan = window_->planView();
        const QPointF cell(5.5, 4.5);
        const auto rss = plan->rssAt(cell);
        QVERIFY(rss.has_value());
        QSignalSpy hover(plan, &PlanView::hoverInfo);
        test::mouseMove(plan, plan->toWidget(cell).toPoint(), Qt::NoButton);
        QTRY_VERIFY(hover.count() > 0);
        const QString text = hover.last().at(0).toString();
        QVERIFY2(text.contains(QStringLiteral("dBm")) && text.contains(QStringLiteral("x 5.")),
                 qPrintable(text));
    }

    void wheelZoomsAboutTheCursor() {
        PlanView* plan = window_->planView();
        const double scale = plan->pixelsPerMetre();
        const QPoint at = plan->toWidget(QPointF(3, 3)).toPoint();
        QWheelEvent wheel(QPointF(at), QPointF(plan->mapToGlobal(at)), QPoint(), QPoint(0, 240),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(plan, &wheel);
        QVERIFY(plan->pixelsPerMetre() > scale * 1.2);
        const QPointF world = plan->toWorld(QPointF(at));
        QVERIFY(std::abs(world.x() - 3) < 0.1 && std::abs(world.y() - 3) < 0.1);
        plan->fitToScene();
    }

    // A study's excluded areas (grid.exclude) are drawn hatched on the plan, and nowhere else.
    void excludedAreasAreHatched() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile source(test::sourcePath("scenes/l_hall/l_hall_1ap_study.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        nlohmann::json study = nlohmann::json::parse(source.readAll().toStdString());
        study["scene"] = test::sourcePath("scenes/l_hall/l_hall.xml").toStdString();
        study["grid"]["exclude"] = {{2, 2, 6, 6}};
        const QString path = dir.filePath(QStringLiteral("excluded.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(study.dump(2)));
        file.close();
        QVERIFY(test::openAndWait(*window_, path));
        PlanView* plan = window_->planView();
        plan->fitToScene();
        const QImage image = plan->grab().toImage().convertToFormat(QImage::Format_RGB32);
        const auto hatch_pixels = [&](QPointF lo, QPointF hi) {
            const QRect r =
                QRectF(plan->toWidget({lo.x(), hi.y()}), plan->toWidget({hi.x(), lo.y()}))
                    .toRect()
                    .adjusted(3, 3, -3, -3);
            int count = 0;
            for (int y = r.top(); y <= r.bottom(); ++y)
                for (int x = r.left(); x <= r.right(); ++x)
                    count += image.pixel(x, y) == qRgb(90, 90, 100);
            return count;
        };
        const int inside = hatch_pixels({2, 2}, {6, 6});
        const int elsewhere = hatch_pixels({10, 2}, {14, 6});
        QVERIFY2(inside > 50, qPrintable(QString::number(inside)));
        QCOMPARE(elsewhere, 0);
    }

    void cleanupTestCase() { window_.reset(); }

private:
    std::unique_ptr<MainWindow> window_;
    std::vector<double> before_, after_;
};

RPS_GUI_TEST_MAIN(PlanEditTest, false)
#include "test_plan_edit.moc"
