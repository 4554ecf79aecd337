#pragma once
// Computes the plan view's maps off the UI thread with "latest request wins": each lane runs at
// most one evaluation and keeps at most one pending request, which a newer request replaces.
// While the user drags, every mouse move requests a map; the service never queues a backlog, and
// the map on screen always belongs to the newest layout that could be computed.
//
// Two lanes: the full lane (the study's reflection order) and, when the study's order is above
// the preview order, a preview lane for drags. Interactive requests go to the preview lane only
// while full maps are too slow for the drag budget (kDragBudgetMs, measured on this machine);
// the owner asks for the full map when the drag ends or pauses. The receiver decides what to
// show (newest serial; a full map replaces a preview of the same serial).
#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <optional>

#include "ui/map_result.hpp"
#include "ui/striped_evaluator.hpp"

template <typename T>
class QFutureWatcher;

namespace rps {

class MapService : public QObject {
    Q_OBJECT
public:
    explicit MapService(QObject* parent = nullptr);
    ~MapService() override;

    // Replaces the evaluators; results of earlier evaluators are dropped. Null clears.
    void setEvaluators(std::shared_ptr<const StripedEvaluator> full,
                       std::shared_ptr<const StripedEvaluator> preview);
    bool hasEvaluator() const { return full_.evaluator != nullptr; }
    // Requests the map of a layout; `interactive` (a drag in progress) may be answered by the
    // preview lane alone. Returns the serial.
    uint64_t request(const Layout& layout, bool interactive);
    // Whether interactive requests currently go to the preview lane.
    bool previewing() const;
    // Off: drags always compute full-order maps (exact, but slower on large scenes).
    void setPreviewEnabled(bool enabled) { preview_enabled_ = enabled; }
    // Mean compute time of recent full maps (ms); 0 before the first.
    double fullMapMs() const { return full_ms_; }
    static constexpr double kDragBudgetMs = 35.0;
    // Nanoseconds on the service clock (the clock of MapResult::requested_ns).
    int64_t nowNs() const { return clock_.nsecsElapsed(); }
    bool busy() const;
    // Blocks (spinning the event loop) until both lanes are idle; for tests and automation.
    bool waitIdle(int timeout_ms);

Q_SIGNALS:
    void mapReady(rps::MapResult result);

private:
    struct Job {
        uint64_t serial = 0;
        Layout layout;
        int64_t requested_ns = 0;
    };
    struct Lane {
        std::shared_ptr<const StripedEvaluator> evaluator;
        QFutureWatcher<MapResult>* watcher = nullptr;
        std::optional<Job> pending;
        bool running = false;
        bool preview = false;
    };

    void submit(Lane& lane, Job job);
    void launch(Lane& lane, const Job& job);
    void onFinished(Lane& lane);

    Lane full_;
    Lane preview_;
    uint64_t next_serial_ = 1;
    double full_ms_ = 0.0;
    bool preview_enabled_ = true;
    uint64_t generation_ = 0;
    QElapsedTimer clock_;
};

}  // namespace rps
