#include "runtime/mpi_messenger.hpp"

#include <mpi.h>

#include <QTimer>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace rps {

namespace {

constexpr int kKinds = 16;  // tag = kind + kKinds * (launch % kMpiLaunchNumbers)
// How long the end of a process waits for MPI to take its last sends.
constexpr auto kSendWait = std::chrono::seconds(10);
// Messages taken per poll.
constexpr int kMaxPerPoll = 64;

// How long after a message the messenger keeps polling at once (poll_on).
constexpr auto kEagerPolling = std::chrono::microseconds(500);

void finalize_at_exit() {
    int finalized = 0;
    MPI_Finalized(&finalized);
    if (!finalized) MPI_Finalize();
}

}  // namespace

MpiSession::MpiSession() {
    int initialized = 0;
    MPI_Initialized(&initialized);
    if (!initialized) {
        int provided = 0;
        if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
            throw std::runtime_error("MPI could not be initialised");
        std::atexit(finalize_at_exit);
        if (provided < MPI_THREAD_FUNNELED)
            throw std::runtime_error(
                "this MPI does not let the main thread of a threaded program call it "
                "(MPI_THREAD_FUNNELED)");
    }
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    char name[MPI_MAX_PROCESSOR_NAME] = {};
    int length = 0;
    MPI_Get_processor_name(name, &length);
    host_.assign(name, static_cast<std::size_t>(length));
}

MpiSession& MpiSession::open() {
    static MpiSession session;
    return session;
}

struct MpiMessenger::Pending {
    QByteArray bytes;
    MPI_Request request = MPI_REQUEST_NULL;
};

MpiMessenger::MpiMessenger() = default;

MpiMessenger::~MpiMessenger() {
    // The last messages (a quit, a node's last lines) go out unless the other side has stopped
    // taking them for kSendWait: then they are cancelled, so that this process can still end.
    const auto deadline = std::chrono::steady_clock::now() + kSendWait;
    while (!pending_.empty() && std::chrono::steady_clock::now() < deadline) {
        complete_sends();
        if (!pending_.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    for (auto& pending : pending_) {
        MPI_Cancel(&pending->request);
        MPI_Request_free(&pending->request);
    }
}

void MpiMessenger::send(int rank, MpiTag tag, uint32_t launch, QByteArray bytes) {
    auto pending = std::make_unique<Pending>();
    pending->bytes = std::move(bytes);
    const int mpi_tag =
        static_cast<int>(tag) + kKinds * static_cast<int>(launch % kMpiLaunchNumbers);
    MPI_Isend(pending->bytes.constData(), pending->bytes.size(), MPI_BYTE, rank, mpi_tag,
              MPI_COMM_WORLD, &pending->request);
    // One test at once: it lets MPI push the message out now rather than on the next poll.
    int done = 0;
    MPI_Test(&pending->request, &done, MPI_STATUS_IGNORE);
    if (!done) pending_.push_back(std::move(pending));
    last_message_ = std::chrono::steady_clock::now();
}

void MpiMessenger::poll_on(QTimer& timer, Receiver receive) {
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(kIdlePollMs);
    QObject::connect(&timer, &QTimer::timeout, [this, &timer, receive = std::move(receive)] {
        poll(receive);
        const bool eager = std::chrono::steady_clock::now() - last_message_ < kEagerPolling;
        timer.setInterval(eager ? 0 : kIdlePollMs);
    });
    timer.start();
}

void MpiMessenger::complete_sends() {
    // In order: the oldest sends finish first; one still in flight ends the scan.
    while (!pending_.empty()) {
        int done = 0;
        MPI_Test(&pending_.front()->request, &done, MPI_STATUS_IGNORE);
        if (!done) return;
        pending_.pop_front();
    }
}

int MpiMessenger::poll(const Receiver& receive) {
    complete_sends();
    int received = 0;
    while (received < kMaxPerPoll) {
        int arrived = 0;
        MPI_Status status;
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
        // OpenMPI's first probe moves an arrived message along (progress), the second sees it:
        // with one probe per poll every message waited a poll more, 3.4 ms per task's round
        // trip instead of 0.08 ms (rps_bench_pool --mpi, empty tasks).
        if (!arrived) MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
        if (!arrived) break;
        int count = 0;
        MPI_Get_count(&status, MPI_BYTE, &count);
        QByteArray bytes(count, Qt::Uninitialized);
        MPI_Recv(bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD,
                 MPI_STATUS_IGNORE);
        ++received;
        last_message_ = std::chrono::steady_clock::now();
        receive(status.MPI_SOURCE, static_cast<MpiTag>(status.MPI_TAG % kKinds),
                static_cast<uint32_t>(status.MPI_TAG / kKinds), bytes);
    }
    return received;
}

}  // namespace rps
