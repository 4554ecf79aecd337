#include "ui/stored_study_report.hpp"

#include <QDir>
#include <QFileInfo>

#include "ui/plan_picture.hpp"
#include "ui/project_loader.hpp"
#include "ui/project_results.hpp"
#include "ui/report_exporter.hpp"
#include "ui/study_results.hpp"

namespace rps {
namespace {

// About the studio's plan view in its default window; the report scales it to the page.
constexpr QSize kPlanPictureSize(1000, 700);

// Loader messages name the file they are about, usually the study file; a scene that does not
// load names the scene only.
QString naming(const QString& file, const QString& message) {
    return message.contains(file) ? message : file + QStringLiteral(": ") + message;
}

}  // namespace

std::optional<StoredStudyReport::Format> StoredStudyReport::checkOutput(const QString& out_file,
                                                                        QString* error) {
    const QFileInfo info(out_file);
    const QString suffix = info.suffix().toLower();
    std::optional<Format> format;
    if (suffix == QLatin1String("html")) format = Format::Html;
    if (suffix == QLatin1String("pdf")) format = Format::Pdf;
    if (!format) {
        if (error)
            *error =
                suffix.isEmpty()
                    ? tr("%1: no extension; name the report FILE.html or FILE.pdf").arg(out_file)
                    : tr("%1: unknown report format '.%2' (use .html or .pdf)")
                          .arg(out_file, info.suffix());
        return std::nullopt;
    }
    const QFileInfo folder(info.absolutePath());
    if (!folder.isDir()) {
        if (error)
            *error = tr("%1: cannot write the report: folder %2 does not exist")
                         .arg(out_file, QDir::toNativeSeparators(folder.filePath()));
        return std::nullopt;
    }
    return format;
}

bool StoredStudyReport::open(const QString& study_file, QString* error, const QString& scene_file) {
    if (ProjectLoader::kindOf(study_file) != LoadedProject::Kind::Store) {
        if (error) *error = tr("%1: not a study file (.h5) written by rps run").arg(study_file);
        return false;
    }
    // One band: the report computes one map; bands only pay off while dragging on the plan.
    if (!scene_file.isEmpty() && !QFileInfo(scene_file).isFile()) {
        if (error) *error = tr("%1: scene file not found (--scene)").arg(scene_file);
        return false;
    }
    const LoadOutcome outcome = ProjectLoader::load(study_file, 1, scene_file);
    if (!outcome.project) {
        if (error) *error = naming(study_file, outcome.error);
        return false;
    }
    project_ = outcome.project;
    return true;
}

bool StoredStudyReport::write(const QString& out_file, Format format, const QString& title,
                              QString* error) const {
    if (!project_) {
        if (error) *error = tr("%1: no study file is open").arg(out_file);
        return false;
    }
    StudyResults results;
    const Layout layout = loadProjectResults(results, *project_);
    ReportExporter exporter(&results);
    exporter.setScenePicture(renderPlanPicture(*project_, layout, kPlanPictureSize));
    exporter.setTitle(title.isEmpty() ? QString::fromStdString(project_->spec.name) : title);
    return format == Format::Pdf ? exporter.exportPdf(out_file, error)
                                 : exporter.exportHtml(out_file, error);
}

}  // namespace rps
