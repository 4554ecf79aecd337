// rps show / export / compare / sweep: reading study files back, exporting the best layout as a scene, and
// running a study over a sweep of parameters (docs/study_format.md). Each command is in its own
// file; what they share: stored_study_view.hpp (a study file's summary), json_fields.hpp.
#include "app/commands/report_commands.hpp"

namespace rps::cli {

void register_report_commands(CLI::App& app, CommandAction& action) {
    register_show(app, action);
    register_export(app, action);
    register_compare(app, action);
    register_sweep(app, action);
}

}  // namespace rps::cli
