#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/protocol/protocol.hpp"
#include "core/protocol/worker_loop.hpp"

using namespace rps::protocol;
using nlohmann::json;

namespace {

class SumHandler : public WorkerHandler {
public:
    json ready_info() const override {
        return {{"scene", "test.xml"}, {"capabilities", {{"sum", true}}}, {"type", "forged"}};
    }
    json handle(const json& payload, ProgressSink& progress) const override {
        if (payload.contains("throw"))
            throw std::runtime_error(payload["throw"].get<std::string>());
        if (payload.contains("sleep_ms"))
            std::this_thread::sleep_for(std::chrono::milliseconds(payload["sleep_ms"].get<int>()));
        if (payload.contains("threads")) {
            // Progress from several threads at once: lines must never interleave.
            std::vector<std::thread> threads;
            for (int t = 0; t < payload["threads"].get<int>(); ++t)
                threads.emplace_back([&progress, t] {
                    for (int i = 0; i < 200; ++i)
                        progress.emit({{"thread", t}, {"i", i}, {"pad", std::string(100, 'x')}});
                });
            for (auto& th : threads) th.join();
        }
        double sum = 0;
        for (const auto& v : payload.value("values", json::array())) sum += v.get<double>();
        progress.emit({{"half", sum / 2}});
        return {{"sum", sum}, {"attempt", progress.attempt()}, {"task", progress.task_id()}};
    }
};

class FailingStart : public WorkerHandler {
public:
    json ready_info() const override { throw std::runtime_error("scene.xml not found"); }
    json handle(const json&, ProgressSink&) const override { return {}; }
};

std::vector<WorkerMessage> run(const std::string& input, int* rc_out = nullptr,
                               WorkerLoopOptions options = {}) {
    std::istringstream in(input);
    std::ostringstream out;
    SumHandler handler;
    const int rc = run_worker_loop(in, out, handler, options);
    if (rc_out) *rc_out = rc;
    std::vector<WorkerMessage> messages;
    std::istringstream lines(out.str());
    std::string line;
    while (std::getline(lines, line)) {
        auto d = decode_worker_message(line);
        EXPECT_TRUE(d) << d.error << ": " << line;
        if (d) messages.push_back(*d.message);
    }
    return messages;
}

std::string task_line(uint64_t id, json payload, int attempt = 1) {
    return encode(CoordinatorMessage(TaskMessage{id, attempt, std::move(payload)})) + "\n";
}

}  // namespace

TEST(WorkerLoop, ReadyFirstThenResultsInOrder) {
    int rc = -1;
    auto msgs =
        run(task_line(1, {{"values", {1, 2, 3}}}) + task_line(2, {{"values", {10}}}, 3), &rc);
    EXPECT_EQ(rc, 0);
    ASSERT_GE(msgs.size(), 5u);
    const auto& ready = std::get<ReadyMessage>(msgs[0]);
    EXPECT_EQ(ready.protocol, kVersion);  // the handler cannot forge type/protocol
    EXPECT_EQ(ready.scene, "test.xml");
    EXPECT_GT(ready.pid, 0);
    EXPECT_EQ(ready.capabilities["sum"], true);
    std::vector<ResultMessage> results;
    for (const auto& m : msgs)
        if (auto* r = std::get_if<ResultMessage>(&m)) results.push_back(*r);
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0].task_id, 1u);
    EXPECT_DOUBLE_EQ(results[0].result["sum"].get<double>(), 6.0);
    EXPECT_EQ(results[1].task_id, 2u);
    EXPECT_EQ(results[1].result["attempt"], 3);
    EXPECT_GE(results[0].elapsed_s, 0.0);
    EXPECT_TRUE(std::holds_alternative<ProgressMessage>(msgs[1]));
}

TEST(WorkerLoop, ExceptionBecomesTaskErrorAndLoopGoesOn) {
    auto msgs = run(task_line(5, {{"throw", "no path to AP"}}) + task_line(6, {{"values", {1}}}));
    bool saw_error = false, saw_result = false;
    for (const auto& m : msgs) {
        if (auto* e = std::get_if<ErrorMessage>(&m)) {
            saw_error = true;
            ASSERT_TRUE(e->task_id.has_value());
            EXPECT_EQ(*e->task_id, 5u);
            EXPECT_EQ(e->message, "no path to AP");
        }
        if (auto* r = std::get_if<ResultMessage>(&m)) {
            saw_result = true;
            EXPECT_EQ(r->task_id, 6u);
        }
    }
    EXPECT_TRUE(saw_error);
    EXPECT_TRUE(saw_result);
}

TEST(WorkerLoop, ShutdownStopsBeforeLaterTasks) {
    auto msgs = run(task_line(1, json::object()) +
                    R"({"type":"shutdown"})"
                    "\n" +
                    task_line(2, json::object()));
    int results = 0;
    for (const auto& m : msgs) results += std::holds_alternative<ResultMessage>(m);
    EXPECT_EQ(results, 1);
}

TEST(WorkerLoop, GarbageInputGivesWorkerErrorWithoutTaskId) {
    auto msgs = run("this is not json\n" + task_line(1, {{"values", {2}}}));
    ASSERT_GE(msgs.size(), 3u);
    const auto& e = std::get<ErrorMessage>(msgs[1]);
    EXPECT_FALSE(e.task_id.has_value());
    EXPECT_NE(e.message.find("not JSON"), std::string::npos) << e.message;
}

TEST(WorkerLoop, HeartbeatsWhileBusyOnly) {
    WorkerLoopOptions options;
    options.heartbeat_interval = std::chrono::milliseconds(20);
    auto msgs = run(task_line(1, {{"sleep_ms", 200}}), nullptr, options);
    int beats = 0;
    for (const auto& m : msgs) beats += std::holds_alternative<HeartbeatMessage>(m);
    EXPECT_GE(beats, 4);
    EXPECT_LE(beats, 12);
    // No heartbeat before the task started (ready is first, nothing while idle).
    EXPECT_TRUE(std::holds_alternative<ReadyMessage>(msgs.front()));
}

TEST(WorkerLoop, ConcurrentOutputNeverInterleaves) {
    WorkerLoopOptions options;
    options.heartbeat_interval = std::chrono::milliseconds(1);
    auto msgs = run(task_line(1, {{"threads", 4}, {"sleep_ms", 20}}), nullptr, options);
    int progress = 0;
    for (const auto& m : msgs) progress += std::holds_alternative<ProgressMessage>(m);
    EXPECT_EQ(progress, 4 * 200 + 1);  // run() already asserts that every line decodes
}

TEST(WorkerLoop, StartFailureIsReported) {
    std::istringstream in(task_line(1, json::object()));
    std::ostringstream out;
    FailingStart handler;
    EXPECT_EQ(run_worker_loop(in, out, handler), 1);
    auto d = decode_worker_message(out.str());
    ASSERT_TRUE(d) << d.error;
    const auto& e = std::get<ErrorMessage>(*d.message);
    EXPECT_NE(e.message.find("scene.xml not found"), std::string::npos);
}
