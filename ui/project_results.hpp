#pragma once
// What the studio shows of a project it has just opened: the results model reset to the study's
// spec and grid and, for a study file (.h5), filled with everything the file stored; and the
// layout to show first. The main window and `rps report` (stored_study_report.hpp) both start
// from here, so the report of a study file is the one the studio writes for it.
#include "core/study/layout.hpp"
#include "ui/project_loader.hpp"

namespace rps {

class StudyResults;

// Fills `results` for `project`. Returns the layout to show first: the stored study's best when
// there is one that fits the study's layout space, else the study's default layout.
Layout loadProjectResults(StudyResults& results, const LoadedProject& project);

}  // namespace rps
