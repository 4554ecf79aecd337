// The Qt3D view renders the scene, the markers and the heatmap plane (needs an X display with
// OpenGL, e.g. xvfb-run with Mesa; skipped without a display).
#include <QDockWidget>

#include "gui_test_support.hpp"
#include "ui/layout_document.hpp"
#include "ui/plan_view.hpp"
#include "ui/scene_3d_view.hpp"

using namespace rps;

class Scene3DViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rendersSceneAndHeatmap() {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(test::openAndWait(window, test::sourcePath("scenes/office/office.xml")));
        auto* dock = qobject_cast<QDockWidget*>(window.view3d()->parentWidget());
        QVERIFY(dock);
        dock->raise();
        QTRY_VERIFY_WITH_TIMEOUT(window.view3d()->initialised(), 5000);
        Layout corner = window.document()->layout();
        corner.aps[0].x_m = 8, corner.aps[0].y_m = 30;  // north-west: an asymmetric map
        window.document()->setLayout(corner);
        window.mapService()->waitIdle(10000);
        QTest::qWait(100);
        window.view3d()->resetCamera();
        window.view3d()->setHeatmap(
            window.project()->evaluator->grid(),
            window.planView()->colorScale().image(window.project()->evaluator->grid(),
                                                  window.planView()->mapDbm()));
        QImage frame;
        for (int i = 0; i < 60 && test::distinctColours(frame) < 30; ++i) {
            QTest::qWait(100);
            frame = window.view3d()->renderedImage();
        }
        QVERIFY(!frame.isNull());
        const int colours = test::distinctColours(frame);
        QVERIFY2(colours >= 30, qPrintable(QString::number(colours)));
        const QImage whole = window.snapshot();
        QVERIFY(test::distinctColours(whole) > 50);
        const QString out = qEnvironmentVariable("RPS_3D_SNAPSHOT");
        if (!out.isEmpty()) whole.save(out);
    }
};

RPS_GUI_TEST_MAIN(Scene3DViewTest, true)
#include "test_scene_3d_view.moc"
