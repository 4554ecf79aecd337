#include "ui/study_compute_target.hpp"

#include <QSettings>

namespace rps {

StudyComputeTarget StudyComputeTarget::fromSettings() {
    QSettings settings;
    StudyComputeTarget target;
    if (settings.value(QStringLiteral("compute/target")).toString() == QLatin1String("mpi") &&
        mpiAvailable())
        target.kind = Kind::mpi;
    target.mpirun = settings.value(QStringLiteral("compute/mpirun"), target.mpirun).toString();
    target.mpirun_arguments = settings.value(QStringLiteral("compute/mpirunArguments")).toString();
    return target;
}

void StudyComputeTarget::save() const {
    QSettings settings;
    settings.setValue(QStringLiteral("compute/target"),
                      kind == Kind::mpi ? QStringLiteral("mpi") : QStringLiteral("local"));
    settings.setValue(QStringLiteral("compute/mpirun"), mpirun);
    settings.setValue(QStringLiteral("compute/mpirunArguments"), mpirun_arguments);
}

bool StudyComputeTarget::mpiAvailable() {
#ifdef RPS_WITH_MPI
    return true;
#else
    return false;
#endif
}

}  // namespace rps
