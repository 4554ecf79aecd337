#include "ui/methods_editor.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "runtime/study_runner.hpp"

namespace rps {
namespace {

enum Column { TypeColumn = 0, ParamsColumn, MapsColumn };

QToolButton* toolButton(const QString& text, const QString& tip, QWidget* parent) {
    auto* button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

}  // namespace

MethodsEditor::MethodsEditor(QWidget* parent) : QWidget(parent), table_(new QTableWidget(this)) {
    table_->setColumnCount(3);
    table_->setHorizontalHeaderLabels({tr("Method"), tr("Parameters"), tr("Maps")});
    table_->horizontalHeader()->setSectionResizeMode(TypeColumn, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(ParamsColumn, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(MapsColumn, QHeaderView::ResizeToContents);
    table_->verticalHeader()->setVisible(false);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setMinimumHeight(110);
    table_->setToolTip(
        tr("The methods run in this order. Edit the parameters as key=value pairs; "
           "parameters left out take their defaults (see each row's tooltip)."));
    auto* add = toolButton(tr("Add"), tr("Add a method"), this);
    add->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(add);
    for (const QString& type : methodTypes())
        menu->addAction(methodTitle(type), this, [this, type] {
            addRow(type, nlohmann::json::object());
            Q_EMIT changed();
        });
    add->setMenu(menu);
    auto* remove = toolButton(tr("Remove"), tr("Remove the selected method"), this);
    auto* up = toolButton(tr("Up"), tr("Run the selected method earlier"), this);
    auto* down = toolButton(tr("Down"), tr("Run the selected method later"), this);
    connect(remove, &QToolButton::clicked, this, [this] {
        if (table_->currentRow() < 0) return;
        table_->removeRow(table_->currentRow());
        Q_EMIT changed();
    });
    connect(up, &QToolButton::clicked, this,
            [this] { moveRow(table_->currentRow(), table_->currentRow() - 1); });
    connect(down, &QToolButton::clicked, this,
            [this] { moveRow(table_->currentRow(), table_->currentRow() + 1); });
    connect(table_, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (filling_ || item->column() != ParamsColumn) return;
        updateRowToolTips(item->row());
        Q_EMIT changed();
    });
    auto* buttons = new QHBoxLayout;
    for (QToolButton* b : {add, remove, up, down}) buttons->addWidget(b);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table_);
    layout->addLayout(buttons);
}

QStringList MethodsEditor::methodTypes() {
    return {QStringLiteral("grid"),   QStringLiteral("gd"),    QStringLiteral("ga"),
            QStringLiteral("pso"),    QStringLiteral("cmaes"), QStringLiteral("refine"),
            QStringLiteral("halving")};
}

QString MethodsEditor::methodTitle(const QString& type) {
    if (type == QLatin1String("grid")) return tr("Grid search");
    if (type == QLatin1String("gd")) return tr("Gradient descent (multi-start)");
    if (type == QLatin1String("ga")) return tr("Genetic algorithm");
    if (type == QLatin1String("pso")) return tr("Particle swarm (PSO)");
    if (type == QLatin1String("cmaes")) return tr("CMA-ES");
    if (type == QLatin1String("refine")) return tr("Local refinement (NLopt)");
    if (type == QLatin1String("halving")) return tr("Successive halving");
    return type;
}

QString MethodsEditor::formatParameters(const nlohmann::json& params) {
    QStringList parts;
    for (const auto& [key, value] : params.items()) {
        if (key == "type") continue;
        parts << QStringLiteral("%1=%2").arg(QString::fromStdString(key),
                                             QString::fromStdString(value.dump()));
    }
    return parts.join(QStringLiteral(", "));
}

nlohmann::json MethodsEditor::parseParameters(const QString& text, QString* error) {
    nlohmann::json params = nlohmann::json::object();
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int eq = part.indexOf(QLatin1Char('='));
        const QString key = part.left(eq).trimmed(), value = part.mid(eq + 1).trimmed();
        if (eq <= 0 || key.isEmpty() || value.isEmpty()) {
            if (error) *error = tr("'%1' is not key=value").arg(part.trimmed());
            return nullptr;
        }
        try {
            params[key.toStdString()] = nlohmann::json::parse(value.toStdString());
        } catch (const std::exception&) {
            params[key.toStdString()] = value.toStdString();  // a bare word: a string value
        }
    }
    return params;
}

void MethodsEditor::setMethods(const nlohmann::json& methods) {
    filling_ = true;
    table_->setRowCount(0);
    if (methods.is_array())
        for (const nlohmann::json& m : methods)
            if (m.is_object()) addRow(QString::fromStdString(m.value("type", "grid")), m);
    filling_ = false;
}

void MethodsEditor::addRow(const QString& type, const nlohmann::json& params) {
    const bool was_filling = filling_;
    filling_ = true;
    const int row = table_->rowCount();
    table_->insertRow(row);
    auto* combo = new QComboBox(table_);
    for (const QString& t : methodTypes()) combo->addItem(methodTitle(t), t);
    combo->setCurrentIndex(std::max(0, combo->findData(type)));
    connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this, combo] {
        for (int r = 0; r < table_->rowCount(); ++r)
            if (table_->cellWidget(r, TypeColumn) == combo) updateRowToolTips(r);
        Q_EMIT changed();
    });
    table_->setCellWidget(row, TypeColumn, combo);
    table_->setItem(row, ParamsColumn, new QTableWidgetItem(formatParameters(params)));
    auto* maps = new QTableWidgetItem(QStringLiteral("–"));
    maps->setFlags(Qt::ItemIsEnabled);
    maps->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    table_->setItem(row, MapsColumn, maps);
    updateRowToolTips(row);
    filling_ = was_filling;
}

