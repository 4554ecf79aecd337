#include "ui/project_loader.hpp"

#include <QFileInfo>
#include <QThread>
#include <algorithm>
#include <filesystem>

#include "core/common/error.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/study/default_study.hpp"
#include "core/study/json_reader.hpp"
#include "core/study/stored_scene_path.hpp"

namespace rps {
namespace {

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
            project->study_json = default_study(*project->scene, path.toStdString());
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
