#pragma once
// The messages between the ranks of an MPI study run (`mpirun -n N+1 rps run STUDY --mpi`): rank
// 0 runs the study and its worker pool; every other rank is a worker node that runs one worker
// process on its own machine and relays its standard streams (mpi_worker_node.hpp). All MPI
// calls of a process come from its main thread, by polling (MPI_THREAD_FUNNELED), so that MPI
// never blocks the Qt event loop: sends are non-blocking and complete on later polls.
#include <QByteArray>

class QTimer;
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace rps {

// Message kinds. A message's MPI tag is its kind plus 16 times the number of the worker launch
// it belongs to (modulo 2048, so every tag stays within the 32767 that MPI guarantees): a node's
// late lines from a worker that rank 0 has already given up are told from the next worker's.
inline constexpr uint32_t kMpiLaunchNumbers = 2048;

enum class MpiTag : int {
    // rank 0 -> node
    start = 1,        // JSON: program, arguments, environment, files (base64)
    input = 2,        // bytes for the worker's standard input
    close_input = 3,  // close its standard input
    kill = 4,         // kill the worker
    quit = 5,         // the study is over: end the worker and the node
    // node -> rank 0
    started = 11,    // JSON: pid, host
    output = 12,     // bytes from the worker's standard output
    errors = 13,     // bytes from its standard error
    gone = 14,       // UTF-8: why the worker ended
    quit_done = 15,  // the node has ended its worker and leaves
};

// MPI for this process: initialised by the first MpiSession::open (MPI_Init_thread, funneled),
// finalised when the process ends; rank and size of MPI_COMM_WORLD.
class MpiSession {
public:
    // Throws std::runtime_error when MPI cannot be initialised.
    static MpiSession& open();
    int rank() const { return rank_; }
    int size() const { return size_; }
    // This machine's name as MPI knows it.
    std::string host() const { return host_; }

private:
    MpiSession();
    int rank_ = 0, size_ = 1;
    std::string host_;
};

// Sends and receives the messages of one process. Sends never block: the bytes are kept until
// MPI has taken them (checked on every poll), so two ranks writing to each other at once never
// deadlock.
class MpiMessenger {
public:
    MpiMessenger();
    ~MpiMessenger();  // waits for the pending sends (a quit must reach its node)
    MpiMessenger(const MpiMessenger&) = delete;
    MpiMessenger& operator=(const MpiMessenger&) = delete;

    void send(int rank, MpiTag tag, uint32_t launch, QByteArray bytes);
    // Completes finished sends and hands the messages that have arrived (at most a few dozen,
    // so that a flood never starves the event loop) to `receive` (source rank, kind, launch,
    // bytes); returns how many arrived.
    using Receiver = std::function<void(int, MpiTag, uint32_t, const QByteArray&)>;
    int poll(const Receiver& receive);
    // Polls on `timer`'s every tick (a precise timer, started here): at once within half a
    // millisecond of the last message sent or received, when an answer is likely on its way,
    // otherwise every kIdlePollMs (a Qt timer of 1 ms fires every 1.1 ms). A chain of quick
    // messages then runs at MPI's speed, and an idle process wakes a thousand times a second for
    // one probe.
    void poll_on(QTimer& timer, Receiver receive);
    // The pause between polls of a process waiting for something else to happen.
    static constexpr int kIdlePollMs = 1;

private:
    struct Pending;
    std::deque<std::unique_ptr<Pending>> pending_;
    std::chrono::steady_clock::time_point last_message_{};
    void complete_sends();
};

}  // namespace rps
