#pragma once
// Unit conversions used at the edges (SI inside). dBm = 10·log10(P_W) + 30.
#include <cmath>
#include <numbers>

namespace rps {

inline constexpr double kSpeedOfLight_m_per_s = 299792458.0;
inline constexpr double kVacuumPermittivity_f_per_m = 8.8541878128e-12;
inline constexpr double kPi = std::numbers::pi;
// Cells at or below this power count as "no signal" (DESIGN §3, the original's POWER_EPSILON).
inline constexpr double kNoSignalPower_w = 1e-16;

inline double watts_to_dbm(double power_w) { return 10.0 * std::log10(power_w) + 30.0; }
inline double dbm_to_watts(double power_dbm) { return std::pow(10.0, (power_dbm - 30.0) / 10.0); }
inline double linear_to_db(double ratio) { return 10.0 * std::log10(ratio); }
inline double db_to_linear(double db) { return std::pow(10.0, db / 10.0); }
inline double deg_to_rad(double deg) { return deg * kPi / 180.0; }
inline double rad_to_deg(double rad) { return rad * 180.0 / kPi; }
inline double wavelength_m(double freq_hz) { return kSpeedOfLight_m_per_s / freq_hz; }

}  // namespace rps
