#pragma once
// A worker as a local child process (QProcess): the pool's default channel.
#include "runtime/worker_channel.hpp"

class QProcess;

namespace rps {

class ProcessWorkerChannel : public WorkerChannel {
    Q_OBJECT
public:
    explicit ProcessWorkerChannel(QObject* parent = nullptr);
    void start(const WorkerLaunch& launch) override;
    void write(const QByteArray& bytes) override;
    void close_input() override;
    QByteArray read_output() override;
    QByteArray read_errors() override;
    void kill() override;
    bool running() const override;
    bool wait_for_finished(int timeout_ms) override;
    int64_t pid() const override;

private:
    QProcess* process_;
    bool gone_ = false;
};

}  // namespace rps
