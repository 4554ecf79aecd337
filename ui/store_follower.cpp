#include "ui/store_follower.hpp"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace rps {

namespace {

// Reads that fail in a row before following gives up (a file being extended can fail a read).
constexpr int kMaxFailedReads = 5;

}  // namespace

StoreFollower::StoreFollower(QObject* parent) : QObject(parent), timer_(new QTimer(this)) {
    qRegisterMetaType<std::shared_ptr<const rps::StoredStudy>>(
        "std::shared_ptr<const rps::StoredStudy>");
    qRegisterMetaType<std::size_t>("std::size_t");
    timer_->setSingleShot(true);
    timer_->setInterval(1000);
    connect(timer_, &QTimer::timeout, this, &StoreFollower::poll);
    connect(&watcher_, &QFutureWatcher<Read>::finished, this, &StoreFollower::onRead);
}

StoreFollower::~StoreFollower() { watcher_.waitForFinished(); }

void StoreFollower::setInterval(int ms) { timer_->setInterval(ms); }

void StoreFollower::follow(const QString& path, std::size_t tasks_seen, std::size_t maps_seen) {
    stop();
    path_ = path;
    tasks_seen_ = tasks_seen;
    maps_seen_ = maps_seen;
    failed_reads_ = 0;
    ++generation_;
    following_ = true;
    timer_->start();
}

void StoreFollower::stop() {
    following_ = false;
    timer_->stop();
}

// The lock before the file: a writer that ends between the two has written its last rows (and
// its finished mark) before it let the lock go, so the read sees them.
StoreFollower::Read StoreFollower::readStore(const QString& path, int generation) {
    Read read;
    read.generation = generation;
    try {
        read.writer_alive = StudyStore::being_written(path.toStdString());
        read.study = std::make_shared<const StoredStudy>(StudyStore::read(path.toStdString()));
    } catch (const std::exception& e) {
        read.error = QString::fromUtf8(e.what());
    }
    return read;
}

void StoreFollower::poll() {
    if (!following_ || watcher_.isRunning()) return;
    watcher_.setFuture(QtConcurrent::run(&StoreFollower::readStore, path_, generation_));
}

void StoreFollower::onRead() {
    if (!following_) return;  // stopped while reading: the read belongs to no one
    const Read read = watcher_.result();
    if (read.generation != generation_) {  // of a file followed before: read this one
        poll();
        return;
    }
    if (!read.study) {
        if (++failed_reads_ >= kMaxFailedReads)
            return end(false, tr("%1 cannot be read: %2").arg(path_, read.error));
        timer_->start();
        return;
    }
    failed_reads_ = 0;
    const StoredStudy& study = *read.study;
    if (study.tasks.size() < tasks_seen_)
        return end(false, tr("%1 was replaced by another file").arg(path_));
    if (study.tasks.size() > tasks_seen_ || study.maps.size() > maps_seen_ || study.finished) {
        const std::size_t first_task = tasks_seen_, first_map = maps_seen_;
        tasks_seen_ = study.tasks.size();
        maps_seen_ = study.maps.size();
        Q_EMIT updated(read.study, first_task, first_map);
    }
    if (!following_) return;  // a slot stopped it
    if (study.finished) return end(true, tr("The run writing %1 finished it.").arg(path_));
    if (!read.writer_alive)
        return end(false, tr("The run writing %1 stopped before the end (%2 task(s) stored); "
                             "Start Study resumes it.")
                              .arg(path_)
                              .arg(study.tasks.size()));
    timer_->start();
}

void StoreFollower::end(bool finished, const QString& message) {
    following_ = false;
    timer_->stop();
    Q_EMIT ended(finished, message);
}

}  // namespace rps
