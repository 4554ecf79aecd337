#include "ui/results_panel.hpp"

#include <algorithm>

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/results_table_model.hpp"
#include "ui/study_results.hpp"

namespace rps {

ResultsPanel::ResultsPanel(const StudyResults* results, QWidget* parent)
    : QWidget(parent), results_(results) {
    model_ = new ResultsTableModel(results_, this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(ResultsTableModel::SortRole);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setDynamicSortFilter(true);

    filter_edit_ = new QLineEdit(this);
    filter_edit_->setPlaceholderText(tr("Filter (method, kind, status, ...)"));
    filter_edit_->setClearButtonEnabled(true);
    filter_edit_->setToolTip(tr("Show only the rows that contain this text"));
    filter_column_ = new QComboBox(this);
    filter_column_->setToolTip(tr("The column the filter looks at"));
    filter_column_->addItem(tr("All columns"), -1);
    filter_column_->addItem(tr("Method"), static_cast<int>(ResultsTableModel::MethodColumn));
    filter_column_->addItem(tr("Kind"), static_cast<int>(ResultsTableModel::KindColumn));
    filter_column_->addItem(tr("Status"), -2);  // resolved against the model at use
    filter_column_->addItem(tr("Worker"), -3);
    compare_button_ = new QPushButton(tr("Compare selected"), this);
    compare_button_->setToolTip(
        tr("Compare the maps of 2 to %1 selected results side by side").arg(kMaxCompare));
    compare_button_->setEnabled(false);
    count_label_ = new QLabel(this);

    view_ = new QTableView(this);
    view_->setModel(proxy_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(ResultsTableModel::TaskColumn, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setAlternatingRowColors(true);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->verticalHeader()->setVisible(false);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);

    auto* top = new QHBoxLayout;
    top->addWidget(filter_edit_, 1);
    top->addWidget(filter_column_);
    top->addWidget(compare_button_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(view_, 1);
    layout->addWidget(count_label_);

    connect(filter_edit_, &QLineEdit::textChanged, this, &ResultsPanel::setFilterText);
    connect(filter_column_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &ResultsPanel::onFilterColumnChanged);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ResultsPanel::onSelectionChanged);
    connect(compare_button_, &QPushButton::clicked, this, &ResultsPanel::onCompareClicked);
    connect(proxy_, &QAbstractItemModel::rowsInserted, this, &ResultsPanel::updateCountLabel);
    // Fit the columns to the first rows of a study (later rows keep the widths the user set).
    connect(model_, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first) {
        if (first == 0) view_->resizeColumnsToContents();
    });
    connect(model_, &QAbstractItemModel::modelReset, view_, &QTableView::resizeColumnsToContents);
    connect(proxy_, &QAbstractItemModel::rowsRemoved, this, &ResultsPanel::updateCountLabel);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &ResultsPanel::updateCountLabel);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, &ResultsPanel::updateCountLabel);
    updateCountLabel();
}

void ResultsPanel::setFilterText(const QString& text) {
    if (filter_edit_->text() != text) filter_edit_->setText(text);  // re-enters via textChanged
    proxy_->setFilterFixedString(text);
    updateCountLabel();
}

void ResultsPanel::setFilterColumn(int column) {
    proxy_->setFilterKeyColumn(column);
    updateCountLabel();
}

void ResultsPanel::onFilterColumnChanged(int index) {
    int column = filter_column_->itemData(index).toInt();
    if (column == -2) column = model_->statusColumn();
    if (column == -3) column = model_->workerColumn();
    setFilterColumn(column);
}

void ResultsPanel::selectViewRow(int row) {
    if (row < 0 || row >= proxy_->rowCount()) return;
    view_->selectionModel()->select(
        proxy_->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    view_->setCurrentIndex(proxy_->index(row, 0));
}

void ResultsPanel::selectViewRows(const QList<int>& rows) {
    QItemSelection selection;
    for (int row : rows) {
        if (row < 0 || row >= proxy_->rowCount()) continue;
        selection.select(proxy_->index(row, 0), proxy_->index(row, proxy_->columnCount() - 1));
    }
    view_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
}

QList<quint64> ResultsPanel::selectedTaskIds() const {
    QList<quint64> ids;
    QModelIndexList rows = view_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    for (const QModelIndex& index : rows)
        ids << proxy_->data(index, ResultsTableModel::TaskIdRole).value<quint64>();
    return ids;
}

void ResultsPanel::onSelectionChanged() {
    const QModelIndexList rows = view_->selectionModel()->selectedRows();
    const int n = rows.size();
    compare_button_->setEnabled(n >= 2 && n <= kMaxCompare);
    updateCountLabel();
    if (n != 1) {
        last_selected_ = UINT64_MAX;
        return;
    }
    const QModelIndex source = proxy_->mapToSource(rows.first());
    if (!source.isValid()) return;
    const TaskRow& row = results_->task(source.row());
    if (row.task_id == last_selected_) return;
    last_selected_ = row.task_id;
    if (!row.best_x.empty()) Q_EMIT layoutSelected(row.best_x, row.task_id);
}

void ResultsPanel::onCompareClicked() {
    const QList<quint64> ids = selectedTaskIds();
    if (ids.size() >= 2 && ids.size() <= kMaxCompare) Q_EMIT compareRequested(ids);
}

void ResultsPanel::updateCountLabel() {
    const int shown = proxy_->rowCount();
    const int total = model_->rowCount();
    const int selected =
        view_->selectionModel() ? view_->selectionModel()->selectedRows().size() : 0;
    QString text = shown == total ? tr("%n task(s)", "", total)
                                  : tr("%1 of %n task(s) shown", "", total).arg(shown);
    if (selected > 0) text += QLatin1String(" · ") + tr("%n selected", "", selected);
    count_label_->setText(text);
}

}  // namespace rps
