// libFuzzer target: lines a worker or the coordinator may receive. Decoding never throws
// (core/protocol/protocol.hpp); a line that decodes must encode and decode again to the same
// message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/protocol/protocol.hpp"

namespace {

template <class Decode>
void check_round_trip(std::string_view line, Decode decode) {
    const auto first = decode(line);
    if (!first) return;
    const auto second = decode(rps::protocol::encode(*first.message));
    if (!second ||
        rps::protocol::to_json(*second.message) != rps::protocol::to_json(*first.message))
        std::abort();  // a finding: libFuzzer keeps the input
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view line(reinterpret_cast<const char*>(data), size);
    check_round_trip(line,
                     [](std::string_view l) { return rps::protocol::decode_worker_message(l); });
    check_round_trip(
        line, [](std::string_view l) { return rps::protocol::decode_coordinator_message(l); });
    return 0;
}
