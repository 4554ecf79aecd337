#include "core/protocol/protocol.hpp"

#include <limits>

namespace rps::protocol {

using nlohmann::json;

namespace {

// Dump that never throws on invalid UTF-8 (a handler may put arbitrary bytes in a message).
std::string dump_line(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Field readers: return false and set `error` when the field is missing or has the wrong type.
// Integers must be JSON integers (3.0 is refused) so that ids never go through a double.
bool read_u64(const json& j, const char* key, uint64_t& out, std::string& error) {
    auto it = j.find(key);
    if (it == j.end()) {
        error = std::string("missing field '") + key + "'";
        return false;
    }
    if (it->is_number_unsigned()) {
        out = it->get<uint64_t>();
        return true;
    }
    if (it->is_number_integer() && it->get<int64_t>() >= 0) {
        out = static_cast<uint64_t>(it->get<int64_t>());
        return true;
    }
    error = std::string("field '") + key + "' must be a non-negative integer";
    return false;
}

bool read_int(const json& j, const char* key, int64_t lo, int64_t hi, int64_t& out,
              std::string& error) {
    auto it = j.find(key);
    if (it == j.end()) {
        error = std::string("missing field '") + key + "'";
        return false;
    }
    bool ok = false;
    if (it->is_number_unsigned()) {
        const uint64_t v = it->get<uint64_t>();
        if (v <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
            out = static_cast<int64_t>(v);
            ok = true;
        }
    } else if (it->is_number_integer()) {
        out = it->get<int64_t>();
        ok = true;
    }
    if (!ok || out < lo || out > hi) {
        error = std::string("field '") + key + "' must be an integer in [" + std::to_string(lo) +
                ", " + std::to_string(hi) + "]";
        return false;
    }
    return true;
}

bool read_number(const json& j, const char* key, double& out, std::string& error) {
    auto it = j.find(key);
    if (it == j.end()) {
        error = std::string("missing field '") + key + "'";
        return false;
    }
    if (!it->is_number()) {
        error = std::string("field '") + key + "' must be a number";
        return false;
    }
    out = it->get<double>();
    return true;
}

bool read_string(const json& j, const char* key, std::string& out, std::string& error) {
    auto it = j.find(key);
    if (it == j.end()) {
        error = std::string("missing field '") + key + "'";
        return false;
    }
    if (!it->is_string()) {
        error = std::string("field '") + key + "' must be a string";
        return false;
    }
    out = it->get<std::string>();
    return true;
}

bool read_object(const json& j, const char* key, json& out, std::string& error) {
    auto it = j.find(key);
    if (it == j.end()) {
        error = std::string("missing field '") + key + "'";
        return false;
    }
    if (!it->is_object()) {
        error = std::string("field '") + key + "' must be an object";
        return false;
    }
    out = *it;
    return true;
}

// Splits off the envelope: the line must be a JSON object with a string "type".
bool parse_envelope(std::string_view line, json& j, std::string& type, std::string& error) {
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (line.empty()) {
        error = "empty line";
        return false;
    }
    j = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
        error = "not JSON: '" + excerpt(line) + "'";
        return false;
    }
    if (!j.is_object()) {
        error = "not a JSON object: '" + excerpt(line) + "'";
        return false;
    }
    auto it = j.find("type");
    if (it == j.end() || !it->is_string()) {
        error = "message without a string 'type': '" + excerpt(line) + "'";
        return false;
    }
    type = it->get<std::string>();
    return true;
}

template <class T>
// NOLINTNEXTLINE(performance-unnecessary-value-param): it is moved (clang-tidy 14 misses it).
Decoded<T> fail(std::string error) {
    Decoded<T> d;
    d.error = std::move(error);
    return d;
}

template <class T, class M>
Decoded<T> succeed(M message) {
    Decoded<T> d;
    d.message = T(std::move(message));
    return d;
}

Decoded<CoordinatorMessage> coordinator_from(const json& j, const std::string& type) {
    std::string error;
    if (type == "task") {
        TaskMessage m;
        int64_t attempt = 0;
        if (!read_u64(j, "task_id", m.task_id, error) ||
            !read_int(j, "attempt", 1, std::numeric_limits<int>::max(), attempt, error) ||
            !read_object(j, "payload", m.payload, error))
            return fail<CoordinatorMessage>("task: " + error);
        m.attempt = static_cast<int>(attempt);
        return succeed<CoordinatorMessage>(std::move(m));
    }
    if (type == "shutdown") return succeed<CoordinatorMessage>(ShutdownMessage{});
    return fail<CoordinatorMessage>("unknown message type '" + excerpt(type, 40) + "'");
}

Decoded<WorkerMessage> worker_from(const json& j, const std::string& type) {
    std::string error;
    if (type == "ready") {
        ReadyMessage m;
        int64_t version = 0;
        if (!read_int(j, "protocol", 0, std::numeric_limits<int>::max(), version, error))
            return fail<WorkerMessage>("ready: " + error);
        m.protocol = static_cast<int>(version);
        // Optional fields: a hand-started worker may not know its id.
        int64_t id = -1;
        if (j.contains("worker_id") &&
            !read_int(j, "worker_id", -1, std::numeric_limits<int>::max(), id, error))
            return fail<WorkerMessage>("ready: " + error);
        m.worker_id = static_cast<int>(id);
        if (j.contains("pid") &&
            !read_int(j, "pid", 0, std::numeric_limits<int64_t>::max(), m.pid, error))
            return fail<WorkerMessage>("ready: " + error);
        if (j.contains("scene") && !read_string(j, "scene", m.scene, error))
            return fail<WorkerMessage>("ready: " + error);
        if (j.contains("capabilities") && !read_object(j, "capabilities", m.capabilities, error))
            return fail<WorkerMessage>("ready: " + error);
        return succeed<WorkerMessage>(std::move(m));
    }
    if (type == "progress") {
        ProgressMessage m;
        if (!read_u64(j, "task_id", m.task_id, error) || !read_object(j, "data", m.data, error))
            return fail<WorkerMessage>("progress: " + error);
        return succeed<WorkerMessage>(std::move(m));
    }
    if (type == "result") {
        ResultMessage m;
        if (!read_u64(j, "task_id", m.task_id, error))
            return fail<WorkerMessage>("result: " + error);
        auto it = j.find("result");
        if (it == j.end()) return fail<WorkerMessage>("result: missing field 'result'");
        m.result = *it;
        if (j.contains("elapsed_s") && !read_number(j, "elapsed_s", m.elapsed_s, error))
            return fail<WorkerMessage>("result: " + error);
        return succeed<WorkerMessage>(std::move(m));
    }
    if (type == "error") {
        ErrorMessage m;
        if (j.contains("task_id") && !j.at("task_id").is_null()) {
            uint64_t id = 0;
            if (!read_u64(j, "task_id", id, error)) return fail<WorkerMessage>("error: " + error);
            m.task_id = id;
        }
        if (!read_string(j, "message", m.message, error))
            return fail<WorkerMessage>("error: " + error);
        return succeed<WorkerMessage>(std::move(m));
    }
    if (type == "heartbeat") {
        HeartbeatMessage m;
        if (!read_number(j, "t", m.t, error)) return fail<WorkerMessage>("heartbeat: " + error);
        return succeed<WorkerMessage>(m);
    }
    if (type == "log") {
        LogMessage m;
        if (j.contains("level") && !read_string(j, "level", m.level, error))
            return fail<WorkerMessage>("log: " + error);
        if (!read_string(j, "message", m.message, error))
            return fail<WorkerMessage>("log: " + error);
        return succeed<WorkerMessage>(std::move(m));
    }
    return fail<WorkerMessage>("unknown message type '" + excerpt(type, 40) + "'");
}

struct CoordinatorToJson {
    json operator()(const TaskMessage& m) const {
        return {{"type", "task"},
                {"task_id", m.task_id},
                {"attempt", m.attempt},
                {"payload", m.payload}};
    }
    json operator()(const ShutdownMessage&) const { return {{"type", "shutdown"}}; }
};

struct WorkerToJson {
    json operator()(const ReadyMessage& m) const {
        return {{"type", "ready"}, {"protocol", m.protocol}, {"worker_id", m.worker_id},
                {"pid", m.pid},    {"scene", m.scene},       {"capabilities", m.capabilities}};
    }
    json operator()(const ProgressMessage& m) const {
        return {{"type", "progress"}, {"task_id", m.task_id}, {"data", m.data}};
    }
    json operator()(const ResultMessage& m) const {
        return {{"type", "result"},
                {"task_id", m.task_id},
                {"result", m.result},
                {"elapsed_s", m.elapsed_s}};
    }
    json operator()(const ErrorMessage& m) const {
        json j = {{"type", "error"}, {"message", m.message}};
        if (m.task_id) j["task_id"] = *m.task_id;
        return j;
    }
    json operator()(const HeartbeatMessage& m) const { return {{"type", "heartbeat"}, {"t", m.t}}; }
    json operator()(const LogMessage& m) const {
        return {{"type", "log"}, {"level", m.level}, {"message", m.message}};
    }
};

}  // namespace

json to_json(const CoordinatorMessage& message) { return std::visit(CoordinatorToJson{}, message); }
json to_json(const WorkerMessage& message) { return std::visit(WorkerToJson{}, message); }
std::string encode(const CoordinatorMessage& message) { return dump_line(to_json(message)); }
std::string encode(const WorkerMessage& message) { return dump_line(to_json(message)); }

Decoded<CoordinatorMessage> decode_coordinator_message(std::string_view line) {
    // json::parse is called with allow_exceptions=false, but the field readers use get<>, which
    // may throw on a corner we did not foresee: nothing may escape a decode.
    try {
        json j;
        std::string type, error;
        if (!parse_envelope(line, j, type, error)) return fail<CoordinatorMessage>(error);
        return coordinator_from(j, type);
    } catch (const std::exception& e) {
        return fail<CoordinatorMessage>(std::string("bad message: ") + e.what());
    }
}

Decoded<WorkerMessage> decode_worker_message(std::string_view line) {
    try {
        json j;
        std::string type, error;
        if (!parse_envelope(line, j, type, error)) return fail<WorkerMessage>(error);
        return worker_from(j, type);
    } catch (const std::exception& e) {
        return fail<WorkerMessage>(std::string("bad message: ") + e.what());
    }
}

std::string_view type_name(const CoordinatorMessage& message) {
    return message.index() == 0 ? "task" : "shutdown";
}

std::string_view type_name(const WorkerMessage& message) {
    static constexpr std::string_view names[] = {"ready", "progress",  "result",
                                                 "error", "heartbeat", "log"};
    return names[message.index()];
}

std::string excerpt(std::string_view line, std::size_t max_chars) {
    std::string out;
    for (char c : line) {
        if (out.size() >= max_chars) {
            out += "...";
            break;
        }
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) {
            static const char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace rps::protocol
