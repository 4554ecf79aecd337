#pragma once
// Shared set-up of the GUI tests: environment (the `rps` workers, isolated settings and data,
// no 3D unless asked), the application identity and resources, and small helpers.
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QMessageBox>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <functional>
#include <iostream>

#include "ui/main_window.hpp"
#include "ui/map_service.hpp"
#include "ui/studio_app.hpp"

namespace rps::test {

inline QString sourcePath(const QString& relative) {
    return QDir(QStringLiteral(RPS_SOURCE_DIR)).filePath(relative);
}

// Distinct colours of an image (a blank or single-colour picture has very few).
inline int distinctColours(const QImage& image) {
    QSet<QRgb> colours;
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); y += 2) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); x += 2) colours.insert(line[x]);
    }
    return colours.size();
}

// A mouse move with buttons held, delivered directly (QTest::mouseMove only moves the cursor,
// which the offscreen platform does not turn into events).
inline void mouseMove(QWidget* widget, QPoint pos, Qt::MouseButtons buttons = Qt::LeftButton) {
    QMouseEvent event(QEvent::MouseMove, QPointF(pos), QPointF(widget->mapToGlobal(pos)),
                      Qt::NoButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

// Opens a file in the window and waits until its first full map is on screen.
inline bool openAndWait(MainWindow& window, const QString& path, int timeout_ms = 20000) {
    QSignalSpy loaded(&window, &MainWindow::projectLoaded);
    window.openFile(path);
    if (!loaded.wait(timeout_ms)) return false;
    window.mapService()->waitIdle(timeout_ms);
    QTest::qWait(50);
    return window.shownMap() != nullptr;
}

// Watches for modal message boxes: records their text and closes them.
class MessageBoxCloser : public QObject {
public:
    explicit MessageBoxCloser(QObject* parent = nullptr) : QObject(parent) {
        timer_.setInterval(50);
        QObject::connect(&timer_, &QTimer::timeout, this, [this] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                texts << box->text();
                box->accept();
            }
        });
        timer_.start();
    }
    QStringList texts;

private:
    QTimer timer_;
};

// main(): environment first (before QApplication), then the QtTest run.
inline int runTest(int argc, char** argv, const std::function<int(int, char**)>& body,
                   bool needs_3d = false) {
    if (needs_3d && qEnvironmentVariableIsEmpty("DISPLAY")) {
        std::cout << "SKIP: the 3D test needs an X display (run it under xvfb-run)\n";
        return 77;
    }
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("RPS_EXECUTABLE", RPS_EXECUTABLE);
    if (!needs_3d) qputenv("RPS_NO_3D", "1");
    QStandardPaths::setTestModeEnabled(true);
    StudioApp::setIdentity();
    QCoreApplication::setApplicationName(QStringLiteral("rps-studio-tests"));
    QApplication app(argc, argv);
    QSettings().clear();  // every run starts from the default window layout
    StudioApp::initResources();
    return body(argc, argv);
}

}  // namespace rps::test

#define RPS_GUI_TEST_MAIN(TestClass, needs3d)     \
    int main(int argc, char** argv) {             \
        return rps::test::runTest(                \
            argc, argv,                           \
            [](int c, char** v) {                 \
                TestClass test;                   \
                return QTest::qExec(&test, c, v); \
            },                                    \
            needs3d);                             \
    }
