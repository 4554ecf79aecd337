#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "core/protocol/protocol.hpp"

using namespace rps::protocol;
using nlohmann::json;

namespace {

template <class T>
T decode_worker_as(const std::string& line) {
    auto d = decode_worker_message(line);
    EXPECT_TRUE(d) << d.error << " for " << line;
    if (!d) return T{};
    EXPECT_TRUE(std::holds_alternative<T>(*d.message));
    return std::holds_alternative<T>(*d.message) ? std::get<T>(*d.message) : T{};
}

}  // namespace

TEST(Protocol, TaskRoundTrip) {
    TaskMessage task{12345678901234ull, 2, {{"values", {1, 2, 3}}, {"name", "x"}}};
    const std::string line = encode(CoordinatorMessage(task));
    EXPECT_EQ(line.find('\n'), std::string::npos);
    auto d = decode_coordinator_message(line + "\n");
    ASSERT_TRUE(d) << d.error;
    const auto& back = std::get<TaskMessage>(*d.message);
    EXPECT_EQ(back.task_id, task.task_id);
    EXPECT_EQ(back.attempt, 2);
    EXPECT_EQ(back.payload, task.payload);
    EXPECT_EQ(json::parse(line)["type"], "task");
}

TEST(Protocol, ShutdownRoundTrip) {
    auto d = decode_coordinator_message(encode(CoordinatorMessage(ShutdownMessage{})));
    ASSERT_TRUE(d) << d.error;
    EXPECT_TRUE(std::holds_alternative<ShutdownMessage>(*d.message));
    EXPECT_EQ(type_name(*d.message), "shutdown");
}

TEST(Protocol, WorkerMessagesRoundTrip) {
    ReadyMessage ready{1, 3, 4242, "office.xml", {{"embree", true}}};
    auto r = decode_worker_as<ReadyMessage>(encode(WorkerMessage(ready)));
    EXPECT_EQ(r.protocol, 1);
    EXPECT_EQ(r.worker_id, 3);
    EXPECT_EQ(r.pid, 4242);
    EXPECT_EQ(r.scene, "office.xml");
    EXPECT_EQ(r.capabilities["embree"], true);

    auto p = decode_worker_as<ProgressMessage>(
        encode(WorkerMessage(ProgressMessage{7, {{"iteration", 3}}})));
    EXPECT_EQ(p.task_id, 7u);
    EXPECT_EQ(p.data["iteration"], 3);

    auto res = decode_worker_as<ResultMessage>(
        encode(WorkerMessage(ResultMessage{8, {{"objective", -71.25}}, 0.5})));
    EXPECT_EQ(res.task_id, 8u);
    EXPECT_DOUBLE_EQ(res.result["objective"].get<double>(), -71.25);
    EXPECT_DOUBLE_EQ(res.elapsed_s, 0.5);

    auto e = decode_worker_as<ErrorMessage>(encode(WorkerMessage(ErrorMessage{9, "boom"})));
    ASSERT_TRUE(e.task_id.has_value());
    EXPECT_EQ(*e.task_id, 9u);
    EXPECT_EQ(e.message, "boom");
    auto e2 = decode_worker_as<ErrorMessage>(
        encode(WorkerMessage(ErrorMessage{std::nullopt, "bad line"})));
    EXPECT_FALSE(e2.task_id.has_value());

    auto h = decode_worker_as<HeartbeatMessage>(encode(WorkerMessage(HeartbeatMessage{1.5})));
    EXPECT_DOUBLE_EQ(h.t, 1.5);

    auto l = decode_worker_as<LogMessage>(encode(WorkerMessage(LogMessage{"warn", "slow"})));
    EXPECT_EQ(l.level, "warn");
    EXPECT_EQ(l.message, "slow");
}

TEST(Protocol, UnknownFieldsAreIgnoredMissingOptionalFieldsDefault) {
    auto r = decode_worker_as<ReadyMessage>(R"({"type":"ready","protocol":1,"future":[1,2]})");
    EXPECT_EQ(r.worker_id, -1);
    EXPECT_TRUE(r.capabilities.is_object());
    auto res = decode_worker_as<ResultMessage>(R"({"type":"result","task_id":1,"result":null})");
    EXPECT_TRUE(res.result.is_null());
    auto l = decode_worker_as<LogMessage>(R"({"type":"log","message":"m"})");
    EXPECT_EQ(l.level, "info");
}

