#pragma once
// The study report of a study file (.h5) without a window (`rps report`): the report the studio's
// File > Export writes after opening that file. The file is opened as the studio opens it
// (ProjectLoader), the results model filled as the studio fills it (loadProjectResults), the
// scene picture is the plan view of the best layout rendered from a hidden PlanView
// (renderPlanPicture) where the studio grabs its plan on screen, and the report is written by the
// studio's ReportExporter (plots from a hidden LivePlotsPanel over the same model). Opening runs
// without Qt's GUI; writing needs a QApplication (any QPA platform, offscreen included).
#include <QCoreApplication>
#include <QString>
#include <memory>
#include <optional>

namespace rps {

struct LoadedProject;

class StoredStudyReport {
    Q_DECLARE_TR_FUNCTIONS(StoredStudyReport)
public:
    enum class Format { Html, Pdf };

    // The format of an output by its extension (.html or .pdf, any case), and that its folder
    // exists; nullopt with a message naming the file otherwise. Cheap and needs no QApplication:
    // callers check the output before any work.
    static std::optional<Format> checkOutput(const QString& out_file, QString* error);

    // Opens the study file (its scene from scene_file when given, else where the file says or
    // beside it); false with a message naming it when it is missing, not a study file, damaged,
    // or its scene cannot be found or loaded.
    bool open(const QString& study_file, QString* error, const QString& scene_file = {});
    // Writes the report of the opened study, titled `title` (empty: the study's name, as the
    // studio titles it); false with a message naming `out_file` when it cannot be written.
    bool write(const QString& out_file, Format format, const QString& title, QString* error) const;

private:
    std::shared_ptr<const LoadedProject> project_;
};

}  // namespace rps
