#include "ui/study_results.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/metrics/map_metrics.hpp"
#include "core/store/study_store.hpp"
#include "core/study/reflector_pose.hpp"
#include "core/study/task_id.hpp"

namespace rps {
namespace {

std::vector<double> to_doubles(const nlohmann::json& json) {
    std::vector<double> out;
    if (!json.is_array()) return out;
    out.reserve(json.size());
    for (const auto& v : json) {
        if (!v.is_number()) return {};
        out.push_back(v.get<double>());
    }
    return out;
}

QString status_text(int32_t status) {
    switch (static_cast<TaskStatus>(status)) {
        case TaskStatus::ok: return QStringLiteral("ok");
        case TaskStatus::failed: return QStringLiteral("failed");
        case TaskStatus::cancelled: return QStringLiteral("cancelled");
        default: return QStringLiteral("status %1").arg(status);
    }
}

QString json_string(const nlohmann::json& json, const char* key) {
    if (!json.is_object()) return {};
    const auto it = json.find(key);
    if (it == json.end() || !it->is_string()) return {};
    return QString::fromStdString(it->get<std::string>());
}

}  // namespace

StudyResults::StudyResults(QObject* parent) : QObject(parent) {}

StudyResults::~StudyResults() = default;

bool StudyResults::usableObjective(double objective) {
    return std::isfinite(objective) && objective > 0.5 * opt::kInfeasibleFitness;
}

void StudyResults::reset(const StudySpec& spec, const MeasurementGrid& grid) {
    forgetResults();
    spec_ = spec;
    space_.emplace(spec);
    spec_json_ = spec.document;
    names_.clear();
    for (const std::string& name : space_->names()) names_ << QString::fromStdString(name);
    grid_ = grid;
    Q_EMIT cleared();
}

void StudyResults::reset(const nlohmann::json& spec_json, const MeasurementGrid& grid) {
    forgetResults();
    setSpecJson(spec_json);
    grid_ = grid;
    Q_EMIT cleared();
}

void StudyResults::clear() {
    forgetResults();
    spec_.reset();
    space_.reset();
    spec_json_ = nullptr;
    names_.clear();
    grid_ = MeasurementGrid{};
    Q_EMIT cleared();
}

void StudyResults::setSpecJson(const nlohmann::json& spec_json) {
    spec_.reset();
    space_.reset();
    names_.clear();
    spec_json_ = spec_json;
    try {
        spec_ = parse_study(spec_json, "study.json");
        space_.emplace(*spec_);
        for (const std::string& name : space_->names()) names_ << QString::fromStdString(name);
    } catch (const std::exception&) {
        spec_.reset();
        space_.reset();
    }
}

void StudyResults::forgetResults() {
    tasks_.clear();
    row_of_task_.clear();
    explored_.clear();
    convergence_.clear();
    has_best_ = false;
    best_x_.clear();
    best_objective_ = std::numeric_limits<double>::quiet_NaN();
    best_layout_ = nullptr;
    best_task_id_ = kNoTask;
    best_map_.clear();
    maps_.clear();
    summary_ = nlohmann::json::object();
    store_file_.clear();
}

QString StudyResults::objectiveUnit() const {
    if (!spec_) return QStringLiteral("dBm");
    return QString::fromStdString(
        objective_unit(to_string(spec_->objective.metric), to_string(spec_->objective.combine)));
}

QString StudyResults::mapUnit() const {
    if (!spec_) return QStringLiteral("dBm");
    return QString::fromStdString(objective_unit("p5", to_string(spec_->objective.combine)));
}

QString StudyResults::objectiveName() const {
    if (!spec_) return tr("Objective");
    if (spec_->objective.combine == CombineMode::Sinr) {  // the map holds SINR, not RSS
        switch (spec_->objective.metric) {
            case Objective::P5:
                return tr("P5 SINR");
            case Objective::Min:
                return tr("Minimum SINR");
            case Objective::SoftMin:
                return tr("Soft-min SINR");
            case Objective::Mean:
                return tr("Mean SINR");
            case Objective::Coverage:
                return tr("Coverage");
        }
    }
    switch (spec_->objective.metric) {
        case Objective::P5: return tr("P5 RSS");
        case Objective::Min: return tr("Minimum RSS");
        case Objective::SoftMin: return tr("Soft-min RSS");
        case Objective::Mean: return tr("Mean RSS");
        case Objective::Coverage: return tr("Coverage");
    }
    return tr("Objective");
}

double StudyResults::coverageThresholdDbm() const {
    return spec_ ? spec_->objective.coverage_threshold_dbm : kDefaultCoverageThreshold_dbm;
}

double StudyResults::softminTemperature() const {
    return spec_ ? spec_->objective.softmin_temperature : kDefaultSoftminTemperature;
}

void StudyResults::addTask(const TaskRow& row) {
    const int index = static_cast<int>(tasks_.size());
    tasks_.push_back(row);
    row_of_task_[row.task_id] = index;
    const bool usable = usableObjective(row.objective);
    const double previous =
        convergence_.empty() ? -std::numeric_limits<double>::infinity() : convergence_.back().best;
    if (usable) {
        convergence_.push_back({index + 1, row.end_s, std::max(previous, row.objective)});
    }
    Q_EMIT taskAdded(index);
    if (usable && !row.best_x.empty() && (!has_best_ || row.objective > best_objective_)) {
        updateBest(row.best_x, row.objective, row.task_id);
        Q_EMIT bestChanged();
    }
}

void StudyResults::addExploredPoints(const std::vector<std::vector<double>>& xs,
                                     const std::vector<double>& objectives) {
    const int first = static_cast<int>(explored_.size());
    const size_t n = std::min(xs.size(), objectives.size());
    explored_.reserve(explored_.size() + n);
    for (size_t i = 0; i < n; ++i) {
        if (!usableObjective(objectives[i]) || xs[i].empty()) continue;
        explored_.push_back({xs[i], objectives[i]});
    }
    const int count = static_cast<int>(explored_.size()) - first;
    if (count > 0) Q_EMIT exploredPointsAdded(first, count);
}

void StudyResults::updateBest(const std::vector<double>& x, double objective, uint64_t task_id) {
    has_best_ = true;
    best_x_ = x;
    best_objective_ = objective;
    best_task_id_ = task_id;
    best_layout_ = layoutOf(x);
}

void StudyResults::setBest(const std::vector<double>& x, double objective) {
    uint64_t task_id = kNoTask;
    // Attribute the best to the task that reported it, when one did.
    for (auto it = tasks_.rbegin(); it != tasks_.rend(); ++it) {
        if (it->best_x == x) {
            task_id = it->task_id;
            break;
        }
    }
    updateBest(x, objective, task_id);
    Q_EMIT bestChanged();
}

void StudyResults::setBestMap(const std::vector<double>& power_w) {
    best_map_ = power_w;
    Q_EMIT bestMapChanged();
}

void StudyResults::setTaskMap(uint64_t task_id, const std::vector<double>& power_w,
                              const nlohmann::json& layout, const QString& title) {
    NamedMap map{task_id, title, layout, power_w};
    if (map.title.isEmpty()) map.title = tr("Task %1").arg(taskLabel(task_id));
    if (map.layout.is_null()) {
        const int row = rowOfTask(task_id);
        if (row >= 0) map.layout = layoutOf(tasks_[static_cast<size_t>(row)].best_x);
    }
    const auto it = std::find_if(maps_.begin(), maps_.end(),
                                 [&](const NamedMap& m) { return m.task_id == task_id; });
    if (it != maps_.end())
        *it = std::move(map);
    else
        maps_.push_back(std::move(map));
    Q_EMIT mapsChanged();
}

void StudyResults::setSummary(const nlohmann::json& summary) {
    summary_ = summary.is_object() ? summary : nlohmann::json::object();
    // The summary's best is authoritative when it has one.
    const std::vector<double> x = to_doubles(summary_.value("best_x", nlohmann::json()));
    const auto objective = summary_.find("best_objective");
    if (!x.empty() && objective != summary_.end() && objective->is_number()) {
        updateBest(x, objective->get<double>(), best_task_id_);
        if (summary_.contains("best_layout") && summary_["best_layout"].is_object())
            best_layout_ = summary_["best_layout"];
        Q_EMIT bestChanged();
    }
    Q_EMIT summaryChanged();
}

int StudyResults::rowOfTask(uint64_t task_id) const {
    const auto it = row_of_task_.find(task_id);
    return it == row_of_task_.end() ? -1 : it->second;
}

QString StudyResults::taskLabel(uint64_t task_id) const {
    if (spec_) return QString::fromStdString(task_label(task_id, spec_->methods));
    const int row = rowOfTask(task_id);
    if (row >= 0 && !tasks_[static_cast<size_t>(row)].method.isEmpty())
        return QString::fromStdString(
            task_label(task_id, tasks_[static_cast<size_t>(row)].method.toStdString()));
    return QString::number(task_id);
}

const NamedMap* StudyResults::taskMap(uint64_t task_id) const {
    for (const NamedMap& map : maps_)
        if (map.task_id == task_id) return &map;
    return nullptr;
}

std::vector<int> StudyResults::workerIds() const {
    std::set<int> ids;
    for (const TaskRow& row : tasks_)
        if (row.worker_id >= 0) ids.insert(row.worker_id);
    return {ids.begin(), ids.end()};
}

nlohmann::json StudyResults::layoutOf(const std::vector<double>& x) const {
    if (!space_ || x.size() != space_->dim()) return nullptr;
    return layout_to_json(space_->decode(x));
}

std::optional<std::pair<double, double>> StudyResults::mountPoint(double u, double v) const {
    if (!spec_ || !spec_->reflector) return std::nullopt;
    const Vec3 p = rps::mount_point(*spec_->reflector, u, v);
    return std::make_pair(p.x(), p.y());
}

void StudyResults::loadFromStore(const StoredStudy& study) {
    forgetResults();
    store_file_ = QString::fromStdString(study.path.string());
    // Keep the caller's parsed spec (with its file paths) when the store holds the same study.
    if (!spec_ || spec_->document != study.spec) setSpecJson(study.spec);

    // Grid: keep the current one when it fits the stored maps, else derive it from the spec.
    if (!study.maps.empty()) {
        const StoredMap& first = study.maps.front();
        const size_t cells = static_cast<size_t>(first.cells_x) * first.cells_y;
        if (grid_.cell_count() != cells || grid_.cells_x != first.cells_x) {
            MeasurementGrid grid;
            grid.cells_x = first.cells_x;
            grid.cells_y = first.cells_y;
            if (spec_) {
                grid.cell_m = spec_->grid.cell_m;
                grid.height_m = spec_->grid.height_m;
                grid.origin_x_m = spec_->grid.origin_x_m.value_or(0.0);
                grid.origin_y_m = spec_->grid.origin_y_m.value_or(0.0);
            }
            grid.mask.assign(cells, 1);
            grid_ = grid;
        }
    }
    Q_EMIT cleared();
    appendFromStore(study, 0, 0);
}

void StudyResults::appendFromStore(const StoredStudy& study, std::size_t first_task,
                                   std::size_t first_map) {
    const uint64_t best_before = best_task_id_;
    std::vector<std::vector<double>> xs;
    std::vector<double> objectives;
    nlohmann::json final_map_layout;
    uint64_t final_map_task = kNoTask;
    for (size_t i = first_task; i < study.tasks.size(); ++i) {
        const TaskRecord& record = study.tasks[i];
        const nlohmann::json& result =
            i < study.results.size() ? study.results[i] : nlohmann::json::object();
        const nlohmann::json payload = result.is_object()
                                           ? result.value("payload", nlohmann::json::object())
                                           : nlohmann::json::object();
        const nlohmann::json inner = result.is_object()
                                         ? result.value("result", nlohmann::json::object())
                                         : nlohmann::json::object();
        TaskRow row;
        row.task_id = record.task_id;
        row.method = json_string(result, "method");
        row.kind = json_string(payload, "kind");
        row.objective = record.objective;
        if (!std::isfinite(row.objective) && result.is_object() &&
            result.contains("best_objective") && result["best_objective"].is_number())
            row.objective = result["best_objective"].get<double>();
        if (result.is_object()) row.best_x = to_doubles(result.value("best_x", nlohmann::json()));
        row.worker_id = record.worker_id;
        row.start_s = record.start_s;
        row.end_s = record.end_s;
        row.status = status_text(record.status);
        addTask(row);

        if (!inner.is_object()) continue;
        if (row.kind == QLatin1String("evaluate") && payload.contains("points") &&
            inner.contains("objectives")) {
            const auto& points = payload["points"];
            const auto& values = inner["objectives"];
            for (size_t k = 0; k < points.size() && k < values.size(); ++k) {
                if (!values[k].is_number()) continue;
                xs.push_back(to_doubles(points[k]));
                objectives.push_back(values[k].get<double>());
            }
        } else if (row.kind == QLatin1String("gd") && inner.contains("trajectory")) {
            for (const auto& step : inner["trajectory"]) {
                if (!step.is_object() || !step.contains("objective") ||
                    !step["objective"].is_number())
                    continue;
                xs.push_back(to_doubles(step.value("x", nlohmann::json())));
                objectives.push_back(step["objective"].get<double>());
            }
        } else if (row.kind == QLatin1String("map")) {
            final_map_task = row.task_id;
            final_map_layout = inner.value("layout", nlohmann::json());
            const std::vector<double> power =
                to_doubles(inner.value("combined_power_w", nlohmann::json()));
            if (!power.empty() && power.size() == grid_.cell_count())
                setTaskMap(row.task_id, power, final_map_layout, tr("Best layout"));
        }
    }
    addExploredPoints(xs, objectives);

    // Maps stored apart from the results (a later map of a task supersedes an earlier one).
    for (size_t m = first_map; m < study.maps.size(); ++m) {
        const StoredMap& map = study.maps[m];
        if (map.power_w.size() != grid_.cell_count()) continue;
        const int row = rowOfTask(map.task_id);
        const nlohmann::json layout =
            map.task_id == final_map_task ? final_map_layout : nlohmann::json();
        QString title = map.task_id == final_map_task ? tr("Best layout") : QString();
        if (row >= 0 && title.isEmpty()) title = tr("Task %1").arg(taskLabel(map.task_id));
        setTaskMap(map.task_id, map.power_w, layout, title);
    }

    // Summary of a finished study: the last study_finished marker.
    bool summarised = false;
    for (auto it = study.markers.rbegin(); it != study.markers.rend(); ++it) {
        if (it->kind == TaskStatus::study_finished) {
            setSummary(it->info);
            summarised = true;
            break;
        }
    }
    if (!final_map_layout.is_null() && final_map_layout.is_object() &&
        (!summary_.contains("best_layout") || !summary_["best_layout"].is_object())) {
        best_layout_ = final_map_layout;
    }
    // The best map: the final map task's map (it maps the best layout), else the best task's.
    const NamedMap* map = final_map_task != kNoTask ? taskMap(final_map_task) : nullptr;
    if (!map && best_task_id_ != kNoTask) map = taskMap(best_task_id_);
    if (map && (first_task == 0 || best_task_id_ != best_before || final_map_task != kNoTask))
        setBestMap(map->power_w);
    // Once per read that changed what the best is (a followed file is read every second).
    if (has_best_ && (first_task == 0 || best_task_id_ != best_before || summarised))
        Q_EMIT bestChanged();
}

}  // namespace rps

// Compiled here rather than in rps_ui's single file of generated code, which would pull the
// whole studio (Qt3D included) into `rps`, which links only what `rps report` uses.
// NOLINTNEXTLINE(bugprone-suspicious-include): moc's output is meant to be included.
#include "moc_study_results.cpp"
