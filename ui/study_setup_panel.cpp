#include "ui/study_setup_panel.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/common/atomic_file.hpp"
#include "core/common/units.hpp"
#include "core/study/study_spec.hpp"
#include "runtime/worker_pool.hpp"
#include "ui/methods_editor.hpp"
#include "ui/study_estimate.hpp"

namespace rps {
namespace {

QWidget* row(std::initializer_list<QWidget*> widgets, QWidget* parent) {
    auto* box = new QWidget(parent);
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (QWidget* w : widgets) layout->addWidget(w, 1);
    box->setMinimumWidth(60 * static_cast<int>(widgets.size()));
    return box;
}

nlohmann::json pair(const QDoubleSpinBox* a, const QDoubleSpinBox* b) {
    return nlohmann::json::array({a->value(), b->value()});
}

void setCombo(QComboBox* combo, const QString& data) {
    const int index = combo->findData(data);
    if (index >= 0) combo->setCurrentIndex(index);
}

QFormLayout* form(QGroupBox* group) {
    auto* layout = new QFormLayout(group);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->setRowWrapPolicy(QFormLayout::WrapLongRows);  // long (translated) labels go above
    return layout;
}

}  // namespace

StudySetupPanel::StudySetupPanel(QWidget* parent) : QWidget(parent) {
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(6, 6, 6, 6);
    for (QWidget* group :
         {buildStudyGroup(), buildObjectiveGroup(), buildBoundsGroup(), buildReflectorGroup(),
          buildMethodsGroup(), buildComputeGroup(), buildRadioGroup()})
        column->addWidget(group);
    column->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    validation_ = new QLabel(this);
    validation_->setWordWrap(true);
    estimate_ = new QLabel(this);
    estimate_->setWordWrap(true);
    estimate_->setToolTip(
        tr("Radio maps the study will evaluate: the sum over its methods with "
           "their budgets, plus the final map of the best layout."));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildHeader());
    layout->addWidget(scroll, 1);
    layout->addWidget(estimate_);
    layout->addWidget(validation_);
    updateEnabledState();
}

QDoubleSpinBox* StudySetupPanel::number(double min, double max, double step, int decimals,
                                        const QString& suffix, const QString& tip) {
    auto* box = new QDoubleSpinBox(this);
    box->setRange(min, max);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    box->setSuffix(suffix);
    box->setToolTip(tip);
    box->setKeyboardTracking(false);
    box->setMinimumWidth(60);
    box->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this,
            &StudySetupPanel::onChanged);
    return box;
}

QSpinBox* StudySetupPanel::integer(int min, int max, const QString& tip) {
    auto* box = new QSpinBox(this);
    box->setRange(min, max);
    box->setToolTip(tip);
    box->setKeyboardTracking(false);
    connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &StudySetupPanel::onChanged);
    return box;
}

QWidget* StudySetupPanel::buildHeader() {
    auto* header = new QWidget(this);
    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(6, 6, 6, 0);
    presets_ = new QComboBox(header);
    presets_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    presets_->setMinimumContentsLength(10);
    presets_->addItem(tr("Presets…"));
    for (const QString& id : presetIds()) presets_->addItem(presetTitle(id), id);
    presets_->setToolTip(
        tr("Methods and budgets of the original framework's studies, applied to "
           "the current scene and bounds."));
    connect(presets_, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        if (index > 0) applyPreset(presets_->itemData(index).toString());
        presets_->setCurrentIndex(0);
    });
    auto* open = new QToolButton(header);
    open->setText(tr("Open…"));
    open->setToolTip(tr("Open a study JSON file"));
    connect(open, &QToolButton::clicked, this, &StudySetupPanel::openStudyDialog);
    auto* save = new QToolButton(header);
    save->setText(tr("Save…"));
    save->setToolTip(tr("Save the study as JSON"));
    connect(save, &QToolButton::clicked, this, &StudySetupPanel::saveStudyAs);
    layout->addWidget(presets_, 1);
    layout->addWidget(open);
    layout->addWidget(save);
    return header;
}

