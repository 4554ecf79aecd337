#pragma once
// A study in flight, wherever it runs: in this process on a worker pool (StudyRunner) or in a
// process of its own that reports through its event stream (ExternalStudyRun: `rps run --events`,
// e.g. under mpirun on a cluster). The studio follows either through these signals and steers it
// with pause, resume and cancel.
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QVector>

#include "runtime/worker_pool.hpp"

namespace rps {

// One finished task, for the GUI (live scatter, histogram, Gantt).
struct StudyTaskEvent {
    quint64 task_id = 0;
    int method_index = -1;  // the study's methods[i]; methods.size() for the final map task
    QString method;         // grid, gd, ga, pso, cmaes, refine, halving, map
    QString kind;           // evaluate, gd, map
    bool ok = true;
    bool replayed = false;      // answered from the store on resume, not dispatched
    bool full_fidelity = true;  // false for the cheap rounds of successive halving
    double objective = 0.0;     // best objective in the task (valid when has_objective)
    bool has_objective = false;
    QVector<double> x;    // the point of that objective
    int evaluations = 0;  // layouts evaluated by the task
    int worker_id = -1;
    int attempts = 0;
    double start_s = 0.0, end_s = 0.0, elapsed_s = 0.0;  // pool clock / worker-measured
    QString error;
};

class StudyRun : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~StudyRun() override;

    virtual bool running() const = 0;
    virtual void wait() = 0;  // blocks until the run has ended
    // Thread-safe. Cancel leaves the store unfinished (resumable).
    virtual void pause() = 0;
    virtual void resume_dispatch() = 0;
    virtual void cancel() = 0;
    // The pool's statistics as last reported (thread-safe copy).
    virtual PoolStats pool_stats() const = 0;

Q_SIGNALS:
    void methodStarted(int index, QString type);
    void methodFinished(int index, QString type, double best_objective, quint64 evaluations);
    void taskStarted(quint64 task_id, int worker);
    void taskProgress(quint64 task_id, int worker, QByteArray json);
    void taskFinished(rps::StudyTaskEvent event);
    void progress(quint64 done, quint64 total_estimate, double eta_s);
    void bestChanged(QVector<double> x, double objective);
    void log(QString line);
    void finished(QByteArray summary_json);
    void failed(QString error);
};

}  // namespace rps

Q_DECLARE_METATYPE(rps::StudyTaskEvent)
