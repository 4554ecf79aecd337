// main() of the widget tests: a QApplication around GoogleTest. Without a display (and without an
// explicit QT_QPA_PLATFORM) Qt's offscreen platform is used, so test discovery at build time and
// headless runs work alike.
#include <gtest/gtest.h>

#include <QApplication>

#include "ui/display_environment.hpp"

int main(int argc, char** argv) {
    rps::useOffscreenPlatformWithoutDisplay();
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
