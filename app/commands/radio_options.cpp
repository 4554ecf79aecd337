#include "app/commands/radio_options.hpp"

#include <charconv>
#include <cmath>
#include <algorithm>
#include <stdexcept>
#include <thread>

namespace rps::cli {

void RadioOptions::add_to(CLI::App& command) {
    command.add_option("--freq-hz", freq_hz, "Carrier frequency in Hz")->capture_default_str();
    command.add_option("--power-dbm", power_dbm, "Transmit power per AP in dBm")
        ->capture_default_str();
    command.add_option("--antenna", antenna, "Tx antenna: iso, dipole, tr38901, ap2x1")
        ->capture_default_str();
    command.add_option("--polarization", polarization, "Single-element polarisation: V, H, VH")
        ->capture_default_str();
    command.add_option("--max-order", max_order, "Reflections per path (0..6)")
        ->capture_default_str();
    command.add_flag("--coherent", coherent, "Sum paths coherently (default: incoherent power)");
    command.add_flag("--no-transmission", no_transmission, "Walls block instead of transmit");
    command.add_option("--threads", threads,
                       "Threads per map, 0 = all cores (results do not depend on it)")
        ->capture_default_str()
        ->check(CLI::Range(0, 1024));
}

RadioSetup RadioOptions::to_setup() const {
    RadioSetup setup;
    setup.freq_hz = freq_hz;
    setup.tx_power_dbm = power_dbm;
    setup.antenna = parse_antenna_model(antenna);
    setup.polarization = parse_polarization(polarization);
    setup.max_reflection_order = max_order;
    setup.coherent = coherent;
    setup.transmission = !no_transmission;
    setup.threads = threads > 0 ? threads
                                : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return setup;
}

std::vector<double> parse_numbers(const std::string& text, const std::string& option,
                                  size_t min_count, size_t max_count) {
    std::vector<double> values;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = std::min(text.find(',', start), text.size());
        const std::string item = text.substr(start, end - start);
        double value = 0.0;
        const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
        if (item.empty() || ec != std::errc() || ptr != item.data() + item.size() ||
            !std::isfinite(value))
            throw std::invalid_argument("option " + option + ": '" + item +
                                        "' is not a number (expected X,Y,Z in metres)");
        values.push_back(value);
        start = end + 1;
    }
    if (values.size() < min_count || values.size() > max_count)
        throw std::invalid_argument("option " + option + ": expected " +
                                    std::to_string(min_count) +
                                    (min_count == max_count ? "" : "-" + std::to_string(max_count)) +
                                    " comma-separated numbers, got " + std::to_string(values.size()));
    return values;
}

}  // namespace rps::cli
