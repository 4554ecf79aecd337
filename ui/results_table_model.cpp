#include "ui/results_table_model.hpp"

#include "ui/study_results.hpp"

namespace rps {

ResultsTableModel::ResultsTableModel(const StudyResults* results, QObject* parent)
    : QAbstractTableModel(parent), results_(results) {
    names_ = results_->parameterNames();
    rows_ = results_->taskCount();
    connect(results_, &StudyResults::taskAdded, this, &ResultsTableModel::onTaskAdded);
    connect(results_, &StudyResults::cleared, this, &ResultsTableModel::onCleared);
}

int ResultsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : rows_;
}

int ResultsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : statusColumn() + 1;
}

QVariant ResultsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rows_) return {};
    const TaskRow& row = results_->task(index.row());
    const int column = index.column();
    if (role == TaskIdRole) return QVariant::fromValue<quint64>(row.task_id);
    if (role == Qt::TextAlignmentRole) {
        if (column == MethodColumn || column == KindColumn || column == statusColumn())
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && column == ObjectiveColumn && !row.best_x.empty())
        return tr("Select the row to show this layout");
    // The raw id, to match the row with what `rps show --json` and `rps compare --json` print.
    if (role == Qt::ToolTipRole && column == TaskColumn) return tr("Task id %1").arg(row.task_id);
    if (role != Qt::DisplayRole && role != SortRole) return {};
    const bool sort = role == SortRole;

    if (column == TaskColumn)
        return sort ? QVariant::fromValue<quint64>(row.task_id)  // method, then sequence
                    : QVariant(results_->taskLabel(row.task_id));
    if (column == MethodColumn) return row.method;
    if (column == KindColumn) return row.kind;
    if (column == ObjectiveColumn) {
        if (!StudyResults::usableObjective(row.objective))
            return sort ? QVariant(-1e300) : QVariant(tr("n/a"));
        return sort ? QVariant(row.objective) : QVariant(QString::number(row.objective, 'f', 2));
    }
    const int parameter = column - ObjectiveColumn - 1;
    if (parameter >= 0 && parameter < names_.size()) {
        if (static_cast<size_t>(parameter) >= row.best_x.size())
            return sort ? QVariant(0.0) : QVariant();
        const double v = row.best_x[static_cast<size_t>(parameter)];
        return sort ? QVariant(v) : QVariant(QString::number(v, 'f', 3));
    }
    if (column == workerColumn())
        return sort ? QVariant(row.worker_id) : QVariant(QString::number(row.worker_id));
    if (column == startColumn())
        return sort ? QVariant(row.start_s) : QVariant(QString::number(row.start_s, 'f', 2));
    if (column == durationColumn()) {
        const double d = row.end_s - row.start_s;
        return sort ? QVariant(d) : QVariant(QString::number(d, 'f', 3));
    }
    if (column == statusColumn()) {
        if (sort) return row.status;
        if (row.status == QLatin1String("ok")) return tr("ok");
        if (row.status == QLatin1String("failed")) return tr("failed");
        if (row.status == QLatin1String("cancelled")) return tr("cancelled");
        return row.status;
    }
    return {};
}

QVariant ResultsTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    if (section == TaskColumn) return tr("Task");
    if (section == MethodColumn) return tr("Method");
    if (section == KindColumn) return tr("Kind");
    if (section == ObjectiveColumn)
        return tr("%1 [%2]").arg(results_->objectiveName(), results_->objectiveUnit());
    const int parameter = section - ObjectiveColumn - 1;
    if (parameter >= 0 && parameter < names_.size()) return names_.at(parameter);
    if (section == workerColumn()) return tr("Worker");
    if (section == startColumn()) return tr("Start [s]");
    if (section == durationColumn()) return tr("Duration [s]");
    if (section == statusColumn()) return tr("Status");
    return {};
}

void ResultsTableModel::onTaskAdded(int row) {
    if (row < rows_) return;  // already announced
    beginInsertRows(QModelIndex(), rows_, row);
    rows_ = row + 1;
    endInsertRows();
}

void ResultsTableModel::onCleared() {
    beginResetModel();
    names_ = results_->parameterNames();
    rows_ = results_->taskCount();
    endResetModel();
}

}  // namespace rps
