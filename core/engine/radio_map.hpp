#pragma once
// A computed radio map: received power per cell (W) for one AP, or combined over several APs.
#include <vector>

#include "core/engine/measurement_grid.hpp"

namespace rps {

struct RadioMap {
    MeasurementGrid grid;          // geometry and mask (shared by every map of one engine)
    std::vector<double> power_w;   // one value per cell, row-major (iy * cells_x + ix); >= 0
};

}  // namespace rps