QWidget* StudySetupPanel::buildStudyGroup() {
    auto* group = new QGroupBox(tr("Study"), this);
    auto* f = form(group);
    name_ = new QLineEdit(group);
    name_->setToolTip(tr("Name of the study (used for result files and reports)"));
    connect(name_, &QLineEdit::editingFinished, this, &StudySetupPanel::onChanged);
    scene_ = new QLabel(group);
    scene_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    scene_->setWordWrap(true);
    mode_ = new QComboBox(group);
    mode_->addItem(tr("1 AP"), QStringLiteral("1ap"));
    mode_->addItem(tr("2 APs"), QStringLiteral("2ap"));
    mode_->addItem(tr("2 APs + reflector"), QStringLiteral("2ap_reflector"));
    // Every mode a study file may hold (1..16 APs, study_spec.cpp): a mode missing here read as
    // "1 AP" and the next edit wrote a 16-AP study back as a 1-AP one.
    for (int n = 3; n <= 16; ++n)
        mode_->addItem(tr("%1 APs").arg(n), QStringLiteral("%1ap").arg(n));
    mode_->setToolTip(tr("What the study places: access points, and a passive reflector plate"));
    connect(mode_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &StudySetupPanel::onChanged);
    seed_ =
        integer(0, 2147483647, tr("Every random choice of every method derives from this seed"));
    f->addRow(tr("Name"), name_);
    f->addRow(tr("Scene"), scene_);
    f->addRow(tr("Mode"), mode_);
    f->addRow(tr("Seed"), seed_);
    return group;
}

QWidget* StudySetupPanel::buildObjectiveGroup() {
    auto* group = new QGroupBox(tr("Objective"), this);
    auto* f = form(group);
    metric_ = new QComboBox(group);
    metric_->addItem(tr("P5 RSS (5th percentile)"), QStringLiteral("p5"));
    metric_->addItem(tr("Minimum RSS"), QStringLiteral("min"));
    metric_->addItem(tr("Soft-min RSS"), QStringLiteral("softmin"));
    metric_->addItem(tr("Mean RSS"), QStringLiteral("mean"));
    metric_->addItem(tr("Coverage above threshold"), QStringLiteral("coverage"));
    metric_->setToolTip(tr("The one number every method maximises, over the counted cells"));
    combine_ = new QComboBox(group);
    combine_->addItem(tr("Best server"), QStringLiteral("best"));
    combine_->addItem(tr("Sum of APs"), QStringLiteral("sum"));
    combine_->addItem(tr("SINR"), QStringLiteral("sinr"));
    combine_->setToolTip(tr("How the maps of several APs combine into one"));
    for (QComboBox* c : {metric_, combine_})
        connect(c, qOverload<int>(&QComboBox::currentIndexChanged), this,
                &StudySetupPanel::onChanged);
    threshold_ = number(-200, 0, 1, 1, tr(" dBm"),
                        tr("Coverage threshold: a cell is covered at or "
                           "above this received power"));
    softmin_ = number(0.001, 100, 0.05, 3, {}, tr("Soft-min temperature (natural-log units)"));
    f->addRow(tr("Metric"), metric_);
    f->addRow(tr("Combining"), combine_);
    f->addRow(tr("Threshold"), threshold_);
    f->addRow(tr("Soft-min τ"), softmin_);
    return group;
}

