#pragma once
// The coordinator <-> worker protocol: one JSON object per line (docs/protocol.md is the
// reference). Qt-free so that `rps worker`, the MPI runner and tests share one definition.
//
// Decoding never throws: a worker that prints garbage must cost the coordinator one restart, not
// the study, so every decode returns either a message or a readable error.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace rps::protocol {

// Bumped only for incompatible changes (a field removed or its meaning changed, a new message
// type). Adding an optional field keeps the version: receivers ignore fields they do not know.
inline constexpr int kVersion = 1;

// ---- coordinator -> worker -------------------------------------------------------------------
struct TaskMessage {
    uint64_t task_id = 0;
    int attempt = 1;  // 1-based; the worker may use it only for diagnostics, never for the result
    nlohmann::json payload = nlohmann::json::object();
};
struct ShutdownMessage {};
using CoordinatorMessage = std::variant<TaskMessage, ShutdownMessage>;

// ---- worker -> coordinator -------------------------------------------------------------------
struct ReadyMessage {
    int protocol = kVersion;
    int worker_id = -1;  // RPS_WORKER_ID given by the pool, -1 when started by hand
    int64_t pid = 0;
    std::string scene;  // what the worker loaded once (path), empty if none
    nlohmann::json capabilities = nlohmann::json::object();
};
struct ProgressMessage {
    uint64_t task_id = 0;
    nlohmann::json data = nlohmann::json::object();
};
struct ResultMessage {
    uint64_t task_id = 0;
    nlohmann::json result;
    double elapsed_s = 0.0;  // measured by the worker around the handler call
};
struct ErrorMessage {
    std::optional<uint64_t> task_id;  // absent: the error is about the worker, not a task
    std::string message;
};
struct HeartbeatMessage {
    double t = 0.0;  // seconds since the worker loop started (worker's steady clock)
};
struct LogMessage {
    std::string level = "info";  // trace, debug, info, warn, error
    std::string message;
};
using WorkerMessage = std::variant<ReadyMessage, ProgressMessage, ResultMessage, ErrorMessage,
                                   HeartbeatMessage, LogMessage>;

// Result of a decode: a message, or why the line is not one.
template <class T>
struct Decoded {
    std::optional<T> message;
    std::string error;
    explicit operator bool() const { return message.has_value(); }
};

// One line of JSON, without the trailing '\n' (the writer adds it). Invalid UTF-8 in strings is
// replaced rather than thrown on, so encoding never fails.
std::string encode(const CoordinatorMessage& message);
std::string encode(const WorkerMessage& message);
nlohmann::json to_json(const CoordinatorMessage& message);
nlohmann::json to_json(const WorkerMessage& message);

// Accept a line with or without its trailing '\n' / "\r\n".
Decoded<CoordinatorMessage> decode_coordinator_message(std::string_view line);
Decoded<WorkerMessage> decode_worker_message(std::string_view line);

// The "type" string of a message, for logs.
std::string_view type_name(const CoordinatorMessage& message);
std::string_view type_name(const WorkerMessage& message);

// A short, printable excerpt of a bad line for error messages (control bytes escaped, cut).
std::string excerpt(std::string_view line, std::size_t max_chars = 120);

}  // namespace rps::protocol
