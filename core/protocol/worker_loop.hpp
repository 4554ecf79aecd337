#pragma once
// The worker side of the protocol, without Qt: `rps worker`, the fake worker of the pool tests and
// an MPI rank all run this loop around their own WorkerHandler.
//
// Note: ProgressSink::emit clashes with Qt's `emit` keyword macro; code that includes this header
// together with Qt headers must build with QT_NO_KEYWORDS (the project default, STYLE.md).
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string_view>

#include <nlohmann/json.hpp>

namespace rps::protocol {

// Given to the handler for the task being run. Thread-safe: a handler may report from its own
// threads; every line is written whole and flushed.
class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    // Writes {"type":"progress","task_id":<current>,"data":data}. data should be an object.
    virtual void emit(const nlohmann::json& data) = 0;
    // Writes {"type":"log","level":level,"message":message}.
    virtual void log(std::string_view level, std::string_view message) = 0;
    virtual uint64_t task_id() const = 0;
    // 1-based attempt number, for diagnostics only: a result must depend on the payload alone
    // (results are identical whatever worker or attempt computed them).
    virtual int attempt() const = 0;
};

class WorkerHandler {
public:
    virtual ~WorkerHandler() = default;
    // Fields merged into the ready message: usually "scene" and "capabilities". The loop fills
    // "worker_id" (from RPS_WORKER_ID) and "pid" unless given here; "type"/"protocol" are fixed.
    virtual nlohmann::json ready_info() const = 0;
    // Runs one task. The return value is sent as the result; an exception becomes an error
    // message for this task (the worker stays up and takes the next task).
    virtual nlohmann::json handle(const nlohmann::json& payload, ProgressSink& progress) const = 0;
};

struct WorkerLoopOptions {
    // Heartbeat period while a task runs. Zero: RPS_HEARTBEAT_MS from the environment (the pool
    // sets it from its heartbeat timeout), else 1000 ms.
    std::chrono::milliseconds heartbeat_interval{0};
};

// Writes ready, then serves tasks one at a time until a shutdown message or end of input.
// Returns the process exit code: 0 after shutdown/EOF, 1 when ready_info() threw (an error
// message without task_id has been written), 2 when the output stream failed.
int run_worker_loop(std::istream& in, std::ostream& out, const WorkerHandler& handler,
                    const WorkerLoopOptions& options = {});

// run_worker_loop on stdin/stdout, with stdout claimed for the protocol: file descriptor 1 is
// redirected to stderr first, so a library that prints to stdout (printf, std::cout) lands in the
// worker's log instead of corrupting the protocol stream. POSIX only.
int run_worker_loop_stdio(const WorkerHandler& handler, const WorkerLoopOptions& options = {});

}  // namespace rps::protocol