QWidget* StudySetupPanel::buildBoundsGroup() {
    auto* group = new QGroupBox(tr("AP bounds and constraints"), this);
    auto* f = form(group);
    const QString m = tr(" m");
    x_min_ = number(-1e4, 1e4, 0.5, 2, m, tr("Lowest AP x"));
    x_max_ = number(-1e4, 1e4, 0.5, 2, m, tr("Highest AP x"));
    y_min_ = number(-1e4, 1e4, 0.5, 2, m, tr("Lowest AP y"));
    y_max_ = number(-1e4, 1e4, 0.5, 2, m, tr("Highest AP y"));
    ap_z_ = number(-100, 1000, 0.1, 2, m, tr("AP height (fixed)"));
    separation_ = number(0, 1e4, 0.5, 2, m, tr("Minimum distance between two APs"));
    optimise_direction_ = new QCheckBox(tr("Optimise yaw and downtilt"), group);
    optimise_direction_->setToolTip(tr("Off: every AP keeps the fixed direction below"));
    connect(optimise_direction_, &QCheckBox::toggled, this, &StudySetupPanel::onChanged);
    fixed_yaw_ = number(-360, 360, 5, 1, tr("°"), tr("Fixed yaw (from +x toward +y)"));
    fixed_tilt_ = number(-90, 90, 1, 1, tr("°"), tr("Fixed downtilt (below the horizon)"));
    tilt_max_ = number(0, 90, 1, 1, tr("°"), tr("Largest downtilt the optimisers may choose"));
    f->addRow(tr("x range"), row({x_min_, x_max_}, group));
    f->addRow(tr("y range"), row({y_min_, y_max_}, group));
    f->addRow(tr("AP height"), ap_z_);
    f->addRow(tr("Min. separation"), separation_);
    f->addRow(QString(), optimise_direction_);
    f->addRow(tr("Max. downtilt"), tilt_max_);
    f->addRow(tr("Fixed yaw / tilt"), row({fixed_yaw_, fixed_tilt_}, group));
    return group;
}

QWidget* StudySetupPanel::buildReflectorGroup() {
    reflector_group_ = new QGroupBox(tr("Reflector plate"), this);
    reflector_group_->setCheckable(true);
    reflector_group_->setToolTip(
        tr("A passive metal plate on a mount wall, facing so that the AP "
           "→ plate → focal point path is specular"));
    connect(reflector_group_, &QGroupBox::toggled, this, &StudySetupPanel::onChanged);
    auto* f = form(reflector_group_);
    const QString m = tr(" m");
    const QString corner[6] = {tr("Mount top-left x"),     tr("Mount top-left y"),
                               tr("Mount top z"),          tr("Mount bottom-right x"),
                               tr("Mount bottom-right y"), tr("Mount bottom z")};
    for (int i = 0; i < 6; ++i) mount_[i] = number(-1e4, 1e4, 0.5, 2, m, corner[i]);
    facing_[0] = number(-1, 1, 0.1, 3, {}, tr("Mount wall normal x (into the room)"));
    facing_[1] = number(-1, 1, 0.1, 3, {}, tr("Mount wall normal y (into the room)"));
    plate_w_ = number(0.05, 20, 0.1, 2, m, tr("Plate width"));
    plate_h_ = number(0.05, 20, 0.1, 2, m, tr("Plate height"));
    focal_z_ = number(-100, 1000, 0.1, 2, m, tr("Height of the focal point"));
    orient_to_ = integer(1, 16,
                         tr("The AP whose mirror path through the plate reaches the focal "
                            "point"));
    f->addRow(tr("Mount from (x, y, z)"), row({mount_[0], mount_[1], mount_[2]}, reflector_group_));
    f->addRow(tr("Mount to (x, y, z)"), row({mount_[3], mount_[4], mount_[5]}, reflector_group_));
    f->addRow(tr("Wall normal"), row({facing_[0], facing_[1]}, reflector_group_));
    f->addRow(tr("Plate size"), row({plate_w_, plate_h_}, reflector_group_));
    f->addRow(tr("Focal height"), focal_z_);
    f->addRow(tr("Oriented to AP"), orient_to_);
    return reflector_group_;
}

QWidget* StudySetupPanel::buildRadioGroup() {
    auto* group = new QGroupBox(tr("Radio and grid"), this);
    auto* f = form(group);
    freq_ = number(0.1, 300, 0.01, 3, tr(" GHz"), tr("Carrier frequency"));
    power_ = number(-50, 50, 1, 1, tr(" dBm"), tr("Transmit power per AP"));
    antenna_ = new QComboBox(group);
    antenna_->addItem(tr("Isotropic"), QStringLiteral("iso"));
    antenna_->addItem(tr("Short dipole"), QStringLiteral("dipole"));
    antenna_->addItem(tr("3GPP TR 38.901 element"), QStringLiteral("tr38901"));
    antenna_->addItem(tr("AP 2×1 array (V+H)"), QStringLiteral("ap2x1"));
    connect(antenna_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &StudySetupPanel::onChanged);
    order_ = integer(0, 6, tr("Specular reflections per path"));
    cell_ = number(0.05, 10, 0.25, 2, tr(" m"), tr("Measurement grid cell size"));
    rx_height_ = number(-100, 1000, 0.1, 2, tr(" m"), tr("Height of the receiver plane"));
    f->addRow(tr("Frequency"), freq_);
    f->addRow(tr("Power"), power_);
    f->addRow(tr("Antenna"), antenna_);
    f->addRow(tr("Reflection order"), order_);
    f->addRow(tr("Cell size"), cell_);
    f->addRow(tr("Receiver height"), rx_height_);
    return group;
}

