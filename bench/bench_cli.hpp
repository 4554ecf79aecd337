#pragma once
// Option parsing shared by the benchmarks that parse outside main().
#include <CLI/CLI.hpp>
#include <cstdlib>

namespace rps::bench {

// Parses argv into `app`; on --help or bad input prints CLI11's message and exits (code 0 or 2
// as CLI11 decides), like CLI11_PARSE does in main().
inline void parse_or_exit(CLI::App& app, int argc, char** argv) {
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        std::exit(app.exit(e));
    }
}

}  // namespace rps::bench
