#pragma once
// The runtime tests' Qt event loop: one QCoreApplication for the test program, and a loop that
// runs until a condition holds (the pool, the runs and their processes work through it).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <functional>

namespace rps::test {

inline QCoreApplication& app() {
    static int argc = 1;
    static char name[] = "runtime_tests";
    static char* argv[] = {name, nullptr};
    static QCoreApplication instance(argc, argv);
    return instance;
}

// Spins the event loop until `done` or the timeout; returns whether `done` became true.
inline bool spin_until(const std::function<bool()>& done, int timeout_ms = 15000) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeout_ms) return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

}  // namespace rps::test