TEST(Protocol, RejectsMalformedMessagesWithReasons) {
    const std::vector<std::string> worker_bad = {
        "",
        "   ",
        "{",
        "hello world",
        "[1,2,3]",
        "null",
        "42",
        R"({"no_type":1})",
        R"({"type":5})",
        R"({"type":"teleport"})",
        R"({"type":"ready"})",
        R"({"type":"ready","protocol":"1"})",
        R"({"type":"ready","protocol":1,"capabilities":[]})",
        R"({"type":"ready","protocol":1,"worker_id":-7})",
        R"({"type":"progress","task_id":1})",
        R"({"type":"progress","task_id":-1,"data":{}})",
        R"({"type":"progress","task_id":1.5,"data":{}})",
        R"({"type":"result","task_id":1})",
        R"({"type":"result","task_id":1,"result":{},"elapsed_s":"fast"})",
        R"({"type":"error","task_id":"x","message":"m"})",
        R"({"type":"error","task_id":1})",
        R"({"type":"heartbeat"})",
        R"({"type":"log","level":3,"message":"m"})",
        R"({"type":"task","task_id":1,"attempt":1,"payload":{}})",  // wrong direction
    };
    for (const auto& line : worker_bad) {
        Decoded<WorkerMessage> d;
        EXPECT_NO_THROW(d = decode_worker_message(line)) << line;
        EXPECT_FALSE(d) << line;
        EXPECT_FALSE(d.error.empty()) << line;
    }
    const std::vector<std::string> coordinator_bad = {
        R"({"type":"task","task_id":1,"attempt":0,"payload":{}})",
        R"({"type":"task","task_id":1,"attempt":1,"payload":[1]})",
        R"({"type":"task","task_id":18446744073709551616,"attempt":1,"payload":{}})",
        R"({"type":"task","attempt":1,"payload":{}})",
        R"({"type":"ready","protocol":1})",
    };
    for (const auto& line : coordinator_bad) {
        Decoded<CoordinatorMessage> d;
        EXPECT_NO_THROW(d = decode_coordinator_message(line)) << line;
        EXPECT_FALSE(d) << line;
    }
    auto d = decode_worker_message("garbage\x01\x02");
    EXPECT_NE(d.error.find("\\x01"), std::string::npos) << d.error;
    // The reason names the message type and the field.
    const std::pair<std::string, std::string> named[] = {
        {R"({"type":"ready","protocol":1,"pid":-3})", "ready: "},
        {R"({"type":"ready","protocol":1,"pid":-3})", "'pid'"},
        {R"({"type":"ready","protocol":1,"scene":7})", "'scene'"},
        {R"({"type":"ready","protocol":1,"capabilities":[]})", "'capabilities'"},
        {R"({"type":"log","level":"info"})", "log: "},
        {R"({"type":"log","level":"info"})", "'message'"},
        {R"({"type":"progress","task_id":-1,"data":{}})", "'task_id'"},
    };
    for (const auto& [line, expected] : named) {
        const Decoded<WorkerMessage> bad = decode_worker_message(line);
        EXPECT_FALSE(bad) << line;
        EXPECT_NE(bad.error.find(expected), std::string::npos) << line << ": " << bad.error;
    }
}

TEST(Protocol, LargestTaskIdSurvives) {
    TaskMessage task{UINT64_MAX, 1, json::object()};
    auto d = decode_coordinator_message(encode(CoordinatorMessage(task)));
    ASSERT_TRUE(d) << d.error;
    EXPECT_EQ(std::get<TaskMessage>(*d.message).task_id, UINT64_MAX);
}

TEST(Protocol, InvalidUtf8IsEncodedNotThrown) {
    LogMessage log{"info", std::string("bad \xff\xfe bytes")};
    std::string line;
    EXPECT_NO_THROW(line = encode(WorkerMessage(log)));
    auto d = decode_worker_message(line);
    EXPECT_TRUE(d) << d.error;
}

TEST(Protocol, FuzzedLinesNeverThrow) {
    // Mutations of valid lines plus random bytes: decode must return, never throw or crash.
    std::mt19937 rng(1234);
    const std::vector<std::string> seeds = {
        encode(WorkerMessage(ResultMessage{5, {{"x", {1.0, 2.0}}}, 0.25})),
        encode(WorkerMessage(ReadyMessage{1, 0, 1, "s", {{"gpu", false}}})),
        encode(CoordinatorMessage(TaskMessage{3, 1, {{"p", "q"}}})),
    };
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < 3000; ++i) {
        std::string line = seeds[static_cast<std::size_t>(i) % seeds.size()];
        const int edits = 1 + i % 5;
        for (int k = 0; k < edits; ++k) {
            const auto pos = static_cast<std::size_t>(rng() % (line.size() + 1));
            switch (rng() % 3) {
                case 0:
                    line.insert(pos, 1, static_cast<char>(byte(rng)));
                    break;
                case 1:
                    if (pos < line.size()) line.erase(pos, 1);
                    break;
                default:
                    if (pos < line.size()) line[pos] = static_cast<char>(byte(rng));
            }
        }
        EXPECT_NO_THROW(decode_worker_message(line));
        EXPECT_NO_THROW(decode_coordinator_message(line));
    }
}
