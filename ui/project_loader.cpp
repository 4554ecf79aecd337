#include "ui/project_loader.hpp"

#include <QFileInfo>
#include <QThread>
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/common/error.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/study/json_reader.hpp"
#include "core/study/stored_scene_path.hpp"

namespace rps {
namespace {

// The range [lower, upper] drawn in by up to 1 m from each end, by less for a scene under 4 m
// across (a single plate), so that the range never turns over.
nlohmann::json inset_range(double lower, double upper) {
    const double pad = std::min(1.0, 0.25 * std::max(0.0, upper - lower));
    return {lower + pad, upper - pad};
}

// The original framework's AP height (3.8 m, under its 4 m ceiling); in a lower building 0.2 m
// below the scene's top, so that the AP hangs inside the walls rather than above them (the L
// hall's walls are 3.5 m high and it has no roof). A scene no higher than the measurement plane
// keeps 3.8 m. Rounded to the centimetre, as a planner would write it.
double default_ap_height_m(const Aabb& box) {
    constexpr double kOriginal_m = 3.8, kBelowTop_m = 0.2;
    const double below_top_m = std::round(100.0 * (box.upper.z() - kBelowTop_m)) / 100.0;
    const double lowest_m = MeasurementGridSpec{}.height_m + kBelowTop_m;
    return below_top_m < kOriginal_m && below_top_m > lowest_m ? below_top_m : kOriginal_m;
}

std::optional<nlohmann::json> mount_section(const Scene& scene) {
    const Aabb box = scene.bounds();
    for (const SceneShape& shape : scene.shapes) {
        if (shape.id.rfind("mount", 0) != 0 || shape.triangle_count == 0) continue;
        Aabb m;
        for (uint32_t k = 0; k < shape.triangle_count; ++k)
            for (uint32_t v : scene.triangles[shape.first_triangle + k])
                m.extend(scene.vertices[v]);
        const auto& t = scene.triangles[shape.first_triangle];
        Vec3 n = (scene.vertices[t[1]] - scene.vertices[t[0]])
                     .cross(scene.vertices[t[2]] - scene.vertices[t[0]]);
        n.z() = 0;
        if (n.norm() < 1e-9) continue;
        n.normalize();
        if (n.dot(box.center() - m.center()) < 0) n = -n;
        return nlohmann::json{{"top_left", {m.lower.x(), m.lower.y(), m.upper.z()}},
                              {"bottom_right", {m.upper.x(), m.upper.y(), m.lower.z()}},
                              {"facing", {n.x(), n.y(), 0.0}},
                              {"focal_x_m", inset_range(box.lower.x(), box.upper.x())},
                              {"focal_y_m", inset_range(box.lower.y(), box.upper.y())}};
    }
    return std::nullopt;
}

nlohmann::json stored_study_document(const StoredStudy& stored) {
    if (stored.spec.contains("document") && stored.spec["document"].is_object())
        return stored.spec["document"];
    if (stored.spec.contains("study") && stored.spec["study"].is_object())
        return stored.spec["study"];
    return stored.spec;
}

// The stored spec names its scene as the run read it; the scene is looked for there, then beside
// the result file and the study file by its name (stored_scene_path.hpp), unless given.
StudySpec parse_stored(const nlohmann::json& document, const QString& h5_path,
                       const nlohmann::json& wrapper, const QString& scene_override) {
    StudySpec spec = parse_study(document, h5_path.toStdString());
    if (!scene_override.isEmpty()) {
        spec.scene_path = scene_override.toStdString();
        return spec;
    }
    spec.scene_path = resolve_stored_scene(wrapper, stored_scene_name(document),
                                           h5_path.toStdString(), "locate it")
                          .string();
    return spec;
}

}  // namespace

int ProjectLoader::defaultBands() { return std::clamp(QThread::idealThreadCount(), 1, 8); }

nlohmann::json ProjectLoader::defaultStudy(const Scene& scene, const QString& scene_path) {
    const Aabb box = scene.bounds();
    nlohmann::json study = {
        {"name", QFileInfo(scene_path).completeBaseName().toStdString()},
        {"scene", QFileInfo(scene_path).absoluteFilePath().toStdString()},
        {"mode", "1ap"},
        {"objective", {{"metric", "p5"}, {"combine", "best"}}},
        {"bounds",
         {{"x_m", inset_range(box.lower.x(), box.upper.x())},
          {"y_m", inset_range(box.lower.y(), box.upper.y())},
          {"ap_z_m", default_ap_height_m(box)}}},
        {"methods", nlohmann::json::array({{{"type", "grid"}, {"resolution_m", 1.0}}})},
        {"seed", 4},
        {"compute", {{"workers", 2}}}};
    if (const auto mount = mount_section(scene)) {
        study["reflector"] = *mount;  // a plate on the mount: search it with a small GA
        study["methods"] =
            nlohmann::json::array({{{"type", "ga"}, {"population", 40}, {"generations", 15}}});
    }
    return study;
}

void ProjectLoader::buildEvaluators(LoadedProject& project, int bands) {
    project.evaluator =
        std::make_shared<const StripedEvaluator>(project.spec, project.scene, bands);
    if (project.spec.radio.max_reflection_order > kPreviewOrder)
        project.preview = std::make_shared<const StripedEvaluator>(project.spec, project.scene,
                                                                   bands, kPreviewOrder);
}

LoadedProject::Kind ProjectLoader::kindOf(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("h5") || suffix == QLatin1String("hdf5"))
        return LoadedProject::Kind::Store;
    if (suffix == QLatin1String("json")) return LoadedProject::Kind::Study;
    return LoadedProject::Kind::Scene;
}

