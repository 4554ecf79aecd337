#include "ui/map_service.hpp"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>
#include <exception>

namespace rps {
namespace {

MapResult compute(const std::shared_ptr<const StripedEvaluator>& evaluator, Layout layout,
                  uint64_t serial, int64_t requested_ns, bool preview) {
    const auto start = std::chrono::steady_clock::now();
    MapResult result;
    result.serial = serial;
    result.preview = preview;
    result.reflection_order = evaluator->reflectionOrder();
    try {
        result.evaluation = evaluator->evaluate(layout);
    } catch (const std::exception& error) {  // never let an exception reach the UI thread
        result.evaluation = LayoutEvaluation{};
        result.evaluation.reason = error.what();
    }
    result.layout = std::move(layout);
    result.requested_ns = requested_ns;
    result.compute_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace

MapService::MapService(QObject* parent) : QObject(parent) {
    qRegisterMetaType<MapResult>();
    clock_.start();
    preview_.preview = true;
    for (Lane* lane : {&full_, &preview_}) {
        lane->watcher = new QFutureWatcher<MapResult>(this);
        connect(lane->watcher, &QFutureWatcher<MapResult>::finished, this,
                [this, lane] { onFinished(*lane); });
    }
}

MapService::~MapService() {
    for (Lane* lane : {&full_, &preview_}) lane->watcher->waitForFinished();
}

void MapService::setEvaluators(std::shared_ptr<const StripedEvaluator> full,
                               std::shared_ptr<const StripedEvaluator> preview) {
    ++generation_;
    full_.evaluator = std::move(full);
    preview_.evaluator = std::move(preview);
    full_.pending.reset();
    preview_.pending.reset();
    full_ms_ = 0.0;
}

uint64_t MapService::request(const Layout& layout, bool interactive) {
    if (!full_.evaluator) return 0;
    const Job job{next_serial_++, layout, clock_.nsecsElapsed()};
    submit(interactive && previewing() ? preview_ : full_, job);
    return job.serial;
}

bool MapService::previewing() const {
    return preview_enabled_ && preview_.evaluator != nullptr && full_ms_ > kDragBudgetMs;
}

bool MapService::busy() const { return full_.running || preview_.running; }

bool MapService::waitIdle(int timeout_ms) {
    QDeadlineTimer deadline(timeout_ms);
    while (busy() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !busy();
}

void MapService::submit(Lane& lane, Job job) {
    if (lane.running)
        lane.pending = std::move(job);  // latest request wins: the older pending one is dropped
    else
        launch(lane, job);
}

void MapService::launch(Lane& lane, const Job& job) {
    lane.running = true;
    lane.watcher->setProperty("generation", QVariant::fromValue<qulonglong>(generation_));
    lane.watcher->setFuture(QtConcurrent::run(compute, lane.evaluator, job.layout, job.serial,
                                              job.requested_ns, lane.preview));
}

void MapService::onFinished(Lane& lane) {
    lane.running = false;
    const bool current = lane.watcher->property("generation").toULongLong() == generation_;
    if (current && lane.watcher->future().resultCount() > 0) {
        const MapResult result = lane.watcher->result();
        if (!lane.preview)  // a running mean that follows the machine's load
            full_ms_ =
                full_ms_ == 0.0 ? result.compute_ms : 0.7 * full_ms_ + 0.3 * result.compute_ms;
        Q_EMIT mapReady(result);
    }
    if (lane.pending && lane.evaluator) {
        const Job next = std::move(*lane.pending);
        lane.pending.reset();
        launch(lane, next);
    }
}

}  // namespace rps
