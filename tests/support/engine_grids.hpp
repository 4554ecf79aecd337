#pragma once
// Measurement grids for engine tests.
#include "core/engine/measurement_grid.hpp"

namespace rps::test {

// A single 1 m cell centred on `centre` (its value is taken at the centre).
inline MeasurementGridSpec one_cell_at(const Vec3& centre) {
    MeasurementGridSpec spec;
    spec.height_m = centre.z();
    spec.cell_m = 1.0;
    spec.origin_x_m = centre.x() - 0.5;
    spec.origin_y_m = centre.y() - 0.5;
    spec.size_x_m = 1.0;
    spec.size_y_m = 1.0;
    return spec;
}

// The scene's default grid at 2 m cells: a quarter of the receivers of a full map, enough for
// whole-map properties (determinism, cell selections, diagnostics) at a test's pace.
inline MeasurementGridSpec coarse_grid() {
    MeasurementGridSpec spec;
    spec.cell_m = 2.0;
    return spec;
}

}  // namespace rps::test
