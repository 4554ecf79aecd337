// rps show / export / compare / sweep / report: reading study files back, exporting the best
// layout as a scene, comparing stored layouts, running a study over a sweep of parameters
// (docs/study_format.md), and the studio's report of a study file. Each command is in its own
// file; what they share: stored_study_view.hpp (a study file's summary), json_fields.hpp.
#include "app/commands/report_commands.hpp"

#include <system_error>

#include "core/common/error.hpp"

namespace rps::cli {

void register_report_commands(CLI::App& app, CommandAction& action) {
    register_show(app, action);
    register_export(app, action);
    register_compare(app, action);
    register_sweep(app, action);
    register_report(app, action);
}

void create_output_folder(const std::filesystem::path& dir, const char* option) {
    std::error_code error;
    std::filesystem::create_directories(dir, error);
    if (error) throw InputError({dir.string(), 0, option}, "cannot create: " + error.message());
}

}  // namespace rps::cli
