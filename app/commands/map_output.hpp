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

// A CSV column of values already in its unit (named by the header, e.g. "difference_db").
struct CsvColumn {
    std::string name;
    const std::vector<double>* values;  // one per cell, grid order; NaN is written "nan"
};

// The CSV format of `rps map --out x.csv` (x_m, y_m, in_mask, then the columns with 4 decimals)
// for values that are not powers. Throws like write_maps.
void write_csv_columns(const std::string& path, const MeasurementGrid& grid,
                       const std::vector<CsvColumn>& columns, const std::string& option = "--out");

// Throws std::invalid_argument for an unknown extension.
// Refuses an --out path whose extension names no map format (before any map is computed).
void check_map_output(const std::string& path);

// Each file is written whole or not at all (core/common/atomic_file.hpp); a failed write throws
// FileWriteError naming the file, `option` (the option that named it) and the system's reason.
void write_maps(const std::string& path, const MeasurementGrid& grid,
                const std::vector<NamedMap>& maps, const nlohmann::json& metadata,
                const std::string& option = "--out");

}  // namespace rps::cli
