#include "ui/study_run_controller.hpp"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include "core/common/atomic_file.hpp"
#include "core/store/study_store.hpp"
#include "runtime/external_study_run.hpp"
#include "runtime/study_runner.hpp"
#include "ui/map_service.hpp"
#include "ui/run_control_panel.hpp"
#include "ui/study_results.hpp"

namespace rps {
namespace {

QString statusOf(const StudyTaskEvent& e) {
    if (e.ok) return QStringLiteral("ok");
    return e.error.contains(QLatin1String("cancel"), Qt::CaseInsensitive)
               ? QStringLiteral("cancelled")
               : QStringLiteral("failed");
}

}  // namespace

StudyRunController::StudyRunController(StudyResults* results, RunControlPanel* panel,
                                       QObject* parent)
    : QObject(parent),
      results_(results),
      panel_(panel),
      best_maps_(new MapService(this)),
      poll_timer_(new QTimer(this)),
      rps_(findRpsExecutable()) {
    target_ = StudyComputeTarget::fromSettings();
    qRegisterMetaType<StudyTaskEvent>();
    qRegisterMetaType<QVector<double>>("QVector<double>");
    store_dir_ = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                 QStringLiteral("/studies");
    poll_timer_->setInterval(400);
    connect(poll_timer_, &QTimer::timeout, this, &StudyRunController::pollWorkers);
    connect(best_maps_, &MapService::mapReady, this, [this](const MapResult& result) {
        if (result.serial != best_map_serial_ || !result.evaluation.valid) return;
        results_->setBestMap(result.evaluation.combined_power_w);
        Q_EMIT bestMapReady(result);
    });
    connect(results_, &StudyResults::bestChanged, this, &StudyRunController::onResultsBestChanged);
}

StudyRunController::~StudyRunController() {
    if (runner_ && runner_->running()) {
        runner_->cancel();
        runner_->wait();
    }
}

void StudyRunController::setEvaluator(std::shared_ptr<const StripedEvaluator> evaluator) {
    evaluator_ = std::move(evaluator);
    best_maps_->setEvaluators(evaluator_, nullptr);
}

void StudyRunController::setStoreDirectory(const QString& directory) { store_dir_ = directory; }

QString StudyRunController::findRpsExecutable() {
    const QString env = qEnvironmentVariable("RPS_EXECUTABLE");
    if (!env.isEmpty() && QFileInfo(env).isExecutable()) return env;
    const QString local = QCoreApplication::applicationDirPath() + QStringLiteral("/rps");
    if (QFileInfo(local).isExecutable()) return local;
    return QStandardPaths::findExecutable(QStringLiteral("rps"));
}

bool StudyRunController::running() const { return runner_ && runner_->running(); }

QString StudyRunController::newStorePath(const StudySpec& spec) const {
    QString name = QString::fromStdString(spec.name);
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString path = QDir(store_dir_).filePath(QStringLiteral("%1_%2.h5").arg(name, stamp));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QDir(store_dir_).filePath(QStringLiteral("%1_%2_%3.h5").arg(name, stamp).arg(n));
    return path;
}

void StudyRunController::beginRun() {
    connectRunner();
    paused_ = false;
    active_ = true;
    pending_best_.reset();
    elapsed_.start();
    panel_->clearRun();
    panel_->setStorePath(store_path_);
    panel_->setRunState(RunControlPanel::RunState::Starting);
    poll_timer_->start();
    Q_EMIT started();
}

bool StudyRunController::checkCanStart(QString* error) const {
    const auto fail = [error](const QString& message) {
        if (error) *error = message;
        return false;
    };
    if (running()) return fail(tr("A study is already running."));
    if (rps_.isEmpty())
        return fail(
            tr("The rps executable (the workers) was not found next to rps-studio or on PATH; "
               "set RPS_EXECUTABLE."));
    if (target_.kind == StudyComputeTarget::Kind::mpi) {
        if (!StudyComputeTarget::mpiAvailable())
            return fail(
                tr("This build runs no MPI jobs (built without RPS_WITH_MPI); run the "
                   "study on this computer."));
        if (QStandardPaths::findExecutable(target_.mpirun).isEmpty() &&
            !QFileInfo(target_.mpirun).isExecutable())
            return fail(tr("The MPI launcher %1 was not found (Debian: openmpi-bin); set it in "
                           "the study set-up's Compute group.")
                            .arg(target_.mpirun));
    }
    return true;
}

void StudyRunController::launchLocal(const StudySpec* fresh) {
    auto runner = std::make_unique<StudyRunner>();
    StudyRunner* r = runner.get();
    runner_ = std::move(runner);
    beginRun();
    StudyRunOptions options;
    options.rps_executable = rps_.toStdString();
    if (fresh) {
        options.store_path = store_path_.toStdString();
        r->start(*fresh, options);
    } else {
        r->start_resume(store_path_.toStdString(), options);
    }
}

// The study for a new job, as the store keeps it (the scene made absolute), beside its store:
// rank 0 reads it, wherever mpirun places it (the study folder must be one every host sees).
bool StudyRunController::writeJobStudy(const StudySpec& spec, QString* path, QString* error) {
    const QFileInfo store(store_path_);
    *path = store.dir().filePath(store.completeBaseName() + QStringLiteral(".json"));
    try {
        write_file_atomically(path->toStdString(), stored_study_document(spec).dump(2) + "\n");
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    return true;
}

// The MPI job: rank 0 runs `rps run` and reports its events; ranks 1..N run the workers. A new
// study's job reads `study_json`; without it the job resumes store_path_.
void StudyRunController::launchMpiJob(const QString& study_json, int workers) {
    QStringList arguments = QProcess::splitCommand(target_.mpirun_arguments);
    arguments << QStringLiteral("-n") << QString::number(workers + 1) << rps_
              << QStringLiteral("run");
    if (!study_json.isEmpty())
        arguments << study_json << QStringLiteral("--out") << store_path_;
    else
        arguments << QStringLiteral("--resume") << store_path_;
    arguments << QStringLiteral("--mpi") << QStringLiteral("--events");
    auto run = std::make_unique<ExternalStudyRun>();
    ExternalStudyRun* r = run.get();
    runner_ = std::move(run);
    beginRun();
    panel_->appendLog(tr("MPI job: %1").arg(r->commandLine()));
    r->start(target_.mpirun, arguments);
}

bool StudyRunController::start(const StudySpec& spec, QString* error) {
    if (!checkCanStart(error)) return false;
    if (!QDir().mkpath(store_dir_)) {
        if (error) *error = tr("Cannot create the folder %1.").arg(store_dir_);
        return false;
    }
    store_path_ = newStorePath(spec);
    const bool mpi = target_.kind == StudyComputeTarget::Kind::mpi;
    QString study_json;
    if (mpi && !writeJobStudy(spec, &study_json, error)) return false;
    results_->reset(spec, evaluator_ ? evaluator_->grid() : MeasurementGrid{});
    results_->setStoreFile(store_path_);
    mpi ? launchMpiJob(study_json, spec.compute.workers) : launchLocal(&spec);
    if (running())  // not when the launcher failed at once (the failure said so)
        Q_EMIT statusMessage(
            (mpi ? tr("Study started as an MPI job: %1 worker rank(s), results in %2")
                 : tr("Study started: %1 worker(s), results in %2"))
                .arg(spec.compute.workers)
                .arg(store_path_));
    return true;
}

bool StudyRunController::resumeFrom(const QString& store_path, QString* error) {
    if (!checkCanStart(error)) return false;
    int workers = 0;
    try {
        const StoredStudy stored = StudyStore::read(store_path.toStdString());
        results_->reset(stored.spec, evaluator_ ? evaluator_->grid() : MeasurementGrid{});
        results_->setStoreFile(store_path);
        workers = stored.spec.value("compute", nlohmann::json::object())
                      .value("workers", ComputeSpec{}.workers);
    } catch (const std::exception& e) {
        if (error) *error = QString::fromUtf8(e.what());
        return false;
    }
    store_path_ = store_path;
    target_.kind == StudyComputeTarget::Kind::mpi ? launchMpiJob({}, workers)
                                                  : launchLocal(nullptr);
    if (running()) Q_EMIT statusMessage(tr("Resuming %1").arg(store_path));
    return true;
}

void StudyRunController::connectRunner() {
    StudyRun* r = runner_.get();
    connect(r, &StudyRun::taskFinished, this, &StudyRunController::onTaskFinished);
    connect(r, &StudyRun::bestChanged, this, &StudyRunController::onBestChanged);
    connect(r, &StudyRun::progress, this, &StudyRunController::onProgress);
    connect(r, &StudyRun::finished, this, &StudyRunController::onFinished);
    connect(r, &StudyRun::failed, this, &StudyRunController::onFailed);
    connect(r, &StudyRun::log, panel_, &RunControlPanel::appendLog);
    connect(r, &StudyRun::taskStarted, this, [this](quint64 task, int worker) {
        panel_->setWorkerTask(worker, static_cast<qint64>(task), results_->taskLabel(task));
        if (panel_->runState() == RunControlPanel::RunState::Starting)
            panel_->setRunState(paused_ ? RunControlPanel::RunState::Paused
                                        : RunControlPanel::RunState::Running);
    });
    connect(r, &StudyRun::methodStarted, this, [this](int index, const QString& type) {
        // Numbered from 0, as rps run's progress line, rps show and the task labels number them.
        panel_->appendLog(tr("method %1 (%2) started").arg(index).arg(type));
    });
}

void StudyRunController::onTaskFinished(const StudyTaskEvent& e) {
    TaskRow row;
    row.task_id = e.task_id;
    row.method = e.method;
    row.kind = e.kind;
    row.objective = e.has_objective ? e.objective : std::numeric_limits<double>::quiet_NaN();
    row.best_x.assign(e.x.begin(), e.x.end());
    row.worker_id = e.worker_id;
    row.start_s = e.start_s;
    row.end_s = e.end_s;
    row.status = statusOf(e);
    results_->addTask(row);  // the scatter draws each task's best from its row
    panel_->setWorkerTask(e.worker_id, -1);
    if (pending_best_ && (!results_->hasBest() || results_->bestX() != pending_best_->first))
        results_->setBest(pending_best_->first, pending_best_->second);
    pending_best_.reset();
}

void StudyRunController::onBestChanged(const QVector<double>& x, double objective) {
    pending_best_ = std::make_pair(std::vector<double>(x.begin(), x.end()), objective);
}

void StudyRunController::onResultsBestChanged() {
    if (!evaluator_ || !results_->hasBest() || !results_->spec()) return;
    const LayoutSpace& space = evaluator_->fullEvaluator().space();
    if (results_->bestX().size() != space.dim()) return;
    best_map_serial_ = best_maps_->request(space.decode(results_->bestX()), false);
}

void StudyRunController::onProgress(quint64 done, quint64 total, double eta_s) {
    panel_->setProgress(done, total, eta_s, elapsed_.elapsed() / 1000.0);
    Q_EMIT progressed(done, total);
    if (panel_->runState() == RunControlPanel::RunState::Starting)
        panel_->setRunState(RunControlPanel::RunState::Running);
}

void StudyRunController::pollWorkers() {
    if (runner_) panel_->setWorkerStats(runner_->pool_stats());
}

void StudyRunController::pause() {
    if (!running()) return;
    runner_->pause();
    paused_ = true;
    panel_->setRunState(RunControlPanel::RunState::Paused);
    Q_EMIT statusMessage(tr("Study paused"));
}

void StudyRunController::resume() {
    if (!running()) return;
    runner_->resume_dispatch();
    paused_ = false;
    panel_->setRunState(RunControlPanel::RunState::Running);
    Q_EMIT statusMessage(tr("Study resumed"));
}

void StudyRunController::cancel() {
    if (!running()) return;
    runner_->cancel();
    Q_EMIT statusMessage(tr("Cancelling the study…"));
}

void StudyRunController::onFinished(const QByteArray& summary) {
    runner_->wait();  // the signal comes just before the run's thread ends: let it end
    poll_timer_->stop();
    pollWorkers();
    active_ = false;
    const auto json = nlohmann::json::parse(summary.toStdString(), nullptr, false);
    if (!json.is_discarded()) results_->setSummary(json);
    const auto tasks = static_cast<quint64>(results_->taskCount());
    panel_->setProgress(tasks, tasks, 0.0, elapsed_.elapsed() / 1000.0);
    panel_->endRun();
    panel_->setRunState(RunControlPanel::RunState::Finished,
                        tr("%1 tasks in %2.")
                            .arg(results_->taskCount())
                            .arg(RunControlPanel::formatDuration(elapsed_.elapsed() / 1000.0)));
    Q_EMIT statusMessage(tr("Study finished; results in %1").arg(store_path_));
    Q_EMIT runFinished(true, {});
}

void StudyRunController::onFailed(const QString& error) {
    runner_->wait();
    poll_timer_->stop();
    pollWorkers();
    active_ = false;
    panel_->endRun();
    const bool cancelled = error.contains(QLatin1String("cancel"), Qt::CaseInsensitive);
    panel_->setRunState(
        cancelled ? RunControlPanel::RunState::Cancelled : RunControlPanel::RunState::Failed,
        cancelled ? QString() : error);
    Q_EMIT statusMessage(cancelled ? tr("Study cancelled") : tr("Study failed: %1").arg(error));
    Q_EMIT runFinished(false, cancelled ? QString() : error);
}

}  // namespace rps
