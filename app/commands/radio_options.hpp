#pragma once
// Options shared by the commands that compute radio fields (probe, map): one definition of each
// flag, its default (the original framework's set-up) and its parsing.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "core/engine/radio_engine.hpp"

namespace rps::cli {

struct RadioOptions {
    double freq_hz = 5.18e9;
    double power_dbm = 5.0;
    std::string antenna = "ap2x1";
    std::string polarization = "V";
    int max_order = 2;
    bool coherent = false;
    bool no_transmission = false;
    int threads = 0;  // 0: all cores

    void add_to(CLI::App& command);
    RadioSetup to_setup() const;
};

// "X,Y,Z" -> vector; throws std::invalid_argument naming the option.
std::vector<double> parse_numbers(const std::string& text, const std::string& option,
                                  size_t min_count, size_t max_count);

}  // namespace rps::cli
