// A stand-in for `rps` in the fault tests: runs the real `rps` with the same arguments and
// passes its output through, except one `result` line that it replaces by valid JSON of the
// wrong shape (RPS_FAULT: missing_objectives, null_objective, short_objectives, string_result).
// Only the process that creates RPS_FAULT_MARKER first corrupts a result, so the retry of that
// task, on a restarted worker, gets the true one. RPS_FAULT=slow_map instead holds every map
// task's result back for RPS_FAULT_DELAY_MS (a map slower than the study's task timeout), and
// RPS_FAULT=slow_gd every gradient-descent start's (a method whose every task times out).
// stdin and stderr go to `rps` unchanged.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

namespace {

using nlohmann::json;

// The corrupted message, or null when this fault does not apply to `message`.
json corrupt(json message, const std::string& fault) {
    if (message.value("type", "") != "result") return nullptr;
    json& result = message["result"];
    const bool evaluate = result.is_object() && result.contains("objectives") &&
                          result["objectives"].is_array() && result["objectives"].size() >= 2;
    if (fault == "string_result") {
        result = "oops";
    } else if (!evaluate) {
        return nullptr;  // the other faults need an evaluate result of at least two points
    } else if (fault == "missing_objectives") {
        result = {{"foo", 1}};
    } else if (fault == "null_objective") {
        result["objectives"][0] = nullptr;
    } else if (fault == "short_objectives") {
        json& objectives = result["objectives"];
        objectives.erase(objectives.begin() + 1, objectives.end());
    } else {
        return nullptr;
    }
    return message;
}

bool is_result_with(const json& message, const char* key) {
    return message.value("type", "") == "result" && message["result"].is_object() &&
           message["result"].contains(key);
}

bool claim(const char* marker) {
    const int fd = ::open(marker, O_CREAT | O_EXCL | O_WRONLY, 0644);
    if (fd < 0) return false;
    ::close(fd);
    return true;
}

}  // namespace

int main(int, char** argv) {
    int out[2];
    if (::pipe(out) != 0) return 120;
    const pid_t pid = ::fork();
    if (pid < 0) return 121;
    if (pid == 0) {
        ::dup2(out[1], STDOUT_FILENO);
        ::close(out[0]);
        ::close(out[1]);
        argv[0] = const_cast<char*>(RPS_EXECUTABLE);
        ::execv(RPS_EXECUTABLE, argv);
        std::_Exit(127);
    }
    ::close(out[1]);
    const char* fault = std::getenv("RPS_FAULT");
    const char* marker = std::getenv("RPS_FAULT_MARKER");
    FILE* from_rps = ::fdopen(out[0], "r");
    char* line = nullptr;
    size_t capacity = 0;
    ssize_t n = 0;
    while ((n = ::getline(&line, &capacity, from_rps)) > 0) {
        std::string text(line, static_cast<std::size_t>(n));
        const bool slow_map = fault && std::strcmp(fault, "slow_map") == 0;
        if (slow_map || (fault && std::strcmp(fault, "slow_gd") == 0)) {
            const json message = json::parse(text, nullptr, false);
            const char* delay_ms = std::getenv("RPS_FAULT_DELAY_MS");
            // A map result holds its grid, a gradient-descent start's its trajectory.
            if (!message.is_discarded() &&
                is_result_with(message, slow_map ? "grid" : "trajectory"))
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(delay_ms ? std::atoi(delay_ms) : 2500));
        } else if (fault && marker) {
            const json message = json::parse(text, nullptr, false);
            if (!message.is_discarded()) {
                const json corrupted = corrupt(message, fault);
                if (!corrupted.is_null() && claim(marker)) text = corrupted.dump() + "\n";
            }
        }
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
    }
    std::free(line);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
