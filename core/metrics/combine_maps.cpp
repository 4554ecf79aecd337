#include "core/metrics/combine_maps.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/common/units.hpp"

namespace rps {

double noise_power_w(double bandwidth_hz, double noise_figure_db) {
    return dbm_to_watts(kThermalNoiseDensity_dbm_per_hz + 10.0 * std::log10(bandwidth_hz) +
                        noise_figure_db);
}

double default_noise_power_w() {
    static const double noise = noise_power_w();
    return noise;
}

CombineMode parse_combine_mode(std::string_view name) {
    if (name == "best") return CombineMode::BestServer;
    if (name == "sum") return CombineMode::Sum;
    if (name == "sinr") return CombineMode::Sinr;
    throw std::invalid_argument(
        fmt::format("Unknown combine mode '{}' (valid: best, sum, sinr)", name));
}

std::string_view to_string(CombineMode mode) {
    switch (mode) {
        case CombineMode::BestServer: return "best";
        case CombineMode::Sum: return "sum";
        case CombineMode::Sinr: return "sinr";
    }
    return "?";
}

void combine_maps(std::span<const std::span<const double>> per_ap_power_w, CombineMode mode,
                  double noise_power_w, std::span<double> out) {
    for (std::size_t a = 0; a < per_ap_power_w.size(); ++a)
        if (per_ap_power_w[a].size() != out.size())
            throw std::invalid_argument(fmt::format("AP map {} has {} cells, expected {}", a,
                                                    per_ap_power_w[a].size(), out.size()));
    std::fill(out.begin(), out.end(), 0.0);
    if (per_ap_power_w.empty()) return;

    switch (mode) {
        case CombineMode::BestServer:
            for (const auto& map : per_ap_power_w)
                for (std::size_t i = 0; i < out.size(); ++i) out[i] = std::max(out[i], map[i]);
            return;
        case CombineMode::Sum:
            for (const auto& map : per_ap_power_w)
                for (std::size_t i = 0; i < out.size(); ++i) out[i] += map[i];
            return;
        case CombineMode::Sinr:
            for (std::size_t i = 0; i < out.size(); ++i) {
                std::size_t best = 0;
                for (std::size_t a = 1; a < per_ap_power_w.size(); ++a)
                    if (per_ap_power_w[a][i] > per_ap_power_w[best][i]) best = a;
                // The interference is summed directly, not as total - best, which would cancel
                // when the serving AP dominates.
                double interference = noise_power_w;
                for (std::size_t a = 0; a < per_ap_power_w.size(); ++a)
                    if (a != best) interference += per_ap_power_w[a][i];
                out[i] = interference > 0.0 ? per_ap_power_w[best][i] / interference : 0.0;
            }
            return;
    }
}

}  // namespace rps
