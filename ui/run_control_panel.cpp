#include "ui/run_control_panel.hpp"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

namespace rps {
namespace {

constexpr int kMaxLogLines = 5000;
enum Column { WorkerCol = 0, StateCol, PidCol, TaskCol, DoneCol, RestartsCol, BusyCol, LogCol };

QToolButton* actionButton(QAction* action, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return button;
}

QColor stateColor(WorkerState state) {
    switch (state) {
        case WorkerState::busy:
            return QColor(46, 140, 70);
        case WorkerState::idle:
            return QColor(110, 110, 120);
        case WorkerState::starting:
            return QColor(40, 100, 190);
        case WorkerState::restarting:
            return QColor(210, 120, 0);
        case WorkerState::stopped:
            return QColor(180, 30, 30);
    }
    return Qt::black;
}

}  // namespace

RunControlPanel::RunControlPanel(QAction* start, QAction* pause, QAction* cancel, QAction* resume,
                                 QWidget* parent)
    : QWidget(parent) {
    auto* buttons = new QGridLayout;
    buttons->addWidget(actionButton(start, this), 0, 0);
    buttons->addWidget(actionButton(pause, this), 0, 1);
    buttons->addWidget(actionButton(cancel, this), 1, 0);
    buttons->addWidget(actionButton(resume, this), 1, 1);
    state_label_ = new QLabel(this);
    // A long failure (or a long path) wraps and never widens the dock, hence the window: a
    // label's width hint is its longest unbreakable run, so the hint is ignored.
    state_label_->setWordWrap(true);
    store_label_ = new QLabel(this);
    store_label_->setWordWrap(true);
    store_label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setToolTip(tr("Finished tasks of the estimated total"));
    progress_label_ = new QLabel(this);
    progress_label_->setWordWrap(true);
    best_label_ = new QLabel(this);
    best_label_->setWordWrap(true);
    workers_ = new QTableWidget(0, 8, this);
    workers_->setHorizontalHeaderLabels({tr("Worker"), tr("State"), tr("PID"), tr("Task"),
                                         tr("Done"), tr("Restarts"), tr("Busy"),
                                         tr("Last log line")});
    workers_->verticalHeader()->setVisible(false);
    workers_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    workers_->horizontalHeader()->setStretchLastSection(true);
    workers_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    workers_->setSelectionMode(QAbstractItemView::NoSelection);
    workers_->setToolTip(
        tr("One row per worker process: idle, busy, starting or restarting "
           "(after a crash or a hang, its task is retried)"));
    workers_->setMinimumHeight(90);
    log_filter_ = new QComboBox(this);
    log_filter_->addItem(tr("All log lines"), -2);
    log_filter_->addItem(tr("Study only"), -1);
    connect(log_filter_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &RunControlPanel::refreshLog);
    log_ = new QPlainTextEdit(this);
    log_->setReadOnly(true);
    log_->setMaximumBlockCount(kMaxLogLines);
    log_->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPointSizeF(8.5);
    log_->setFont(mono);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(buttons);
    for (QLabel* label : {state_label_, store_label_, progress_label_, best_label_})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    layout->addWidget(state_label_);
    layout->addWidget(store_label_);
    layout->addWidget(progress_);
    layout->addWidget(progress_label_);
    layout->addWidget(best_label_);
    layout->addWidget(workers_, 1);
    layout->addWidget(log_filter_);
    layout->addWidget(log_, 2);
    setRunState(RunState::Idle);
}

void RunControlPanel::setRunState(RunState state, const QString& detail) {
    state_ = state;
    QString text;
    switch (state) {
        case RunState::Idle:
            text = tr("No study running.");
            break;
        case RunState::Starting:
            text = tr("Starting workers…");
            break;
        case RunState::Running:
            text = tr("Running.");
            break;
        case RunState::Paused:
            text = tr("Paused: running tasks finish, no new ones start.");
            break;
        case RunState::Finished:
            text = tr("Finished.");
            break;
        case RunState::Cancelled:
            text =
                tr("Cancelled: the study file keeps every finished task; "
                   "resume it later.");
            break;
        case RunState::Failed:
            text = tr("Failed.");
            break;
    }
    if (!detail.isEmpty()) text += QLatin1Char(' ') + detail;
    state_label_->setText(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
}

void RunControlPanel::setStorePath(const QString& path) {
    store_label_->setText(path.isEmpty() ? QString() : tr("Results file: %1").arg(path));
}

void RunControlPanel::showStudyFile(bool finished, int tasks_done) {
    state_ = RunState::Idle;
    const QString text =
        finished ? tr("Study file: finished, %n task(s).", nullptr, tasks_done)
                 : tr("Study file: unfinished, %n task(s) done. Start Study resumes it.", nullptr,
                      tasks_done);
    state_label_->setText(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
    progress_->setRange(0, 1);
    progress_->setValue(finished ? 1 : 0);
    progress_label_->setText(finished ? tr("%n task(s), done", nullptr, tasks_done)
                                      : tr("%n task(s) done so far", nullptr, tasks_done));
}

void RunControlPanel::showFollowing(int tasks_done) {
    state_ = RunState::Idle;
    state_label_->setText(
        QStringLiteral("<b>%1</b>")
            .arg(tr("Following: another process is writing this study file.").toHtmlEscaped()));
    progress_->setRange(0, 0);  // busy: the total is the writer's to know
    progress_label_->setText(tr("%n task(s) done so far", nullptr, tasks_done));
}

QString RunControlPanel::formatDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("–");
    const qint64 s = static_cast<qint64>(std::llround(seconds));
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2")
        .arg(s / 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

void RunControlPanel::setProgress(quint64 done, quint64 total, double eta_s, double elapsed_s) {
    done_ = done, total_ = total, elapsed_s_ = elapsed_s;
    const int maximum = static_cast<int>(std::min<quint64>(std::max<quint64>(total, 1), INT32_MAX));
    progress_->setRange(0, maximum);
    progress_->setValue(static_cast<int>(std::min<quint64>(done, static_cast<quint64>(maximum))));
    progress_label_->setText(
        tr("%1 of ~%2 tasks  |  elapsed %3  |  ETA %4")
            .arg(done)
            .arg(total)
            .arg(formatDuration(elapsed_s))
            .arg(done >= total && total > 0 ? tr("done") : formatDuration(eta_s)));
}

void RunControlPanel::setBest(const QString& text) { best_label_->setText(text); }

QString RunControlPanel::stateName(WorkerState state) {
    switch (state) {
        case WorkerState::starting:
            return tr("starting");
        case WorkerState::idle:
            return tr("idle");
        case WorkerState::busy:
            return tr("busy");
        case WorkerState::restarting:
            return tr("restarted");
        case WorkerState::stopped:
            return tr("stopped");
    }
    return {};
}

int RunControlPanel::workerRowCount() const { return workers_->rowCount(); }

QString RunControlPanel::stateText() const {
    QTextDocument document;
    document.setHtml(state_label_->text());
    return document.toPlainText();
}

QString RunControlPanel::workerStateText(int row) const {
    const QTableWidgetItem* item = workers_->item(row, StateCol);
    return item ? item->text() : QString();
}

void RunControlPanel::ensureWorkerRows(int count) {
    while (workers_->rowCount() < count) {
        const int row = workers_->rowCount();
        workers_->insertRow(row);
        for (int c = 0; c < workers_->columnCount(); ++c)
            workers_->setItem(row, c, new QTableWidgetItem);
        workers_->item(row, WorkerCol)->setText(QString::number(row));
        log_filter_->addItem(tr("Worker %1").arg(row), row);
    }
}

void RunControlPanel::setWorkerStats(const PoolStats& stats) {
    ensureWorkerRows(static_cast<int>(stats.workers.size()));
    for (const WorkerStats& w : stats.workers) {
        if (w.id < 0 || w.id >= workers_->rowCount()) continue;
        QTableWidgetItem* state = workers_->item(w.id, StateCol);
        const bool restarted = w.restarts > 0 && w.state != WorkerState::busy;
        state->setText(stateName(w.state) + (restarted && w.state == WorkerState::idle
                                                 ? tr(" (restarted %1×)").arg(w.restarts)
                                                 : QString()));
        state->setForeground(stateColor(w.state));
        workers_->item(w.id, PidCol)->setText(w.pid > 0 ? QString::number(w.pid) : QString());
        workers_->item(w.id, DoneCol)->setText(QString::number(w.tasks_ok));
        workers_->item(w.id, RestartsCol)->setText(QString::number(w.restarts));
        const double share = stats.wall_s > 0 ? 100.0 * w.busy_s / stats.wall_s : 0.0;
        workers_->item(w.id, BusyCol)
            ->setText(QStringLiteral("%1 %").arg(std::min(share, 100.0), 0, 'f', 0));
        const auto task = worker_task_.find(w.id);
        workers_->item(w.id, TaskCol)
            ->setText(task != worker_task_.end() && w.state == WorkerState::busy ? task->second
                                                                                 : QString());
    }
}

void RunControlPanel::setWorkerTask(int worker, qint64 task_id, const QString& label) {
    if (worker < 0) return;
    ensureWorkerRows(worker + 1);
    QTableWidgetItem* task = workers_->item(worker, TaskCol);
    if (task_id < 0) {
        worker_task_.erase(worker);
        task->setText(QString());
        task->setToolTip(QString());
        return;
    }
    worker_task_[worker] = label.isEmpty() ? QString::number(task_id) : label;
    task->setText(worker_task_[worker]);
    task->setToolTip(tr("Task id %1").arg(task_id));
    workers_->item(worker, StateCol)->setText(stateName(WorkerState::busy));
    workers_->item(worker, StateCol)->setForeground(stateColor(WorkerState::busy));
}

QString RunControlPanel::logText() const {
    QStringList text;
    for (const auto& [worker, line] : lines_) text << line;
    return text.join(QLatin1Char('\n'));
}

void RunControlPanel::appendLog(const QString& line) {
    static const QRegularExpression worker_prefix(QStringLiteral("^worker (\\d+): (.*)$"));
    const auto match = worker_prefix.match(line);
    const int worker = match.hasMatch() ? match.captured(1).toInt() : -1;
    lines_.emplace_back(worker, line);
    if (lines_.size() > kMaxLogLines)
        lines_.erase(lines_.begin(), lines_.begin() + kMaxLogLines / 5);
    if (worker >= 0) {
        ensureWorkerRows(worker + 1);
        workers_->item(worker, LogCol)->setText(match.captured(2));
        workers_->item(worker, LogCol)->setToolTip(match.captured(2));
    }
    const int filter = log_filter_->currentData().toInt();
    if (filter == -2 || filter == worker) log_->appendPlainText(line);
}

void RunControlPanel::refreshLog() {
    const int filter = log_filter_->currentData().toInt();
    log_->clear();
    QStringList shown;
    for (const auto& [worker, line] : lines_)
        if (filter == -2 || filter == worker) shown << line;
    log_->setPlainText(shown.join(QLatin1Char('\n')));
}

void RunControlPanel::endRun() {
    worker_task_.clear();
    for (int row = 0; row < workers_->rowCount(); ++row) {
        QTableWidgetItem* state = workers_->item(row, StateCol);
        state->setText(stateName(WorkerState::stopped));
        state->setForeground(stateColor(WorkerState::stopped));
        workers_->item(row, TaskCol)->setText(QString());
        workers_->item(row, TaskCol)->setToolTip(QString());
        workers_->item(row, PidCol)->setText(QString());
    }
    if (total_ > 0)
        progress_label_->setText(tr("%1 of ~%2 tasks  |  elapsed %3")
                                     .arg(done_)
                                     .arg(total_)
                                     .arg(formatDuration(elapsed_s_)));
}

void RunControlPanel::clearRun() {
    done_ = total_ = 0;
    elapsed_s_ = 0.0;
    lines_.clear();
    worker_task_.clear();
    log_->clear();
    workers_->setRowCount(0);
    while (log_filter_->count() > 2) log_filter_->removeItem(2);
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_label_->clear();
    best_label_->clear();
}

}  // namespace rps
