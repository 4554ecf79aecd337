#pragma once
// The receiver points the tracer evaluates: a regular raster on a horizontal plane (the map's
// cells, or their N×N sub-samples), or a single point (a probe).
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/common/geometry.hpp"

namespace rps {

struct ReceiverRaster {
    double x0 = 0, y0 = 0;  // lower-left corner of receiver (0,0)'s square
    double spacing = 1.0;
    int nx = 0, ny = 0;
    double height_m = 1.5;
    // Receivers to evaluate (one byte per receiver, non-zero = evaluate); null = all. The others
    // get no paths; the evaluated ones get exactly the paths (and sums) of a full evaluation.
    const uint8_t* active = nullptr;
    // With `active`: for each receiver, the x index of the first active receiver at or after it
    // in its row (nx when none), so that scans skip inactive stretches.
    const int* next_active_x = nullptr;
    // The share of receivers that are active (1 without `active`): an estimate of how many
    // receivers a region holds, for choices of method that do not change results.
    double active_share = 1.0;

    Vec3 point(int ix, int iy) const {
        return {x0 + (ix + 0.5) * spacing, y0 + (iy + 0.5) * spacing, height_m};
    }
    size_t index(int ix, int iy) const { return static_cast<size_t>(iy) * nx + ix; }
    size_t size() const { return static_cast<size_t>(nx) * ny; }
    bool is_active(size_t receiver) const { return !active || active[receiver] != 0; }
    // The first active x index in row iy at or after ix (ix itself when every receiver is active).
    int first_active_x(int ix, int iy) const {
        return next_active_x && ix < nx ? next_active_x[index(ix, iy)] : ix;
    }

    // The rows whose points lie in [ymin, ymax]; false when none.
    bool rows(double ymin, double ymax, int& iy0, int& iy1) const {
        return span(ymin, ymax, y0, ny, iy0, iy1);
    }
    // The columns whose points lie in [xmin, xmax]; false when none.
    bool columns(double xmin, double xmax, int& ix0, int& ix1) const {
        return span(xmin, xmax, x0, nx, ix0, ix1);
    }

private:
    // Indices i in [0, count) with origin + (i + 0.5)·spacing in [lo, hi] (within 1e-9 of a
    // spacing); false when none.
    bool span(double lo, double hi, double origin, int count, int& i0, int& i1) const {
        constexpr double kSlack = 1e-9;
        const double f0 = std::ceil((lo - origin) / spacing - 0.5 - kSlack);
        const double f1 = std::floor((hi - origin) / spacing - 0.5 + kSlack);
        // Clamp in floating point before converting: far footprints overflow an int.
        if (!(f0 <= f1) || f0 > count - 1 || f1 < 0) return false;
        i0 = static_cast<int>(std::max(0.0, f0));
        i1 = static_cast<int>(std::min<double>(count - 1, f1));
        return i0 <= i1;
    }
};

}  // namespace rps
