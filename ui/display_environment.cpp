#include "ui/display_environment.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <QByteArray>
#include <QDir>
#include <QtGlobal>
#include <cerrno>

namespace rps {

bool displayAvailable() {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

void useOffscreenPlatformWithoutDisplay() {
    if (displayAvailable()) return;
    qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen"));
    // Headless sessions (CI, ssh as root) often have no XDG_RUNTIME_DIR: Qt then falls back to
    // <tmp>/runtime-<uid> but prints a warning on every run. Provide that same directory.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir =
            QDir::tempPath().toLocal8Bit() + "/runtime-" + QByteArray::number(::getuid());
        if (::mkdir(dir.constData(), 0700) == 0 || errno == EEXIST) qputenv("XDG_RUNTIME_DIR", dir);
    }
}

}  // namespace rps
