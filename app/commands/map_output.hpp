#pragma once
// Writing radio maps to files: HDF5 (every map + mask + metadata), CSV (one row per cell), PNG
// (a heatmap in dBm with a colour bar). The format follows the file extension.
#include <string>
#include <vector>

#include "core/engine/radio_map.hpp"
#include "nlohmann/json.hpp"

namespace rps::cli {

struct NamedMap {
    std::string name;  // "combined", "ap0", ...
    const std::vector<double>* power_w;
};

// Throws std::invalid_argument for an unknown extension, std::runtime_error on I/O failure.
// Refuses an --out path whose extension names no map format (before any map is computed).
void check_map_output(const std::string& path);

void write_maps(const std::string& path, const MeasurementGrid& grid,
                const std::vector<NamedMap>& maps, const nlohmann::json& metadata);

}  // namespace rps::cli
