#pragma once
// The checks a study passes before its store is created (a refused study leaves no file), and
// the one a resume passes before it runs: each names the study's file and key.
#include <filesystem>

#include "core/scene/scene.hpp"
#include "core/store/study_store.hpp"
#include "core/study/study_spec.hpp"

namespace rps {

void check_engine_inputs(const StudySpec& spec, const Scene& scene);
void check_grid_has_cells(const StudySpec& spec, const Scene& scene);
void check_not_provably_infeasible(const StudySpec& spec, const Scene& scene);
void check_scene_unchanged(const StoredStudy& stored, const StudySpec& spec,
                           const std::filesystem::path& store_path);

}  // namespace rps
