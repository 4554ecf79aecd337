#pragma once
// Compare winners: 2-4 results side by side. The maps on ONE shared colour scale (dBm, or dB of
// SINR), the difference map of the first two (dB, map_difference), the CDF over the counted
// (masked) cells (map_cdf), and a metrics table from compute_metrics (the one metric
// definition). The caller computes the maps (LayoutEvaluator); this dialog only displays them,
// and `rps compare` computes the same from core/metrics.
#include <QDialog>
#include <QString>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <vector>

#include "core/engine/measurement_grid.hpp"
#include "core/metrics/map_cdf.hpp"
#include "core/metrics/map_difference.hpp"
#include "core/metrics/map_metrics.hpp"
#include "core/study/study_spec.hpp"

class QCustomPlot;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTableWidget;

namespace rps {

struct CompareEntry {
    QString title;
    nlohmann::json layout;        // layout_to_json (markers); may be null
    std::vector<double> power_w;  // combined power per cell, grid order
};

class CompareDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kMinCompared = 2;
    static constexpr int kMaxCompared = 4;

    explicit CompareDialog(const MeasurementGrid& grid, QWidget* parent = nullptr);
    ~CompareDialog() override;

    void setCoverageThreshold(double threshold_dbm);
    void setSoftminTemperature(double temperature);  // the study's objective.softmin_temperature
    // The maps' unit: "dBm" (RSS, the default) or "dB" for a SINR study (StudyResults::mapUnit).
    void setMapUnit(const QString& unit);
    QString mapUnit() const { return map_unit_; }
    // The mount wall of the study's reflector, to mark the plate (optional).
    void setReflector(const std::optional<ReflectorSpec>& reflector);
    // The candidates; the first kMaxCompared with a map of the grid's size are picked.
    void setEntries(std::vector<CompareEntry> entries);
    // Picks or unpicks candidate i (at most kMaxCompared picked at a time).
    void setPicked(int index, bool picked);

    int candidateCount() const { return static_cast<int>(entries_.size()); }
    // What is shown now.
    int mapCount() const { return map_count_; }
    int differenceMapCount() const { return difference_count_; }
    int cdfCurveCount() const { return cdf_count_; }
    int metricsRowCount() const;
    // The metrics of the picked entries, in display order.
    const std::vector<MapMetrics>& metrics() const { return metrics_; }
    // The difference map of the first two picked (empty with fewer than two), and the CDF of
    // each picked entry, in display order.
    const MapDifference& difference() const { return difference_; }
    const std::vector<MapCdf>& cdfs() const { return cdfs_; }
    // Writes the maps, difference and CDF plots as one picture side by side, in the format the
    // suffix names (PNG, ...), whole or not at all; false with the file and the reason in *error.
    bool exportImage(const QString& path, QString* error = nullptr);
    // What the Export Picture button does once it has a path: exportImage, and a warning naming
    // the file and the reason when it fails.
    bool exportPicture(const QString& path);
    QPushButton* exportButton() const { return export_button_; }

private Q_SLOTS:
    void onItemChanged(QListWidgetItem* item);

private:
    std::vector<int> pickedIndices() const;
    void rebuild();
    void buildMaps(const std::vector<int>& picked);
    void buildDifference(const std::vector<int>& picked);
    void buildCdf(const std::vector<int>& picked);
    void buildTable(const std::vector<int>& picked);
    bool usableEntry(const CompareEntry& entry) const;
    QString valueLabel() const;  // the axis label of the maps' values
    void setTableHeaders();
    // The grid's mask when it has one byte per cell, else none (every cell counts).
    std::span<const uint8_t> countedMask() const;

    MeasurementGrid grid_;
    double threshold_dbm_ = kDefaultCoverageThreshold_dbm;
    double softmin_temperature_ = kDefaultSoftminTemperature;
    std::optional<ReflectorSpec> reflector_;
    std::vector<CompareEntry> entries_;
    std::vector<MapMetrics> metrics_;
    MapDifference difference_;
    std::vector<MapCdf> cdfs_;
    QListWidget* list_;
    QLabel* hint_;
    QCustomPlot* maps_plot_;
    QCustomPlot* diff_plot_;
    QCustomPlot* cdf_plot_;
    QTableWidget* table_;
    QPushButton* export_button_ = nullptr;
    QString map_unit_ = QStringLiteral("dBm");
    int map_count_ = 0;
    int difference_count_ = 0;
    int cdf_count_ = 0;
    bool updating_ = false;
};

}  // namespace rps
