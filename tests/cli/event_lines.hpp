#pragma once
// The lines of `rps run --events` (docs/protocol.md "Study events") as JSON objects.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace rps::test {

// Every line of stdout as an event; fails on a line that is not one.
inline std::vector<nlohmann::json> events_of(const std::string& out) {
    std::vector<nlohmann::json> events;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        const nlohmann::json event = nlohmann::json::parse(line, nullptr, false);
        EXPECT_TRUE(event.is_object() && event.contains("event")) << "not an event: " << line;
        if (event.is_object()) events.push_back(event);
    }
    return events;
}

inline std::vector<nlohmann::json> of_kind(const std::vector<nlohmann::json>& events,
                                           const std::string& kind) {
    std::vector<nlohmann::json> out;
    for (const nlohmann::json& e : events)
        if (e.value("event", "") == kind) out.push_back(e);
    return out;
}

}  // namespace rps::test
