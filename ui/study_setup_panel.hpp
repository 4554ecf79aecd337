#pragma once
// The study set-up dock (DESIGN §1 steps 2-4): mode, objective and threshold, AP bounds and
// separation, reflector mount and plate, radio and grid, methods with parameters and budgets,
// seed, workers and GPU fraction, with a live estimate of the maps the study will evaluate; and
// where the studio runs studies (this computer or an MPI job: a setting, not part of the study).
// Edits the study JSON document; every change emits studyEdited() with the new document (the
// main window validates it, rebuilds the interactive evaluator and shows errors here).
#include <QWidget>
#include <nlohmann/json.hpp>

#include "ui/study_compute_target.hpp"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace rps {

class MethodsEditor;
struct StudySpec;

class StudySetupPanel : public QWidget {
    Q_OBJECT
public:
    explicit StudySetupPanel(QWidget* parent = nullptr);

    // Shows a study: the document as given and its parsed form (for the defaults).
    void setStudy(const nlohmann::json& document, const StudySpec& spec);
    // The document as edited now.
    nlohmann::json study() const;
    // The study's file ("" while it has none); Save writes there, Save As asks.
    void setStudyPath(const QString& path);
    QString studyPath() const { return path_; }
    // Shows why the edited study is invalid (empty: valid).
    void setValidationError(const QString& error);
    // Recomputes the estimate for a valid spec.
    void updateEstimate(const StudySpec& spec);
    quint64 estimatedMaps() const { return estimated_maps_; }

    // Preset ids ("gd_80x30", "ga_100x20", "grid_1m") and their titles.
    static QStringList presetIds();
    static QString presetTitle(const QString& id);
    // Applies a preset to the current study (methods, mode, seed, compute) and emits studyEdited.
    bool applyPreset(const QString& id);

    bool saveTo(const QString& path, QString* error = nullptr);

    // Where studies run (remembered in QSettings when edited here).
    StudyComputeTarget computeTarget() const;
    void setComputeTarget(const StudyComputeTarget& target);

public Q_SLOTS:
    void openStudyDialog();
    void saveStudy();
    void saveStudyAs();

Q_SIGNALS:
    void studyEdited(nlohmann::json document);
    void openRequested(QString path);
    void saved(QString path);
    void computeTargetChanged();

private:
    QWidget* buildStudyGroup();
    QWidget* buildObjectiveGroup();
    QWidget* buildBoundsGroup();
    QWidget* buildReflectorGroup();
    QWidget* buildRadioGroup();
    QWidget* buildMethodsGroup();
    QWidget* buildComputeGroup();
    QWidget* buildHeader();
    void onChanged();
    void updateEnabledState();
    void onComputeTargetEdited();
    QDoubleSpinBox* number(double min, double max, double step, int decimals,
                           const QString& suffix = {}, const QString& tip = {});
    QSpinBox* integer(int min, int max, const QString& tip = {});

    nlohmann::json base_;
    QString path_;
    QString scene_path_;  // absolute
    bool filling_ = false;
    quint64 estimated_maps_ = 0;

    QLineEdit* name_;
    QLabel* scene_;
    QComboBox* mode_;
    QSpinBox* seed_;
    QComboBox* metric_;
    QComboBox* combine_;
    QDoubleSpinBox* threshold_;
    QDoubleSpinBox* softmin_;
    QDoubleSpinBox* x_min_;
    QDoubleSpinBox* x_max_;
    QDoubleSpinBox* y_min_;
    QDoubleSpinBox* y_max_;
    QDoubleSpinBox* ap_z_;
    QDoubleSpinBox* separation_;
    QCheckBox* optimise_direction_;
    QDoubleSpinBox* fixed_yaw_;
    QDoubleSpinBox* fixed_tilt_;
    QDoubleSpinBox* tilt_max_;
    QGroupBox* reflector_group_;
    QDoubleSpinBox* mount_[6];  // top-left x, y, z; bottom-right x, y, z
    QDoubleSpinBox* facing_[2];
    QDoubleSpinBox* plate_w_;
    QDoubleSpinBox* plate_h_;
    QDoubleSpinBox* focal_z_;
    QSpinBox* orient_to_;
    QDoubleSpinBox* freq_;
    QDoubleSpinBox* power_;
    QComboBox* antenna_;
    QSpinBox* order_;
    QDoubleSpinBox* cell_;
    QDoubleSpinBox* rx_height_;
    MethodsEditor* methods_;
    QSpinBox* workers_;
    QDoubleSpinBox* gpu_fraction_;
    QLabel* gpu_label_;
    QComboBox* run_on_;
    QLineEdit* mpirun_;
    QLineEdit* mpirun_arguments_;
    QLabel* estimate_;
    QLabel* validation_;
    QComboBox* presets_;
};

}  // namespace rps