LoadOutcome ProjectLoader::load(const QString& path, int bands, const QString& scene_override) {
    auto project = std::make_shared<LoadedProject>();
    project->path = path;
    project->kind = kindOf(path);
    try {
        if (!QFileInfo::exists(path))
            throw std::runtime_error(path.toStdString() + ": no such file");
        if (project->kind == LoadedProject::Kind::Store) {
            auto stored = std::make_shared<StoredStudy>(StudyStore::read(path.toStdString()));
            project->study_json = stored_study_document(*stored);
            project->spec = parse_stored(project->study_json, path, stored->spec, scene_override);
            project->stored = std::move(stored);
        } else if (project->kind == LoadedProject::Kind::Study) {
            project->study_json = read_json_file(path.toStdString());
            project->spec = parse_study(project->study_json, path.toStdString());
            check_scene_file(project->spec);
        }
        const std::string scene_path = project->kind == LoadedProject::Kind::Scene
                                           ? path.toStdString()
                                           : project->spec.scene_path;
        project->scene = std::make_shared<const Scene>(load_scene(scene_path));
        if (project->stored)  // the study's results are of the scene it ran on
            if (const std::string mismatch = stored_scene_mismatch(
                    project->stored->scene_fingerprint(), *project->scene, scene_path);
                !mismatch.empty())
                throw StoredSceneNotFound({path.toStdString(), 0, "scene"}, mismatch);
        if (project->kind == LoadedProject::Kind::Scene) {
            project->study_json = defaultStudy(*project->scene, path);
            project->spec = parse_study(project->study_json, path.toStdString());
        }
        project->outline = SceneOutline::fromScene(*project->scene);
        buildEvaluators(*project, bands);
    } catch (const StoredSceneNotFound& error) {
        return {nullptr, QString::fromStdString(error.what()), true};
    } catch (const std::exception& error) {
        return {nullptr, QString::fromStdString(error.what())};
    }
    return {project, {}};
}

LoadOutcome ProjectLoader::rebuild(const LoadedProject& base, const nlohmann::json& study_json,
                                   int bands) {
    auto project = std::make_shared<LoadedProject>(base);
    try {
        const std::string source =
            base.spec.source_file.empty() ? base.path.toStdString() : base.spec.source_file;
        project->study_json = study_json;
        project->spec = parse_study(study_json, source);
        const bool same_scene = project->spec.scene_path == base.spec.scene_path;
        const bool same_engine = same_scene &&
                                 nlohmann::json(study_json.value("radio", nlohmann::json())) ==
                                     base.study_json.value("radio", nlohmann::json()) &&
                                 study_json.value("grid", nlohmann::json()) ==
                                     base.study_json.value("grid", nlohmann::json());
        if (!same_scene) {
            project->scene = std::make_shared<const Scene>(load_scene(project->spec.scene_path));
            project->outline = SceneOutline::fromScene(*project->scene);
        }
        if (same_engine && base.evaluator) {
            project->evaluator = base.evaluator->withSpec(project->spec);
            project->preview = base.preview ? base.preview->withSpec(project->spec) : nullptr;
        } else {
            buildEvaluators(*project, bands);
        }
    } catch (const std::exception& error) {
        return {nullptr, QString::fromStdString(error.what())};
    }
    return {project, {}};
}

}  // namespace rps
