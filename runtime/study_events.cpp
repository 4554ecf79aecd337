#include "runtime/study_events.hpp"

#include <unistd.h>

#include <QSocketNotifier>
#include <QTimer>
#include <cerrno>
#include <cmath>
#include <limits>

namespace rps {

using nlohmann::json;

json event_number(double value) {
    if (std::isfinite(value)) return value;
    if (std::isnan(value)) return "nan";
    return value > 0 ? "inf" : "-inf";
}

double event_number_value(const json& j) {
    if (j.is_number()) return j.get<double>();
    if (j.is_null()) return std::numeric_limits<double>::quiet_NaN();
    const std::string text = j.get<std::string>();  // throws for any other type
    if (text == "inf") return std::numeric_limits<double>::infinity();
    if (text == "-inf") return -std::numeric_limits<double>::infinity();
    if (text == "nan") return std::numeric_limits<double>::quiet_NaN();
    throw std::invalid_argument("not a number: " + text);
}

namespace {

json numbers(const QVector<double>& values) {
    json out = json::array();
    for (double v : values) out.push_back(event_number(v));
    return out;
}

QVector<double> numbers_from(const json& j) {
    QVector<double> out;
    for (const json& v : j) out.push_back(event_number_value(v));
    return out;
}

QString text(const json& j, const char* key) {
    return QString::fromStdString(j.at(key).get<std::string>());
}

const char* state_name(WorkerState state) {
    switch (state) {
        case WorkerState::starting:
            return "starting";
        case WorkerState::idle:
            return "idle";
        case WorkerState::busy:
            return "busy";
        case WorkerState::restarting:
            return "restarting";
        case WorkerState::stopped:
            break;
    }
    return "stopped";
}

WorkerState state_from(const std::string& name) {
    for (WorkerState s :
         {WorkerState::starting, WorkerState::idle, WorkerState::busy, WorkerState::restarting})
        if (name == state_name(s)) return s;
    return WorkerState::stopped;
}

}  // namespace

json study_task_event_json(const StudyTaskEvent& e) {
    return {{"task", e.task_id},
            {"method_index", e.method_index},
            {"method", e.method.toStdString()},
            {"kind", e.kind.toStdString()},
            {"ok", e.ok},
            {"replayed", e.replayed},
            {"full_fidelity", e.full_fidelity},
            {"objective", event_number(e.objective)},
            {"has_objective", e.has_objective},
            {"x", numbers(e.x)},
            {"evaluations", e.evaluations},
            {"worker", e.worker_id},
            {"attempts", e.attempts},
            {"start_s", event_number(e.start_s)},
            {"end_s", event_number(e.end_s)},
            {"elapsed_s", event_number(e.elapsed_s)},
            {"error", e.error.toStdString()}};
}

StudyTaskEvent study_task_event_from_json(const json& j) {
    StudyTaskEvent e;
    e.task_id = j.at("task").get<quint64>();
    e.method_index = j.at("method_index").get<int>();
    e.method = text(j, "method");
    e.kind = text(j, "kind");
    e.ok = j.at("ok").get<bool>();
    e.replayed = j.at("replayed").get<bool>();
    e.full_fidelity = j.at("full_fidelity").get<bool>();
    e.objective = event_number_value(j.at("objective"));
    e.has_objective = j.at("has_objective").get<bool>();
    e.x = numbers_from(j.at("x"));
    e.evaluations = j.at("evaluations").get<int>();
    e.worker_id = j.at("worker").get<int>();
    e.attempts = j.at("attempts").get<int>();
    e.start_s = event_number_value(j.at("start_s"));
    e.end_s = event_number_value(j.at("end_s"));
    e.elapsed_s = event_number_value(j.at("elapsed_s"));
    e.error = text(j, "error");
    return e;
}

json pool_stats_json(const PoolStats& s) {
    json workers = json::array();
    for (const WorkerStats& w : s.workers)
        workers.push_back({{"id", w.id},
                           {"state", state_name(w.state)},
                           {"pid", w.pid},
                           {"gpu_slot", w.gpu_slot},
                           {"gpu_fraction", event_number(w.gpu_fraction)},
                           {"tasks_ok", w.tasks_ok},
                           {"tasks_failed", w.tasks_failed},
                           {"restarts", w.restarts},
                           {"busy_s", event_number(w.busy_s)}});
    return {{"tasks_submitted", s.tasks_submitted},
            {"tasks_ok", s.tasks_ok},
            {"tasks_failed", s.tasks_failed},
            {"tasks_cancelled", s.tasks_cancelled},
            {"retries", s.retries},
            {"restarts", s.restarts},
            {"protocol_errors", s.protocol_errors},
            {"queued", s.queued},
            {"running", s.running},
            {"wall_s", event_number(s.wall_s)},
            {"busy_s", event_number(s.busy_s)},
            {"workers", workers}};
}

PoolStats pool_stats_from_json(const json& j) {
    PoolStats s;
    s.tasks_submitted = j.at("tasks_submitted").get<uint64_t>();
    s.tasks_ok = j.at("tasks_ok").get<uint64_t>();
    s.tasks_failed = j.at("tasks_failed").get<uint64_t>();
    s.tasks_cancelled = j.at("tasks_cancelled").get<uint64_t>();
    s.retries = j.at("retries").get<uint64_t>();
    s.restarts = j.at("restarts").get<uint64_t>();
    s.protocol_errors = j.at("protocol_errors").get<uint64_t>();
    s.queued = j.at("queued").get<uint64_t>();
    s.running = j.at("running").get<uint64_t>();
    s.wall_s = event_number_value(j.at("wall_s"));
    s.busy_s = event_number_value(j.at("busy_s"));
    for (const json& w : j.at("workers")) {
        WorkerStats ws;
        ws.id = w.at("id").get<int>();
        ws.state = state_from(w.at("state").get<std::string>());
        ws.pid = w.at("pid").get<int64_t>();
        ws.gpu_slot = w.at("gpu_slot").get<int>();
        ws.gpu_fraction = event_number_value(w.at("gpu_fraction"));
        ws.tasks_ok = w.at("tasks_ok").get<uint64_t>();
        ws.tasks_failed = w.at("tasks_failed").get<uint64_t>();
        ws.restarts = w.at("restarts").get<uint64_t>();
        ws.busy_s = event_number_value(w.at("busy_s"));
        s.workers.push_back(ws);
    }
    return s;
}

// ---- StudyEventWriter ----------------------------------------------------------------------

StudyEventWriter::StudyEventWriter(StudyRun& run, Sink sink, int stats_interval_ms, QObject* parent)
    : QObject(parent), run_(run), sink_(std::move(sink)), timer_(new QTimer(this)) {
    connect(&run, &StudyRun::methodStarted, this, [this](int index, const QString& type) {
        write({{"event", "method_started"}, {"index", index}, {"method", type.toStdString()}});
    });
    connect(&run, &StudyRun::methodFinished, this,
            [this](int index, const QString& type, double best, quint64 evaluations) {
                write({{"event", "method_finished"},
                       {"index", index},
                       {"method", type.toStdString()},
                       {"best_objective", event_number(best)},
                       {"evaluations", evaluations}});
            });
    connect(&run, &StudyRun::taskStarted, this, [this](quint64 task, int worker) {
        write({{"event", "task_started"}, {"task", task}, {"worker", worker}});
    });
    connect(&run, &StudyRun::taskProgress, this,
            [this](quint64 task, int worker, const QByteArray& data) {
                write({{"event", "task_progress"},
                       {"task", task},
                       {"worker", worker},
                       {"data", data.toStdString()}});
            });
    connect(&run, &StudyRun::taskFinished, this, [this](const StudyTaskEvent& e) {
        json event = study_task_event_json(e);
        event["event"] = "task_finished";
        write(event);
    });
    connect(&run, &StudyRun::progress, this, [this](quint64 done, quint64 total, double eta_s) {
        write({{"event", "progress"},
               {"done", done},
               {"total", total},
               {"eta_s", event_number(eta_s)}});
    });
    connect(&run, &StudyRun::bestChanged, this, [this](const QVector<double>& x, double f) {
        write({{"event", "best"}, {"x", numbers(x)}, {"objective", event_number(f)}});
    });
    connect(&run, &StudyRun::log, this, [this](const QString& line) {
        write({{"event", "log"}, {"line", line.toStdString()}});
    });
    connect(&run, &StudyRun::finished, this, [this](const QByteArray& summary) {
        write_stats();
        timer_->stop();
        write({{"event", "finished"},
               {"summary", json::parse(summary.toStdString(), nullptr, false)}});
    });
    connect(&run, &StudyRun::failed, this, [this](const QString& error) {
        write_stats();
        timer_->stop();
        write({{"event", "failed"}, {"error", error.toStdString()}});
    });
    connect(timer_, &QTimer::timeout, this, &StudyEventWriter::write_stats);
    timer_->start(stats_interval_ms);
}

void StudyEventWriter::write(const json& event) {
    // Invalid UTF-8 in a worker's text is replaced, never a reason to lose the event.
    sink_(event.dump(-1, ' ', false, json::error_handler_t::replace));
}

void StudyEventWriter::write_stats() {
    json event = pool_stats_json(run_.pool_stats());
    event["event"] = "workers";
    std::string line = event.dump();
    if (line == last_stats_) return;
    last_stats_ = line;
    sink_(line);
}

// ---- StudyCommandReader --------------------------------------------------------------------

StudyCommandReader::StudyCommandReader(StudyRun& run, int fd, QObject* parent)
    : QObject(parent),
      run_(run),
      fd_(fd),
      notifier_(new QSocketNotifier(fd, QSocketNotifier::Read, this)) {
    connect(notifier_, &QSocketNotifier::activated, this, &StudyCommandReader::on_readable);
}

void StudyCommandReader::on_readable() {
    char chunk[512];
    const ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
    if (n <= 0) {  // end of input (or an input that cannot be read): nothing more will come
        notifier_->setEnabled(false);
        if (paused_) {
            paused_ = false;
            run_.resume_dispatch();
            Q_EMIT note(
                QStringLiteral("the command input closed while the study was paused: "
                               "resumed"));
        }
        return;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
    for (std::size_t end; (end = buffer_.find('\n')) != std::string::npos;) {
        apply(buffer_.substr(0, end));
        buffer_.erase(0, end + 1);
    }
    if (buffer_.size() > 4096) buffer_.clear();  // no command is that long
}

void StudyCommandReader::apply(const std::string& raw) {
    std::string line = raw;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    while (!line.empty() && line.front() == ' ') line.erase(0, 1);
    if (line.empty()) return;
    if (line == "pause") {
        paused_ = true;
        run_.pause();
    } else if (line == "resume") {
        paused_ = false;
        run_.resume_dispatch();
    } else if (line == "cancel") {
        run_.cancel();
    } else {
        Q_EMIT note(QStringLiteral("ignored on the command input: %1 (commands: pause, resume, "
                                   "cancel)")
                        .arg(QString::fromStdString(line)));
    }
}

}  // namespace rps
