#include "runtime/study_runner.hpp"

#include <QMetaObject>
#include <QThread>
#include <optional>

#include "core/scene/scene_fingerprint.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/store/study_store.hpp"
#include "core/study/grid_axes.hpp"
#include "core/study/layout.hpp"
#include "core/study/method_params.hpp"
#include "core/study/stored_scene_path.hpp"
#include "runtime/study_driver.hpp"
#include "runtime/study_preflight.hpp"

namespace rps {

using nlohmann::json;

// ---- StudyRunner ---------------------------------------------------------------------------

StudyRunner::StudyRunner(QObject* parent) : StudyRun(parent) {
    qRegisterMetaType<rps::StudyTaskEvent>("rps::StudyTaskEvent");
}

StudyRunner::~StudyRunner() {
    if (thread_) {
        cancel();
        thread_->wait();
        delete thread_;
    }
}

json StudyRunner::method_defaults(const std::string& type) {
    return rps::method_defaults(type);  // the one table: core/study/method_params.cpp
}

uint64_t StudyRunner::grid_point_count(const StudySpec& spec, const json& params) {
    json p = method_defaults("grid");
    p.update(params);
    return static_cast<uint64_t>(grid_axes_point_count(grid_axes(LayoutSpace(spec), p)));
}

namespace {

// The document kept in the store (stored_study_document: the scene made absolute).
json stored_document(const StudySpec& spec) {
    if (!spec.document.is_object() || spec.document.empty())
        throw StudyError("the study has no JSON document to store (StudySpec::document)");
    return stored_study_document(spec);
}

}  // namespace

json StudyRunner::run(const StudySpec& spec, const StudyRunOptions& options) {
    cancelled_ = false;
    return run_new(spec, options);
}

json StudyRunner::resume(const std::filesystem::path& store, const StudyRunOptions& options) {
    cancelled_ = false;
    return run_resume(store, options);
}

json StudyRunner::run_new(const StudySpec& spec, const StudyRunOptions& options) {
    return drive([&] {
        const json doc = stored_document(spec);
        // Re-parsed from the stored document: a fresh run and a resume read the same study.
        StudySpec effective = parse_study(doc, spec.source_file);
        check_study_size(effective);  // before the store: a refused study leaves no file
        // The scene is loaded here too (a bad scene fails before the store exists) and its
        // fingerprint recorded, so that a resume can tell whether it changed.
        const Scene scene = load_scene(effective.scene_path);
        const std::string fingerprint = scene_fingerprint(scene);
        check_engine_inputs(effective, scene);
        check_grid_has_cells(effective, scene);
        check_not_provably_infeasible(effective, scene);
        StudyStore store = StudyStore::create(options.store_path, doc, options.overwrite,
                                              {{"scene_fingerprint", fingerprint}});
        return std::make_unique<Driver>(*this, std::move(effective), std::move(store), options,
                                        false);
    });
}

json StudyRunner::run_resume(const std::filesystem::path& path, const StudyRunOptions& options) {
    // A finished study is not reopened: the resume replayed every task and replaced the summary
    // with one timed over a few milliseconds of replay (wall 0.01 s, efficiency 4746 %), and a
    // resume killed part-way left the study UNFINISHED. Its stored summary is the answer.
    std::optional<json> finished_summary;
    try {
        StoredStudy stored = StudyStore::read(path);
        if (stored.finished) finished_summary = std::move(stored.markers.back().info);
    } catch (const std::exception&) {
        // open_for_resume below reads it again and reports what is wrong with it.
    }
    if (finished_summary && finished_summary->is_object()) {
        json summary = std::move(*finished_summary);
        summary["store"] = path.string();
        summary["already_finished"] = true;
        Q_EMIT finished(QByteArray::fromStdString(summary.dump()));
        return summary;
    }
    return drive([&] {
        StudyStore store = StudyStore::open_for_resume(path);
        const json& document = store.load().spec;
        StudySpec spec = parse_study(document, path.string());
        // Where the study ran, else beside the study file (moved with it); the fingerprint
        // below makes sure it is the same scene.
        spec.scene_path = resolve_stored_scene(document, stored_scene_name(document), path,
                                               "put it back or beside the study file")
                              .string();
        check_study_size(spec);
        check_scene_unchanged(store.load(), spec, path);
        return std::make_unique<Driver>(*this, std::move(spec), std::move(store), options, true);
    });
}

// Everything that can fail, the set-up included, ends in failed() (the GUI listens to nothing
// else) and is rethrown for synchronous callers.
json StudyRunner::drive(const std::function<std::unique_ptr<Driver>()>& make_driver) {
    try {
        std::unique_ptr<Driver> driver = make_driver();
        json summary = driver->run();
        driver.reset();
        set_pool(nullptr);
        Q_EMIT finished(QByteArray::fromStdString(summary.dump()));
        return summary;
    } catch (const std::exception& error) {
        set_pool(nullptr);
        Q_EMIT failed(QString::fromUtf8(error.what()));
        throw;
    }
}

void StudyRunner::start_thread(std::function<json()> body) {
    if (running()) throw StudyError("a study is already running");
    cancelled_ = false;  // here, not in the thread: a cancel() right after start() must hold
    delete thread_;
    thread_ = QThread::create([body = std::move(body)] {
        try {
            body();
        } catch (...) {
            // Already reported through failed().
        }
    });
    thread_->start();
}

void StudyRunner::start(const StudySpec& spec, const StudyRunOptions& options) {
    start_thread([this, spec, options] { return run_new(spec, options); });
}

void StudyRunner::start_resume(const std::filesystem::path& store, const StudyRunOptions& options) {
    start_thread([this, store, options] { return run_resume(store, options); });
}

bool StudyRunner::running() const { return thread_ && thread_->isRunning(); }

void StudyRunner::wait() {
    if (thread_) thread_->wait();
}

void StudyRunner::set_pool(WorkerPool* pool) {
    std::lock_guard lock(mutex_);
    pool_ = pool;
}

void StudyRunner::snapshot(const WorkerPool& pool) {
    PoolStats stats = pool.stats();
    std::lock_guard lock(mutex_);
    stats_ = std::move(stats);
}

PoolStats StudyRunner::pool_stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

// The pool lives in the driver's thread: calls are queued to it.
void StudyRunner::pause() {
    paused_ = true;
    std::lock_guard lock(mutex_);
    if (WorkerPool* p = pool_)
        QMetaObject::invokeMethod(
            p, [p] { p->pause(); }, Qt::QueuedConnection);
}

void StudyRunner::resume_dispatch() {
    paused_ = false;
    std::lock_guard lock(mutex_);
    if (WorkerPool* p = pool_)
        QMetaObject::invokeMethod(
            p, [p] { p->resume(); }, Qt::QueuedConnection);
}

void StudyRunner::cancel() {
    cancelled_ = true;
    std::lock_guard lock(mutex_);
    if (WorkerPool* p = pool_)
        QMetaObject::invokeMethod(
            p, [p] { p->cancel(); }, Qt::QueuedConnection);
}

}  // namespace rps