QWidget* StudySetupPanel::buildMethodsGroup() {
    auto* group = new QGroupBox(tr("Methods and budgets"), this);
    auto* layout = new QVBoxLayout(group);
    methods_ = new MethodsEditor(group);
    connect(methods_, &MethodsEditor::changed, this, &StudySetupPanel::onChanged);
    layout->addWidget(methods_);
    return group;
}

QWidget* StudySetupPanel::buildComputeGroup() {
    auto* group = new QGroupBox(tr("Compute"), this);
    auto* f = form(group);
    workers_ =
        integer(1, 256, tr("Worker processes (`rps worker`) that evaluate tasks in parallel"));
    gpu_fraction_ = number(0, 1, 0.05, 2, {},
                           tr("Share of one GPU given to each worker (the "
                              "original framework ran 4 workers at 0.25)"));
    gpu_label_ = new QLabel(group);
    gpu_label_->setWordWrap(true);
    gpu_label_->setText(WorkerPool::gpu_backend_available()
                            ? tr("A GPU backend is built; workers share the GPUs by fraction.")
                            : tr("No GPU backend built: workers compute on the CPU (%1 cores); "
                                 "the GPU fraction is recorded with the study.")
                                  .arg(QThread::idealThreadCount()));
    run_on_ = new QComboBox(group);
    run_on_->setObjectName(QStringLiteral("runOn"));
    run_on_->addItem(tr("This computer"), QStringLiteral("local"));
    run_on_->addItem(tr("MPI job (mpirun)"), QStringLiteral("mpi"));
    run_on_->setToolTip(
        tr("This computer: the workers are processes here. MPI job: mpirun starts rank 0, which "
           "runs the study and writes its file, and one rank per worker on the hosts its options "
           "name; the studio follows the job live. Rank 0 may run on any of those hosts: the "
           "study folder must be one they all see. Remembered for every study."));
    if (!StudyComputeTarget::mpiAvailable()) {
        auto* model = qobject_cast<QStandardItemModel*>(run_on_->model());
        if (QStandardItem* item = model ? model->item(1) : nullptr) {
            item->setEnabled(false);
            item->setToolTip(tr("This build has no MPI support (RPS_WITH_MPI)."));
        }
    }
    mpirun_ = new QLineEdit(group);
    mpirun_->setObjectName(QStringLiteral("mpiLauncher"));
    mpirun_->setPlaceholderText(QStringLiteral("mpirun"));
    mpirun_->setToolTip(tr("The MPI launcher (a name on PATH or a path)"));
    mpirun_arguments_ = new QLineEdit(group);
    mpirun_arguments_->setObjectName(QStringLiteral("mpiOptions"));
    mpirun_arguments_->setPlaceholderText(QStringLiteral("--hostfile /path/to/hosts"));
    mpirun_arguments_->setToolTip(
        tr("Options given to the launcher before -n N+1 (hosts, network); N is the number of "
           "workers above, one rank each, and rank 0 runs the study"));
    setComputeTarget(StudyComputeTarget::fromSettings());
    connect(run_on_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &StudySetupPanel::onComputeTargetEdited);
    for (QLineEdit* edit : {mpirun_, mpirun_arguments_})
        connect(edit, &QLineEdit::editingFinished, this, &StudySetupPanel::onComputeTargetEdited);
    f->addRow(tr("Workers"), workers_);
    f->addRow(tr("GPU per worker"), gpu_fraction_);
    f->addRow(tr("GPUs"), gpu_label_);
    f->addRow(tr("Run on"), run_on_);
    f->addRow(tr("MPI launcher"), mpirun_);
    f->addRow(tr("MPI options"), mpirun_arguments_);
    return group;
}

