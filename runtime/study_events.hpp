#pragma once
// The events of a running study as JSON lines, one object per line (docs/protocol.md, "Study
// events"): what `rps run --events` prints on its standard output for a program that follows the
// run (the studio, when a study runs as an MPI job), and the commands it reads on its standard
// input ("pause", "resume", "cancel"). Numbers keep every bit (17 significant digits); a value
// that is not finite travels as the text "nan", "inf" or "-inf".
#include <QObject>
#include <QString>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "runtime/study_run.hpp"

class QSocketNotifier;
class QTimer;

namespace rps {

inline constexpr int kStudyEventsVersion = 1;

nlohmann::json study_task_event_json(const StudyTaskEvent& event);
// Throws nlohmann::json::exception for an object that lacks a field or has one of another type.
StudyTaskEvent study_task_event_from_json(const nlohmann::json& j);
nlohmann::json pool_stats_json(const PoolStats& stats);
PoolStats pool_stats_from_json(const nlohmann::json& j);

// A double as an event carries it, and back (null reads as NaN).
nlohmann::json event_number(double value);
double event_number_value(const nlohmann::json& j);

// Writes a run's signals as event lines to `sink` (one call per line, without the newline), and
// the pool's statistics ("workers") whenever they changed, checked every `stats_interval_ms` and
// before the run's last event.
class StudyEventWriter : public QObject {
    Q_OBJECT
public:
    using Sink = std::function<void(const std::string& line)>;
    StudyEventWriter(StudyRun& run, Sink sink, int stats_interval_ms = 500,
                     QObject* parent = nullptr);
    void write(const nlohmann::json& event);

private:
    void write_stats();

    StudyRun& run_;
    Sink sink_;
    QTimer* timer_;
    std::string last_stats_;
};

// Applies the commands read from a file descriptor (the standard input), one per line: "pause",
// "resume", "cancel"; blank lines are skipped and anything else is reported through `note`.
// Stops listening at the end of the input. A closed input cancels nothing, but it resumes a run
// it had paused: no one is left to resume it, and a study paused for ever would hang its job.
class StudyCommandReader : public QObject {
    Q_OBJECT
public:
    StudyCommandReader(StudyRun& run, int fd, QObject* parent = nullptr);

Q_SIGNALS:
    void note(QString text);

private:
    void on_readable();
    void apply(const std::string& line);

    StudyRun& run_;
    int fd_;
    QSocketNotifier* notifier_;
    std::string buffer_;
    bool paused_ = false;
};

}  // namespace rps
