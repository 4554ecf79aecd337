#include "ui/display_environment.hpp"

#include <QByteArray>
#include <QtGlobal>

namespace rps {

bool displayAvailable() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

void useOffscreenPlatformWithoutDisplay() {
    if (!displayAvailable()) qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
}

}  // namespace rps
