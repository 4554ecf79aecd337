#pragma once
// Beam tracing for the image method (DESIGN §2 "speed by structure"). After k reflections the
// rays that can still follow a face sequence appear to leave the image point I_k through a convex
// window on the last face. The next face only sees the part of its hull that this beam covers;
// an empty window prunes the sequence and every extension of it, and the final window projected
// onto the receiver plane bounds the receivers that need an exact test.
#include <algorithm>
#include <cmath>

#include "core/engine/engine_face.hpp"
#include "core/engine/receiver_raster.hpp"

namespace rps {

struct BeamWindow {
    // A window starts as a face outline (at most 16 vertices, engine_face.cpp) and each clip by
    // a convex outline adds at most its edge count; propagate_beam brings larger results back
    // to their bounding rectangle, so 40 always holds them (clip() checks, never truncates).
    static constexpr int kMaxVertices = 40;
    static constexpr int kMaxKeptVertices = 16;
    int count = 0;
    // Exactly the part of its face the beam lights (up to the clips' 1e-9 slack): false once a
    // window along the sequence was replaced by its bounding rectangle (a superset).
    bool exact = true;
    Vec3 vertex[kMaxVertices];
    bool empty() const { return count < 3; }

    BeamWindow() = default;
    // Copies hold the used vertices only (most windows use a few of the 40, and the beam
    // enumeration copies windows at every step).
    BeamWindow(const BeamWindow& other) : count(other.count), exact(other.exact) {
        std::copy(other.vertex, other.vertex + other.count, vertex);
    }
    BeamWindow& operator=(const BeamWindow& other) {
        if (this != &other) {
            count = other.count;
            exact = other.exact;
            std::copy(other.vertex, other.vertex + other.count, vertex);
        }
        return *this;
    }
};

// The window on `face` of the beam that leaves `image` through `window` (rays beyond the window
// only). Empty when the beam misses the face's hull.
BeamWindow propagate_beam(const Vec3& image, const BeamWindow& window, const EngineFace& face);

// The part of a window on the face's plane (a window propagated to the whole face) that lies in
// the face's outline: the window of one convex piece of the face (convex_pieces.hpp), whose
// beam shares the projection with the face's other pieces.
BeamWindow clip_to_outline(BeamWindow window_on_plane, const EngineFace& face);

// The face's whole hull as a window (the first reflection: the Tx radiates everywhere).
BeamWindow face_window(const EngineFace& face);

// The footprint of the beam from `image` through `window` on the receiver plane: a convex polygon
// (x, y pairs); count 0 when empty. `whole_raster` is set when the image lies on the plane.
struct FootprintPolygon {
    int count = 0;
    double x[BeamWindow::kMaxVertices * 2], y[BeamWindow::kMaxVertices * 2];
    bool whole_raster = false;
};
FootprintPolygon project_to_receiver_plane(const Vec3& image, const BeamWindow& window,
                                           double height_m);

// How far (m) a footprint is widened on every side before its receivers are tested (below).
inline constexpr double kFootprintSlack_m = 1e-6;

// Calls row(iy, ix0, ix1) for each raster row (with an active receiver) that a footprint reaches:
// count vertices (x[i], y[i]), or the whole raster. Returns false when it reaches none.
template <class RowFn>
bool for_each_polygon_row(const double* poly_x, const double* poly_y, int count, bool whole_raster,
                          const ReceiverRaster& raster, RowFn&& row) {
    if (whole_raster) {
        for (int iy = 0; iy < raster.ny; ++iy)
            if (raster.first_active_x(0, iy) < raster.nx) row(iy, 0, raster.nx - 1);
        return raster.nx > 0;
    }
    if (count < 1) return false;
    // A footprint only picks the receivers to test exactly, so it is widened by kFootprintSlack_m
    // in metres on every side. A corner pair's beam (two reflections on the line where two faces
    // meet) has a footprint of zero width, a line through the receivers that have such a path:
    // a slack relative to the raster's spacing (1e-15 m for a probe's one-point raster) dropped
    // them from probes but not from maps, whose spacing is larger.
    double xmin_all = poly_x[0], xmax_all = poly_x[0], ymin = poly_y[0], ymax = poly_y[0];
    for (int i = 1; i < count; ++i) {
        xmin_all = std::min(xmin_all, poly_x[i]);
        xmax_all = std::max(xmax_all, poly_x[i]);
        ymin = std::min(ymin, poly_y[i]);
        ymax = std::max(ymax, poly_y[i]);
    }
    int iy0, iy1, ix0 = 0, ix1 = raster.nx - 1;
    if (!raster.rows(ymin - kFootprintSlack_m, ymax + kFootprintSlack_m, iy0, iy1)) return false;
    // With a cell selection, the footprint's columns: every row's span below lies within them
    // (twice the slack covers the rounding of a row's interpolated ends), so a row without a
    // wanted receiver there is skipped before its span is computed.
    if (raster.next_active_x && !raster.columns(xmin_all - 2 * kFootprintSlack_m,
                                                xmax_all + 2 * kFootprintSlack_m, ix0, ix1))
        return false;
    bool any = false;
    for (int iy = iy0; iy <= iy1; ++iy) {
        if (raster.first_active_x(ix0, iy) > ix1) continue;  // no receiver wanted there
        const double y = raster.y0 + (iy + 0.5) * raster.spacing;
        double xmin = 1e300, xmax = -1e300;
        for (int i = 0; i < count; ++i) {  // the convex polygon's span along this row
            const int j = (i + 1) % count;
            const double ya = poly_y[i], yb = poly_y[j];
            if ((y < std::min(ya, yb) - kFootprintSlack_m) ||
                (y > std::max(ya, yb) + kFootprintSlack_m))
                continue;
            if (std::abs(yb - ya) < 1e-12) {
                xmin = std::min({xmin, poly_x[i], poly_x[j]});
                xmax = std::max({xmax, poly_x[i], poly_x[j]});
            } else {
                const double t = std::clamp((y - ya) / (yb - ya), 0.0, 1.0);
                const double x = poly_x[i] + t * (poly_x[j] - poly_x[i]);
                xmin = std::min(xmin, x);
                xmax = std::max(xmax, x);
            }
        }
        if (xmin > xmax) continue;
        xmin -= kFootprintSlack_m;
        xmax += kFootprintSlack_m;
        int rx0, rx1;  // (the row itself is iy: y is its receivers' y)
        if (!raster.columns(xmin, xmax, rx0, rx1)) continue;
        row(iy, rx0, rx1);
        any = true;
    }
    return any;
}

}  // namespace rps