StudyComputeTarget StudySetupPanel::computeTarget() const {
    StudyComputeTarget target;
    target.kind = run_on_->currentData().toString() == QLatin1String("mpi")
                      ? StudyComputeTarget::Kind::mpi
                      : StudyComputeTarget::Kind::local;
    const QString launcher = mpirun_->text().trimmed();
    if (!launcher.isEmpty()) target.mpirun = launcher;
    target.mpirun_arguments = mpirun_arguments_->text().trimmed();
    return target;
}

void StudySetupPanel::setComputeTarget(const StudyComputeTarget& target) {
    const QSignalBlocker block_combo(run_on_);
    run_on_->setCurrentIndex(target.kind == StudyComputeTarget::Kind::mpi ? 1 : 0);
    mpirun_->setText(target.mpirun);
    mpirun_arguments_->setText(target.mpirun_arguments);
    const bool mpi = target.kind == StudyComputeTarget::Kind::mpi;
    mpirun_->setEnabled(mpi);
    mpirun_arguments_->setEnabled(mpi);
}

void StudySetupPanel::onComputeTargetEdited() {
    const StudyComputeTarget target = computeTarget();
    const bool mpi = target.kind == StudyComputeTarget::Kind::mpi;
    mpirun_->setEnabled(mpi);
    mpirun_arguments_->setEnabled(mpi);
    target.save();
    Q_EMIT computeTargetChanged();
}

// --- document <-> widgets ---------------------------------------------------------------------

void StudySetupPanel::setStudy(const nlohmann::json& document, const StudySpec& spec) {
    filling_ = true;
    base_ = document;
    name_->setText(QString::fromStdString(spec.name));
    scene_->setText(QFileInfo(QString::fromStdString(spec.scene_path)).fileName());
    scene_->setToolTip(QString::fromStdString(spec.scene_path));
    scene_path_ = QFileInfo(QString::fromStdString(spec.scene_path)).absoluteFilePath();
    setCombo(mode_, QString::fromStdString(to_string(spec.mode, spec.ap_count)));
    seed_->setValue(static_cast<int>(std::min<uint64_t>(spec.seed, 2147483647)));
    setCombo(metric_, QString::fromUtf8(to_string(spec.objective.metric).data()));
    setCombo(combine_, QString::fromUtf8(to_string(spec.objective.combine).data()));
    threshold_->setValue(spec.objective.coverage_threshold_dbm);
    softmin_->setValue(spec.objective.softmin_temperature);
    const ApBounds& b = spec.bounds;
    x_min_->setValue(b.x_min_m), x_max_->setValue(b.x_max_m);
    y_min_->setValue(b.y_min_m), y_max_->setValue(b.y_max_m);
    ap_z_->setValue(b.z_m);
    separation_->setValue(b.min_separation_m);
    optimise_direction_->setChecked(b.optimise_direction);
    fixed_yaw_->setValue(b.fixed_yaw_deg), fixed_tilt_->setValue(b.fixed_downtilt_deg);
    tilt_max_->setValue(b.downtilt_max_deg);
    reflector_group_->setChecked(spec.reflector.has_value());
    const ReflectorSpec r = spec.reflector.value_or(ReflectorSpec{});
    for (int i = 0; i < 3; ++i)
        mount_[i]->setValue(r.top_left[i]), mount_[3 + i]->setValue(r.bottom_right[i]);
    facing_[0]->setValue(r.facing.x()), facing_[1]->setValue(r.facing.y());
    plate_w_->setValue(r.width_m), plate_h_->setValue(r.height_m);
    focal_z_->setValue(r.focal_z_m);
    orient_to_->setValue(r.orient_to_ap + 1);
    freq_->setValue(spec.radio.freq_hz / 1e9);
    power_->setValue(spec.radio.tx_power_dbm);
    setCombo(antenna_, QString::fromUtf8(to_string(spec.radio.antenna).data()));
    order_->setValue(spec.radio.max_reflection_order);
    cell_->setValue(spec.grid.cell_m);
    rx_height_->setValue(spec.grid.height_m);
    methods_->setMethods(document.value("methods", nlohmann::json::array()));
    workers_->setValue(spec.compute.workers);
    gpu_fraction_->setValue(spec.compute.gpu_fraction);
    filling_ = false;
    updateEnabledState();
    updateEstimate(spec);
    setValidationError({});
}

