#pragma once
// A study run by a process of its own that reports through the event stream of `rps run
// --events` (study_events.hpp, docs/protocol.md "Study events"): how the studio runs a study as an
// MPI job (mpirun -n N+1 rps run STUDY.json --mpi --events) and follows it live as it follows a
// study on its own worker pool.
//
// The process's standard output carries the events; a line there that is not an event (an MPI
// library's notice) and every line of its standard error become log lines. Pause, resume and
// cancel are written to its standard input (mpirun passes it to rank 0); a cancel that the
// process does not act on within a grace period becomes SIGTERM (mpirun passes it to every rank,
// and `rps run` stops on it as on cancel), and SIGKILL after another. finished() or failed() comes
// once the process has ended, so the study file is closed when either arrives; a process that
// ends without saying how fails with its exit status and the last lines it wrote.
#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>

#include "runtime/study_run.hpp"

class QTimer;

namespace rps {

class ExternalStudyRun : public StudyRun {
    Q_OBJECT
public:
    explicit ExternalStudyRun(QObject* parent = nullptr);
    // Cancels a run still in flight and waits for it to end (wait()).
    ~ExternalStudyRun() override;

    void start(const QString& program, const QStringList& arguments);
    // How long a cancelled run has to end before SIGTERM, and again before SIGKILL.
    void setCancelGraceMs(int ms) { cancel_grace_ms_ = ms; }

    bool running() const override { return active_; }
    // Blocks until the process has ended. A cancel asked for escalates meanwhile as it does in
    // the event loop (whose timers cannot fire while this blocks).
    void wait() override;
    void pause() override { send("pause"); }
    void resume_dispatch() override { send("resume"); }
    void cancel() override;
    PoolStats pool_stats() const override;

    // The command line, for messages ("mpirun -n 3 rps run ...").
    QString commandLine() const;
    // Whether the process has said it started the study (its "started" event).
    bool studyStarted() const { return started_event_; }

private:
    void send(const char* command);
    void escalate_cancel();
    void on_stdout(bool at_end = false);
    void on_stderr(bool at_end = false);
    void on_process_error(QProcess::ProcessError error);
    void on_process_finished(int exit_code, QProcess::ExitStatus status);
    void take_stdout_line(const QByteArray& raw);
    void apply(const nlohmann::json& event);
    void end(bool ok, const QString& error);
    void remember_output(const QString& line);

    QProcess* process_;
    QTimer* escalation_;
    QString program_;
    QStringList arguments_;
    int cancel_grace_ms_ = 10000;
    int cancel_step_ = 0;  // 0 no cancel, 1 cancel sent, 2 SIGTERM sent, 3 SIGKILL sent
    bool active_ = false;
    bool started_event_ = false;
    std::optional<QByteArray> summary_;
    std::optional<QString> failure_;
    QByteArray stderr_buffer_;  // the start of a line not yet ended
    QStringList last_output_;   // the last lines of standard error and stray standard output
    mutable std::mutex stats_mutex_;
    PoolStats stats_;
};

}  // namespace rps
