#pragma once
// One worker process as the worker pool sees it: started, written to, read from, killed, gone.
// The pool speaks the JSON-lines protocol through this and nothing else, so the same pool runs
// its workers as local child processes (process_worker_channel.hpp) or on the ranks of an MPI
// job (mpi_worker_channel.hpp), with the same timeouts, restarts and retries.
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <map>

namespace rps {

// What to start: the program, its arguments and the variables added to the environment it
// inherits. argument_files: those arguments that name files the worker reads (the study), which a
// worker on another machine needs copied to it.
struct WorkerLaunch {
    QString program;
    QStringList arguments;
    std::map<QString, QString> environment;
    QStringList argument_files;
};

class WorkerChannel : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // Starts the process; outputReady/errorsReady follow as it writes, gone once when it ends
    // (exit, crash, kill, or a failed start).
    virtual void start(const WorkerLaunch& launch) = 0;
    // Bytes for the process's standard input.
    virtual void write(const QByteArray& bytes) = 0;
    // Closes its standard input (a worker then finishes its loop and exits).
    virtual void close_input() = 0;
    // What it wrote to standard output / error since the last call.
    virtual QByteArray read_output() = 0;
    virtual QByteArray read_errors() = 0;
    // Ends it now; gone follows.
    virtual void kill() = 0;
    // Whether it runs (started and not yet gone).
    virtual bool running() const = 0;
    // Waits, blocking, at most timeout_ms for it to end; true when it has.
    virtual bool wait_for_finished(int timeout_ms) = 0;
    // Its process id (on its own machine), 0 before it runs.
    virtual int64_t pid() const = 0;

Q_SIGNALS:
    void outputReady();
    void errorsReady();
    // Why it ended, as a sentence ("worker crashed", "worker exited with code 3").
    void gone(QString why);
    // A line about the process for the pool's log (where it runs), not from the process.
    void note(QString line);
};

// Makes the channel of one pool worker (its index), owned by parent.
using WorkerChannelFactory = std::function<WorkerChannel*(int worker, QObject* parent)>;

}  // namespace rps