void MethodsEditor::updateRowToolTips(int row) {
    auto* combo = qobject_cast<QComboBox*>(table_->cellWidget(row, TypeColumn));
    QTableWidgetItem* item = table_->item(row, ParamsColumn);
    if (!combo || !item) return;
    const nlohmann::json defaults =
        StudyRunner::method_defaults(combo->currentData().toString().toStdString());
    QString error;
    const bool ok = !parseParameters(item->text(), &error).is_null();
    const bool was_filling = filling_;
    filling_ = true;
    item->setForeground(ok ? palette().text() : QBrush(Qt::red));
    item->setToolTip(ok ? tr("Defaults: %1").arg(formatParameters(defaults)) : error);
    filling_ = was_filling;
}

void MethodsEditor::moveRow(int from, int to) {
    if (from < 0 || to < 0 || from >= table_->rowCount() || to >= table_->rowCount()) return;
    nlohmann::json all = methods();
    if (!all.is_array() || from >= static_cast<int>(all.size())) return;
    const nlohmann::json moved = all[static_cast<size_t>(from)];
    all.erase(all.begin() + from);
    all.insert(all.begin() + to, moved);
    setMethods(all);
    table_->selectRow(to);
    Q_EMIT changed();
}

nlohmann::json MethodsEditor::methods(QString* error) const {
    nlohmann::json out = nlohmann::json::array();
    for (int row = 0; row < table_->rowCount(); ++row) {
        auto* combo = qobject_cast<QComboBox*>(table_->cellWidget(row, TypeColumn));
        QString row_error;
        nlohmann::json params =
            parseParameters(table_->item(row, ParamsColumn)->text(), &row_error);
        if (params.is_null()) {
            if (error) *error = tr("method %1: %2").arg(row + 1).arg(row_error);
            continue;
        }
        nlohmann::json method = {{"type", combo->currentData().toString().toStdString()}};
        method.update(params);
        out.push_back(method);
    }
    return out;
}

void MethodsEditor::setEstimates(const std::vector<uint64_t>& maps) {
    const bool was_filling = filling_;
    filling_ = true;
    for (int row = 0; row < table_->rowCount(); ++row) {
        const size_t i = static_cast<size_t>(row);
        table_->item(row, MapsColumn)
            ->setText(i < maps.size() ? QLocale().toString(static_cast<qulonglong>(maps[i]))
                                      : QStringLiteral("–"));
    }
    filling_ = was_filling;
}

}  // namespace rps
