#pragma once
// A study run by a process of its own that reports through the event stream of `rps run
// --events` (study_events.hpp, docs/protocol.md "Study events"): how the studio runs a study as an
// MPI job (mpirun -n N+1 rps run STUDY.json --mpi --events) and follows it live as it follows a
// study on its own worker pool.
//
// The process's standard output carries the events; a line there that is not an event (an MPI
// library's notice) and every line of its standard error become log lines. Pause, resume and
// cancel are written to its standard input (mpirun passes it to rank 0). finished() or failed()
// comes once the process has ended, so the study file is closed when either arrives; a process
// that ends without saying how fails with its exit status and the last lines it wrote.
#include <QProcess>
#include <QStringList>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>

#include "runtime/study_run.hpp"

namespace rps {

class ExternalStudyRun : public StudyRun {
    Q_OBJECT
public:
    explicit ExternalStudyRun(QObject* parent = nullptr);
    // Cancels a run still in flight and waits for it (at most `end_wait_ms`), then kills it.
    ~ExternalStudyRun() override;

    void start(const QString& program, const QStringList& arguments);
    // How long wait() and the destructor give a cancelled run to end before killing it.
    void setEndWaitMs(int ms) { end_wait_ms_ = ms; }

    bool running() const override { return active_; }
    void wait() override;
    void pause() override { send("pause"); }
    void resume_dispatch() override { send("resume"); }
    void cancel() override { send("cancel"); }
    PoolStats pool_stats() const override;

    // The command line, for messages ("mpirun -n 3 rps run ...").
    QString commandLine() const;
    // Whether the process has said it started the study (its "started" event).
    bool studyStarted() const { return started_event_; }

private:
    void send(const char* command);
    void on_stdout();
    void on_stderr();
    void on_process_error(QProcess::ProcessError error);
    void on_process_finished(int exit_code, QProcess::ExitStatus status);
    void apply(const nlohmann::json& event);
    void end(bool ok, const QString& error);
    void remember_output(const QString& line);

    QProcess* process_;
    QString program_;
    QStringList arguments_;
    int end_wait_ms_ = 30000;
    bool active_ = false;
    bool started_event_ = false;
    std::optional<QByteArray> summary_;
    std::optional<QString> failure_;
    QStringList last_output_;  // the last lines of standard error and stray standard output
    mutable std::mutex stats_mutex_;
    PoolStats stats_;
};

}  // namespace rps
