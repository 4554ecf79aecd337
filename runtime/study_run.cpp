#include "runtime/study_run.hpp"

namespace rps {

StudyRun::~StudyRun() = default;

}  // namespace rps
