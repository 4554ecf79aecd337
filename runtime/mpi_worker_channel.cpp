#include "runtime/mpi_worker_channel.hpp"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QTimer>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <thread>

namespace rps {

using nlohmann::json;

namespace {

// How long the end of a run waits for the nodes to say they are done.
constexpr int kQuitWaitS = 30;

}  // namespace

MpiWorkerNodes::MpiWorkerNodes(QObject* parent) : QObject(parent), timer_(new QTimer(this)) {
    const MpiSession& session = MpiSession::open();
    if (session.rank() != 0)
        throw std::runtime_error("the worker pool runs on rank 0 of the MPI job, not on rank " +
                                 std::to_string(session.rank()));
    if (session.size() < 2)
        throw std::runtime_error(
            "the MPI job has no rank for a worker: start it with mpirun -n N+1 for N workers "
            "(rank 0 runs the study, every other rank one worker)");
}

MpiWorkerNodes::~MpiWorkerNodes() {
    for (int rank = 1; rank <= node_count(); ++rank) send(rank, MpiTag::quit, 0, {});
    // Until every node has said it is done, whatever they still send is taken and dropped: a
    // node whose last large lines found no reader would wait for ever to send them, and so would
    // MPI_Finalize for that node. A node that never answers (a dead machine) is waited for
    // kQuitWaitS at most; mpirun ends the job then.
    std::set<int> done;
    QElapsedTimer waited;
    waited.start();
    while (static_cast<int>(done.size()) < node_count() && waited.elapsed() < kQuitWaitS * 1000) {
        messenger_.poll([&done](int rank, MpiTag tag, uint32_t, const QByteArray&) {
            if (tag == MpiTag::quit_done) done.insert(rank);
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(MpiMessenger::kIdlePollMs));
    }
    // messenger_'s destructor waits until MPI has taken every send, the quits included.
}

int MpiWorkerNodes::node_count() const { return MpiSession::open().size() - 1; }

WorkerChannelFactory MpiWorkerNodes::channel_factory() {
    // Polling starts with the pool (which runs in an event loop; the nodes may exist before
    // the application object).
    if (!timer_->isActive()) messenger_.poll_on(*timer_, delivery());
    return [this](int worker, QObject* parent) -> WorkerChannel* {
        return new MpiWorkerChannel(*this, worker + 1, parent);
    };
}

void MpiWorkerNodes::send(int rank, MpiTag tag, uint32_t launch, QByteArray bytes) {
    messenger_.send(rank, tag, launch, std::move(bytes));
}

uint32_t MpiWorkerNodes::next_launch(int rank) {
    uint32_t& launch = launches_[rank];
    launch = (launch + 1) % kMpiLaunchNumbers;
    return launch;
}

void MpiWorkerNodes::pump() { messenger_.poll(delivery()); }

MpiMessenger::Receiver MpiWorkerNodes::delivery() {
    return [this](int rank, MpiTag tag, uint32_t launch, const QByteArray& bytes) {
        deliver(rank, tag, launch, bytes);
    };
}

void MpiWorkerNodes::attach(int rank, MpiWorkerChannel* channel) { channels_[rank] = channel; }

void MpiWorkerNodes::detach(int rank, MpiWorkerChannel* channel) {
    if (auto it = channels_.find(rank); it != channels_.end() && it->second == channel)
        channels_.erase(it);
}

void MpiWorkerNodes::deliver(int rank, MpiTag tag, uint32_t launch, const QByteArray& bytes) {
    // A node's messages after its channel was dropped (a killed worker's last output) have no
    // reader, nor have those of an earlier launch on that rank (a shutdown that gave up waiting).
    if (auto it = channels_.find(rank);
        it != channels_.end() && it->second && it->second->launch_ == launch)
        it->second->receive(tag, bytes);
}

MpiWorkerChannel::MpiWorkerChannel(MpiWorkerNodes& nodes, int rank, QObject* parent)
    : WorkerChannel(parent), nodes_(nodes), rank_(rank) {}

MpiWorkerChannel::~MpiWorkerChannel() { nodes_.detach(rank_, this); }

void MpiWorkerChannel::start(const WorkerLaunch& launch) {
    // MPI_THREAD_FUNNELED: every MPI call from the thread that opened MPI (the CLI's run and
    // resume drive the pool there; the studio's threaded runs use local workers).
    if (QThread::currentThread() != nodes_.thread()) {
        end(
            QStringLiteral("worker failed to start: MPI workers can only be driven from the "
                           "thread that opened MPI"));
        return;
    }
    json message = {{"program", launch.program.toStdString()}, {"environment", json::object()}};
    json arguments = json::array();
    for (const QString& a : launch.arguments) arguments.push_back(a.toStdString());
    message["arguments"] = arguments;
    for (const auto& [key, value] : launch.environment)
        message["environment"][key.toStdString()] = value.toStdString();
    // The node may be another machine: the files the worker reads travel with the start.
    json files = json::array();
    for (const QString& path : launch.argument_files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            end(QStringLiteral("worker failed to start: cannot read %1: %2")
                    .arg(path, file.errorString()));
            return;
        }
        files.push_back({{"argument", path.toStdString()},
                         {"name", QFileInfo(path).fileName().toStdString()},
                         {"base64", file.readAll().toBase64().toStdString()}});
    }
    message["files"] = files;
    launch_ = nodes_.next_launch(rank_);
    nodes_.attach(rank_, this);
    started_ = true;
    nodes_.send(rank_, MpiTag::start, launch_, QByteArray::fromStdString(message.dump()));
}

void MpiWorkerChannel::write(const QByteArray& bytes) {
    if (running()) nodes_.send(rank_, MpiTag::input, launch_, bytes);
}

void MpiWorkerChannel::close_input() {
    if (running()) nodes_.send(rank_, MpiTag::close_input, launch_, {});
}

QByteArray MpiWorkerChannel::read_output() { return std::exchange(output_, {}); }
QByteArray MpiWorkerChannel::read_errors() { return std::exchange(errors_, {}); }

void MpiWorkerChannel::kill() {
    if (running()) nodes_.send(rank_, MpiTag::kill, launch_, {});
}

bool MpiWorkerChannel::running() const { return started_ && !gone_; }

bool MpiWorkerChannel::wait_for_finished(int timeout_ms) {
    QElapsedTimer waited;
    waited.start();
    while (running()) {
        nodes_.pump();
        if (!running()) break;
        if (waited.elapsed() >= timeout_ms) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(MpiMessenger::kIdlePollMs));
    }
    return true;
}

