#pragma once
// Combining the per-AP power maps of a multi-AP layout into the one map the metrics see.
#include <span>
#include <string_view>

namespace rps {

// A SINR map holds linear ratios. Every metric and report reads maps in dBm, so a SINR ratio r is
// carried as r milliwatts (r · 1e-3 W): its "dBm" value is then exactly the SINR in dB, and a
// coverage threshold given for a SINR map is read in dB.
inline constexpr double kSinrRatioAsPower_w = 1e-3;
inline constexpr double kDefaultSinrCoverageThreshold_db = 10.0;

// Receiver noise, in one place: thermal -174 dBm/Hz + 10·log10(20 MHz) + 7 dB noise figure
// = -93.99 dBm.
inline constexpr double kThermalNoiseDensity_dbm_per_hz = -174.0;
inline constexpr double kDefaultNoiseBandwidth_hz = 20e6;
inline constexpr double kDefaultNoiseFigure_db = 7.0;

double noise_power_w(double bandwidth_hz = kDefaultNoiseBandwidth_hz,
                     double noise_figure_db = kDefaultNoiseFigure_db);
// noise_power_w() with the defaults above.
double default_noise_power_w();

enum class CombineMode {
    BestServer,  // per cell, the strongest AP's power [W] (the default)
    Sum,         // per cell, the sum of all APs' powers [W] (a single-frequency network)
    Sinr,        // per cell, max_i P_i / (sum_{j != i} P_j + noise): linear ratio, not W
};

// "best", "sum", "sinr"; throws std::invalid_argument listing them.
CombineMode parse_combine_mode(std::string_view name);
std::string_view to_string(CombineMode mode);

// Combines per_ap_power_w[a][cell] into out[cell]. Every map must have out.size() cells
// (std::invalid_argument otherwise). No AP gives an all-zero map. For Sinr the strongest AP is
// the serving one and all the others interfere at full power (no scheduling, same channel).
void combine_maps(std::span<const std::span<const double>> per_ap_power_w, CombineMode mode,
                  double noise_power_w, std::span<double> out);

}  // namespace rps
