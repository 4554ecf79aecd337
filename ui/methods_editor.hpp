#pragma once
// The study's methods as a small table: one row per method (type, parameters as "key=value"
// pairs, estimated maps), with add/remove/reorder buttons. Parameters left out take the runner's
// defaults, which each row shows in its tooltip.
#include <QWidget>

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

class QTableWidget;
class QToolButton;

namespace rps {

class MethodsEditor : public QWidget {
    Q_OBJECT
public:
    explicit MethodsEditor(QWidget* parent = nullptr);

    void setMethods(const nlohmann::json& methods);
    // The methods as JSON; rows whose parameters do not parse are skipped and reported.
    nlohmann::json methods(QString* error = nullptr) const;
    void setEstimates(const std::vector<uint64_t>& maps);

    static QStringList methodTypes();
    static QString methodTitle(const QString& type);
    // "population=100, generations=20" <-> {"population":100,"generations":20}
    static QString formatParameters(const nlohmann::json& params);
    static nlohmann::json parseParameters(const QString& text, QString* error);

Q_SIGNALS:
    void changed();

private:
    void addRow(const QString& type, const nlohmann::json& params);
    void moveRow(int from, int to);
    void updateRowToolTips(int row);

    QTableWidget* table_;
    bool filling_ = false;
};

}  // namespace rps
