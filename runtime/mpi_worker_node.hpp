#pragma once
// A worker node: what every rank but 0 of an MPI study run does (`mpirun -n N+1 rps run STUDY
// --mpi`). It starts the worker process rank 0 asks for on its own machine (the files it reads
// written to a temporary folder there), relays the worker's standard streams to rank 0 and its
// input from there, kills it when asked and says when it is gone; a restart is a new start.
// Returns the node's exit code once rank 0 says the run is over.
namespace rps {

int run_mpi_worker_node();

}  // namespace rps