nlohmann::json StudySetupPanel::study() const {
    nlohmann::json doc = base_.is_object() ? base_ : nlohmann::json::object();
    doc["name"] = name_->text().toStdString();
    doc["mode"] = mode_->currentData().toString().toStdString();
    doc["seed"] = seed_->value();
    doc["objective"] = {{"metric", metric_->currentData().toString().toStdString()},
                        {"combine", combine_->currentData().toString().toStdString()},
                        {"coverage_threshold_dbm", threshold_->value()},
                        {"softmin_temperature", softmin_->value()}};
    nlohmann::json bounds = doc.value("bounds", nlohmann::json::object());
    bounds["x_m"] = pair(x_min_, x_max_);
    bounds["y_m"] = pair(y_min_, y_max_);
    bounds["ap_z_m"] = ap_z_->value();
    bounds["min_ap_separation_m"] = separation_->value();
    bounds["optimise_direction"] = optimise_direction_->isChecked();
    bounds["fixed_yaw_deg"] = fixed_yaw_->value();
    bounds["fixed_downtilt_deg"] = fixed_tilt_->value();
    const double tilt_min =
        bounds.contains("downtilt_deg") ? bounds["downtilt_deg"][0].get<double>() : 0.0;
    bounds["downtilt_deg"] = {std::min(tilt_min, tilt_max_->value()), tilt_max_->value()};
    doc["bounds"] = bounds;
    const bool reflector = reflector_group_->isChecked() ||
                           mode_->currentData().toString() == QLatin1String("2ap_reflector");
    if (reflector) {
        nlohmann::json r = doc.value("reflector", nlohmann::json::object());
        r["top_left"] = {mount_[0]->value(), mount_[1]->value(), mount_[2]->value()};
        r["bottom_right"] = {mount_[3]->value(), mount_[4]->value(), mount_[5]->value()};
        r["facing"] = {facing_[0]->value(), facing_[1]->value(), 0.0};
        r["size_m"] = pair(plate_w_, plate_h_);
        r["focal_z_m"] = focal_z_->value();
        r["orient_to_ap"] = orient_to_->value() - 1;
        doc["reflector"] = r;
    } else {
        doc.erase("reflector");
    }
    nlohmann::json radio = doc.value("radio", nlohmann::json::object());
    radio["freq_hz"] = freq_->value() * 1e9;
    radio["power_dbm"] = power_->value();
    radio["antenna"] = antenna_->currentData().toString().toStdString();
    radio["max_order"] = order_->value();
    doc["radio"] = radio;
    nlohmann::json grid = doc.value("grid", nlohmann::json::object());
    grid["cell_m"] = cell_->value();
    grid["height_m"] = rx_height_->value();
    doc["grid"] = grid;
    doc["methods"] = methods_->methods();
    nlohmann::json compute = doc.value("compute", nlohmann::json::object());
    compute["workers"] = workers_->value();
    compute["gpu_fraction"] = gpu_fraction_->value();
    doc["compute"] = compute;
    return doc;
}

void StudySetupPanel::onChanged() {
    if (filling_) return;
    updateEnabledState();
    QString methods_error;
    methods_->methods(&methods_error);
    if (!methods_error.isEmpty()) {
        setValidationError(methods_error);
        return;
    }
    base_ = study();
    Q_EMIT studyEdited(base_);
}

void StudySetupPanel::updateEnabledState() {
    const bool fixed = !optimise_direction_->isChecked();
    fixed_yaw_->setEnabled(fixed);
    fixed_tilt_->setEnabled(fixed);
    tilt_max_->setEnabled(!fixed);
    const bool needs_reflector = mode_->currentData().toString() == QLatin1String("2ap_reflector");
    if (needs_reflector && !reflector_group_->isChecked()) {
        const bool was = filling_;
        filling_ = true;
        reflector_group_->setChecked(true);
        filling_ = was;
    }
    const QString mode = mode_->currentData().toString();
    separation_->setEnabled(mode != QLatin1String("1ap"));
}

