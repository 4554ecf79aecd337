// A stand-in for `rps worker` in the pool tests: its behaviour is driven by the task payload so
// that one binary can compute, sleep, crash, hang, freeze and print garbage on demand.
//
// Payload keys: values [numbers] (result: their sum and sum of squares), sleep_ms, progress (n
// progress messages), fail (throw with this message), and per-attempt faults, each a list of
// attempt numbers: crash_on (abort), hang_on (loop forever, heartbeats go on), freeze_on
// (SIGSTOP itself: no heartbeats), garbage_on (a non-JSON line on the protocol stream),
// exit_on (exit(7) without a result). print_stdout: text printed with printf.
//
// Flags: --stdio (use run_worker_loop_stdio), --fail-start (exit 3 before ready),
// --bad-version (announce protocol 99).
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>

#include "core/protocol/worker_loop.hpp"

using nlohmann::json;

namespace {

bool on_attempt(const json& payload, const char* key, int attempt) {
    auto it = payload.find(key);
    if (it == payload.end() || !it->is_array()) return false;
    for (const auto& a : *it)
        if (a.is_number_integer() && a.get<int>() == attempt) return true;
    return false;
}

std::string env_or(const char* name, const char* fallback) {
    const char* v = std::getenv(name);
    return v ? v : fallback;
}

class FakeHandler : public rps::protocol::WorkerHandler {
public:
    json ready_info() const override {
        return {{"scene", "fake-scene"},
                {"capabilities",
                 {{"gpu_slot", env_or("RPS_GPU_SLOT", "")},
                  {"gpu_fraction", env_or("RPS_GPU_FRACTION", "")},
                  {"heartbeat_ms", env_or("RPS_HEARTBEAT_MS", "")},
                  {"extra", env_or("RPS_FAKE_EXTRA", "")}}}};
    }

    json handle(const json& payload, rps::protocol::ProgressSink& progress) const override {
        const int attempt = progress.attempt();
        if (on_attempt(payload, "crash_on", attempt)) std::abort();
        if (on_attempt(payload, "exit_on", attempt)) std::_Exit(7);
        if (on_attempt(payload, "garbage_on", attempt)) {
            std::cout << "Segmentation fault? no: this is not JSON {{{" << std::endl;
        }
        if (on_attempt(payload, "freeze_on", attempt)) ::raise(SIGSTOP);
        if (on_attempt(payload, "hang_on", attempt))
            for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
        if (payload.contains("print_stdout")) {
            std::printf("%s\n", payload["print_stdout"].get<std::string>().c_str());
            std::fflush(stdout);
        }
        // Valid protocol, but not the result shape the caller expects (WorkerPoolConfig::
        // check_result).
        if (on_attempt(payload, "string_result_on", attempt)) return "oops";
        if (payload.contains("fail")) throw std::runtime_error(payload["fail"].get<std::string>());
        const int steps = payload.value("progress", 0);
        for (int i = 0; i < steps; ++i) progress.emit({{"step", i}});
        if (payload.contains("sleep_ms"))
            std::this_thread::sleep_for(std::chrono::milliseconds(payload["sleep_ms"].get<int>()));
        double sum = 0.0, sum_sq = 0.0;
        for (const auto& v : payload.value("values", json::array())) {
            sum += v.get<double>();
            sum_sq += v.get<double>() * v.get<double>();
        }
        return {
            {"sum", sum}, {"sum_sq", sum_sq}, {"n", payload.value("values", json::array()).size()}};
    }
};

}  // namespace

int main(int argc, char** argv) {
    // Aborts in the crash tests must not spend time writing core files.
    struct rlimit no_core {
        0, 0
    };
    ::setrlimit(RLIMIT_CORE, &no_core);

    bool stdio = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--fail-start") == 0) {
            std::fprintf(stderr, "fake worker: cannot load scene 'missing.xml'\n");
            return 3;
        }
        if (std::strcmp(argv[i], "--bad-version") == 0) {
            std::cout << R"({"type":"ready","protocol":99,"worker_id":0})" << std::endl;
            std::string line;
            while (std::getline(std::cin, line)) {
            }
            return 0;
        }
        if (std::strcmp(argv[i], "--stdio") == 0) stdio = true;
    }
    FakeHandler handler;
    if (stdio) return rps::protocol::run_worker_loop_stdio(handler);
    // Plain streams on purpose: the garbage test needs std::cout to reach the protocol stream.
    return rps::protocol::run_worker_loop(std::cin, std::cout, handler);
}
