#include "runtime/external_study_run.hpp"

#include <QTimer>
#include <algorithm>

#include "runtime/study_events.hpp"

namespace rps {

using nlohmann::json;

namespace {

constexpr int kLastOutputLines = 8;

QString quoted(const QString& argument) {
    if (!argument.isEmpty() && !argument.contains(QLatin1Char(' ')) &&
        !argument.contains(QLatin1Char('\'')))
        return argument;
    QString escaped = argument;
    escaped.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

}  // namespace

ExternalStudyRun::ExternalStudyRun(QObject* parent)
    : StudyRun(parent), process_(new QProcess(this)), escalation_(new QTimer(this)) {
    escalation_->setSingleShot(true);
    connect(escalation_, &QTimer::timeout, this, &ExternalStudyRun::escalate_cancel);
    qRegisterMetaType<rps::StudyTaskEvent>("rps::StudyTaskEvent");
    connect(process_, &QProcess::readyReadStandardOutput, this, [this] { on_stdout(); });
    connect(process_, &QProcess::readyReadStandardError, this, [this] { on_stderr(); });
    connect(process_, &QProcess::errorOccurred, this, &ExternalStudyRun::on_process_error);
    connect(process_, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            &ExternalStudyRun::on_process_finished);
}

ExternalStudyRun::~ExternalStudyRun() {
    if (process_->state() == QProcess::NotRunning) return;
    cancel();
    wait();
}

void ExternalStudyRun::start(const QString& program, const QStringList& arguments) {
    program_ = program;
    arguments_ = arguments;
    active_ = true;
    started_event_ = false;
    cancel_step_ = 0;
    stderr_buffer_.clear();
    summary_.reset();
    failure_.reset();
    last_output_.clear();
    {
        std::lock_guard lock(stats_mutex_);
        stats_ = PoolStats{};
    }
    process_->start(program, arguments);
}

QString ExternalStudyRun::commandLine() const {
    QStringList words{quoted(program_)};
    for (const QString& a : arguments_) words << quoted(a);
    return words.join(QLatin1Char(' '));
}

void ExternalStudyRun::wait() {
    while (process_->state() != QProcess::NotRunning) {
        if (cancel_step_ == 0) {
            process_->waitForFinished(-1);
            continue;
        }
        const int left = escalation_->isActive() ? escalation_->remainingTime() : 0;
        if (!process_->waitForFinished(std::max(left, 1)) && cancel_step_ < 3) escalate_cancel();
    }
}

PoolStats ExternalStudyRun::pool_stats() const {
    std::lock_guard lock(stats_mutex_);
    return stats_;
}

void ExternalStudyRun::send(const char* command) {
    // While the process is starting, QProcess keeps what is written for it.
    if (process_->state() == QProcess::NotRunning) return;
    process_->write(command);
    process_->write("\n");
}

void ExternalStudyRun::cancel() {
    if (process_->state() == QProcess::NotRunning || cancel_step_ > 0) return;
    send("cancel");
    cancel_step_ = 1;
    escalation_->start(cancel_grace_ms_);
}

// A cancel the process did not act on (its rank 0 is gone while mpirun waits for another rank,
// or it reads no input): SIGTERM, which mpirun passes to every rank, then SIGKILL.
void ExternalStudyRun::escalate_cancel() {
    if (process_->state() == QProcess::NotRunning) return;
    if (cancel_step_ == 1) {
        Q_EMIT log(tr("%1 did not stop within %2 s of the cancel: sending SIGTERM")
                       .arg(program_)
                       .arg(cancel_grace_ms_ / 1000.0));
        process_->terminate();
        cancel_step_ = 2;
        escalation_->start(cancel_grace_ms_);
    } else if (cancel_step_ == 2) {
        Q_EMIT log(tr("%1 did not stop on SIGTERM: killing it").arg(program_));
        process_->kill();
        cancel_step_ = 3;
    }
}

void ExternalStudyRun::remember_output(const QString& line) {
    last_output_ << line;
    while (last_output_.size() > kLastOutputLines) last_output_.removeFirst();
}

void ExternalStudyRun::on_stdout(bool at_end) {
    while (process_->canReadLine()) take_stdout_line(process_->readLine());
    if (at_end && process_->bytesAvailable() > 0) take_stdout_line(process_->readAll());
}

void ExternalStudyRun::take_stdout_line(const QByteArray& line) {
    const QByteArray raw = line.trimmed();
    if (raw.isEmpty()) return;
    const json event = json::parse(raw.toStdString(), nullptr, false);
    if (event.is_object() && event.contains("event")) {
        try {
            apply(event);
        } catch (const std::exception& e) {
            Q_EMIT log(tr("unreadable study event (%1): %2")
                           .arg(QString::fromUtf8(e.what()), QString::fromUtf8(raw)));
        }
        return;
    }
    const QString text = QString::fromUtf8(raw);
    remember_output(text);
    Q_EMIT log(text);
}

// Whole lines only: a line that comes in two reads is one line (mpirun's notices come in chunks).
void ExternalStudyRun::on_stderr(bool at_end) {
    stderr_buffer_ += process_->readAllStandardError();
    qsizetype end;
    while ((end = stderr_buffer_.indexOf('\n')) >= 0 || (at_end && !stderr_buffer_.isEmpty())) {
        if (end < 0) end = stderr_buffer_.size();
        const QString line = QString::fromUtf8(stderr_buffer_.left(end)).trimmed();
        stderr_buffer_.remove(0, end + 1);
        if (line.isEmpty()) continue;
        remember_output(line);
        Q_EMIT log(line);
    }
}

void ExternalStudyRun::apply(const json& e) {
    const std::string kind = e.at("event").get<std::string>();
    const auto qtext = [&](const char* key) {
        return QString::fromStdString(e.at(key).get<std::string>());
    };
    if (kind == "started") {
        started_event_ = true;
        const int version = e.value("version", 0);
        if (version != kStudyEventsVersion)
            Q_EMIT log(tr("the study process speaks study events version %1, this reader %2")
                           .arg(version)
                           .arg(kStudyEventsVersion));
    } else if (kind == "method_started") {
        Q_EMIT methodStarted(e.at("index").get<int>(), qtext("method"));
    } else if (kind == "method_finished") {
        Q_EMIT methodFinished(e.at("index").get<int>(), qtext("method"),
                              event_number_value(e.at("best_objective")),
                              e.at("evaluations").get<quint64>());
    } else if (kind == "task_started") {
        Q_EMIT taskStarted(e.at("task").get<quint64>(), e.at("worker").get<int>());
    } else if (kind == "task_progress") {
        Q_EMIT taskProgress(e.at("task").get<quint64>(), e.at("worker").get<int>(),
                            QByteArray::fromStdString(e.at("data").get<std::string>()));
    } else if (kind == "task_finished") {
        Q_EMIT taskFinished(study_task_event_from_json(e));
    } else if (kind == "progress") {
        Q_EMIT progress(e.at("done").get<quint64>(), e.at("total").get<quint64>(),
                        event_number_value(e.at("eta_s")));
    } else if (kind == "best") {
        QVector<double> x;
        for (const json& v : e.at("x")) x.push_back(event_number_value(v));
        Q_EMIT bestChanged(x, event_number_value(e.at("objective")));
    } else if (kind == "log") {
        Q_EMIT log(qtext("line"));
    } else if (kind == "workers") {
        PoolStats stats = pool_stats_from_json(e);
        std::lock_guard lock(stats_mutex_);
        stats_ = std::move(stats);
    } else if (kind == "finished") {
        summary_ = QByteArray::fromStdString(e.at("summary").dump());
    } else if (kind == "failed") {
        failure_ = qtext("error");
    } else {
        Q_EMIT log(tr("unknown study event: %1").arg(QString::fromStdString(kind)));
    }
}

void ExternalStudyRun::on_process_error(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;  // the others end in finished() as well
    end(false, tr("cannot start %1: %2").arg(program_, process_->errorString()));
}

void ExternalStudyRun::on_process_finished(int exit_code, QProcess::ExitStatus status) {
    escalation_->stop();
    on_stdout(true);
    on_stderr(true);
    if (summary_) return end(true, {});
    if (failure_) return end(false, *failure_);
    QString why = status == QProcess::CrashExit
                      ? tr("%1 ended by a signal").arg(program_)
                      : tr("%1 ended with exit status %2").arg(program_).arg(exit_code);
    if (!last_output_.isEmpty())
        why += QStringLiteral(": ") + last_output_.join(QLatin1Char('\n'));
    else if (started_event_)
        why +=
            tr(" before the study said how it ended (stopped by a signal, or a batch "
               "system's time limit?); the study file keeps every finished task");
    end(false, why);
}

void ExternalStudyRun::end(bool ok, const QString& error) {
    if (!active_) return;
    active_ = false;
    if (ok)
        Q_EMIT finished(*summary_);
    else
        Q_EMIT failed(error);
}

}  // namespace rps