void StudySetupPanel::setValidationError(const QString& error) {
    validation_->setVisible(!error.isEmpty());
    validation_->setText(
        QStringLiteral("<span style='color:#b00020'>%1</span>").arg(error.toHtmlEscaped()));
}

void StudySetupPanel::updateEstimate(const StudySpec& spec) {
    const StudyEstimate estimate = estimateStudy(spec);
    methods_->setEstimates(estimate.per_method);
    estimated_maps_ = estimate.total;
    estimate_->setText(tr("<b>Estimate:</b> %1 radio maps over %2 method(s), %3 worker(s).")
                           .arg(QLocale().toString(static_cast<qulonglong>(estimate.total)))
                           .arg(spec.methods.size())
                           .arg(spec.compute.workers));
}

// --- presets, files ------------------------------------------------------------------------------

QStringList StudySetupPanel::presetIds() {
    return {QStringLiteral("gd_80x30"), QStringLiteral("ga_100x20"), QStringLiteral("grid_1m")};
}

QString StudySetupPanel::presetTitle(const QString& id) {
    if (id == QLatin1String("gd_80x30")) return tr("Gradient descent, 80 starts × 30 iterations");
    if (id == QLatin1String("ga_100x20"))
        return tr("Genetic algorithm, population 100 × 20 generations");
    if (id == QLatin1String("grid_1m")) return tr("Grid search, 1 m resolution");
    return id;
}

bool StudySetupPanel::applyPreset(const QString& id) {
    QFile file(QStringLiteral(":/presets/%1.json").arg(id));
    if (!file.open(QIODevice::ReadOnly)) return false;
    const auto patch = nlohmann::json::parse(file.readAll().toStdString(), nullptr, false);
    if (patch.is_discarded()) return false;
    nlohmann::json doc = study();
    doc.merge_patch(patch);
    doc["methods"] = patch.value("methods", doc["methods"]);  // replace, never merge, the list
    base_ = doc;
    methods_->setMethods(doc["methods"]);
    filling_ = true;
    if (patch.contains("mode"))
        setCombo(mode_, QString::fromStdString(patch["mode"].get<std::string>()));
    if (patch.contains("seed")) seed_->setValue(patch["seed"].get<int>());
    if (patch.contains("compute")) {
        workers_->setValue(doc["compute"].value("workers", workers_->value()));
        gpu_fraction_->setValue(doc["compute"].value("gpu_fraction", gpu_fraction_->value()));
    }
    filling_ = false;
    onChanged();
    return true;
}

void StudySetupPanel::setStudyPath(const QString& path) { path_ = path; }

void StudySetupPanel::openStudyDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open study"), QFileInfo(path_).path(), tr("Study (*.json);;All files (*)"));
    if (!path.isEmpty()) Q_EMIT openRequested(path);
}

bool StudySetupPanel::saveTo(const QString& path, QString* error) {
    nlohmann::json doc = study();
    if (!scene_path_.isEmpty())  // relative to the new file, so the pair can move together
        doc["scene"] = QFileInfo(path).absoluteDir().relativeFilePath(scene_path_).toStdString();
    try {  // whole or not at all: a full disk must not truncate the study being saved
        write_file_atomically(path.toStdString(), doc.dump(2) + "\n");
    } catch (const FileWriteError& failure) {
        if (error)
            *error = tr("Cannot write %1").arg(path) + QStringLiteral(": ") +
                     QString::fromStdString(failure.cause());
        return false;
    }
    path_ = path;
    Q_EMIT saved(path);
    return true;
}

void StudySetupPanel::saveStudy() {
    if (path_.isEmpty() || !path_.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) {
        saveStudyAs();
        return;
    }
    saveTo(path_);
}

void StudySetupPanel::saveStudyAs() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save study"), path_, tr("Study (*.json)"));
    if (!path.isEmpty()) saveTo(path);
}

}  // namespace rps
