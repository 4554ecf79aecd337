#pragma once
// The results dock: every task of the study in a sortable, filterable table. Selecting a row
// asks the main window to show that layout (layoutSelected); "Compare selected" asks for the
// comparison of 2-4 selected tasks (compareRequested).
#include <QList>
#include <QWidget>

#include <cstdint>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace rps {

class ResultsTableModel;
class StudyResults;

class ResultsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ResultsPanel(const StudyResults* results, QWidget* parent = nullptr);

    ResultsTableModel* model() const { return model_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }
    QTableView* view() const { return view_; }

    // Filters rows whose text (in the chosen column, or any column) contains `text`
    // (case-insensitive). The same as typing into the filter box.
    void setFilterText(const QString& text);
    // -1: any column; otherwise a model column (e.g. ResultsTableModel::MethodColumn).
    void setFilterColumn(int column);
    // Selects the task in the given row of the (sorted, filtered) view; emits layoutSelected.
    void selectViewRow(int row);
    // Selects several view rows at once (for compare).
    void selectViewRows(const QList<int>& rows);
    // Task ids of the selected rows, in view order.
    QList<quint64> selectedTaskIds() const;

    static constexpr int kMaxCompare = 4;

Q_SIGNALS:
    void layoutSelected(std::vector<double> x, quint64 task_id);
    void compareRequested(QList<quint64> task_ids);

private Q_SLOTS:
    void onSelectionChanged();
    void onCompareClicked();
    void onFilterColumnChanged(int index);
    void updateCountLabel();

private:
    const StudyResults* results_;
    ResultsTableModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* view_;
    QLineEdit* filter_edit_;
    QComboBox* filter_column_;
    QPushButton* compare_button_;
    QLabel* count_label_;
    quint64 last_selected_ = UINT64_MAX;
};

}  // namespace rps
