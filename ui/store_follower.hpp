#pragma once
// Follows a study file that another process is writing (an `rps run` in a terminal, a batch or
// MPI job started on a cluster): reads it every interval, off the UI thread, and hands each read
// that holds new task rows or maps to the caller, which adds them (StudyResults::appendFromStore).
// Ends when the file is marked finished, or when its writer is gone without finishing it (it
// died, or was stopped: the file is then resumable). The study file's writer lock tells whether
// a writer is alive (StudyStore::being_written); the file itself is only ever read.
#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <cstddef>
#include <memory>

#include "core/store/study_store.hpp"

class QTimer;

namespace rps {

class StoreFollower : public QObject {
    Q_OBJECT
public:
    explicit StoreFollower(QObject* parent = nullptr);
    ~StoreFollower() override;

    // Starts following `path`, of which the caller has shown `tasks_seen` task rows and
    // `maps_seen` maps.
    void follow(const QString& path, std::size_t tasks_seen, std::size_t maps_seen);
    void stop();
    bool following() const { return following_; }
    QString path() const { return path_; }
    void setInterval(int ms);

Q_SIGNALS:
    // A read with task rows or maps beyond those seen before (first_task, first_map).
    void updated(std::shared_ptr<const rps::StoredStudy> study, std::size_t first_task,
                 std::size_t first_map);
    // Following ended: the file is finished, or its writer is gone (message says which).
    void ended(bool finished, QString message);

private:
    struct Read {
        int generation = 0;  // the follow() it belongs to
        std::shared_ptr<const StoredStudy> study;
        bool writer_alive = false;
        QString error;
    };
    static Read readStore(const QString& path, int generation);
    void poll();
    void onRead();
    void end(bool finished, const QString& message);

    QTimer* timer_;
    QFutureWatcher<Read> watcher_;
    QString path_;
    std::size_t tasks_seen_ = 0;
    std::size_t maps_seen_ = 0;
    int failed_reads_ = 0;
    int generation_ = 0;  // a read of an earlier follow() still in flight is dropped
    bool following_ = false;
};

}  // namespace rps
