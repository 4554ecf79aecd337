#include "runtime/study_preflight.hpp"

#include <stdexcept>

#include "core/common/error.hpp"
#include "core/engine/cell_mask.hpp"
#include "core/engine/radio_engine.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/study/stored_scene_path.hpp"
#include "core/study/study_feasibility.hpp"
#include "runtime/study_runner.hpp"

namespace rps {

// The radio set-up and the grid the workers will build, checked here so that a study the engine
// cannot run in its scene (a grid reaching 1e300 m away stopped every worker, a frequency where
// a material has no ITU values none could start) fails naming its file and key, with no store.
void check_engine_inputs(const StudySpec& spec, const Scene& scene) {
    try {
        RadioEngine::check_setup(scene, spec.radio);
    } catch (const std::invalid_argument& error) {
        throw InputError(SourceLocation{spec.source_file, 0, "radio"}, error.what());
    }
    try {
        RadioEngine::check_grid(scene, spec.grid);
    } catch (const std::invalid_argument& error) {
        throw InputError(SourceLocation{spec.source_file, 0, "grid"}, error.what());
    }
}

// A grid with no cell in its mask (excluded areas covering it, or every cell inside a solid)
// leaves the study nothing to measure: it scored -160 dBm over 0 cells and "succeeded". Refused
// before the store exists.
void check_grid_has_cells(const StudySpec& spec, const Scene& scene) {
    const RadioEngine engine(scene, spec.radio, spec.grid);
    if (any_cell_measured(engine.grid().mask)) return;
    if (!spec.grid.excluded_areas.empty())
        throw InputError(SourceLocation{spec.source_file, 0, "grid.exclude"},
                         "the excluded areas leave no cell of the grid to measure");
    throw InputError(SourceLocation{spec.source_file, 0, "grid"}, kNoMeasuredCell);
}

// A study whose bounds provably admit no layout the workers would evaluate (an AP height on the
// floor, a separation no bounds allow, a focal range behind the mount wall) ran every method on
// refused layouts and ended "no feasible layout was evaluated". Refused before the store exists,
// naming the key. (What is only rare is left to the methods; a run that finds nothing says why
// at its end: diagnose_infeasible.)
void check_not_provably_infeasible(const StudySpec& spec, const Scene& scene) {
    if (const auto proof = prove_infeasible(spec, scene))
        throw InputError(SourceLocation{spec.source_file, 0, proof->field}, proof->message);
}

// A resume must run on the scene the study started with: otherwise its finished results and the
// new ones would come from two buildings, and the best layout would compare them as equals.
// (Stores written before fingerprints were recorded are not checked.)
void check_scene_unchanged(const StoredStudy& stored, const StudySpec& spec,
                           const std::filesystem::path& store_path) {
    const std::string mismatch = stored_scene_mismatch(
        stored.scene_fingerprint(), load_scene(spec.scene_path), spec.scene_path);
    if (!mismatch.empty())
        throw StudyError(store_path.string() + ": " + mismatch +
                         ": resuming would mix results of two scenes. Restore the scene, or "
                         "start a new study.");
}

}  // namespace rps
