#include "runtime/process_worker_channel.hpp"

#include <QProcess>
#include <QProcessEnvironment>

namespace rps {

ProcessWorkerChannel::ProcessWorkerChannel(QObject* parent)
    : WorkerChannel(parent), process_(new QProcess(this)) {
    connect(process_, &QProcess::readyReadStandardOutput, this, &WorkerChannel::outputReady);
    connect(process_, &QProcess::readyReadStandardError, this, &WorkerChannel::errorsReady);
    connect(process_, QOverload<int, QProcess::ExitStatus>::of(&QProcess::finished), this,
            [this](int code, QProcess::ExitStatus status) {
                gone_ = true;
                Q_EMIT gone(status == QProcess::CrashExit
                                ? QStringLiteral("worker crashed")
                                : QStringLiteral("worker exited with code %1").arg(code));
            });
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        // Other errors are followed by finished(); a failed start is not.
        if (error != QProcess::FailedToStart) return;
        gone_ = true;
        Q_EMIT gone(QStringLiteral("worker failed to start: %1").arg(process_->errorString()));
    });
}

void ProcessWorkerChannel::start(const WorkerLaunch& launch) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto& [key, value] : launch.environment) env.insert(key, value);
    process_->setProcessEnvironment(env);
    process_->setProgram(launch.program);
    process_->setArguments(launch.arguments);
    process_->start(QIODevice::ReadWrite);
}

void ProcessWorkerChannel::write(const QByteArray& bytes) { process_->write(bytes); }
void ProcessWorkerChannel::close_input() { process_->closeWriteChannel(); }
QByteArray ProcessWorkerChannel::read_output() { return process_->readAllStandardOutput(); }
QByteArray ProcessWorkerChannel::read_errors() { return process_->readAllStandardError(); }
void ProcessWorkerChannel::kill() { process_->kill(); }
bool ProcessWorkerChannel::running() const {
    return !gone_ && process_->state() == QProcess::Running;
}
int64_t ProcessWorkerChannel::pid() const { return static_cast<int64_t>(process_->processId()); }

bool ProcessWorkerChannel::wait_for_finished(int timeout_ms) {
    if (process_->state() == QProcess::NotRunning) return true;
    return process_->waitForFinished(timeout_ms);
}

}  // namespace rps
