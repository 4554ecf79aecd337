#pragma once
// Rank 0's side of an MPI study run: the worker pool's workers on the other ranks of the job,
// worker i on rank i + 1 (DESIGN §5: one rank per worker). Each rank runs its worker as a child
// process on its own machine (mpi_worker_node.hpp), so a worker that crashes, hangs or overruns
// its task is killed and restarted there, its task retried, exactly as with local workers.
// Everything here runs in the thread that opened MPI (MPI_THREAD_FUNNELED): StudyRunner's
// run()/resume() in the main thread, not its threaded start().
#include <QObject>
#include <QPointer>
#include <map>

#include "runtime/mpi_messenger.hpp"
#include "runtime/worker_channel.hpp"

class QTimer;

namespace rps {

class MpiWorkerChannel;

class MpiWorkerNodes : public QObject {
    Q_OBJECT
public:
    // Opens MPI; throws std::runtime_error on a rank other than 0 or when the job has no
    // other rank.
    explicit MpiWorkerNodes(QObject* parent = nullptr);
    // Tells every node that the run is over (they end their workers and exit).
    ~MpiWorkerNodes() override;
    // Ranks that run workers (the job's size - 1).
    int node_count() const;
    // The pool's channels: worker i on rank i + 1.
    WorkerChannelFactory channel_factory();

    // For the channels: a message to a node about its worker launch, one round of receiving,
    // and the number of a new launch on a rank (wrapping as the tags do).
    void send(int rank, MpiTag tag, uint32_t launch, QByteArray bytes);
    void pump();
    uint32_t next_launch(int rank);

private:
    friend class MpiWorkerChannel;
    void attach(int rank, MpiWorkerChannel* channel);
    void detach(int rank, MpiWorkerChannel* channel);
    void deliver(int rank, MpiTag tag, uint32_t launch, const QByteArray& bytes);
    MpiMessenger::Receiver delivery();  // deliver, as the messenger calls it
    MpiMessenger messenger_;
    std::map<int, uint32_t> launches_;
    QTimer* timer_;
    std::map<int, QPointer<MpiWorkerChannel>> channels_;
};

class MpiWorkerChannel : public WorkerChannel {
    Q_OBJECT
public:
    MpiWorkerChannel(MpiWorkerNodes& nodes, int rank, QObject* parent);
    ~MpiWorkerChannel() override;
    void start(const WorkerLaunch& launch) override;
    void write(const QByteArray& bytes) override;
    void close_input() override;
    QByteArray read_output() override;
    QByteArray read_errors() override;
    void kill() override;
    bool running() const override;
    bool wait_for_finished(int timeout_ms) override;
    int64_t pid() const override { return pid_; }

private:
    friend class MpiWorkerNodes;
    // A node's message, taken synchronously (state) and signalled through the event loop, so
    // that no pool slot runs inside MPI polling.
    void receive(MpiTag tag, const QByteArray& bytes);
    void end(const QString& why);
    MpiWorkerNodes& nodes_;
    int rank_;
    uint32_t launch_ = 0;
    bool started_ = false, gone_ = false;
    int64_t pid_ = 0;
    QByteArray output_, errors_;
};

}  // namespace rps
