#pragma once
// Whether Qt can reach a window system, judged from the environment before a QApplication
// exists (creating one without a display aborts the program), and the fallback of programs that
// only render and never show a window (`rps report`, the widget tests): Qt's offscreen platform.
namespace rps {

// A display (DISPLAY, WAYLAND_DISPLAY) or a QPA platform chosen by hand (QT_QPA_PLATFORM).
bool displayAvailable();
// Without either, sets QT_QPA_PLATFORM=offscreen for the QApplication about to be created (and
// XDG_RUNTIME_DIR to Qt's own fallback when unset, without Qt's warning).
void useOffscreenPlatformWithoutDisplay();

}  // namespace rps