void MpiWorkerChannel::receive(MpiTag tag, const QByteArray& bytes) {
    switch (tag) {
        case MpiTag::started: {
            const json info = json::parse(bytes.toStdString(), nullptr, false);
            // Checked, not trusted: a throw here would pass through Qt's event loop.
            if (!info.is_object()) return;
            const auto pid = info.find("pid");
            const auto host = info.find("host");
            if (pid != info.end() && pid->is_number_integer()) pid_ = pid->get<int64_t>();
            // Where it runs, for the pool's log (rps run --verbose): a note, not the worker's
            // stderr, which a crash report quotes.
            const QString where = QStringLiteral("[mpi] worker process %1 on rank %2, host %3")
                                      .arg(pid_)
                                      .arg(rank_)
                                      .arg(host != info.end() && host->is_string()
                                               ? QString::fromStdString(host->get<std::string>())
                                               : QStringLiteral("?"));
            QMetaObject::invokeMethod(
                this, [this, where] { Q_EMIT note(where); }, Qt::QueuedConnection);
            return;
        }
        case MpiTag::output:
            output_ += bytes;
            QMetaObject::invokeMethod(this, &WorkerChannel::outputReady, Qt::QueuedConnection);
            return;
        case MpiTag::errors:
            errors_ += bytes;
            QMetaObject::invokeMethod(this, &WorkerChannel::errorsReady, Qt::QueuedConnection);
            return;
        case MpiTag::gone:
            end(QString::fromUtf8(bytes));
            return;
        default:  // not a node's message
            return;
    }
}

void MpiWorkerChannel::end(const QString& why) {
    if (gone_) return;
    gone_ = true;
    nodes_.detach(rank_, this);
    QMetaObject::invokeMethod(
        this, [this, why] { Q_EMIT gone(why); }, Qt::QueuedConnection);
}

}  // namespace rps
