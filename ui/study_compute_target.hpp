#pragma once
#include <QString>

namespace rps {

// Where the studio runs a study's workers. Remembered in QSettings ("compute/..."), not in the
// study: the same study runs on a laptop or on a cluster.
struct StudyComputeTarget {
    enum class Kind { local, mpi };
    Kind kind = Kind::local;
    // An MPI job: `mpirun [arguments] -n N+1 rps run STUDY.json --mpi --events` (rank 0 runs the
    // study, every other rank one of the study's N workers; docs/decisions.md).
    QString mpirun = QStringLiteral("mpirun");
    QString mpirun_arguments;  // e.g. "--hostfile /home/me/hosts", split as a shell would (no ~)

    static StudyComputeTarget fromSettings();
    void save() const;
    // Whether this build can run workers on MPI ranks (RPS_WITH_MPI).
    static bool mpiAvailable();
};

}  // namespace rps
