#pragma once
// The task table of a study as a Qt model over StudyResults: one row per finished task, columns
// task ("ga #12"; the raw id in its tooltip and TaskIdRole), method, kind, objective (in the
// study's unit), one column per layout parameter (named by the LayoutSpace), worker, start,
// duration and status. Display role: formatted text; the sort role (SortRole) carries raw
// numbers so that a proxy sorts numerically (tasks by id: method, then sequence).
#include <QAbstractTableModel>
#include <QStringList>

namespace rps {

class StudyResults;

class ResultsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int TaskIdRole = Qt::UserRole + 2;

    enum FixedColumn { TaskColumn = 0, MethodColumn, KindColumn, ObjectiveColumn };

    explicit ResultsTableModel(const StudyResults* results, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Column indices after the parameter columns.
    int workerColumn() const { return ObjectiveColumn + 1 + static_cast<int>(names_.size()); }
    int startColumn() const { return workerColumn() + 1; }
    int durationColumn() const { return workerColumn() + 2; }
    int statusColumn() const { return workerColumn() + 3; }
    // The column of parameter i (LayoutSpace order).
    int parameterColumn(int i) const { return ObjectiveColumn + 1 + i; }

    const StudyResults* results() const { return results_; }

private Q_SLOTS:
    void onTaskAdded(int row);
    void onCleared();

private:
    const StudyResults* results_;
    QStringList names_;
    int rows_ = 0;  // rows announced to views (the model's state between begin/end calls)
};

}  // namespace rps
